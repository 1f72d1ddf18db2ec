import type { FieldChange } from '../compare/entryDiff';
import type { FieldKey, FormDefinition, Stage } from '../entry/formDefinition';
import type { Entry } from '../entry/types';
import type { PreviousValues, RetiredField } from '../extract/types';
import type { Finding } from '../finding';
import type { PlanItem } from '../plan/types';

/**
 * A field a sheet of an older 様式 version had that the current form lacks (read by extract): kept, never
 * dropped (集約ログ shows one line for each, with its text).
 */
export type { RetiredField } from '../extract/types';

/** One entry read from a sheet of a department workbook, with where each field came from. */
export interface ReceivedEntry {
  readonly entry: Entry;
  readonly sheet: string;
  /** A1 address of each field's cell. */
  readonly cells: Readonly<Partial<Record<FieldKey, string>>>;
  /** The year label's cell (令和2年度), when the sheet has one. */
  readonly yearCell?: string;
  /** Set when the sheet carries no year (no label, no metadata): the entry is taken to be of the run's year. */
  readonly yearAssumed?: true;
  /** Fields of an older 様式 version that the current form lacks, with their text. */
  /** Last year's values the sheet carries in its 前年度 column (a rolled-over workbook). */
  readonly previous?: PreviousValues;
  readonly retired?: readonly RetiredField[];
}

/** Every sheet of an input file, whatever it held. */
export interface ReceivedSheet {
  readonly sheet: string;
  readonly kind: 'entry' | 'plan' | 'form' | 'toc' | 'not-entry' | 'unreadable';
  /** Japanese reason for the non-entry kinds. */
  readonly reason?: string;
  /** For unreadable sheets: the text found on it, so nothing a department wrote is lost. */
  readonly text?: string;
}

export type SourceFile =
  | {
      readonly kind: 'read';
      readonly file: string;
      /** Last-modified time (ms since epoch): the newer file wins a resubmission. */
      readonly modified: number;
      readonly entries: readonly ReceivedEntry[];
      readonly sheets: readonly ReceivedSheet[];
      /** Findings made while reading (extract.*), already placed at file/sheet/cell. */
      readonly findings: readonly Finding[];
    }
  | {
      readonly kind: 'rejected';
      readonly file: string;
      readonly modified: number;
      readonly code: string;
      readonly message: string;
    };

/** What happened to one sheet (or one file) of the input. Every input sheet gets exactly one record. */
export type Outcome =
  | 'consolidated'
  | 'merged'
  | 'compiled-kept'
  | 'replaced'
  | 'duplicate'
  | 'wrong-year'
  | 'empty'
  | 'flagged'
  | 'not-entry'
  | 'form'
  | 'toc'
  | 'plan'
  | 'unreadable'
  | 'rejected';

export const OUTCOME_LABELS: Readonly<Record<Outcome, string>> = {
  consolidated: '集約',
  merged: '全課の取組に統合',
  'compiled-kept': '参考（とりまとめ課の集約済みシートを採用）',
  replaced: '差し替え（新しいファイルを採用）',
  duplicate: '重複（先のシートを採用）',
  'wrong-year': '年度違い（集約対象外）',
  empty: '未記入のため集約対象外',
  flagged: '集約（体系外・要確認）',
  'not-entry': '取組項目シートではない',
  form: '様式',
  toc: '目次',
  plan: '体系',
  unreadable: '読み取れない',
  rejected: 'ファイルを受け付けられない',
};

/** A 未提出 row whose sheet came back blank (MasterRow.blankSheet), said after 未提出 in every view. */
export const BLANK_SHEET_NOTE = '届いたシートは空欄';

/** A 未提出 row whose department's file could not be read (MasterRow.refusedFile), after 未提出 in every view. */
export const refusedFileNote = (file: string): string => `ファイル「${file}」を読めません`;

export interface LogRecord {
  readonly file: string;
  /** Empty for a file-level record (a rejected file). */
  readonly sheet: string;
  readonly outcome: Outcome;
  readonly code?: string;
  readonly department?: string;
  readonly seq?: number;
  /** Japanese explanation: which file replaced which, why a sheet was not read, … */
  readonly detail: string;
  /** The text of a sheet that was not consolidated (replaced, duplicate, wrong-year, unreadable), so nothing is lost. */
  readonly keptText?: string;
  /**
   * What the sheet held in fields the current form no longer has (an older 様式 version): 集約ログ writes a
   * line for each under the sheet's record. The record stays the sheet's one record (counts are by sheet).
   */
  /** For a replaced sheet: the fields the newer submission changed (old → new, shortened around the change). */
  readonly changes?: readonly FieldChange[];
  readonly retired?: readonly RetiredField[];
}

