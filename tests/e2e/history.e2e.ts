import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildMasterTemplateFile } from '../../src/app/buildWorkbooks';
import type { CliIo } from '../../src/cli/cliIo';
import { main } from '../../src/cli/main';
import { r3Sample } from '../../src/domain/sample/r3';
import { excelJsFactory } from '../../src/workbook/exceljs/excelJsFactory';
import type { Browser } from 'playwright-core';
import {
  downloads,
  itMadeNoRequests,
  launchBrowser,
  openPane,
  seriousViolations,
  tab,
  type Pane,
} from './pane';
import { readWorkbook } from './xlsx';

const baseUrl = inject('baseUrl');
const quiet: CliIo = {
  stdout: { write: () => true },
  stderr: { write: () => true },
  cwd: '/',
  now: () => new Date(2022, 3, 20, 9, 0, 0),
};

/** A sheet's cell values from its 4th row on (the title rows name the run and its files). */
function valuesFrom(ws: ExcelJS.Worksheet, first = 4): string[][] {
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    if (n < first) return;
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell) => {
      const v = cell.value as unknown;
      cells.push(
        v && typeof v === 'object' && 'result' in v
          ? String((v as { result: unknown }).result)
          : String(v ?? ''),
      );
    });
    rows.push(cells);
  });
  return rows;
}

/**
 * 集約 in file mode with 「過去の集約ファイルを追加」: last year's master (the demo's R2 master) beside this year's
 * files (the demo's R3 files) gives the 推移 sheet the CLI's `consolidate --history` gives (suishin demo).
 */
describe('集約 with a past master in file mode (issue 17)', () => {
  let browser: Browser | undefined;
  let opened: Pane | undefined;
  const pane = (): Pane => {
    if (!opened) throw new Error('the pane is not open');
    return opened;
  };
  let dir = '';
  let r3Master = '';
  beforeAll(async () => {
    browser = await launchBrowser();
    // axe-core is injected as an inline script, which the page's own CSP (rightly) refuses.
    opened = await openPane(browser, baseUrl, { bypassCsp: true });
    dir = mkdtempSync(join(tmpdir(), 'suishin-history-'));
    const code = await main(['demo', '--out', join(dir, 'demo')], quiet);
    if (code !== 0) throw new Error(`demo exited ${code}`);
    const r3 = r3Sample();
    r3Master = join(dir, '令和3年度_全体計画.xlsx');
    writeFileSync(
      r3Master,
      await buildMasterTemplateFile(excelJsFactory, {
        plan: r3.plan,
        fiscalYear: r3.fiscalYear,
        title: r3.planTitle,
        form: r3.form,
      }),
    );
  }, 120_000);
  afterAll(async () => {
    await opened?.close();
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the 推移 sheet over both years as the CLI does, and flags the 評価 left as last year wrote it', async () => {
    const { page } = pane();
    await page.locator('input[type="file"][aria-label="開くブック"]').first().setInputFiles(r3Master);
    await page.getByRole('heading', { name: 'シート「体系」・令和3年度' }).waitFor();
    const { tab: consolidate, panel } = tab(page, '集約');
    await consolidate.click();

    await panel
      .getByLabel('過去の集約ファイル', { exact: true })
      .setInputFiles(join(dir, 'demo', 'master.xlsx'));
    const past = panel.getByRole('region', { name: '過去の集約ファイル（推移）' });
    await past.getByText('令和2年度・全体計画 37 行').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const folder = join(dir, 'demo', '令和3年度', '提出');
    const files = readdirSync(folder).map((f) => join(folder, f));
    await panel.getByLabel('集約する各課のファイル').setInputFiles(files);
    await panel.getByRole('button', { name: `${files.length} 個のファイルを集約` }).click();
    await panel.getByLabel('集約の結果').waitFor();

    const [saved] = await downloads(page, 1, () =>
      panel.getByRole('button', { name: '全体計画 (.xlsx) をダウンロード' }).click(),
    );
    const fromPane = await readWorkbook(saved!.path);
    const fromCli = await readWorkbook(join(dir, 'demo', '令和3年度', 'master.xlsx'));
    const paneHistory = fromPane.getWorksheet('推移')!;
    expect(String(paneHistory.getCell('A1').value)).toBe('推移（令和2年度～令和3年度）');
    expect(valuesFrom(paneHistory)).toEqual(valuesFrom(fromCli.getWorksheet('推移')!));
    const total = valuesFrom(paneHistory).find((r) => r[0] === '全体')!;
    expect(total.slice(1, 6)).toEqual(['23', '13', '1', '0', '37']);

    const log = valuesFrom(fromPane.getWorksheet('集約ログ')!).filter((r) =>
      r.some((v) => v.includes('前年度（令和2年度）と同じ文です')),
    );
    expect(log.map((r) => `${r[3]} ${r[4]}`)).toEqual(['II-1-2-1 総務課']);
  });

  itMadeNoRequests(pane);
});
