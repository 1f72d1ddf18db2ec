import { resolve } from 'node:path';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PORT_CASES } from '../../src/workbook/contract/portCases';
import { launchBrowser, openPane } from './pane';

const baseUrl = inject('baseUrl');

/** The in-memory Excel as one script for the page: built here, for this test only, never into dist/. */
async function fakeExcelScript(): Promise<string> {
  const out = await build({
    entryPoints: [resolve(import.meta.dirname, '../officejs/fake/browser.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0]?.text ?? '';
}

describe('自己診断 in the pane, in Chromium, against the in-memory Excel injected into the page', () => {
  let browser: Browser;
  let fake: string;
  beforeAll(async () => {
    [browser, fake] = await Promise.all([launchBrowser(), fakeExcelScript()]);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('runs every contract case on the open workbook, shows each result and the report, and removes its sheets', async () => {
    // office.js itself is served empty: the injected fake already provides Office, Excel and OfficeExtension.
    const pane = await openPane(browser, baseUrl, { initScript: fake, officeJs: '' });
    try {
      const { page } = pane;
      await expect.poll(() => page.locator('header').textContent()).toContain('Excel');
      const selfTestChunk = () => pane.requests.filter((r) => /selftest/.test(r.url)).length;
      expect(selfTestChunk()).toBe(0); // not on the first screen

      // In Excel the pane is online (office.js comes from Microsoft's CDN); openPane went offline after loading.
      await pane.context.setOffline(false);
      await page.getByRole('button', { name: '自己診断', exact: true }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `全 ${PORT_CASES.length} 件 合格しました。` })
        .waitFor({ timeout: 90_000 });
      expect(selfTestChunk()).toBeGreaterThan(0);

      const items = page.getByRole('list', { name: '診断項目' }).getByRole('listitem');
      expect(await items.allTextContents()).toEqual(PORT_CASES.map((c) => `✓ 合格 ${c.label}`));
      const report = await page.getByRole('textbox', { name: '診断結果（送る文章）' }).inputValue();
      expect(report).toContain('ExcelApi: 1.17');
      expect(report).toContain(`合格 ${PORT_CASES.length} 件、不合格 0 件`);
      expect(report).toContain('OfficeOnline');

      await page.getByRole('button', { name: '結果をコピー' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /コピー/ })
        .first()
        .waitFor();

      const sheets = await page.evaluate(() =>
        (
          globalThis as unknown as { __suishinFakeExcel: { state: { sheets: { name: string }[] } } }
        ).__suishinFakeExcel.state.sheets.map((s) => s.name),
      );
      expect(sheets).toEqual(['Sheet1']);
      expect(pane.errors).toEqual([]);
    } finally {
      await pane.close();
    }
  });
});
