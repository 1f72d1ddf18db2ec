import type { FormDefinition } from '../domain/entry/formDefinition';
import { isBlankEntry } from '../domain/consolidation/selectEntries';
import type { MasterRow } from '../domain/consolidation/types';
import { placedMessage } from '../domain/finding';
import { readMasterRows } from '../domain/publish/readMasterRows';
import { err, ok, type Result } from '../domain/result';
import { MASTER_SHEET_NAME } from '../domain/template/sheetName';
import { MASTER_READ_LIMITS } from '../workbook/readLimits';
import { readXlsxSheetList, readXlsxSnapshot } from '../workbook/xlsx/readXlsxSnapshot';
import { formOf, openPlanFile, type WorkbookPlan } from './openPlan';

/** A consolidated master read back: its 体系 and 様式, its year, and 全体計画's rows. */
export interface ConsolidatedMaster {
  readonly found: WorkbookPlan;
  readonly form: FormDefinition;
  readonly fiscalYear: number;
  /** 全体計画's rows, each entry as of the master's year. */
  readonly rows: readonly MasterRow[];
  /** Fields of the form that 全体計画 has no column for (read as empty). */
  readonly missingColumns: readonly string[];
}

/**
 * A consolidated master as publish, rollover and the history read it, the one way: its own 体系 and 様式
 * (openPlanFile) and 全体計画 read back by that 様式 (readMasterRows). The year comes from 全体計画's title,
 * else the 体系's. Every error is Japanese and names the file.
 */
export async function readConsolidatedMaster(
  bytes: Uint8Array,
  file: string,
): Promise<Result<ConsolidatedMaster, string>> {
  const opened = await openPlanFile(bytes, file);
  if (!opened.ok) return err(`「${file}」を開けません: ${opened.error.message}`);
  const found = opened.value;
  if (!found)
    return err(`「${file}」に体系のシートがありません。集約した全体計画のブックを指定してください。`);
  const formErrors = found.formFindings.filter((f) => f.severity === 'error');
  if (formErrors.length > 0)
    return err(`「${file}」の様式にエラーがあります:\n${formErrors.map(placedMessage).join('\n')}`);
  const list = readXlsxSheetList(bytes, file, MASTER_READ_LIMITS);
  if (!list.ok) return err(`「${file}」を開けません: ${list.error.message}`);
  if (!list.value.some((s) => s.name === MASTER_SHEET_NAME))
    return err(
      `「${file}」に「${MASTER_SHEET_NAME}」シートがありません。集約（suishin consolidate）したブックを指定してください。`,
    );
  const read = await readXlsxSnapshot(bytes, file, {
    sheets: [MASTER_SHEET_NAME],
    limits: MASTER_READ_LIMITS,
  });
  if (!read.ok) return err(`「${file}」を開けません: ${read.error.message}`);
  const form = formOf(found);
  const rows = readMasterRows(read.value.sheets[0]!, found.plan, form, file);
  if (!rows.ok) return err(`「${file}」: ${rows.error}`);
  const fiscalYear = rows.value.fiscalYear ?? found.fiscalYear;
  if (fiscalYear === undefined)
    return err(`「${file}」の「${MASTER_SHEET_NAME}」シートの表題に年度がありません（例: 令和2年度）。`);
  return ok({
    found,
    form,
    fiscalYear,
    rows: rows.value.rows.map((r) => (r.entry ? { ...r, entry: { ...r.entry, fiscalYear } } : r)),
    missingColumns: rows.value.missingColumns,
  });
}

/**
 * Whether 全体計画 holds anything consolidated: a row with an entry that has text. A template never
 * consolidated holds none (rollover says it carried nothing; 推移 refuses it as a past year).
 */
export const holdsEntries = (master: Pick<ConsolidatedMaster, 'rows' | 'form'>): boolean =>
  master.rows.some(
    (r) => r.status !== 'missing' && r.entry !== undefined && !isBlankEntry(r.entry, master.form),
  );