export type RowStatus = 'submitted' | 'missing' | 'flagged';

/** One row of 全体計画: an entry, or an item × department that is still missing (未提出). */
export interface MasterRow {
  readonly code: string;
  /** Undefined for an entry whose item is not in the 体系 (flagged). */
  readonly planItem?: PlanItem;
  readonly department: string;
  readonly seq: number;
  readonly status: RowStatus;
  readonly entry?: Entry;
  readonly source?: { readonly file: string; readonly sheet: string; readonly cells: ReceivedEntry['cells'] };
  /** For 全課 items: the departments whose text was merged, in order. */
  readonly mergedFrom?: readonly string[];
  /** For 全課 items merged from several sheets: each sheet's file and name (`source` is the first's). */
  readonly parts?: readonly { readonly file: string; readonly sheet: string }[];
  /** Japanese reason a row is flagged (not in the 体系, not assigned). */
  readonly flag?: string;
  /**
   * Findings about this row: the rules' findings on its entry, the findings made while reading its sheet, and
   * for a 未提出 row the findings on this item × department's sheets that could not be used (年度違い).
   */
  readonly findings: readonly Finding[];
  /**
   * For a 未提出 row: a sheet for it that came back with nothing written (the first the log records). The
   * department sent its workbook; 総務課 asks it to fill the sheet, not to send the file.
   */
  readonly blankSheet?: { readonly file: string; readonly sheet: string };
  /**
   * A 未提出 row whose department sent a file, named for it, that could not be read (受付不可): 総務課 asks
   * for that file again, not for the sheet.
   */
  readonly refusedFile?: string;
  /**
   * A past year's row put under this year's code or department name (alignYear): its code and department
   * as that year had them (「II-2-1-2・町民生活課」), for 推移 to say so.
   */
  readonly formerly?: string;
}

export interface DepartmentSubmission {
  readonly department: string;
  readonly expected: number;
  readonly received: number;
  readonly missing: readonly string[];
  /** How many of `missing` came back as blank sheets (MasterRow.blankSheet): the file was sent, not filled. */
  readonly blank?: number;
  /** Sheets written for 全課 items (contributions merged into the coordinator's entry). */
  readonly contributions: number;
  /** Every finding on the department's sheets and files (reading, rules, 年度違い, duplicates). */
  readonly errors: number;
  readonly warnings: number;
  /**
   * Fields left as last year wrote them (前年度と同じ), when this year was compared with last year (a past
   * master given, or rolled-over sheets carrying 前年度); undefined when nothing was compared.
   */
  readonly unchanged?: number;
  readonly lastFile?: string;
  /** Files named for the department that could not be read (受付不可): it sent something, not nothing. */
  readonly refusedFiles?: readonly string[];
}

/** 達成状況 counts: one per choice of the form's 集計 field, in the choices' order, then 未記入. */
export interface AchievementCounts {
  readonly byChoice: readonly number[];
  /** 未記入: nothing chosen, a value that is not a choice, or no sheet (未提出). */
  readonly blank: number;
  /** Of `blank`, the rows with no sheet (未提出): a department that sent nothing is not one that chose nothing. */
  readonly missing: number;
}

export interface AchievementGroup {
  readonly label: string;
  readonly counts: AchievementCounts;
}

export interface AchievementSummary {
  /**
   * The 集計 field counted (R2: 目標の達成); undefined when the form has none, and then every count is
   * empty: 達成状況 says the form has nothing to count.
   */
  readonly field?: { readonly key: FieldKey; readonly label: string };
  /** The 集計 field's choices, best first (the order of `byChoice`); empty without a 集計 field. */
  readonly choices: readonly string[];
  readonly total: AchievementCounts;
  readonly byBasic: readonly AchievementGroup[];
  readonly byPromotion: readonly AchievementGroup[];
  readonly byDepartment: readonly AchievementGroup[];
}

export interface Consolidation {
  /** One run stamp (ISO date-time) for the whole result. */
  readonly stamp: string;
  readonly fiscalYear: number;
  /** The stage the entries were checked for (計画, 前期, 年度末): every sheet of the view says it. */
  readonly stage: Stage;
  /** The form the entries were read, checked and merged by: the master view's columns and report sheets follow it. */
  readonly form: FormDefinition;
  readonly rows: readonly MasterRow[];
  readonly submissions: readonly DepartmentSubmission[];
  readonly achievement: AchievementSummary;
  readonly log: readonly LogRecord[];
  readonly findings: readonly Finding[];
}
