// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { itemsForDepartment } from '../../src/domain/plan/planItems';
import { FileHost } from '../../src/taskpane/fileHost';
import { DOWNLOAD_GAP_MS } from '../../src/taskpane/tabs/useBuildTab';
import { excelHost, fileHost, loadFactory, masterPort, renderApp, sample } from './support';

afterEach(cleanup);

async function openBuildTab() {
  fireEvent.click(screen.getByRole('tab', { name: 'シート作成' }));
  return screen.findByRole('group', { name: /実践課/ });
}

describe('シート作成 tab', () => {
  it('defaults to the 体系’s year (as 集約 does, not today’s 令和7年度) and every department of the 体系', async () => {
    const { host } = fileHost(await masterPort());
    renderApp(host);
    const departments = await openBuildTab();
    // A walk-through built 令和8年度 files from a 令和6年度 体系 by the default, and 集約 then refused the year.
    await waitFor(() =>
      expect(
        (screen.getByRole('combobox', { name: '年度' }) as HTMLSelectElement).selectedOptions[0]?.textContent,
      ).toBe(`令和${sample.fiscalYear - 2018}年度`),
    );
    const boxes = within(departments).getAllByRole('checkbox');
    expect(boxes).toHaveLength(8);
    expect(boxes.every((b) => (b as HTMLInputElement).checked)).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'すべて解除' }));
    expect(screen.getByRole('button', { name: '課を選んでください' })).toHaveProperty('disabled', true);
  });

  it('builds the chosen departments’ sheets into this workbook, with progress and a result', async () => {
    const port = await masterPort();
    const host = excelHost(port);
    const progress = vi.fn();
    const write = port.writeSheets.bind(port);
    vi.spyOn(port, 'writeSheets').mockImplementation((specs, onProgress) =>
      write(specs, (p) => (progress(p), onProgress?.(p))),
    );
    renderApp(host);
    const departments = await openBuildTab();
    fireEvent.click(screen.getByRole('button', { name: 'すべて解除' }));
    fireEvent.click(within(departments).getByRole('checkbox', { name: /建設水道課/ }));
    fireEvent.change(screen.getByRole('combobox', { name: '年度' }), { target: { value: '2020' } });
    // One department in this workbook: its 取組項目 sheets and its 目次.
    const expected = itemsForDepartment(sample.plan, '建設水道課').length + 1;
    fireEvent.click(screen.getByRole('button', { name: `シートを作成（1 課・${expected} シート）` }));
    expect(
      await screen.findByText(
        `令和2年度の取組項目シートを ${expected} 枚作成しました。`,
        {},
        { timeout: 10_000 },
      ),
    ).toBeTruthy();
    const names = (await port.listSheets()).map((s) => s.name);
    expect(names.slice(0, 2)).toEqual(['体系', '全体計画']);
    expect(names).toHaveLength(2 + expected);
    expect(names).toContain('目次');
    expect(progress).toHaveBeenLastCalledWith(expect.objectContaining({ done: expected, total: expected }));
    // Building again adds nothing: the sheets are there.
    fireEvent.click(screen.getByRole('button', { name: /シートを作成/ }));
    expect(await screen.findByText(/作成するシートはありませんでした/, {}, { timeout: 10_000 })).toBeTruthy();
  });

  it('in Excel, opens one new workbook per department (createWorkbook with the .xlsx as base64)', async () => {
    const created: string[] = [];
    renderApp(excelHost(await masterPort(), async (base64) => void created.push(base64)));
    const departments = await openBuildTab();
    fireEvent.click(screen.getByRole('button', { name: 'すべて解除' }));
    fireEvent.click(within(departments).getByRole('checkbox', { name: /総務課/ }));
    fireEvent.click(within(departments).getByRole('checkbox', { name: /農業振興課/ }));
    fireEvent.click(screen.getByRole('radio', { name: /課ごとに新しいブックを作成/ }));
    fireEvent.click(screen.getByRole('button', { name: /シートを作成/ }));
    expect(
      await screen.findByText(/2 課のブック（計 \d+ シート）を Excel で開きました/, {}, { timeout: 10_000 }),
    ).toBeTruthy();
    expect(created).toHaveLength(2);
    expect(atob(created[0]!).slice(0, 2)).toBe('PK');
  });

  it('in file mode, downloads all departments as one .zip of <課>.xlsx', async () => {
    const { host, downloads } = fileHost(await masterPort());
    renderApp(host);
    await openBuildTab();
    fireEvent.click(screen.getByRole('radio', { name: /\.zip にまとめてダウンロード/ }));
    fireEvent.click(screen.getByRole('button', { name: /シートを作成（8 課/ }));
    await waitFor(() => expect(downloads).toHaveLength(1), { timeout: 15_000 });
    expect(downloads[0]!.fileName).toBe('令和2年度_課別シート.zip');
    const zip = unzipSync(downloads[0]!.data as Uint8Array);
    expect(Object.keys(zip).sort()).toEqual(sample.plan.departments.map((d) => `${d}.xlsx`).sort());
    expect(
      screen.getByText(
        /8 課のブック（計 \d+ シート）を「令和2年度_課別シート.zip」にまとめてダウンロードしました。/,
      ),
    ).toBeTruthy();
  });

  it('in file mode, hands the .xlsx files to the browser one at a time, a pause between them', async () => {
    // Chromium dropped 30 of 40 files handed over at once, while the pane said it had downloaded all 40.
    const handed: { fileName: string; at: number }[] = [];
    const host = new FileHost({
      loadFactory,
      download: (fileName) => handed.push({ fileName, at: performance.now() }),
      initial: { port: await masterPort(), name: '全体計画.xlsx' },
    });
    renderApp(host);
    await openBuildTab();
    fireEvent.click(screen.getByRole('radio', { name: '課ごとのブック (.xlsx) をダウンロード' }));
    fireEvent.click(screen.getByRole('button', { name: /シートを作成（8 課/ }));
    expect(
      await screen.findByText(
        /^8 個のブック（計 \d+ シート）を 1 つずつブラウザーに渡しました。ブラウザーが「複数のファイルのダウンロード」を許可するか尋ねたら、許可してください。.*「課ごとのブックを \.zip にまとめてダウンロード」なら 1 つのファイルで届きます。渡したブック: .+$/,
        {},
        { timeout: 20_000 },
      ),
    ).toBeTruthy();
    expect(handed.map((h) => h.fileName).sort()).toEqual(
      sample.plan.departments.map((d) => `${d}.xlsx`).sort(),
    );
    for (const [i, h] of handed.entries())
      if (i > 0) expect(h.at - handed[i - 1]!.at).toBeGreaterThanOrEqual(DOWNLOAD_GAP_MS - 5);
  });

  it('without a 体系, says to read one first', async () => {
    const { host } = fileHost();
    renderApp(host);
    fireEvent.click(screen.getByRole('tab', { name: 'シート作成' }));
    expect(within(screen.getByRole('tabpanel')).getByText('先に体系を読み込んでください')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '体系タブへ' }));
    expect(screen.getByRole('tab', { name: '体系' }).getAttribute('aria-selected')).toBe('true');
  });
});
