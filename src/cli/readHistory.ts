import { resolve } from 'node:path';
import { readPastMaster } from '../app/pastMaster';
import { HISTORY_SHEET_NAME } from '../domain/consolidation/viewSheetNames';
import type { HistoryYear } from '../domain/history/yearHistory';
import { formatFiscalYear } from '../domain/fiscal/fiscalYear';
import { err, ok, type Result } from '../domain/result';
import { readInputFile } from './readInputFile';

/**
 * The past masters of `--history`, each read by its own 体系 and 様式. The first unreadable one stops the run
 * (its message names the file); two masters of one year are refused, naming both.
 */
export async function readHistory(
  files: readonly string[],
  cwd: string,
): Promise<Result<HistoryYear[], string>> {
  const years: HistoryYear[] = [];
  for (const display of files) {
    const read = await readInputFile(resolve(cwd, display), display);
    if (!read.ok) return err(`--history: ${read.error}`);
    const year = await readPastMaster(read.value.bytes, display);
    if (!year.ok) return err(`--history: ${year.error}`);
    const same = years.find((y) => y.fiscalYear === year.value.fiscalYear);
    if (same)
      return err(
        `--history:「${same.source}」と「${display}」はどちらも${formatFiscalYear(same.fiscalYear)}の集約ファイルです。1年度に1ファイルを指定してください。`,
      );
    years.push(year.value);
  }
  return ok(years);
}

/** The summary's line on the 推移 sheet: which years it shows (a past file of the run's own year gives way to the run). */
export function historyLine(past: readonly HistoryYear[], current: number): string {
  const years = [...new Set([...past.map((y) => y.fiscalYear), current])].sort((a, b) => a - b);
  const same = past.filter((y) => y.fiscalYear === current).map((y) => `「${y.source}」`);
  return `推移: ${years.map(formatFiscalYear).join('・')}の集計と取組項目ごとの推移を「${HISTORY_SHEET_NAME}」シートに書きました（全体計画の取組項目コードから各項目の推移へ移れます）。${
    same.length > 0
      ? `${same.join('')}は集約した年度（${formatFiscalYear(current)}）と同じ年度のため、その年度はこの集約の内容で示しました。`
      : ''
  }`;
}
