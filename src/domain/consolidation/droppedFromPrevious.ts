import type { FormDefinition } from '../entry/formDefinition';
import { entryKeyString, fieldText, type Entry } from '../entry/types';
import { finding, type Finding } from '../finding';
import { MASTER_SHEET_NAME } from '../template/sheetName';
import { isBlankEntry } from './selectEntries';
import type { MasterRow } from './types';

export const DROPPED_FROM_PREVIOUS_CODE = 'consolidate.dropped-from-previous';
/** A 全課 row that lost a department's part (the row itself stays). */
export const DROPPED_PART_CODE = 'consolidate.dropped-part-from-previous';

const HEADING = /【([^】]+)】/gu;

/** The departments a merged 全課 text names under 【課名】 headings. */
function headedDepartments(entry: Entry, departments: ReadonlySet<string>): Set<string> {
  const text = Object.keys(entry.fields)
    .map((k) => fieldText(entry.fields, k))
    .join('\n');
  return new Set([...text.matchAll(HEADING)].map((m) => m[1] ?? '').filter((d) => departments.has(d)));
}

const label = (e: Entry): string => `${e.code} ${e.department}${e.seq > 1 ? ` (${e.seq})` : ''}`;

/** What to do about it, said in each warning and in the run's summary (CLI and pane). */
export const DROPPED_ADVICE =
  '前回集約したファイルも一緒に指定して、集約し直してください（全体計画は毎回、指定したファイルだけから作り直します）。';

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
      found.push(
        finding(
          DROPPED_FROM_PREVIOUS_CODE,
          'warning',
          `前回の集約で全体計画にあった ${label(before)} の記入が、今回指定したファイルにないため、全体計画から外れました（未提出）。${DROPPED_ADVICE}`,
          place,
        ),
      );
      continue;
    }
    // A part written alone stands without a heading: this run's parts are the departments it merged.
    const merged = new Set([
      after.entry.department,
      ...(after.mergedFrom ?? headedDepartments(after.entry, known)),
    ]);
    const gone = [...headedDepartments(before, known)].filter((d) => !merged.has(d));
    if (gone.length > 0)
      found.push(
        finding(
          DROPPED_PART_CODE,
          'warning',
          `全課の取組 ${label(before)} で、前回の集約で統合した${gone.map((d) => `【${d}】`).join('')}の記入が、今回指定したファイルにないため、全体計画から外れました。${DROPPED_ADVICE}`,
          place,
        ),
      );
  }
  return found;
}

/** The rows a run's warnings say it dropped from the master it replaced (`I-2-1-2 農業振興課`, `I-1-1-1（全課の一部）`). */
export function droppedRows(findings: readonly Finding[]): string[] {
  return findings.flatMap((f) =>
    f.code === DROPPED_FROM_PREVIOUS_CODE
      ? [
          `${f.place.code ?? ''} ${f.place.department ?? ''}${(f.place.seq ?? 1) > 1 ? ` (${f.place.seq})` : ''}`,
        ]
      : f.code === DROPPED_PART_CODE
        ? [`${f.place.code ?? ''}（全課の一部）`]
        : [],
  );
}
