import type { FieldKey, FormDefinition } from '../entry/formDefinition';
import type { Entry, EntryFields } from '../entry/types';
import type { Finding } from '../finding';
import type { Plan } from '../plan/types';
import type { SheetSnapshot } from './snapshot';

/** Where an extracted entry's values were read: every field points at the exact cell a person edits. */
export interface EntrySource {
  readonly file: string;
  readonly sheet: string;
  /**
   * A1 address per field: the value's cell, or, when the field is empty, the cell a person would type in
   * (right of the label, in the form's value column). When the label itself is missing, the cell where its
   * row was expected (an `extract.missing-label` finding says so).
   */
  readonly cells: Readonly<Record<FieldKey, string>>;
  /** The 取組項目 value cell (or, when empty, where it belongs). */
  readonly itemCell: string;
  /** The 実践課 value cell, when the 実践課 label was found. */
  readonly departmentCell?: string;
  /** The year label cell (令和2年度), when found. */
  readonly fiscalYearCell?: string;
}

/**
 * One form read back. `identifiedBy: 'meta'` when the hidden metadata identified the entry (and the visible
 * labels, where they resolve, agree); `'labels'` when the visible labels alone did (no metadata, or they
 * disagree with it and win).
 */
export interface ExtractedEntry {
  readonly entry: Entry;
  readonly source: EntrySource;
  readonly identifiedBy: 'meta' | 'labels';
  /** Set when the sheet carries no year (no label, no metadata): `entry.fiscalYear` is the expected year. */
  readonly yearAssumed?: true;
  /**
   * Fields of an older 様式 version the current form no longer has, found through the sheet's metadata
   * (which field sat in which cell), with text: never dropped, consolidation keeps them in 集約ログ.
   * `label` is the text of the label cell left of the value.
   */
  readonly retired?: readonly RetiredField[];
  /**
   * Last year's values shown beside the form in a 前年度 column (a rollover's sheet): never this year's text,
   * kept so that the sheet alone can be compared with last year.
   */
  readonly previous?: PreviousValues;
}

/** Last year's values from a 前年度 column: only fields with a value, and the cell each was read from. */
export interface PreviousValues {
  readonly fiscalYear: number;
  readonly fields: EntryFields;
  readonly cells: Readonly<Record<FieldKey, string>>;
}

export interface RetiredField {
  readonly key: FieldKey;
  readonly label: string;
  readonly cell: string;
  readonly text: string;
}

export type SheetKind = 'entry' | 'plan' | 'form' | 'toc' | 'not-entry' | 'unreadable';

/** Every sheet of a workbook is accounted for: what it was taken for, how many entries it gave, and why not. */
export interface SheetOutcome {
  readonly sheet: string;
  readonly visibility: SheetSnapshot['visibility'];
  readonly kind: SheetKind;
  readonly entries: number;
  /** Japanese, for a person: why the sheet gave no (or not every) entry. */
  readonly reason?: string;
}

export interface WorkbookExtraction {
  readonly entries: readonly ExtractedEntry[];
  readonly sheets: readonly SheetOutcome[];
  readonly findings: readonly Finding[];
}

export interface ExtractOptions {
  /** The file name, named in provenance and findings. */
  readonly file: string;
  /** Resolves 取組項目 labels to codes; without it only metadata can identify an entry. */
  readonly plan?: Plan;
  /** The form whose labels are looked for (default STANDARD_FORM). */
  readonly form?: FormDefinition;
  /** The year expected; used when a form has neither a year label nor metadata. */
  readonly fiscalYear?: number;
}
