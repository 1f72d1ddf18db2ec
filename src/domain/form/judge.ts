/**
 * 判定: rules on a 選択 field that propose its choice from a number, as 総務課 writes them on the 様式 sheet:
 * 「達成率 >= 100% → A、達成率 >= 80% → B、それ以外 → C」. A department may choose otherwise (and then says why
 * in the 判定理由 cell); the proposal is what the rules say.
 */
import type { FieldKey, JudgeRule, JudgeSpec } from '../entry/formDefinition';
import { normalizeKey } from '../text/normalizeKey';
import { err, ok, type Result } from '../result';

const ARROW = /→|⇒|=>|->|⟶|➡/u;
const OTHERWISE = new Set(['それ以外', 'その他', '上記以外', 'ほか', '以外'].map(normalizeKey));
const OPERATORS: readonly [string, JudgeRule['op']][] = [
  ['>=', '>='],
  ['<=', '<='],
  ['≧', '>='],
  ['≦', '<='],
  ['≥', '>='],
  ['≤', '<='],
  ['>', '>'],
  ['<', '<'],
  ['=', '='],
];

/** Rules are separated by 「、」, 「。」, 「;」 or a line break (not 「,」: 1,000 is a number). */
const splitRules = (text: string): readonly string[] =>
  text
    .split(/[、。;；\r\n]+/u)
    .map((r) => r.trim())
    .filter((r) => r.length > 0);

/**
 * Read a 判定. `resolve` maps a 項目 label to its field's key; `choices` are the 選択 field's 選択肢, and
 * every rule's choice must be one of them (matched by normalizeKey, returned as the 選択肢 spell it).
 */
export function parseJudge(
  text: string,
  resolve: (label: string) => FieldKey | undefined,
  choices: readonly string[],
): { ok: true; value: JudgeSpec } | { ok: false; error: string } {
  const parts = splitRules(text);
  if (parts.length === 0)
    return err('判定が空です。「達成率 >= 100% → A、それ以外 → B」のように書いてください。');
  const rules: JudgeRule[] = [];
  let otherwise: string | undefined;
  for (const written of parts) {
    const part = written.normalize('NFKC');
    if (otherwise !== undefined)
      return err(
        `判定の「${part}」は「それ以外」の後にあり、使われません。「それ以外」は最後に書いてください。`,
      );
    const arrow = ARROW.exec(part);
    if (!arrow)
      return err(`判定の「${part}」に「→」がありません。「達成率 >= 100% → A」のように書いてください。`);
    const condition = part.slice(0, arrow.index).trim();
    const choice = matchChoice(part.slice(arrow.index + arrow[0].length), choices);
    if (!choice.ok) return choice;
    if (OTHERWISE.has(normalizeKey(condition))) {
      otherwise = choice.value;
      continue;
    }
    const rule = parseCondition(condition, resolve);
    if (!rule.ok) return rule;
    rules.push({ ...rule.value, choice: choice.value });
  }
  if (rules.length === 0)
    return err('判定に条件がありません。「達成率 >= 100% → A」のように、数で決める条件を書いてください。');
  return ok({ text, rules, ...(otherwise !== undefined && { otherwise }) });
}

function matchChoice(written: string, choices: readonly string[]): Result<string, string> {
  const key = normalizeKey(written);
  if (key.length === 0) return err('判定の「→」の後に選択肢がありません。');
  const found = choices.find((c) => normalizeKey(c) === key);
  if (found !== undefined) return ok(found);
  return err(
    `判定の「${written.trim()}」はこの項目の選択肢（${choices.map((c) => `「${c}」`).join('')}）にありません。`,
  );
}

function parseCondition(
  condition: string,
  resolve: (label: string) => FieldKey | undefined,
): Result<{ field: FieldKey; op: JudgeRule['op']; value: number }, string> {
  const folded = condition;
  let best: { at: number; text: string; op: JudgeRule['op'] } | undefined;
  for (const [text, op] of OPERATORS) {
    const at = folded.indexOf(text);
    if (at >= 0 && (best === undefined || at < best.at || (at === best.at && text.length > best.text.length)))
      best = { at, text, op };
  }
  if (!best)
    return err(
      `判定の「${condition}」に比べ方（>= > <= < =）がありません。「達成率 >= 80%」のように書いてください。`,
    );
  const label = folded.slice(0, best.at).trim();
  const field = label.length > 0 ? resolve(label) : undefined;
  if (field === undefined)
    return err(
      label.length > 0
        ? `判定の「${label}」は様式の項目にありません。計算や数値の項目名で書いてください。`
        : `判定の「${condition}」に項目名がありません。`,
    );
  const number = parseNumber(folded.slice(best.at + best.text.length));
  if (number === undefined)
    return err(
      `判定の「${condition}」の「${folded.slice(best.at + best.text.length).trim()}」が数として読めません。`,
    );
  return ok({ field, op: best.op, value: number });
}

/** `100%` is 1; `1,000` is 1000; 全角 digits are folded before this. */
function parseNumber(text: string): number | undefined {
  const m = /^\s*([+-]?)(\d[\d,]*(?:\.\d+)?|\.\d+)\s*(%?)\s*$/u.exec(text);
  if (!m) return undefined;
  const value = Number((m[2] ?? '').replace(/,/g, '')) * (m[1] === '-' ? -1 : 1);
  if (!Number.isFinite(value)) return undefined;
  return m[3] === '%' ? value / 100 : value;
}

/** Compared with a little room, so that 0.8 from 80 / 100 meets `>= 80%`. */
const EPSILON = 1e-9;

function holds(v: number, op: JudgeRule['op'], target: number): boolean {
  switch (op) {
    case '>=':
      return v >= target - EPSILON;
    case '>':
      return v > target + EPSILON;
    case '<=':
      return v <= target + EPSILON;
    case '<':
      return v < target - EPSILON;
    case '=':
      return Math.abs(v - target) <= EPSILON;
  }
}

/** The choice the rules propose, or undefined while a number a rule reads is missing. */
export function proposeChoice(
  judge: JudgeSpec,
  value: (key: FieldKey) => number | undefined,
): string | undefined {
  for (const rule of judge.rules) {
    const v = value(rule.field);
    if (v === undefined || !Number.isFinite(v)) return undefined;
    if (holds(v, rule.op, rule.value)) return rule.choice;
  }
  return judge.otherwise;
}

/** The fields a 判定 reads, each once. */
export const judgeFields = (judge: JudgeSpec): readonly FieldKey[] => [
  ...new Set(judge.rules.map((r) => r.field)),
];
