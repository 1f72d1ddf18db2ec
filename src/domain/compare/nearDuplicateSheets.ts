import type { FormDefinition } from '../entry/formDefinition';
import { fieldText, type EntryFields } from '../entry/types';
import { finding, type Finding } from '../finding';
import {
  compareProfiles,
  MIN_COMPARED_LENGTH,
  normalizeForCompare,
  textProfile,
  type TextComparison,
  type TextProfile,
} from './textSimilarity';

export const NEAR_DUPLICATE_SHEETS_CODE = 'consolidate.near-duplicate-sheets';

/**
 * One sheet's entry as read, with or without Suishin's metadata: plain data, so extraction's ExtractedEntry
 * (`{...entry, file: source.file, sheet: source.sheet}`) and consolidation's ReceivedEntry both map onto it.
 */
export interface SheetEntry {
  readonly code: string;
  readonly department: string;
  readonly seq: number;
  readonly file: string;
  readonly sheet: string;
  readonly fields: EntryFields;
  /** The cell the warning points at, when known (the 取組項目 cell: EntrySource.itemCell). */
  readonly cell?: string;
}

export interface NearDuplicatePair<S extends SheetEntry = SheetEntry> {
  readonly earlier: S;
  readonly later: S;
  readonly comparison: Exclude<TextComparison, { kind: 'different' }>;
}

// Between fields, so that text moved from one field to the next still reads as changed.
const FIELD_SEPARATOR = '\n|\n';

const textsOf = (fields: EntryFields, form: FormDefinition): string[] =>
  form.fields.filter((f) => f.kind === 'text').map((f) => fieldText(fields, f.key));

interface Prepared<S> {
  readonly sheet: S;
  /** The sheet's 文章 fields in form order, as one text. */
  readonly profile: TextProfile;
  /** The fields hold at least `MIN_COMPARED_LENGTH` characters in all (not counting the separators). */
  readonly substantive: boolean;
}

function prepare<S extends SheetEntry>(sheet: S, form: FormDefinition): Prepared<S> {
  const texts = textsOf(sheet.fields, form);
  return {
    sheet,
    profile: textProfile(texts.join(FIELD_SEPARATOR)),
    substantive: Array.from(normalizeForCompare(texts.join(''))).length >= MIN_COMPARED_LENGTH,
  };
}

/**
 * Pairs of sheets of one department for one item (same code and department, different seq) whose 文章
 * fields, taken together in form order, are the same or nearly the same text (see compareTexts): a sheet
 * copied and edited in one place. Each later sheet is paired with the first earlier sheet it copies; input
 * order decides earlier and later. Sheets with the same seq are a resubmission or a duplicate, reported
 * elsewhere, and are not paired. Pass the sheets a run keeps (one per code + department + seq).
 */
export function nearDuplicateSheetPairs<S extends SheetEntry>(
  sheets: readonly S[],
  form: FormDefinition,
): NearDuplicatePair<S>[] {
  const groups = new Map<string, S[]>();
  for (const sheet of sheets) {
    const key = `${sheet.code}\u0000${sheet.department}`;
    const group = groups.get(key);
    if (group) group.push(sheet);
    else groups.set(key, [sheet]);
  }
  const pairs: NearDuplicatePair<S>[] = [];
  for (const sheetsOfGroup of groups.values()) {
    // A sheet alone for its item and department has nothing to be a copy of: its text is not prepared.
    if (sheetsOfGroup.length < 2) continue;
    const group = sheetsOfGroup.map((sheet) => prepare(sheet, form));
    for (let j = 1; j < group.length; j++) {
      const later = group[j]!;
      if (!later.substantive) continue;
      for (let i = 0; i < j; i++) {
        const earlier = group[i]!;
        if (earlier.sheet.seq === later.sheet.seq || !earlier.substantive) continue;
        const comparison = compareProfiles(earlier.profile, later.profile);
        if (comparison.kind !== 'different') {
          pairs.push({ earlier: earlier.sheet, later: later.sheet, comparison });
          break;
        }
      }
    }
  }
  return pairs;
}

/** `シート「A」と「B」` in one file, else each sheet with its file. */
function nameBoth(a: SheetEntry, b: SheetEntry): string {
  return a.file === b.file
    ? `シート「${a.sheet}」と「${b.sheet}」`
    : `ファイル「${a.file}」のシート「${a.sheet}」と、ファイル「${b.file}」のシート「${b.sheet}」`;
}

/** 「シート「A」と「B」は同じ取組項目で、内容がほぼ同じです（一部だけ編集されたコピー？）。…」 */
export function nearDuplicateMessage(pair: NearDuplicatePair): string {
  const how =
    pair.comparison.kind === 'same'
      ? '内容が同じです（コピーしたシート？）'
      : '内容がほぼ同じです（一部だけ編集されたコピー？）';
  return `${nameBoth(pair.earlier, pair.later)}は同じ取組項目（${pair.later.code}）で、${how}。別の取組なら内容を書き分け、不要なコピーなら削除してください。`;
}

/**
 * Warnings (`consolidate.near-duplicate-sheets`) at the later sheet of each pair, naming both sheets. The
 * outcome of the sheets is not changed: both stay as they were (consolidated, or whatever else applies).
 */
export function checkNearDuplicateSheets(sheets: readonly SheetEntry[], form: FormDefinition): Finding[] {
  return nearDuplicateSheetPairs(sheets, form).map((pair) =>
    finding(NEAR_DUPLICATE_SHEETS_CODE, 'warning', nearDuplicateMessage(pair), {
      file: pair.later.file,
      sheet: pair.later.sheet,
      code: pair.later.code,
      department: pair.later.department,
      seq: pair.later.seq,
      ...(pair.later.cell !== undefined && { cell: pair.later.cell }),
    }),
  );
}
