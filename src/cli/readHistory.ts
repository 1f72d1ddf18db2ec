import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { readPastMaster } from '../app/pastMaster';
import { HISTORY_SHEET_NAME } from '../domain/consolidation/viewSheetNames';
import { skippedYearsNote, type HistoryYear } from '../domain/history/yearHistory';
import { formatFiscalYear } from '../domain/fiscal/fiscalYear';
import { err, ok, type Result } from '../domain/result';
import { MASTER_SHEET_NAME } from '../domain/template/sheetName';
import { MASTER_READ_LIMITS } from '../workbook/readLimits';
import { readXlsxSheetList } from '../workbook/xlsx/readXlsxSnapshot';
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
  return `推移: ${years.map(formatFiscalYear).join('・')}の集計と取組項目ごとの推移を「${HISTORY_SHEET_NAME}」シートに書きました（全体計画の取組項目から各項目の推移へ移れます）。${
    same.length > 0
      ? `${same.join('')}は集約した年度（${formatFiscalYear(current)}）と同じ年度のため、その年度はこの集約の内容で示しました。`
      : ''
  }${skippedYearsNote(years) ?? ''}`;
}

/** A file holding a 全体計画 sheet (a consolidated master), not a department's workbook or a folder. */
function isMasterFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    const list = readXlsxSheetList(new Uint8Array(readFileSync(path)), path, MASTER_READ_LIMITS);
    return list.ok && list.value.some((s) => s.name === MASTER_SHEET_NAME);
  } catch {
    return false;
  }
}

/**
 * `--history a.xlsx b.xlsx 提出/` as the issue writes it: the files right after `--history` that are
 * consolidated masters are past years too (`--history a.xlsx --history b.xlsx`), so a master is never read
 * as a department's file; the first argument that is an option, a folder or no master ends the list.
 */
export function spreadHistoryArgs(args: readonly string[], cwd: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    out.push(arg);
    if (arg === '--') {
      out.push(...args.slice(i + 1));
      break;
    }
    const inline = arg.startsWith('--history=');
    if (arg !== '--history' && !inline) continue;
    if (!inline) {
      if (i + 1 >= args.length) break;
      out.push(args[(i += 1)]!);
    }
    while (i + 1 < args.length && !args[i + 1]!.startsWith('-') && isMasterFile(resolve(cwd, args[i + 1]!)))
      out.push('--history', args[(i += 1)]!);
  }
  return out;
}
