// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  departmentFiles,
  excelHost,
  fileHost,
  fileOf,
  masterPort,
  renderApp,
  sample,
  statValue,
} from './support';

afterEach(cleanup);

/** The R2 department workbooks as returned by the departments, plus one broken file. */
async function pickedFiles(): Promise<File[]> {
  const files = (await departmentFiles()).map((f) => fileOf(f.fileName, f.bytes));
  const corrupt = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  return [...files, fileOf('壊れた.xlsx', corrupt)];
}

async function consolidateFiles(files: File[]) {
  fireEvent.click(screen.getByRole('tab', { name: '集約' }));
  const panel = screen.getByRole('tabpanel');
  fireEvent.change(within(panel).getByLabelText('集約する各課のファイル'), { target: { files } });
  const list = await within(panel).findByRole('region', { name: '集約するファイル' });
  await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(files.length));
  expect(within(list).getAllByText('待機')).toHaveLength(files.length);
  fireEvent.click(within(panel).getByRole('button', { name: `${files.length} 個のファイルを集約` }));
  await within(panel).findByLabelText('集約の結果', {}, { timeout: 20_000 });
  return { panel, list };
}

describe('集約 tab', () => {
  it('consolidates the R2 department files into 全体計画 and reports the corrupted file with its reason', async () => {
    const port = await masterPort();
    const { host, downloads } = fileHost(port, '令和2年度_全体計画.xlsx');
    renderApp(host);
    const files = await pickedFiles();
    const { panel, list } = await consolidateFiles(files);

    expect(statValue('集約の結果', '集約')).toBe('37');
    expect(statValue('集約の結果', '受付不可')).toBe('1');
    const broken = within(list).getByText('壊れた.xlsx').closest('li')!;
    expect(within(broken).getByText('エラー')).toBeTruthy();
    expect(within(broken).getByText(/「壊れた.xlsx」を Excel ブックとして読み込めませんでした/)).toBeTruthy();
    const somu = within(list).getByText('総務課.xlsx').closest('li')!;
    expect(within(somu).getByText('集約済み')).toBeTruthy();
    expect(
      await within(panel).findByText(
        /9 個のファイルから 37 件を「全体計画」に集約しました。受け付けられなかったファイルが 1 個あります。/,
      ),
    ).toBeTruthy();

    // The achievement breakdown and the 未提出 list are shown.
    const achievement = within(panel).getByLabelText('目標の達成状況');
    for (const label of ['達成できた', '一部達成できた', '達成できなかった', '未記入'])
      expect(within(achievement).getByText(label)).toBeTruthy();
    expect(within(panel).getByRole('region', { name: '未提出' })).toBeTruthy();

    // The master now holds 全体計画 rows; in file mode both results can be downloaded.
    const master = (await port.readSnapshot(['全体計画'])).sheets[0]!;
    expect(master.values.length).toBeGreaterThan(30);
    // The run stamp is the local time with its offset, as the CLI writes it (not UTC's …Z).
    expect(master.values[1]?.[0]).toMatch(/集約日時: \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    fireEvent.click(within(panel).getByRole('button', { name: '全体計画 (.xlsx) をダウンロード' }));
    fireEvent.click(within(panel).getByRole('button', { name: 'report.json をダウンロード' }));
    await waitFor(() =>
      expect(downloads.map((d) => d.fileName).sort()).toEqual(['report.json', '令和2年度_全体計画.xlsx']),
    );
    const report = JSON.parse(downloads.find((d) => d.fileName === 'report.json')!.data as string) as {
      summary: { entries: number; rejectedFiles: number };
    };
    expect(report.summary).toEqual(expect.objectContaining({ entries: 37, rejectedFiles: 1 }));
  });

  it('lists 未提出 items when a department has not sent its file (Excel mode, no download buttons)', async () => {
    const port = await masterPort();
    renderApp(excelHost(port));
    const files = (await pickedFiles()).filter(
      (f) => f.name !== '建設水道課.xlsx' && f.name !== '壊れた.xlsx',
    );
    const { panel } = await consolidateFiles(files);
    expect(Number(statValue('集約の結果', '未提出'))).toBeGreaterThan(0);
    const missing = within(panel).getByRole('region', { name: '未提出' });
    expect(within(missing).getAllByText(/— 建設水道課$/).length).toBeGreaterThan(0);
    expect(within(panel).queryByRole('button', { name: 'report.json をダウンロード' })).toBeNull();
    expect(sample.plan.departments).toContain('建設水道課');
  });

  it('without a 体系, says to read one first', async () => {
    const { host } = fileHost();
    renderApp(host);
    fireEvent.click(screen.getByRole('tab', { name: '集約' }));
    expect(within(screen.getByRole('tabpanel')).getByText('先に体系を読み込んでください')).toBeTruthy();
  });
});
