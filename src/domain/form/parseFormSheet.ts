/**
 * Read the 様式 sheet, where 総務課 keeps the 取組項目 form: a header row (見出し 項目 キー 種類 選択肢 必須の時期
 * 文字数の目安 記入の手引き 計算式 判定 集計 年度欄 公表 引継ぎ, any order, under title rows), one field a row in the
 * form's order. Problems are findings naming the cell; a broken row is left out and the rest still makes
 * a form. The R2 form written as a 様式 sheet reads back as STANDARD_FORM itself.
 */
import { cellAddress } from '../cellAddress';
import {
  STANDARD_FORM,
  type FieldDef,
  type FieldKey,
  type FormDefinition,
  type Formula,
} from '../entry/formDefinition';
import { finding, type Finding } from '../finding';
import type { CellRange, CellValue } from '../template/sheetSpec';
import { normalizeKey } from '../text/normalizeKey';
import {
  cellString,
  findFormHeader,
  FORM_COLUMNS,
  FORM_SHEET_NAME,
  formTitle,
  REQUIRED_COLUMNS,
} from './formColumns';
import { formDigest, sameFields } from './formDigest';
import { formulaFields, parseFormula } from './formula';
import { parseJudge } from './judge';
import { readFormRow, type FieldDraft, type Report } from './readFormRow';
import { checkPlacement, impliedReasonFields } from './formPlacement';

export interface ParsedForm {
  readonly form: FormDefinition;
  readonly findings: Finding[];
}

export const YOSHIKI_FORM_ID = 'yoshiki';
export const REASON_LABEL = '判定理由';

/** Each merged range's value in every cell of it: a 見出し merged over its rows heads each of them. */
function unmerged(
  grid: readonly (readonly CellValue[])[],
  merges: readonly CellRange[],
): readonly (readonly CellValue[])[] {
  if (merges.length === 0) return grid;
  const out = grid.map((row) => [...row]);
  for (const m of merges) {
    const value = grid[m.top]?.[m.left] ?? null;
    for (let r = m.top; r <= m.bottom && r < out.length; r++)
      for (let c = m.left; c <= m.right; c++)
        if (r !== m.top || c !== m.left) (out[r] as CellValue[])[c] = value;
  }
  return out;
}

/**
 * `merges` (the sheet's merged ranges, as a snapshot gives them) spread a merged cell's value over its
 * range, as a person reads it: 進捗状況 merged over the 前期 and 後期 rows is the 見出し of both.
 */
