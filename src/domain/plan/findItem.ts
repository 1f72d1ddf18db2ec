import { perObject } from '../memo';
import { parseLeadingToken, romanToNumber, stripTokens } from '../text/hierarchyToken';
import { normalizeKey } from '../text/normalizeKey';
import { itemCode, planItems } from './planItems';
import type { Plan, PlanItem } from './types';

const CODE_RE = /^\s*([IVXⅠ-Ⅻ]+)\s*[-‐－ー]\s*(\d+)\s*[-‐－ー]\s*(\d+)\s*[-‐－ー]\s*(\d+)\s*$/u;

/** `I-1-1-1` (also `Ⅱ－1－3－2`) → the canonical code, or undefined. */
export function parseItemCode(text: string): string | undefined {
  const m = CODE_RE.exec(text.normalize('NFKC'));
  if (!m) return undefined;
  const basic = romanToNumber(m[1] ?? '');
  return basic === undefined ? undefined : itemCode(basic, Number(m[2]), Number(m[3]), Number(m[4]));
}

/** A plan's items by code (the first of each) and by the keys a label is matched with, in 体系 order. */
interface ItemIndex {
  readonly byCode: ReadonlyMap<string, PlanItem>;
  /** normalizeKey(group title + item title) → the items, in 体系 order. */
  readonly byFull: ReadonlyMap<string, readonly PlanItem[]>;
  /** normalizeKey(item title) → the items, in 体系 order. */
  readonly byTitle: ReadonlyMap<string, readonly PlanItem[]>;
}

/** Built once per plan (plans are not changed once built): every sheet of every file looks its item up. */
const itemIndex = perObject(indexOf);

function indexOf(plan: Plan): ItemIndex {
  const byCode = new Map<string, PlanItem>();
  const byFull = new Map<string, PlanItem[]>();
  const byTitle = new Map<string, PlanItem[]>();
  const add = (map: Map<string, PlanItem[]>, key: string, p: PlanItem) => {
    const list = map.get(key);
    if (list) list.push(p);
    else map.set(key, [p]);
  };
  for (const p of planItems(plan)) {
    if (!byCode.has(p.code)) byCode.set(p.code, p);
    add(byFull, normalizeKey(p.group.title + p.item.title), p);
    add(byTitle, normalizeKey(p.item.title), p);
  }
  return { byCode, byFull, byTitle };
}

/** The item with this code (the first, as `planItems(plan).find`), from the plan's index. */
export const findItemByCode = (plan: Plan, code: string): PlanItem | undefined =>
  itemIndex(plan).byCode.get(code);

/**
 * Find an item by its code or by any printed label: `① 地域支えあいの仕組みづくり (2) まちづくり活動諸団体の
 * 活動支援と連携`, the same with `②` for `(2)`, full-width spaces, or the item title alone when unique.
 */
export function findItem(plan: Plan, label: string): PlanItem | undefined {
  const index = itemIndex(plan);
  const code = parseItemCode(label);
  if (code) return index.byCode.get(code);

  const wordsKey = normalizeKey(stripTokens(label));
  if (wordsKey === '') return undefined;
  const full = index.byFull.get(wordsKey) ?? [];
  if (full.length === 1) return full[0];
  const byTitle = index.byTitle.get(wordsKey) ?? [];
  if (byTitle.length === 1) return byTitle[0];
  // Disambiguate same-titled items by the printed numbers: `① … (2) …` or `① … ② …`.
  const candidates = full.length > 1 ? full : byTitle;
  if (candidates.length > 1) {
    const numbers = printedNumbers(label);
    return candidates.find(
      (p) => numbers.at(-1) === p.item.number && (numbers.length < 2 || numbers[0] === p.group.number),
    );
  }
  // The item moved to another group since the sheet was made (`① 旧グループ (1) 公共施設の…` for the 体系's
  // `② … (2) 公共施設の…`): the title after the item's own number, when one item has it.
  const own = ITEM_NUMBER_THEN_TITLE.exec(label)?.[1];
  const moved = own === undefined ? [] : (index.byTitle.get(normalizeKey(stripTokens(own))) ?? []);
  return moved.length === 1 ? moved[0] : undefined;
}

/** The text after the last `(n)` of a label: the item's own title. */
const ITEM_NUMBER_THEN_TITLE =
  /[(（]\s*[0-9０-９]{1,3}\s*[)）]((?:(?![(（]\s*[0-9０-９]{1,3}\s*[)）]).)+)$/su;

function printedNumbers(label: string): number[] {
  const out: number[] = [];
  const re = /[\u2460-\u2473\u2474-\u2487]|[(（]\s*[0-9０-９]{1,3}\s*[)）]/gu;
  for (const m of label.matchAll(re)) {
    const t = parseLeadingToken(m[0], ['circled', 'paren']);
    if (t) out.push(t.value);
  }
  return out;
}
