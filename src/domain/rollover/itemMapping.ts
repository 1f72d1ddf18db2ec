import { formatFiscalYear } from '../fiscal/fiscalYear';
import { planItems } from '../plan/planItems';
import type { Plan } from '../plan/types';
import { err, ok, type Result } from '../result';
import type { LeftBehind } from './carryEntries';
import { DEPARTMENT_MATCH_LABELS, type DepartmentPair } from './matchDepartments';
import { MATCH_LABELS, type ItemMatching, type MatchKind } from './matchItems';

/** mapping.json: the 対応表 as 総務課 reads, edits and passes back (`--mapping`). */
export interface MappingDocument {
  readonly note: string;
  readonly from: string;
  readonly to: string;
  /** Every item of last year's 体系: its successor (`next`), or null when it has none. */
  readonly items: readonly {
    readonly previous: string;
    readonly previousTitle: string;
    /** The successor's code; several when the item was split (the 対応表 names them). */
    readonly next: string | readonly string[] | null;
    readonly nextTitle: string | null;
    readonly match: string | null;
    readonly entries: number;
  }[];
  /** This year's items without a predecessor (start empty). */
  readonly added: readonly { readonly next: string; readonly nextTitle: string }[];
  /**
   * Last year's departments this year's 体系 no longer names: the new name their sheets go to (`next`), or
   * null. Edited like `items` (a department renamed in a 機構改革).
   */
  readonly departments: readonly {
    readonly previous: string;
    readonly next: string | null;
    readonly match: string;
    /** A department split (課の分割): last year's item code → the new department its sheets go to. */
    readonly byItem?: Readonly<Record<string, string>>;
  }[];
  /** Last year's entries that are not in next year's workbooks, and why. */
  readonly leftBehind: readonly {
    readonly previous: string;
    readonly department: string;
    readonly seq: number;
    readonly reason: string;
    readonly next?: string;
  }[];
}

/*
 * The mapping's words name its two years (令和2年度 → 令和3年度), never 「今年度」: rollover is run while one year
 * closes and the next begins, and the CLI, mapping.json, the pane and the 対応表 sheet are each read in a
 * different one of those two frames.
 */

/** mapping.json's note: `from` and `to` are the years' labels (令和2年度). */
export const mappingNote = (from: string, to: string): string =>
  `${from}の取組項目（previous）と${to}の取組項目（next）の対応表です。next を書き換える（引き継がない場合は null）と、--mapping mapping.json で渡したときにその対応で作り直します。departments は${to}の体系にない${from}の課と、その記入を引き継ぐ${to}の課（課名の変更）で、同じように next を書き換えられます。items と departments 以外の欄は確認用です。`;

/** Why an entry of `from`'s year is not carried into the year `to` names. */
export const leftBehindLabel = (reason: LeftBehind['reason'], to: string): string =>
  reason === 'removed'
    ? `${to}の体系に対応する取組項目がありません`
    : `${to}の取組項目の実践課にこの課がありません`;

export function mappingDocument(input: {
  readonly matching: ItemMatching;
  readonly lastPlan: Plan;
  readonly nextPlan: Plan;
  readonly lastYear: number;
  readonly nextYear: number;
  /** Last year's entry count by code. */
  readonly entryCounts: ReadonlyMap<string, number>;
  readonly leftBehind: readonly LeftBehind[];
  readonly departments: readonly DepartmentPair[];
}): MappingDocument {
  const { matching } = input;
  const titles = new Map(
    [...planItems(input.lastPlan), ...planItems(input.nextPlan)].map((p) => [p.code, p.item.title]),
  );
  const lastTitles = new Map(planItems(input.lastPlan).map((p) => [p.code, p.item.title]));
  const nextTitles = new Map(planItems(input.nextPlan).map((p) => [p.code, p.item.title]));
  const byPrevious = new Map(matching.pairs.map((p) => [p.previous, p]));
  const codes = [...planItems(input.lastPlan).map((p) => p.code)];
  for (const p of matching.pairs) if (!codes.includes(p.previous)) codes.push(p.previous);
  const from = formatFiscalYear(input.lastYear);
  const to = formatFiscalYear(input.nextYear);
  return {
    note: mappingNote(from, to),
    from,
    to,
    items: codes.map((code) => {
      const pair = byPrevious.get(code);
      return {
        previous: code,
        previousTitle: lastTitles.get(code) ?? titles.get(code) ?? '',
        next: pair ? (pair.also ? [pair.next, ...pair.also] : pair.next) : null,
        nextTitle: pair
          ? [pair.next, ...(pair.also ?? [])].map((code) => nextTitles.get(code) ?? '').join('、')
          : null,
        match: pair ? MATCH_LABELS[pair.kind] : null,
        entries: input.entryCounts.get(code) ?? 0,
      };
    }),
    added: matching.added.map((code) => ({ next: code, nextTitle: nextTitles.get(code) ?? '' })),
    departments: input.departments.map((d) => ({
      previous: d.previous,
      next: d.next,
      match: DEPARTMENT_MATCH_LABELS[d.kind],
      ...(d.byItem && { byItem: Object.fromEntries(d.byItem) }),
    })),
    leftBehind: input.leftBehind.map((l) => ({
      previous: l.entry.code,
      department: l.entry.department,
      seq: l.entry.seq,
      reason: leftBehindLabel(l.reason, to),
      ...(l.next !== undefined && { next: l.next }),
    })),
  };
}