export function parseFormGrid(
  cells: readonly (readonly CellValue[])[],
  options: { sheet?: string; file?: string; merges?: readonly CellRange[] } = {},
): ParsedForm {
  const grid = unmerged(cells, options.merges ?? []);
  const sheet = options.sheet ?? FORM_SHEET_NAME;
  const findings: Finding[] = [];
  const report: Report = (code, severity, row, column, message) => {
    const cell = cellAddress(row, Math.max(column, 0));
    findings.push(
      finding(code, severity, message, {
        ...(options.file !== undefined && { file: options.file }),
        sheet,
        row,
        column: Math.max(column, 0),
        cell,
      }),
    );
  };
  const done = (form: FormDefinition): ParsedForm => ({
    form,
    findings: findings.sort(
      (a, b) => (a.place.row ?? 0) - (b.place.row ?? 0) || (a.place.column ?? 0) - (b.place.column ?? 0),
    ),
  });

  const header = findFormHeader(grid);
  if (!header) {
    report(
      'form.header-missing',
      'error',
      0,
      0,
      `見出しの行（${REQUIRED_COLUMNS.map((c) => FORM_COLUMNS[c]).join('・')} …）が見つかりません。組み込みの様式（R2）を使います。`,
    );
    return done(STANDARD_FORM);
  }
  const missing = REQUIRED_COLUMNS.filter((c) => header.columns[c] === undefined);
  if (missing.length > 0)
    report(
      'form.column-missing',
      'error',
      header.row,
      0,
      `見出しの行に${missing.map((c) => `「${FORM_COLUMNS[c]}」`).join('')}の列がありません。${missing.includes('kind') ? '種類は文章、' : ''}${missing.includes('requirement') ? '必須の時期は任意' : ''}として読みます。`.replace(
        /、として/u,
        'として',
      ),
    );

  const drafts: FieldDraft[] = [];
  const keys = new Map<string, FieldDraft>();
  const labels = new Map<string, FieldDraft>();
  // Rows left out for an error, by their 項目: a 計算式 or 判定 naming one says that row is the cause.
  const dropped = new Map<string, { label: string; row: number }>();
  const drop = (cells: readonly CellValue[], r: number) => {
    const label = cellString(cells[header.columns.label ?? -1]);
    if (label.length > 0 && !dropped.has(normalizeKey(label)))
      dropped.set(normalizeKey(label), { label, row: r });
  };
  for (let r = header.row + 1; r < grid.length; r++) {
    const cells = grid[r] ?? [];
    const used = Object.values(header.columns).some((c) => String(cells[c] ?? '').trim().length > 0);
    if (!used) continue;
    const draft = readFormRow(cells, r, header, report);
    if (!draft) {
      drop(cells, r);
      continue;
    }
    const sameKey = keys.get(draft.field.key.toLowerCase());
    const sameLabel = labels.get(normalizeKey(draft.field.label));
    if (sameKey || sameLabel) {
      const [what, column, other] = sameKey
        ? ([`キー「${draft.field.key}」`, header.columns.key ?? 0, sameKey] as const)
        : ([`項目「${draft.field.label}」`, header.columns.label ?? 0, sameLabel as FieldDraft] as const);
      report(
        sameKey ? 'form.key-duplicate' : 'form.label-duplicate',
        'error',
        r,
        column,
        `${what}は${other.row + 1}行目にもあります。項目とキーは一つずつにしてください。この行は使いません。`,
      );
      drop(cells, r);
      continue;
    }
    keys.set(draft.field.key.toLowerCase(), draft);
    labels.set(normalizeKey(draft.field.label), draft);
    drafts.push(draft);
  }

  const resolved = resolveRules(drafts, header.columns, report, dropped);
  const placed = checkPlacement(resolved, header.columns, report);
  const fields = impliedReasonFields(placed, header.columns, report).map(withStandardAliases);
  if (fields.length === 0) {
    report(
      'form.empty',
      'error',
      header.row + 1,
      header.columns.label ?? 0,
      '様式に使える項目が一つもありません。組み込みの様式（R2）を使います。',
    );
    return done(STANDARD_FORM);
  }
  const title = formTitle(grid, header.row) ?? STANDARD_FORM.title;
  if (sameFields(fields, STANDARD_FORM.fields)) {
    // The R2 form: the same metadata; 公表 and 引継ぎ (not in the digest) are kept as the sheet says (a sheet
    // without the 引継ぎ column keeps the built-in form's).
    const hidden = fields.some((f) => f.published === false);
    const ownCarry = header.columns.carry !== undefined;
    const standardFields = STANDARD_FORM.fields.map((f, i) => {
      const read = fields[i];
      const { carry: _builtIn, ...rest } = f;
      const carry = ownCarry ? read?.carry : f.carry;
      return {
        ...rest,
        ...(read?.published === false && { published: false }),
        ...(carry !== undefined && { carry }),
      };
    });
    const carried = standardFields.some((f, i) => f.carry !== STANDARD_FORM.fields[i]?.carry);
    if (!hidden && !carried && title === STANDARD_FORM.title) return done(STANDARD_FORM);
    return done({ ...STANDARD_FORM, title, ...((hidden || carried) && { fields: standardFields }) });
  }
  return done({ id: YOSHIKI_FORM_ID, version: formDigest({ fields }), title, fields });
}

/** A field labelled as an R2 field reads R2's legacy spellings too (hand-typed sheets of that form). */
function withStandardAliases(field: FieldDef): FieldDef {
  const standard = STANDARD_FORM.fields.find((f) => normalizeKey(f.label) === normalizeKey(field.label));
  return standard ? { ...field, aliases: standard.aliases } : field;
}

/**
 * 計算式 and 判定 name other rows by 項目: resolved once every row is read. A 計算 field whose formula names
 * an unknown 項目 (or a field left out) is left out; a bad 判定 is dropped and its field kept.
 */
