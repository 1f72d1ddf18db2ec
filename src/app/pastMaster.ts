import type { HistoryYear } from '../domain/history/yearHistory';
import { readMasterRows } from '../domain/publish/readMasterRows';
import { err, ok, type Result } from '../domain/result';
import { MASTER_SHEET_NAME } from '../domain/template/sheetName';
import { MASTER_READ_LIMITS } from '../workbook/readLimits';
import { readXlsxSheetList, readXlsxSnapshot } from '../workbook/xlsx/readXlsxSnapshot';
import { formOf, openPlanFile } from './openPlan';

/**
 * A past year's consolidated master as one year of the plan's history: its own 体系 and 様式 (openPlanFile)
 * and its 全体計画 read back by that 様式 (readMasterRows), so a year whose 集計 choices differ keeps them.
 * The year comes from 全体計画's title, else the 体系's. Every error is Japanese and names the file.
 */
export async function readPastMaster(bytes: Uint8Array, file: string): Promise<Result<HistoryYear, string>> {
  const opened = await openPlanFile(bytes, file);
  if (!opened.ok) return err(`過去の集約ファイル「${file}」を開けません: ${opened.error.message}`);
  const found = opened.value;
  if (!found)
    return err(
      `過去の集約ファイル「${file}」に体系のシートがありません。集約した全体計画のブックを指定してください。`,
    );
  const formErrors = found.formFindings.filter((f) => f.severity === 'error');
  if (formErrors.length > 0)
    return err(
      `過去の集約ファイル「${file}」の様式にエラーがあります: ${formErrors.map((f) => f.message).join(' ')}`,
    );
  const list = readXlsxSheetList(bytes, file, MASTER_READ_LIMITS);
  if (!list.ok) return err(`過去の集約ファイル「${file}」を開けません: ${list.error.message}`);
  if (!list.value.some((s) => s.name === MASTER_SHEET_NAME))
    return err(
      `過去の集約ファイル「${file}」に「${MASTER_SHEET_NAME}」シートがありません。集約（suishin consolidate）したブックを指定してください。`,
    );
  const read = await readXlsxSnapshot(bytes, file, {
    sheets: [MASTER_SHEET_NAME],
    limits: MASTER_READ_LIMITS,
  });
  if (!read.ok) return err(`過去の集約ファイル「${file}」を開けません: ${read.error.message}`);
  const form = formOf(found);
  const rows = readMasterRows(read.value.sheets[0]!, found.plan, form);
  if (!rows.ok) return err(`過去の集約ファイル「${file}」: ${rows.error}`);
  const fiscalYear = rows.value.fiscalYear ?? found.fiscalYear;
  if (fiscalYear === undefined)
    return err(
      `過去の集約ファイル「${file}」の「${MASTER_SHEET_NAME}」シートの表題に年度がありません（例: 令和2年度）。`,
    );
  // Each entry as of the master's year (compared with the next year's as last year's text).
  const yearRows = rows.value.rows.map((r) => (r.entry ? { ...r, entry: { ...r.entry, fiscalYear } } : r));
  return ok({ fiscalYear, source: file, plan: found.plan, form, rows: yearRows });
}
