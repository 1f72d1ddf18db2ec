import type { HistoryYear } from '../domain/history/yearHistory';
import { err, ok, type Result } from '../domain/result';
import { readConsolidatedMaster } from './readConsolidatedMaster';

/**
 * A past year's consolidated master as one year of the plan's history (readConsolidatedMaster: its own 体系
 * and 様式, so a year whose 集計 choices differ keeps them). Errors name the file as what it is used as: a past
 * one (推移, the default) or last year's (引継ぎ: 前年度の全体計画).
 */
export async function readPastMaster(
  bytes: Uint8Array,
  file: string,
  role = '過去の集約ファイル',
): Promise<Result<HistoryYear, string>> {
  const read = await readConsolidatedMaster(bytes, file);
  if (!read.ok) return err(`${role}${read.error}`);
  const { fiscalYear, found, form, rows } = read.value;
  return ok({ fiscalYear, source: file, plan: found.plan, form, rows });
}
