import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { r2Sample } from '../../src/domain/sample/r2';
import { readWorkbook } from './xlsx';
import { CORRUPT_FILE, MASTER_FILE } from './fixtures';
import {
  downloads,
  itMadeNoRequests,
  paneForSuite,
  recordedProgress,
  recordProgress,
  statValue,
  tab,
} from './pane';

const baseUrl = inject('baseUrl');
const fixtures = inject('fixtures');
const sample = r2Sample();
const CODE = /^(I|II|III|IV|V)-\d+-\d+-\d+$/;

describe('集約 in file mode (scenario 3)', () => {
  const pane = paneForSuite(baseUrl);

  it('consolidates the 8 R2 department workbooks and names the corrupted file with its reason', async () => {
    const { page } = pane();
    await page.locator('input[type="file"][aria-label="開くブック"]').first().setInputFiles(fixtures.master);
    await page.getByRole('heading', { name: 'シート「体系」・令和2年度' }).waitFor();

    const { tab: consolidate, panel } = tab(page, '集約');
    await consolidate.click();
    const inputs = [...fixtures.departments, fixtures.corrupt];
    await panel.getByLabel('集約する各課のファイル').setInputFiles(inputs);
    const list = panel.getByRole('region', { name: '集約するファイル' });
    await list
      .getByRole('listitem')
      .nth(inputs.length - 1)
      .waitFor();
    expect(await list.getByText('待機', { exact: true }).count()).toBe(9);

    await recordProgress(page);
    await panel.getByRole('button', { name: '9 個のファイルを集約' }).click();
    await panel.getByLabel('集約の結果').waitFor();

    const progress = await recordedProgress(page);
    // One step per file, named, in order, then the writing: the bar moves while the files are read. Not every
    // step is painted: the corrupted file (9 / 9) is refused within microseconds, and its label may be
    // replaced before the next frame.
    const steps = progress
      .flatMap((label) => / を読み込み中（(\d) \/ 9）$/.exec(label)?.[1] ?? [])
      .map(Number);
    expect(steps.length).toBeGreaterThanOrEqual(5);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(progress).toContain(`${basename(inputs[0]!)} を読み込み中（1 / 9）`);
    expect(progress.indexOf('全体計画を書き込み中')).toBeGreaterThan(
      progress.indexOf(`${basename(inputs[0]!)} を読み込み中（1 / 9）`),
    );

    expect(await statValue(page, '集約の結果', '集約')).toBe(37);
    expect(await statValue(page, '集約の結果', '未提出')).toBe(0);
    expect(await statValue(page, '集約の結果', '受付不可')).toBe(1);
    await panel
      .getByText(
        '9 個のファイルから 37 件を「全体計画」に集約しました。受け付けられなかったファイルが 1 個あります。',
      )
      .waitFor();

    const broken = list.getByRole('listitem').filter({ hasText: CORRUPT_FILE });
    expect(await broken.textContent()).toMatch(/エラー/);
    expect(await broken.textContent()).toContain(
      `「${CORRUPT_FILE}」を Excel ブックとして読み込めませんでした`,
    );
    const rejected = panel.getByText('受け付けられなかったファイル', { exact: true }).locator('..');
    expect(await rejected.textContent()).toContain(`「${CORRUPT_FILE}」`);

    for (const department of sample.plan.departments) {
      const item = list.getByRole('listitem').filter({ hasText: `${department}.xlsx` });
      expect(await item.textContent()).toContain('集約済み');
    }
    // 教育振興課 only has 全課 sheets, and left them blank in R2: read, counted, not lost.
    expect(await list.getByRole('listitem').filter({ hasText: '教育振興課.xlsx' }).textContent()).toMatch(
      /未記入 \d+/,
    );
  });

  it('downloads the master workbook with the 37 entries and report.json', async () => {
    const { page } = pane();
    const { panel } = tab(page, '集約');
    const [master] = await downloads(page, 1, () =>
      panel.getByRole('button', { name: '全体計画 (.xlsx) をダウンロード' }).click(),
    );
    expect(master!.name).toBe(MASTER_FILE);
    const wb = await readWorkbook(master!.path);
    const view = wb.getWorksheet('全体計画')!;
    const rows: { code: string; department: string }[] = [];
    view.eachRow((row) => {
      const code = String(row.getCell(1).value ?? '');
      if (CODE.test(code)) rows.push({ code, department: String(row.getCell(5).value) });
    });
    expect(rows).toHaveLength(37);
    const expected = sample.entries.map((e) => `${e.code} ${e.department}`).sort();
    expect(rows.map((r) => `${r.code} ${r.department}`).sort()).toEqual(expected);
    expect(wb.worksheets.filter((ws) => ws.name.startsWith('報告 '))).toHaveLength(37);
    // The log accounts for the corrupted file too.
    const log = wb.getWorksheet('集約ログ')!;
    const logged: string[] = [];
    log.eachRow((row) => logged.push((row.values as unknown[]).join(' ')));
    expect(logged.some((line) => line.includes(CORRUPT_FILE))).toBe(true);

    const [report] = await downloads(page, 1, () =>
      panel.getByRole('button', { name: 'report.json をダウンロード' }).click(),
    );
    const json = JSON.parse(readFileSync(report!.path, 'utf8')) as {
      summary: { entries: number; rejectedFiles: number };
    };
    expect(json.summary).toEqual(expect.objectContaining({ entries: 37, rejectedFiles: 1 }));
  });

  itMadeNoRequests(pane);
});