/**
 * The pairs of a mapping.json 総務課 edited: `items[].previous` → `items[].next` (a code, or null for none).
 * Codes are checked against last year's 体系 (or 全体計画's rows) and this year's 体系; errors name the file
 * and the entry.
 */
export interface ParsedMapping {
  /** Previous item code → next code (several for an item split), or null. */
  readonly items: ReadonlyMap<string, string | readonly string[] | null>;
  /** Previous department → next department, or null. */
  readonly departments: ReadonlyMap<string, string | null>;
}

export function parseMapping(
  text: string,
  file: string,
  known: {
    readonly previous: ReadonlySet<string>;
    readonly next: ReadonlySet<string>;
    readonly previousDepartments: ReadonlySet<string>;
    readonly nextDepartments: ReadonlySet<string>;
  },
  /** The years' labels (令和2年度, 令和3年度) the messages name. */
  years: { readonly from: string; readonly to: string },
): Result<ParsedMapping, string> {
  const { from, to } = years;
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/u, ''));
  } catch (e) {
    return err(`対応表「${file}」を JSON として読めません: ${e instanceof Error ? e.message : String(e)}`);
  }
  const items = (json as { items?: unknown } | null)?.items;
  if (!Array.isArray(items))
    return err(
      `対応表「${file}」に items の一覧がありません。rollover が書き出した mapping.json を編集してください。`,
    );
  const out = new Map<string, string | readonly string[] | null>();
  const problems: string[] = [];
  items.forEach((raw: unknown, i) => {
    const where = `items[${i}]`;
    const row = raw as { previous?: unknown; next?: unknown } | null;
    const previous = typeof row?.previous === 'string' ? row.previous.trim() : '';
    const next = row?.next === null || row?.next === undefined ? null : row.next;
    if (previous === '')
      return void problems.push(`${where}: previous（${from}の取組項目コード）がありません。`);
    if (!known.previous.has(previous))
      return void problems.push(`${where}: ${from}に取組項目「${previous}」がありません。`);
    // One code, or a list of codes for an item split in two or more (["II-1-3-1", "II-1-3-2"]).
    const list = Array.isArray(next) ? (next as unknown[]) : undefined;
    if (next !== null && typeof next !== 'string' && !(list && list.every((c) => typeof c === 'string')))
      return void problems.push(
        `${where}: next は取組項目コード、分割したときはコードの一覧（["II-1-3-1", "II-1-3-2"]）、または null で書いてください。`,
      );
    const codes = (list ? (list as string[]) : next === null ? [] : [next as string])
      .map((c) => c.trim())
      .filter((c) => c !== '');
    const unknown = codes.find((c) => !known.next.has(c));
    if (unknown !== undefined)
      return void problems.push(`${where}（${previous}）: ${to}の体系に取組項目「${unknown}」がありません。`);
    if (out.has(previous)) return void problems.push(`${where}: 「${previous}」が二度書かれています。`);
    out.set(previous, codes.length === 0 ? null : codes.length === 1 ? codes[0]! : [...new Set(codes)]);
  });
  const departments = new Map<string, string | null>();
  const listed = (json as { departments?: unknown }).departments;
  if (listed !== undefined && !Array.isArray(listed))
    problems.push('departments は課の一覧（previous と next の組）で書いてください。');
  (Array.isArray(listed) ? listed : []).forEach((raw: unknown, i) => {
    const where = `departments[${i}]`;
    const row = raw as { previous?: unknown; next?: unknown } | null;
    const previous = typeof row?.previous === 'string' ? row.previous.trim() : '';
    const next = row?.next === null || row?.next === undefined ? null : row.next;
    if (previous === '') return void problems.push(`${where}: previous（${from}の課名）がありません。`);
    if (!known.previousDepartments.has(previous))
      return void problems.push(`${where}: ${from}の体系に課「${previous}」がありません。`);
    if (next !== null && typeof next !== 'string')
      return void problems.push(`${where}: next は${to}の課名か null で書いてください。`);
    const target = next === null || next.trim() === '' ? null : next.trim();
    if (target !== null && !known.nextDepartments.has(target))
      return void problems.push(`${where}（${previous}）: ${to}の体系に課「${target}」がありません。`);
    if (departments.has(previous))
      return void problems.push(`${where}: 「${previous}」が二度書かれています。`);
    departments.set(previous, target);
  });
  if (problems.length > 0) return err(`対応表「${file}」: ${problems.join(' ')}`);
  return ok({ items: out, departments });
}

