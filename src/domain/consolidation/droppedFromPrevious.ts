import type { FormDefinition } from '../entry/formDefinition';
import { entryKeyString, type Entry } from '../entry/types';
import { finding, type Finding } from '../finding';
import { MASTER_SHEET_NAME } from '../template/sheetName';
import { headedDepartments } from './mergeAllDepartments';
import { isBlankEntry } from './selectEntries';
import type { MasterRow } from './types';

export const DROPPED_FROM_PREVIOUS_CODE = 'consolidate.dropped-from-previous';
/** A 全課 row that lost a department's part (the row itself stays). */
export const DROPPED_PART_CODE = 'consolidate.dropped-part-from-previous';
/** A row, or a 全課 part, whose sheet came back blank this time (the file was given). */
export const DROPPED_BLANK_CODE = 'consolidate.dropped-blank-from-previous';

const label = (e: Entry): string => `${e.code} ${e.department}${e.seq > 1 ? ` (${e.seq})` : ''}`;

/** What to do about it, said in each warning and in the run's summary (CLI and pane). */
export const DROPPED_ADVICE =
  '前回集約したファイルも一緒に指定して、集約し直してください（全体計画は毎回、指定したファイルだけから作り直します）。';
/** …when the department's file was given with the sheet blank: adding last time's file is not the answer. */
export const BLANK_ADVICE =
  '空欄で出し直したのでなければ、記入したブックを出し直してもらってください（空欄のシートは集約しません）。';

/** 「…の記入が、今回…ため」: why it left. */
const why = (blank: { readonly file: string; readonly sheet: string } | undefined): string =>
  blank
    ? `今回のファイル「${blank.file}」ではシート「${blank.sheet}」が空欄のため`
    : '今回指定したファイルにないため';

/**
 * What this run's master loses of the one it replaces, for the same year: a consolidation is made anew from
 * the files given, so a department that does not send its file again (only two of eight re-sent in March)
 * becomes 未提出 and its earlier text leaves 全体計画 — and, on a 全課 item, its 【課名】 part leaves the merged
 * text. Each is said as a warning naming the row, so it is not lost unsaid. `previous` are the rows of the
 * master this run replaces (readMasterRows: a 全課 row's parts are known by its 【課名】 headings); `placed`
 * what this run places, with the departments merged into each 全課 row.
 */
export function droppedFromPrevious(
  previous: readonly MasterRow[],
  placed: readonly { readonly entry: Entry; readonly mergedFrom?: readonly string[] }[],
  form: FormDefinition,
  departments: readonly string[],
  /** Sheets that came back blank, by `code\u0000department`: the file was given, its sheet left blank. */
  blankFor: ReadonlyMap<string, { readonly file: string; readonly sheet: string }> = new Map(),
): Finding[] {
  const now = new Map(placed.map((p) => [entryKeyString(p.entry), p]));
  const known = new Set(departments);
  const found: Finding[] = [];
  for (const row of previous) {
    const before = row.entry;
    if (row.status === 'missing' || !before || isBlankEntry(before, form)) continue;
    const place = {
      sheet: MASTER_SHEET_NAME,
      code: before.code,
      department: before.department,
      seq: before.seq,
    };
    const after = now.get(entryKeyString(before));
    if (!after) {
      const blank = blankFor.get(`${before.code}\u0000${before.department}`);
      found.push(
        finding(
          blank ? DROPPED_BLANK_CODE : DROPPED_FROM_PREVIOUS_CODE,
          'warning',
          `前回の集約で全体計画にあった ${label(before)} の記入が、${why(blank)}、全体計画から外れました（未提出）。${blank ? BLANK_ADVICE : DROPPED_ADVICE}`,
          place,
        ),
      );
      continue;
    }
    // A part written alone stands without a heading: this run's parts are the departments it merged (the
    // coordinator among them only when it wrote: its own part can be lost too).
    const merged = new Set(
      after.mergedFrom ?? [after.entry.department, ...headedDepartments(after.entry, known)],
    );
    // One warning per department gone, each with its own reason.
    for (const d of [...headedDepartments(before, known)].filter((d) => !merged.has(d))) {
      const blank = blankFor.get(`${before.code}\u0000${d}`);
      found.push(
        finding(
          blank ? DROPPED_BLANK_CODE : DROPPED_PART_CODE,
          'warning',
          `全課の取組 ${label(before)} で、前回の集約で統合した【${d}】の記入が、${why(blank)}、全体計画から外れました。${blank ? BLANK_ADVICE : DROPPED_ADVICE}`,
          place,
        ),
      );
    }
  }
  return found;
}

const PART = /^全課の取組 \S+ \S+(?: \(\d+\))? で、前回の集約で統合した【([^】]+)】/u;

/**
 * What a run's warnings say it dropped from the master it replaced, for the CLI's summary and the pane: each
 * row (`I-2-1-2 農業振興課`, `I-1-1-1 の【農業振興課】`, `…（シートは空欄）`) and what to do. Undefined when
 * nothing was dropped.
 */
export function droppedSummary(
  findings: readonly Finding[],
): { readonly rows: readonly string[]; readonly advice: string } | undefined {
  const rows: string[] = [];
  let given = false;
  let blank = false;
  for (const f of findings) {
    if (![DROPPED_FROM_PREVIOUS_CODE, DROPPED_PART_CODE, DROPPED_BLANK_CODE].includes(f.code)) continue;
    const part = PART.exec(f.message)?.[1];
    const row = part
      ? `${f.place.code ?? ''} の【${part}】`
      : `${f.place.code ?? ''} ${f.place.department ?? ''}${(f.place.seq ?? 1) > 1 ? ` (${f.place.seq})` : ''}`;
    rows.push(f.code === DROPPED_BLANK_CODE ? `${row}（シートは空欄）` : row);
    if (f.code === DROPPED_BLANK_CODE) blank = true;
    else given = true;
  }
  if (rows.length === 0) return undefined;
  const advice = [
    ...(given ? [DROPPED_ADVICE] : []),
    ...(blank ? [`シートが空欄で届いたものは、${BLANK_ADVICE}`] : []),
  ];
  return { rows, advice: advice.join('') };
}
