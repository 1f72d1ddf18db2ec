import { describe, expect, inject, it } from 'vitest';
import { MASTER_FILE, PLANTED_FILE } from './fixtures';
import { downloads, itMadeNoRequests, paneForSuite, tab } from './pane';

const baseUrl = inject('baseUrl');
const fixtures = inject('fixtures');

/**
 * File mode holds the only copy of the workbook until it is downloaded: after 集約 or marks, opening another
 * file or closing the tab asks first.
 */
describe('changes not downloaded are not lost without asking (file mode)', () => {
  const pane = paneForSuite(baseUrl);
  const openInput = () => pane().page.locator('input[type="file"][aria-label="開くブック"]').first();
  const header = () => pane().page.locator('header');

  it('after 集約 the header says 未保存, and opening another workbook asks; Escape keeps the master', async () => {
    const { page } = pane();
    await openInput().setInputFiles(fixtures.master);
    await header().getByText(MASTER_FILE).waitFor();
    expect(await header().getByText('未保存').count()).toBe(0);
    const { tab: consolidate, panel } = tab(page, '集約');
    await consolidate.click();
    await panel.getByLabel('集約する各課のファイル').setInputFiles([...fixtures.departments]);
    await panel.getByRole('button', { name: `${fixtures.departments.length} 個のファイルを集約` }).click();
    await panel.getByLabel('集約の結果').waitFor();
    await header().getByText('未保存').waitFor();

    // In a task pane's width (360 px) the question keeps a margin on both sides, as a dialog does.
    const wide = page.viewportSize();
    await page.setViewportSize({ width: 360, height: 800 });
    await page.getByRole('button', { name: 'Excel ブック (.xlsx) を開く' }).focus();
    await openInput().setInputFiles(fixtures.planted);
    const dialog = page.getByRole('alertdialog', { name: 'ダウンロードしていない変更があります' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(`「${PLANTED_FILE}」を開くと、その変更は失われます。`);
    const box = (await dialog.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(8);
    expect(box.x + box.width).toBeLessThanOrEqual(360 - 8);
    if (wide) await page.setViewportSize(wide);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('ダウンロードしてから開く');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // Focus is back on the open button.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Excel ブック (.xlsx) を開く');
    expect(await header().getByText(MASTER_FILE).count()).toBe(1);
    expect(await header().getByText('未保存').count()).toBe(1);
  });

  it('「ダウンロードしてから開く」 downloads the consolidated master, then opens the file', async () => {
    const { page } = pane();
    await openInput().setInputFiles(fixtures.planted);
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    const saved = await downloads(page, 1, () =>
      dialog.getByRole('button', { name: 'ダウンロードしてから開く' }).click(),
    );
    expect(saved.map((s) => s.name)).toEqual([MASTER_FILE]);
    await header().getByText(PLANTED_FILE).waitFor();
    expect(await header().getByText('未保存').count()).toBe(0);
  });

  itMadeNoRequests(pane);

  it('after 検証 → セルに色を付ける, closing the tab asks (beforeunload)', async () => {
    const { page } = pane();
    const { tab: validate, panel } = tab(page, '検証');
    await validate.click();
    await panel.getByRole('button', { name: 'このブックを検証' }).click();
    await panel.getByRole('region', { name: '検証の指摘' }).waitFor();
    await panel.getByRole('button', { name: 'セルに色を付ける' }).click();
    await panel.getByText(/か所のセルに色を付けました/).waitFor();
    await header().getByText('未保存').waitFor();
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (d) => {
        resolve(d.type());
        void d.accept();
      }),
    );
    await page.close({ runBeforeUnload: true });
    expect(await asked).toBe('beforeunload');
  });
});
