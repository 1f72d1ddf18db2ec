import { copyFileSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPane, seriousViolations, tab, type Pane } from './pane';

const baseUrl = inject('baseUrl');
const fixtures = inject('fixtures');

/**
 * The `<input webkitdirectory>` path (the browser's folder dialog, showDirectoryPicker, is taken away: a headless
 * test cannot answer it), and every File whose bytes the page reads, by its path in the folder.
 */
const INIT = `(() => {
  Object.defineProperty(window, 'showDirectoryPicker', { value: undefined, configurable: true });
  window.__reads = [];
  const arrayBuffer = Blob.prototype.arrayBuffer;
  Blob.prototype.arrayBuffer = function () {
    if (this instanceof File) window.__reads.push(this.webkitRelativePath || this.name);
    return arrayBuffer.call(this);
  };
})()`;

const reads = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { __reads: string[] }).__reads.splice(0).sort());

describe('集約: 「フォルダーを開く」 and 「再読み込み」 in file mode', () => {
  let browser: Browser;
  let pane: Pane;
  const root = join(mkdtempSync(join(tmpdir(), 'suishin-folder-')), '提出');
  const [first, second, third, fourth] = fixtures.departments;
  beforeAll(async () => {
    // 提出/ with three department files, one more in a subfolder, Excel's lock file, a temp file and a memo.
    mkdirSync(join(root, '税務課'), { recursive: true });
    for (const f of [first!, second!, third!]) copyFileSync(f, join(root, basename(f)));
    copyFileSync(fourth!, join(root, '税務課', basename(fourth!)));
    writeFileSync(join(root, `~$${basename(first!)}`), Buffer.from('\x08yamada', 'latin1'));
    writeFileSync(join(root, '税務課', '~WRL0001.tmp'), 'temp');
    writeFileSync(join(root, 'メモ.txt'), '提出状況のメモ');
    browser = await launchBrowser();
    pane = await openPane(browser, baseUrl, { initScript: INIT, bypassCsp: true });
  });
  afterAll(async () => {
    await pane?.close();
    await browser?.close();
  });

  it('reads every workbook in the folder and its subfolder, and says which files it left out', async () => {
    const { page } = pane;
    await page.locator('input[type="file"][aria-label="開くブック"]').first().setInputFiles(fixtures.master);
    await page.getByRole('heading', { name: 'シート「体系」・令和2年度' }).waitFor();
    await reads(page);
    const { tab: consolidate, panel } = tab(page, '集約');
    await consolidate.click();
    await panel.getByRole('button', { name: 'フォルダーを開く' }).waitFor();
    // The hints say that a return in another format is named, not left out unseen.
    await panel
      .getByText('PDF や .xls などで届いたものは受付不可として名前を示します', { exact: false })
      .waitFor();
    await panel
      .getByText('PDF・Word・.xls・.ods で届いたものは受付不可として名前を示し', { exact: false })
      .waitFor();
    // Playwright hands a directory to a webkitdirectory input as the browser's folder dialog would.
    await panel.getByLabel('各課のファイルが届くフォルダー').setInputFiles(root);
    // The visible message (the same words go to the pane's live region, outside the panel).
    const status = panel.locator('.fui-MessageBar').filter({ hasText: 'フォルダー「提出」' });
    await status.waitFor();
    const text = await status.textContent();
    expect(text).toContain('フォルダー「提出」から 4 個のファイルを読み込みました（サブフォルダーを含む）。');
    expect(text).toContain(`~$${basename(first!)}（Excel などがブックを開いている間に作るロックファイル）`);
    expect(text).toContain('~WRL0001.tmp（一時ファイル）');
    expect(text).toContain('メモ.txt（Excel ブックではないファイル）');
    const list = panel.getByRole('region', { name: '集約するファイル' });
    expect(await list.getByRole('listitem').count()).toBe(4);
    expect(await list.getByText(`提出/税務課/${basename(fourth!)}`, { exact: true }).count()).toBe(1);
    expect(await reads(page)).toEqual(
      [first!, second!, third!]
        .map((f) => `提出/${basename(f)}`)
        .concat(`提出/税務課/${basename(fourth!)}`)
        .sort(),
    );
  });

  it('consolidates the folder’s files', async () => {
    const { panel } = tab(pane.page, '集約');
    await panel.getByRole('button', { name: '4 個のファイルを集約' }).click();
    await panel.getByLabel('集約の結果').waitFor();
  });

  it('「再読み込み」 with the folder picked again reads only the file that changed', async () => {
    const { page } = pane;
    const { panel } = tab(page, '集約');
    // One department saves its file again: a later modified time (the size may well stay the same).
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(root, basename(second!)), later, later);
    const chooser = page.waitForEvent('filechooser');
    await panel.getByRole('button', { name: /^再読み込み/ }).click();
    await (await chooser).setFiles(root);
    await panel.getByText('フォルダー「提出」を読み直しました').waitFor();
    expect(await reads(page)).toEqual([`提出/${basename(second!)}`]);
    const text = await panel.locator('.fui-MessageBar').filter({ hasText: '読み直しました' }).textContent();
    expect(text).toContain('新しいか変わっていた 1 個を読み込み、変わっていない 3 個はそのままにしました');
    // The re-read file waits for the next consolidation like the others; the list keeps 4 rows.
    const list = panel.getByRole('region', { name: '集約するファイル' });
    expect(await list.getByRole('listitem').count()).toBe(4);
    expect(await list.getByText('待機', { exact: true }).count()).toBe(4);
  });

  it('reads nothing when nothing changed, and drops a file deleted from the folder', async () => {
    const { page } = pane;
    const { panel } = tab(page, '集約');
    let chooser = page.waitForEvent('filechooser');
    await panel.getByRole('button', { name: /^再読み込み/ }).click();
    await (await chooser).setFiles(root);
    await panel.getByText('フォルダー「提出」のファイルは前回から変わっていません（4 個）。').waitFor();
    expect(await reads(page)).toEqual([]);

    const { rmSync } = await import('node:fs');
    rmSync(join(root, basename(third!)));
    chooser = page.waitForEvent('filechooser');
    await panel.getByRole('button', { name: /^再読み込み/ }).click();
    await (await chooser).setFiles(root);
    await panel.getByText('フォルダーからなくなった 1 個をリストから外しました').waitFor();
    expect(await reads(page)).toEqual([]);
    const list = panel.getByRole('region', { name: '集約するファイル' });
    expect(await list.getByRole('listitem').count()).toBe(3);
  });

  it('is keyboard reachable and has no serious accessibility violation', async () => {
    const { page } = pane;
    const open = page.getByRole('button', { name: 'フォルダーを開く' });
    await open.focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('再読み込み');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('made no request after the page had loaded, and none off this machine', () => {
    expect(pane.workRequests()).toEqual([]);
    expect(pane.foreignRequests()).toEqual([]);
    expect(pane.errors).toEqual([]);
  });
});
