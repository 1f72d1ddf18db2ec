// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { buildDepartmentFiles } from '../../src/app/buildWorkbooks';
import { countBySeverity, type Finding } from '../../src/domain/finding';
import { formatFiscalYear } from '../../src/domain/fiscal/fiscalYear';
import { WRONG_YEAR_LABEL } from '../../src/taskpane/tabs/consolidationCounts';
import { buildMasterTemplate } from '../../src/domain/template/buildMasterTemplate';
import { excelJsFactory } from '../../src/workbook/exceljs/excelJsFactory';
import {
  departmentFiles,
  type Downloaded,
  excelHost,
  fileHost,
  fileOf,
  masterPort,
  renderApp,
  sample,
  statValue,
} from './support';

afterEach(cleanup);

interface Report {
  stamp: string;
  summary: { entries: number; rejectedFiles: number };
  inputs: { file: string; sheets: { outcome: string }[] }[];
  findings: Finding[];
}
const reportOf = (downloads: readonly Downloaded[]): Report =>
  JSON.parse(downloads.find((d) => d.fileName === 'report.json')!.data as string) as Report;
const severities = (findings: readonly Finding[]) => countBySeverity(findings);
const CORRUPT = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

/** The R2 department workbooks as returned by the departments, plus one broken file. */
async function pickedFiles(): Promise<File[]> {
  const files = (await departmentFiles()).map((f) => fileOf(f.fileName, f.bytes));
  return [...files, fileOf('壊れた.xlsx', CORRUPT)];
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

    expect(statValue('集約の結果', '集約した取組項目')).toBe('37');
    expect(statValue('集約の結果', '受付不可のファイル')).toBe('1');
    const broken = within(list).getByText('壊れた.xlsx').closest('li')!;
    expect(within(broken).getByText('エラー')).toBeTruthy();
    expect(within(broken).getByText(/「壊れた.xlsx」を Excel ブックとして読み込めませんでした/)).toBeTruthy();
    expect(
      await within(panel).findByText(
        /^8 個のファイルから取組項目 37 件を「全体計画」に集約しました（未提出 0 件）。確認が必要です: 受け付けられなかったファイル 1 個/,
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
    // The run stamp is printed in 和暦 with the clock time (report.json keeps the ISO stamp, below).
    expect(master.values[1]?.[0]).toMatch(/集約日時: 令和\d+年\d+月\d+日 \d+:\d{2}$/);
    fireEvent.click(within(panel).getByRole('button', { name: '全体計画 (.xlsx) をダウンロード' }));
    fireEvent.click(within(panel).getByRole('button', { name: 'report.json をダウンロード' }));
    await waitFor(() =>
      expect(downloads.map((d) => d.fileName).sort()).toEqual(['report.json', '令和2年度_全体計画.xlsx']),
    );
    const report = reportOf(downloads);
    expect(report.summary).toEqual(expect.objectContaining({ entries: 37, rejectedFiles: 1 }));
    // The run stamp is the local time with its offset, as the CLI writes it (not UTC's …Z).
    expect(report.stamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    // A file read with findings is 要確認, one without 集約済み: the row never looks complete when it is not.
    for (const name of ['総務課.xlsx', '町民生活課.xlsx']) {
      const row = within(list).getByText(name).closest('li')!;
      const own = severities(report.findings.filter((f) => f.place.file === name));
      const badge = own.error + own.warning > 0 ? '要確認' : '集約済み';
      expect(within(row).getByText(badge)).toBeTruthy();
    }
    // The pane counts errors and warnings as the CLI does: every finding of report.json.
    expect(statValue('集約の結果', 'エラー')).toBe(String(severities(report.findings).error));
    expect(statValue('集約の結果', '警告')).toBe(String(severities(report.findings).warning));
    // …and lists them by file and sheet, each with its cell and message, as report.json has them.
    const listed = report.findings.filter((f) => f.severity !== 'info');
    expect(listed.length).toBeGreaterThan(0);
    const section = within(panel).getByRole('region', { name: '集約の指摘' });
    expect(within(section).getByText(`エラーと警告（${listed.length}）`)).toBeTruthy();
    const withCell = listed.find((f) => f.place.file && f.place.sheet && f.place.cell)!;
    const group = within(section).getByRole('region', {
      name: `「${withCell.place.file}」のシート「${withCell.place.sheet}」`,
    });
    expect(within(group).getAllByText(withCell.message).length).toBeGreaterThan(0);
    expect(within(group).getAllByText(new RegExp(`セル ${withCell.place.cell}`)).length).toBeGreaterThan(0);
  });

  it('lists 未提出 items when a department has not sent its file (Excel mode, no download buttons)', async () => {
    const port = await masterPort();
    renderApp(excelHost(port));
    const files = (await pickedFiles()).filter(
      (f) => f.name !== '建設水道課.xlsx' && f.name !== '壊れた.xlsx',
    );
    const { panel } = await consolidateFiles(files);
    expect(Number(statValue('集約の結果', '未提出の取組項目'))).toBeGreaterThan(0);
    const missing = within(panel).getByRole('region', { name: '未提出' });
    expect(within(missing).getAllByText(/— 建設水道課$/).length).toBeGreaterThan(0);
    expect(within(panel).queryByRole('button', { name: 'report.json をダウンロード' })).toBeNull();
    expect(sample.plan.departments).toContain('建設水道課');
  });

  it('says when a 未提出 item came back as a blank sheet (the workbook was returned unfilled)', async () => {
    renderApp(excelHost(await masterPort()));
    const [blank] = await buildDepartmentFiles(excelJsFactory, {
      plan: sample.plan,
      fiscalYear: sample.fiscalYear,
      departments: ['建設水道課'],
    });
    const others = (await pickedFiles()).filter(
      (f) => f.name !== '建設水道課.xlsx' && f.name !== '壊れた.xlsx',
    );
    const { panel, list } = await consolidateFiles([...others, fileOf('建設水道課.xlsx', blank!.bytes)]);
    const missing = within(panel).getByRole('region', { name: '未提出' });
    const items = within(missing).getAllByRole('listitem');
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item.textContent).toMatch(/— 建設水道課（届いたシートは空欄）$/);
    // The file's own row says why it needs a look: the sheets it had to fill are blank.
    const row = within(list)
      .getAllByRole('listitem')
      .find((li) => li.textContent?.includes('建設水道課.xlsx'))!;
    expect(row.textContent).toContain(`記入が必要なシート ${items.length} 枚が空欄です（未提出の扱い）`);
    expect(within(row).getByText('要確認')).toBeTruthy();
  });

  it.each([
    ['the good file first', false],
    ['the broken file first', true],
  ])(
    'two files named 総務課.xlsx, one broken (%s): each row shows its own outcome, told apart by name, size and time',
    async (_, brokenFirst) => {
      const { host, downloads } = fileHost(await masterPort(), '令和2年度_全体計画.xlsx');
      renderApp(host);
      const good = (await departmentFiles()).find((f) => f.department === '総務課')!;
      const pair = [
        fileOf('総務課.xlsx', good.bytes, Date.UTC(2021, 2, 31, 0, 0)),
        fileOf('総務課.xlsx', CORRUPT, Date.UTC(2021, 3, 2, 0, 0)),
      ];
      const { panel, list } = await consolidateFiles(brokenFirst ? pair.reverse() : pair);
      const [first, second] = within(list).getAllByRole('listitem');
      const [broken, read] = brokenFirst ? [first!, second!] : [second!, first!];
      // Each row shows its own outcome (before, both showed the broken file's reason)…
      expect(within(read).queryByText('エラー')).toBeNull();
      expect(within(read).queryByText(/読み込めませんでした/)).toBeNull();
      expect(within(read).getByText(/^\d+ シートを集約/)).toBeTruthy();
      // …and they are told apart: the second is numbered, and both show their size and time.
      expect(within(first!).getByText('総務課.xlsx')).toBeTruthy();
      expect(within(second!).getByText('総務課（2）.xlsx')).toBeTruthy();
      expect(second!.textContent).toMatch(/元の名前 総務課.xlsx・\d/);
      const brokenLabel = brokenFirst ? '総務課.xlsx' : '総務課（2）.xlsx';
      expect(within(broken).getByText('エラー')).toBeTruthy();
      expect(
        within(broken).getByText(`「${brokenLabel}」を Excel ブックとして読み込めませんでした`, {
          exact: false,
        }),
      ).toBeTruthy();
      expect(broken.textContent).toMatch(/・?14 B・\d{4}\/\d{2}\/\d{2} \d{2}:\d{2} 更新/);
      expect(read.textContent).toMatch(/\d KB・\d{4}\/\d{2}\/\d{2} \d{2}:\d{2} 更新/);
      // Each can be taken off on its own.
      expect(within(panel).getByRole('button', { name: '総務課（2）.xlsx を外す' })).toBeTruthy();
      expect(statValue('集約の結果', '受付不可のファイル')).toBe('1');
      fireEvent.click(within(panel).getByRole('button', { name: 'report.json をダウンロード' }));
      await waitFor(() => expect(downloads).toHaveLength(1));
      expect(
        reportOf(downloads)
          .inputs.map((i) => i.file)
          .sort(),
      ).toEqual(['総務課.xlsx', '総務課（2）.xlsx']);
    },
    30_000,
  );

  it('a file of another year counts its reading findings in its row and in the result, never looking complete', async () => {
    const { host, downloads } = fileHost(await masterPort(), '令和2年度_全体計画.xlsx');
    renderApp(host);
    const somu = sample.entries.filter((e) => e.department === '総務課');
    const [wrongYear] = await buildDepartmentFiles(excelJsFactory, {
      plan: sample.plan,
      fiscalYear: sample.fiscalYear + 1,
      departments: ['総務課'],
      entries: somu.map((e) => ({ ...e, fiscalYear: sample.fiscalYear + 1 })),
    });
    const right = (await departmentFiles()).find((f) => f.department === '町民生活課')!;
    const { panel, list } = await consolidateFiles([
      fileOf('総務課_令和3年度.xlsx', wrongYear!.bytes),
      fileOf(right.fileName, right.bytes),
    ]);
    fireEvent.click(within(panel).getByRole('button', { name: 'report.json をダウンロード' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    const report = reportOf(downloads);
    const own = report.findings.filter((f) => f.place.file === '総務課_令和3年度.xlsx');
    expect(own.length).toBeGreaterThan(0);

    const row = within(list).getByText('総務課_令和3年度.xlsx').closest('li')!;
    expect(within(row).getByText('要確認')).toBeTruthy();
    expect(within(row).queryByText('集約済み')).toBeNull();
    const counts = severities(own);
    expect(within(row).getByText(`エラー ${counts.error} 件・警告 ${counts.warning} 件`)).toBeTruthy();

    const all = severities(report.findings);
    expect(statValue('集約の結果', 'エラー')).toBe(String(all.error));
    expect(statValue('集約の結果', '警告')).toBe(String(all.warning));
    expect(all.warning).toBeGreaterThanOrEqual(counts.warning);
    const wrongYearSheets = report.inputs.flatMap((i) => i.sheets).filter((x) => x.outcome === 'wrong-year');
    expect(statValue('集約の結果', WRONG_YEAR_LABEL)).toBe(String(wrongYearSheets.length));
    const rejected = report.summary.rejectedFiles;
    const issues = [
      ...(rejected > 0 ? [`受け付けられなかったファイル ${rejected} 個`] : []),
      ...(wrongYearSheets.length > 0 ? [`${WRONG_YEAR_LABEL} ${wrongYearSheets.length} 件`] : []),
      ...(all.error > 0 ? [`エラー ${all.error} 件`] : []),
      ...(all.warning > 0 ? [`警告 ${all.warning} 件`] : []),
    ];
    expect(issues.length).toBeGreaterThan(0);
    // The message comes with the operation's end, a render after the result tiles.
    expect(
      await within(panel).findByText(
        new RegExp(
          `^2 個のファイルから取組項目 \\d+ 件を「全体計画」に集約しました（未提出 \\d+ 件）。確認が必要です: ${issues.join('、')}。$`,
        ),
      ),
    ).toBeTruthy();
    expect(within(panel).getByText(/^2 個のファイルのシート \d+ 枚: /)).toBeTruthy();
  }, 30_000);

  it('offers every year from the 体系’s year (令和2) through two years ahead, 令和3・4年度 included', async () => {
    const { host } = fileHost(await masterPort(), '令和2年度_全体計画.xlsx');
    renderApp(host);
    fireEvent.click(screen.getByRole('tab', { name: '集約' }));
    const panel = screen.getByRole('tabpanel');
    const select = (await within(panel).findByLabelText('年度')) as HTMLSelectElement;
    await waitFor(() => expect(select.value).toBe(String(sample.fiscalYear)));
    expect([...select.options].map((o) => o.text)).toEqual([
      '令和9年度',
      '令和8年度',
      '令和7年度',
      '令和6年度',
      '令和5年度',
      '令和4年度',
      '令和3年度',
      '令和2年度',
    ]);
  });

  /** 総務課's file and 町民生活課's, each built for the year given. */
  async function filesOfYears(years: { somu: number; chomin: number }): Promise<File[]> {
    const build = async (department: string, fiscalYear: number) => {
      const entries = sample.entries
        .filter((e) => e.department === department)
        .map((e) => ({ ...e, fiscalYear }));
      const [file] = await buildDepartmentFiles(excelJsFactory, {
        plan: sample.plan,
        fiscalYear,
        departments: [department],
        entries,
      });
      return fileOf(`${department}_${formatFiscalYear(fiscalYear)}.xlsx`, file!.bytes);
    };
    return [await build('総務課', years.somu), await build('町民生活課', years.chomin)];
  }

  const R2 = sample.fiscalYear;
  it.each([
    {
      name: 'the 年度 untouched and every file of 令和3年度: the files decide, and the pane says so',
      years: { somu: R2 + 1, chomin: R2 + 1 },
      pick: undefined,
      note: /^ファイルに書かれた年度で集約しました（令和3年度）。「年度」に表示していた令和2年度とは違います。$/,
      wrongYear: 'none',
      selected: R2 + 1,
    },
    {
      name: 'the 年度 untouched and every file of the 体系’s year: the files decide',
      years: { somu: R2, chomin: R2 },
      pick: undefined,
      note: /^ファイルに書かれた年度で集約しました（令和2年度）。$/,
      wrongYear: 'none',
      selected: R2,
    },
    {
      name: 'the 年度 untouched and the files disagree, one of them of the list’s year: that year, each file’s year named',
      years: { somu: R2 + 1, chomin: R2 },
      pick: undefined,
      note: /^ファイルの年度が揃っていないため、「年度」の令和2年度で集約しました。ファイルの年度: 令和2年度: 町民生活課_令和2年度.xlsx／令和3年度: 総務課_令和3年度.xlsx。/,
      wrongYear: 'some',
      selected: R2,
    },
    {
      name: 'the user picked 令和2年度: the picked year wins over the files, whose other year is named',
      years: { somu: R2 + 1, chomin: R2 + 1 },
      pick: R2,
      note: /^令和2年度で集約しました（「年度」で選んだ年度）。ほかの年度のシートがあるファイル: 令和3年度: 総務課_令和3年度.xlsx、町民生活課_令和3年度.xlsx。/,
      wrongYear: 'some',
      selected: R2,
    },
  ])(
    '$name',
    async ({ years, pick, note, wrongYear, selected }) => {
      const port = await masterPort();
      renderApp(fileHost(port, '令和2年度_全体計画.xlsx').host);
      fireEvent.click(screen.getByRole('tab', { name: '集約' }));
      const select = (await within(screen.getByRole('tabpanel')).findByLabelText(
        '年度',
      )) as HTMLSelectElement;
      await waitFor(() => expect(select.value).toBe(String(R2)));
      if (pick !== undefined) fireEvent.change(select, { target: { value: String(pick) } });
      const { panel } = await consolidateFiles(await filesOfYears(years));
      expect(within(panel).getByText(note)).toBeTruthy();
      expect(Number(statValue('集約の結果', WRONG_YEAR_LABEL)) > 0 ? 'some' : 'none').toBe(wrongYear);
      expect(select.value).toBe(String(selected));
      const master = (await port.readSnapshot(['全体計画'])).sheets[0]!;
      expect(master.values[0]?.[0]).toContain(formatFiscalYear(selected));
    },
    30_000,
  );

  it('the 年度 untouched and the files disagree on years other than the list’s: asks for a year and writes nothing', async () => {
    const port = await masterPort();
    const before = (await port.readSnapshot(['全体計画'])).sheets[0]!.values;
    renderApp(fileHost(port, '令和2年度_全体計画.xlsx').host);
    fireEvent.click(screen.getByRole('tab', { name: '集約' }));
    const panel = screen.getByRole('tabpanel');
    const files = await filesOfYears({ somu: R2 + 1, chomin: R2 + 2 });
    fireEvent.change(within(panel).getByLabelText('集約する各課のファイル'), { target: { files } });
    const list = await within(panel).findByRole('region', { name: '集約するファイル' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    fireEvent.click(within(panel).getByRole('button', { name: '2 個のファイルを集約' }));
    expect(
      await within(panel).findByText(
        'ファイルの年度が揃っていないため、どの年度として集約するか決められません（令和3年度: 総務課_令和3年度.xlsx／令和4年度: 町民生活課_令和4年度.xlsx）。「年度」で集約する年度を選んでから、もう一度集約してください。全体計画は変更していません。',
        {},
        { timeout: 20_000 },
      ),
    ).toBeTruthy();
    expect(within(panel).queryByLabelText('集約の結果')).toBeNull();
    expect(within(list).getAllByText('待機')).toHaveLength(2);
    expect((await port.readSnapshot(['全体計画'])).sheets[0]!.values).toEqual(before);
  }, 30_000);

  it('refuses to write 令和3年度 over an open 令和2年度 master already consolidated, and writes nothing', async () => {
    const port = await masterPort();
    renderApp(fileHost(port, '令和2年度_全体計画.xlsx').host);
    await consolidateFiles(await filesOfYears({ somu: R2, chomin: R2 }));
    const before = (await port.readSnapshot(['全体計画'])).sheets[0]!.values;
    // The consolidated master opened again, the next year's returns given to it.
    cleanup();
    renderApp(fileHost(port, '令和2年度_全体計画.xlsx').host);
    fireEvent.click(screen.getByRole('tab', { name: '集約' }));
    const panel = screen.getByRole('tabpanel');
    const files = await filesOfYears({ somu: R2 + 1, chomin: R2 + 1 });
    fireEvent.change(within(panel).getByLabelText('集約する各課のファイル'), { target: { files } });
    fireEvent.click(await within(panel).findByRole('button', { name: '2 個のファイルを集約' }));
    expect(
      await within(panel).findByText(
        /^集約先の「令和2年度_全体計画\.xlsx」は令和2年度の全体計画です。令和3年度として集約すると令和2年度の全体計画が失われるため、何も書かずに止めました。（令和3年度は、ファイルに書かれた年度です。）令和3年度の全体計画のブック（シート作成タブの「前年度の全体計画から作成（引継ぎ）」/,
        {},
        { timeout: 20_000 },
      ),
    ).toBeTruthy();
    expect((await port.readSnapshot(['全体計画'])).sheets[0]!.values).toEqual(before);
  }, 30_000);

  it('says when the 確認する時期 chosen does not fit the files (計画 for files filled to 年度末)', async () => {
    renderApp(excelHost(await masterPort()));
    fireEvent.click(screen.getByRole('tab', { name: '集約' }));
    fireEvent.change(
      await within(screen.getByRole('tabpanel')).findByRole(
        'combobox',
        { name: '確認する時期' },
        { timeout: 10_000 },
      ),
      { target: { value: 'plan' } },
    );
    const files = (await pickedFiles()).filter((f) => f.name !== '壊れた.xlsx');
    const { panel } = await consolidateFiles(files);
    const bar = within(panel)
      .getByText('確認する時期', { selector: '.fui-MessageBarTitle' })
      .closest('.fui-MessageBar')!;
    expect(bar.textContent).toContain('年度末まで確かめるには、「確認する時期」を「年度末」にしてください。');
  }, 30_000);

  it('says, on consolidating this year’s master again, what a department’s file not given again took out', async () => {
    const port = await masterPort();
    renderApp(fileHost(port, '令和2年度_全体計画.xlsx').host);
    const planRead = () =>
      screen.findByRole('heading', { level: 2, name: /^シート「体系」/ }, { timeout: 10_000 });
    await planRead();
    const all = (await pickedFiles()).filter((f) => f.name !== '壊れた.xlsx');
    const first = await consolidateFiles(all);
    expect(within(first.panel).queryByText(/前回の集約から外れた記入/)).toBeNull();
    // March: every department but 建設水道課 sends again.
    cleanup();
    renderApp(fileHost(port, '令和2年度_全体計画.xlsx').host);
    await planRead();
    const { panel } = await consolidateFiles(all.filter((f) => f.name !== '建設水道課.xlsx'));
    const bar = within(panel)
      .getByText(/^前回の集約から外れた記入（\d+）$/)
      .closest('.fui-MessageBar')!;
    expect(bar.textContent).toContain('前回集約したファイルも一緒に指定して、集約し直してください');
    expect(within(bar as HTMLElement).getAllByText(/ 建設水道課$/).length).toBeGreaterThan(0);
  }, 60_000);

  it('when the run ends, scrolls its button to the top (its message and the result below), keeping the focus', async () => {
    const scrolled: { element: Element; options: unknown }[] = [];
    const own = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollIntoView');
    // jsdom lays nothing out and has no scrollIntoView: record where the pane asks the page to scroll.
    Element.prototype.scrollIntoView = function (this: Element, options?: boolean | ScrollIntoViewOptions) {
      scrolled.push({ element: this, options });
    };
    try {
      renderApp(fileHost(await masterPort(), '令和2年度_全体計画.xlsx').host);
      fireEvent.click(screen.getByRole('tab', { name: '集約' }));
      const panel = screen.getByRole('tabpanel');
      const files = (await departmentFiles()).map((f) => fileOf(f.fileName, f.bytes));
      fireEvent.change(within(panel).getByLabelText('集約する各課のファイル'), { target: { files } });
      const button = await within(panel).findByRole('button', { name: `${files.length} 個のファイルを集約` });
      button.focus();
      fireEvent.click(button);
      await within(panel).findByLabelText('集約の結果', {}, { timeout: 20_000 });
      // The rows grew by their outcomes while it ran: the result would be far below the fold.
      await waitFor(() =>
        expect(scrolled).toEqual([{ element: button, options: { block: 'start', inline: 'nearest' } }]),
      );
      expect(document.activeElement).toBe(button);
    } finally {
      if (own) Object.defineProperty(Element.prototype, 'scrollIntoView', own);
      else delete (Element.prototype as Partial<Element>).scrollIntoView;
    }
  });

  it('without a 体系, says to read one first', async () => {
    const { host } = fileHost();
    renderApp(host);
    fireEvent.click(screen.getByRole('tab', { name: '集約' }));
    expect(within(screen.getByRole('tabpanel')).getByText('先に体系を読み込んでください')).toBeTruthy();
  });
  it('refuses to consolidate into a department workbook, even with a 体系 inserted into it, and writes nothing', async () => {
    const [somu] = await departmentFiles();
    const opened = await excelJsFactory.open(somu!.bytes, somu!.fileName);
    if (!opened.ok) throw new Error(opened.error.message);
    const port = opened.value;
    const plan = buildMasterTemplate({ plan: sample.plan, fiscalYear: sample.fiscalYear, title: 't' });
    await port.writeSheets(plan.sheets.filter((s) => s.name === '体系'));
    const before = (await port.listSheets()).map((s) => s.name);
    const { host } = fileHost(port, somu!.fileName);
    renderApp(host);
    fireEvent.click(screen.getByRole('tab', { name: '集約' }));
    const panel = screen.getByRole('tabpanel');
    const files = (await departmentFiles()).map((f) => fileOf(f.fileName, f.bytes));
    fireEvent.change(within(panel).getByLabelText('集約する各課のファイル'), { target: { files } });
    fireEvent.click(await within(panel).findByRole('button', { name: `${files.length} 個のファイルを集約` }));
    expect(
      await within(panel).findByText(
        /^集約先の「総務課\.xlsx」は各課の取組項目シートのブックです（取組項目シート \d+ 枚）。.*全体計画のブック（または体系のブック）を開いてから集約してください。/,
        {},
        { timeout: 20_000 },
      ),
    ).toBeTruthy();
    expect((await port.listSheets()).map((s) => s.name)).toEqual(before);
  });
});
