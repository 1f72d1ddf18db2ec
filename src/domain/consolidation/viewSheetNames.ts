import { MASTER_SHEET_NAME } from '../template/sheetName';

/** The names of the master view's sheets (its report sheets are named by entry, after a prefix). */

export const SUBMISSION_SHEET_NAME = '提出状況';
export const ACHIEVEMENT_SHEET_NAME = '達成状況';
export const LOG_SHEET_NAME = '集約ログ';
/** The plan across years (consolidate --history): written only when past masters were given. */
export const HISTORY_SHEET_NAME = '推移';
/** Report sheets start with this, so a new consolidation can replace the previous run's. */
export const REPORT_SHEET_PREFIX = '報告 ';
export const VIEW_SHEET_NAMES = [
  MASTER_SHEET_NAME,
  SUBMISSION_SHEET_NAME,
  ACHIEVEMENT_SHEET_NAME,
  LOG_SHEET_NAME,
  HISTORY_SHEET_NAME,
] as const;
