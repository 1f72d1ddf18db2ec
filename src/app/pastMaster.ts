import type { HistoryYear } from '../domain/history/yearHistory';
import { err, ok, type Result } from '../domain/result';
import { readConsolidatedMaster } from './readConsolidatedMaster';

/**
 * A past year's consolidated master as one year of the plan's history (readConsolidatedMaster: its own 体系
 * and 様式, so a year whose 集計 choices differ keeps them). Errors name the file as a past one.
 */
export async function readPastMaster(bytes: Uint8Array, file: string): Promise<Result<HistoryYear, string>> {
  const read = await readConsolidatedMaster(bytes, file);
  if (!read.ok) return err(`過去の集約ファイル${read.error}`);
  const { fiscalYear, found, form, rows } = read.value;
  return ok({ fiscalYear, source: file, plan: found.plan, form, rows });
}
