import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { buildDepartmentFiles, buildMasterTemplateFile } from '../../src/app/buildWorkbooks';
import { cliFileFactory } from '../../src/cli/cliFileFactory';
import { kpiSample } from '../../src/domain/sample/kpi';
import { downloads, itMadeNoRequests, paneForSuite, statValue, tab } from './pane';
import { readWorkbook } from './xlsx';

const baseUrl = inject('baseUrl');
const sample = kpiSample();
/** The 全課 item's contributions merge into its coordinator's row: 29 sheets, 25 rows of 全体計画. */
const ROWS = 25;

/**
 * Issue 16 in file mode: the fictional こもれび町's 体系 workbook with its 指標 様式, its departments' filled
 * workbooks (each carrying its 様式, hidden), a department's file checked alone by that 様式, and the
 * consolidation counting 達成状況 by the 様式's own S/A/B/C.
 */
describe('the 指標 様式 (sample:kpi) through 検証 and 集約 in file mode', () => {
  const pane = paneForSuite(baseUrl);
  const dir = mkdtempSync(join(tmpdir(), 'suishin-kpi-e2e-'));
  const files: string[] = [];
  let masterPath = '';

  beforeAll(async () => {
    const { plan, fiscalYear, form, entries } = sample;
    masterPath = join(dir, '全体計画.xlsx');
    writeFileSync(
      masterPath,
      await buildMasterTemplateFile(cliFileFactory, { plan, fiscalYear, form, title: sample.planTitle }),
    );
    for (const f of await buildDepartmentFiles(cliFileFactory, { plan, fiscalYear, form, entries })) {
      const path = join(dir, f.fileName);
      writeFileSync(path, f.bytes);
      files.push(path);
    }
  });

  it("checks 教育課's file alone by the 様式 it carries: the 判定 off its rule without a reason, at its cell", async () => {
    const { page } = pane();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Excel ブック (.xlsx) を開く' }).click();
    await (await chooser).setFiles(files.find((f) => f.endsWith('教育課.xlsx'))!);
    const { tab: validate, panel } = tab(page, '検証');
    await validate.click();
    await panel.getByRole('combobox', { name: '確認する時期' }).selectOption({ label: '年度末' });
    await panel.getByRole('button', { name: 'このブックを検証' }).click();
    await panel.getByRole('region', { name: '検証の指摘' }).waitFor();
    const own = sample.entries.filter((e) => e.department === '教育課').length;
    expect(await statValue(page, '検証の結果', '記入')).toBe(own);
    const findings = await panel.getByRole('region', { name: '検証の指摘' }).innerText();
    expect(findings).toContain('判定理由');
    expect(findings).not.toContain('見出しが見つかりません');
  });

  it('consolidates the departments into the master by its 様式 and counts 判定 S/A/B/C', async () => {
    const { page } = pane();
    await tab(page, '体系').tab.click();
    await page.locator('input[type="file"][aria-label="開くブック"]').first().setInputFiles(masterPath);
    await page.getByRole('heading', { name: /シート「体系」/ }).waitFor();
    await page.getByText('様式シート「様式」から読み込み').waitFor();
    const { tab: consolidate, panel } = tab(page, '集約');
    await consolidate.click();
    await panel.getByLabel('集約する各課のファイル').setInputFiles(files);
    await panel.getByRole('button', { name: `${files.length} 個のファイルを集約` }).click();
    await panel.getByLabel('集約の結果').waitFor();
    expect(await statValue(page, '集約の結果', '集約した取組項目')).toBe(ROWS);
    expect(await statValue(page, '集約の結果', '未提出の取組項目')).toBe(0);

    const [master] = await downloads(page, 1, () =>
      panel.getByRole('button', { name: '全体計画 (.xlsx) をダウンロード' }).click(),
    );
    const wb = await readWorkbook(master!.path);
    const lines: string[] = [];
    wb.getWorksheet('達成状況')!.eachRow((row) =>
      lines.push(
        (row.values as unknown[])
          .slice(1)
          .map((v) => String(v ?? ''))
          .join('|'),
      ),
    );
    const header = lines.find((l) => l.includes('|S|A|B|C|'));
    expect(header, lines.join('\n')).toBeDefined();
    // S A B C, 未記入, うち未提出, 計.
    expect(lines.find((l) => l.startsWith('全体|'))).toMatch(/^全体\|全体\|5\|9\|7\|3\|1\|0\|25\|/);
  });

  itMadeNoRequests(pane);
});