/** The successor's code, or the codes of an item split (「II-1-3-1・II-1-3-2」). */
export const nextCodes = (next: MappingDocument['items'][number]['next']): string =>
  next === null ? '' : typeof next === 'string' ? next : next.join('・');

/** One line about a department `from`'s 体系 had and `to`'s (the year label) does not. */
export function departmentLine(d: MappingDocument['departments'][number], to: string): string {
  if (d.next !== null)
    return `${d.match}: ${d.previous} → ${d.next}（${d.previous}の記入を${d.next}のシートに引き継ぎます）`;
  if (d.byItem) {
    const to = [...new Set(Object.values(d.byItem))].map(
      (n) =>
        `${n}（${Object.entries(d.byItem!)
          .filter(([, m]) => m === n)
          .map(([code]) => code)
          .join('・')}）`,
    );
    return `${d.match}: ${d.previous} → ${to.join('、')}（取組項目ごとに、その項目の新しい課のシートに引き継ぎます。違うときは mapping.json の departments で next に${to}の課名を書いてください）`;
  }
  return `${to}の体系にない課: ${d.previous}（記入は引き継ぎません。課名が変わったときは mapping.json の departments で next に${to}の課名を書いてください）`;
}

/** Japanese lines for a person: what matched how, what is new, what was left behind. */
export function mappingSummary(doc: MappingDocument): string[] {
  const count = (kind: MatchKind) => doc.items.filter((i) => i.match === MATCH_LABELS[kind]).length;
  const lines = [
    `対応表: ${doc.from} → ${doc.to}  同じ ${count('same')}、番号変更 ${count('renumbered')}、名称変更 ${count('renamed')}、対応表で指定 ${count('mapped')}、対応なし ${doc.items.filter((i) => i.next === null).length}、新規 ${doc.added.length}`,
  ];
  for (const i of doc.items)
    if (i.match !== null && i.match !== MATCH_LABELS.same)
      lines.push(
        `  ${i.match}: ${i.previous} ${i.previousTitle} → ${nextCodes(i.next)} ${i.nextTitle ?? ''}`,
      );
  for (const i of doc.items)
    if (i.next === null)
      lines.push(`  対応なし（${doc.from}のみ）: ${i.previous} ${i.previousTitle}（記入 ${i.entries} 件）`);
  for (const a of doc.added) lines.push(`  新規（${doc.from}なし）: ${a.next} ${a.nextTitle}`);
  for (const d of doc.departments) lines.push(`  ${departmentLine(d, doc.to)}`);
  for (const l of doc.leftBehind)
    lines.push(
      `  引き継がない記入: ${l.previous} ${l.department}${l.seq > 1 ? ` (${l.seq})` : ''} — ${l.reason}${l.next ? `（${l.next}）` : ''}`,
    );
  return lines;
}
