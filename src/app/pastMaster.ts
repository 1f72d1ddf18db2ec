import type { HistoryYear } from '../domain/history/yearHistory';
import { formatFiscalYear } from '../domain/fiscal/fiscalYear';
import { err, ok, type Result } from '../domain/result';
import { MASTER_SHEET_NAME } from '../domain/template/sheetName';
import { holdsEntries, readConsolidatedMaster } from './readConsolidatedMaster';

/**
 * A past year's consolidated master as one year of the plan's history (readConsolidatedMaster: its own 体系
 * and 様式, so a year whose 集計 choices differ keeps them). Errors name the file as what it is used as: a past
 * one (推移, the default) or last year's (引継ぎ: 前年度の全体計画).
 */
export async function readPastMaster(
  bytes: Uint8Array,
  file: string,
  role = HISTORY_ROLE,
): Promise<Result<HistoryYear, string>> {
  const read = await readConsolidatedMaster(bytes, file);
  if (!read.ok) return err(`${role}${read.error}`);
  const { fiscalYear, found, form, rows } = read.value;
  // A template never consolidated is no year of the history: every row of it read as 未提出, silently. (Last
  // year's template for 引継ぎ is taken, and rollover says it carried nothing.)
  if (role === HISTORY_ROLE && !holdsEntries(read.value))
    return err(
      `${role}「${file}」（${formatFiscalYear(fiscalYear)}）の「${MASTER_SHEET_NAME}」シートに集約した記入がありません（集約する前のひな形ではありませんか）。集約した全体計画のブックを指定してください。`,
    );
  return ok({ fiscalYear, source: file, plan: found.plan, form, rows });
}

const HISTORY_ROLE = '過去の集約ファイル';