function resolveRules(
  drafts: readonly FieldDraft[],
  columns: Readonly<Partial<Record<keyof typeof FORM_COLUMNS, number>>>,
  report: Report,
  dropped: ReadonlyMap<string, { readonly label: string; readonly row: number }> = new Map(),
): readonly FieldDraft[] {
  // A rule naming a row left out for its own error (or for its own rule's): that row is the cause, not
  // 「様式の項目にありません」.
  const left = new Map(dropped);
  const causeOf = (error: string) =>
    [...left.values()].find((d) => error.includes(`「${d.label}」は様式の項目にありません`));
  let kept = [...drafts];
  const out = new Map<FieldDraft, FieldDraft>();
  for (let changed = true; changed;) {
    changed = false;
    for (const draft of kept) {
      if (draft.formulaText === undefined) continue;
      const parsed = checkFormula(draft, kept);
      if (parsed.ok) {
        out.set(draft, {
          ...draft,
          field: { ...draft.field, formula: { text: draft.formulaText, expression: parsed.value } },
        });
        continue;
      }
      const cause = causeOf(parsed.error);
      report(
        'form.formula-invalid',
        'error',
        draft.row,
        columns.formula ?? 0,
        cause
          ? `「${draft.field.label}」の計算式が読む「${cause.label}」の行（${cause.row + 1}行目）に誤りがあるため、この行も使いません。先に「${cause.label}」の行を直してください。`
          : `「${draft.field.label}」の${parsed.error}この行は使いません。`,
      );
      left.set(normalizeKey(draft.field.label), { label: draft.field.label, row: draft.row });
      kept = kept.filter((d) => d !== draft);
      changed = true;
      break;
    }
  }
  return kept.map((draft) => {
    const current = out.get(draft) ?? draft;
    if (current.judgeText === undefined) return current;
    const parsed = parseJudge(current.judgeText, resolver(kept, draft), current.field.choices ?? []);
    const notNumeric = parsed.ok
      ? kept.find(
          (d) =>
            d.field.kind !== 'number' &&
            d.field.kind !== 'computed' &&
            parsed.value.rules.some((r) => r.field === d.field.key),
        )
      : undefined;
    if (parsed.ok && !notNumeric) return { ...current, field: { ...current.field, judge: parsed.value } };
    const cause = parsed.ok ? undefined : causeOf(parsed.error);
    const error = parsed.ok
      ? `判定が読む「${notNumeric?.field.label ?? ''}」は数値でも計算でもありません。種類が数値か計算の項目で判定してください。`
      : cause
        ? `判定が読む「${cause.label}」の行（${cause.row + 1}行目）に誤りがあります（先に「${cause.label}」の行を直してください）。`
        : parsed.error;
    report(
      'form.judge-invalid',
      'error',
      draft.row,
      columns.judge ?? 0,
      `「${draft.field.label}」の${error}この判定は使いません。`,
    );
    const { judgeText: _dropped, ...rest } = current;
    return rest;
  });
}

/**
 * A 計算式 that parses, reads only 数値 and 計算 fields, and does not come back to its own field through
 * other 計算 fields (a loop has no value).
 */
function checkFormula(
  draft: FieldDraft,
  kept: readonly FieldDraft[],
): { ok: true; value: Formula } | { ok: false; error: string } {
  const parse = (d: FieldDraft) => parseFormula(d.formulaText ?? '', resolver(kept, d));
  const parsed = parse(draft);
  if (!parsed.ok) return parsed;
  const byKey = new Map(kept.map((d) => [d.field.key, d]));
  const notNumeric = formulaFields(parsed.value)
    .map((k) => byKey.get(k))
    .find((d) => d !== undefined && d.field.kind !== 'number' && d.field.kind !== 'computed');
  if (notNumeric)
    return {
      ok: false,
      error: `計算式が読む「${notNumeric.field.label}」は数値でも計算でもありません。種類が数値か計算の項目で書いてください。`,
    };
  const seen = new Set<string>();
  const pending = [...formulaFields(parsed.value)];
  for (let key = pending.pop(); key !== undefined; key = pending.pop()) {
    if (key === draft.field.key)
      return { ok: false, error: '計算式が、ほかの計算の項目を通して自分自身を使っています（循環）。' };
    const next = byKey.get(key);
    if (seen.has(key) || next?.formulaText === undefined) continue;
    seen.add(key);
    const inner = parse(next);
    if (inner.ok) pending.push(...formulaFields(inner.value));
  }
  return parsed;
}

const resolver =
  (drafts: readonly FieldDraft[], self: FieldDraft) =>
  (label: string): FieldKey | undefined =>
    drafts.find((d) => d !== self && normalizeKey(d.field.label) === normalizeKey(label))?.field.key;
