// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/domain/finding';
import { FindingList } from '../../src/taskpane/components/FindingList';
import { planReducer, type PlanState } from '../../src/taskpane/hooks/useWorkbookPlan';
import type { WorkbookPlan } from '../../src/taskpane/workbookPlan';
import { excelJsFactory } from '../../src/workbook/exceljs/excelJsFactory';
import { departmentFiles, fileHost, fileOf, masterPort, renderApp } from './support';

afterEach(cleanup);

/** The pane's polite live region (LiveRegion). */
const liveRegion = (): HTMLElement => {
  const regions = document.querySelectorAll<HTMLElement>('[role="status"][aria-live="polite"]');
  expect(regions).toHaveLength(1);
  return regions[0]!;
};

/** Heading levels of what is shown, in order (the hidden tab panels left out). */
const headingLevels = (): number[] =>
  [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
    .filter((h) => h.closest('[hidden]') === null)
    .map((h) => Number(h.tagName.slice(1)));

/** h1, then each tab's own headings from h2, never more than one level down at a time. */
function expectNoSkippedLevel(levels: readonly number[]): void {
  expect(levels[0]).toBe(1);
  expect(levels[1]).toBe(2);
  levels.forEach((level, i) => {
    if (i > 0) expect(level).toBeLessThanOrEqual(levels[i - 1]! + 1);
  });
}

/** A department's workbook opened in file mode (R2's 総務課, as the departments return it). */
async function departmentHost() {
  const [file] = await departmentFiles();
  const opened = await excelJsFactory.open(file!.bytes, file!.fileName);
  if (!opened.ok) throw new Error(opened.error.message);
  return fileHost(opened.value, file!.fileName).host;
}

describe('live region', () => {
  it('is in the page, empty, before any operation, and then says the 検証 summary in the same element', async () => {
    renderApp(await departmentHost());
    const region = liveRegion();
    expect(region.getAttribute('aria-atomic')).toBe('true');
    expect(region.textContent).toBe('');
    fireEvent.click(screen.getByRole('tab', { name: '検証' }));
    const panel = screen.getByRole('tabpanel');
    fireEvent.click(within(panel).getByRole('button', { name: 'このブックを検証' }));
    await waitFor(() => expect(liveRegion().textContent).toMatch(/の検証: \d+ 件/), { timeout: 10_000 });
    // The same element: a region inserted together with its text is not read.
    expect(liveRegion()).toBe(region);
    // The visible summary box is not a second live region (it would be read twice where it is read at all).
    expect(
      within(panel)
        .getByText(/の検証: \d+ 件/)
        .closest('[role="status"]'),
    ).toBeNull();
    // Run again: the start, then the same result, each a change of the region, so that it is read again.
    const first = region.textContent;
    fireEvent.click(within(panel).getByRole('button', { name: 'このブックを検証' }));
    expect(region.textContent).toBe('検証しています');
    await waitFor(() => expect(region.textContent).toBe(first), { timeout: 10_000 });
  });
});

describe('headings and landmarks', () => {
  it('puts the tabs and their panels in <main>, and starts every tab at h2 under the h1', async () => {
    renderApp(fileHost(await masterPort(), '令和2年度_全体計画.xlsx').host);
    const main = screen.getByRole('main');
    expect(within(main).getByRole('tablist', { name: '機能' })).toBeTruthy();
    expect(within(main).getAllByRole('tabpanel', { hidden: true })).toHaveLength(4);
    expect(screen.getByRole('heading', { level: 1 })).toBeTruthy();
    await screen.findByRole('heading', { level: 2, name: /^シート「体系」/ }, { timeout: 10_000 });
    expect(screen.getByRole('heading', { level: 2, name: '計画の体系' })).toBeTruthy();
    expectNoSkippedLevel(headingLevels());
    for (const name of ['シート作成', '集約']) {
      fireEvent.click(screen.getByRole('tab', { name }));
      await waitFor(() => expect(headingLevels().length).toBeGreaterThan(1));
      expectNoSkippedLevel(headingLevels());
    }
  });

  it('heads the 検証 findings’ sheets with h2 (they are the tab’s first headings)', async () => {
    renderApp(await departmentHost());
    fireEvent.click(screen.getByRole('tab', { name: '検証' }));
    const panel = screen.getByRole('tabpanel');
    fireEvent.change(within(panel).getByRole('combobox', { name: '確認する時期' }), {
      target: { value: 'year-end' },
    });
    fireEvent.click(within(panel).getByRole('button', { name: 'このブックを検証' }));
    await within(panel).findByRole('region', { name: '検証の指摘' }, { timeout: 10_000 });
    expect(within(panel).getAllByRole('heading', { level: 2 }).length).toBeGreaterThan(0);
    expect(within(panel).queryAllByRole('heading', { level: 4 })).toHaveLength(0);
    expectNoSkippedLevel(headingLevels());
  });
});

describe('focus', () => {
  it('「検証タブで記入を確認する」 takes the focus to the 検証 tab', async () => {
    renderApp(await departmentHost());
    const go = await screen.findByRole('button', { name: '検証タブで記入を確認する' }, { timeout: 10_000 });
    go.focus();
    fireEvent.click(go);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('tab', { name: '検証' })));
  });

  it('「… を外す」 gives the focus to the next file’s button, 「すべて外す」 to 「各課のファイルを選択」', async () => {
    renderApp(fileHost(await masterPort(), '令和2年度_全体計画.xlsx').host);
    fireEvent.click(screen.getByRole('tab', { name: '集約' }));
    const panel = screen.getByRole('tabpanel');
    const files = (await departmentFiles()).slice(0, 3).map((f) => fileOf(f.fileName, f.bytes));
    fireEvent.change(within(panel).getByLabelText('集約する各課のファイル'), { target: { files } });
    const list = await within(panel).findByRole('region', { name: '集約するファイル' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(3));
    const removes = () => within(list).getAllByRole('button', { name: / を外す$/ });
    const [first, second, third] = removes().map((b) => b.getAttribute('aria-label'));

    removes()[0]!.focus();
    fireEvent.click(removes()[0]!);
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe(second));
    expect(removes().map((b) => b.getAttribute('aria-label'))).not.toContain(first);
    // The last row: the row before it takes the focus.
    removes()[1]!.focus();
    fireEvent.click(removes()[1]!);
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe(second));
    expect(removes().map((b) => b.getAttribute('aria-label'))).not.toContain(third);

    const clear = within(list).getByRole('button', { name: 'すべて外す' });
    clear.focus();
    fireEvent.click(clear);
    await waitFor(() =>
      expect(document.activeElement).toBe(
        within(panel).getByRole('button', { name: '各課のファイルを選択' }),
      ),
    );
  });

  it('keeps the pressed 「N 個のファイルを集約」 focusable while it runs (aria-disabled, not disabled)', async () => {
    renderApp(fileHost(await masterPort(), '令和2年度_全体計画.xlsx').host);
    fireEvent.click(screen.getByRole('tab', { name: '集約' }));
    const panel = screen.getByRole('tabpanel');
    const files = (await departmentFiles()).slice(0, 2).map((f) => fileOf(f.fileName, f.bytes));
    fireEvent.change(within(panel).getByLabelText('集約する各課のファイル'), { target: { files } });
    const run = await within(panel).findByRole('button', { name: '2 個のファイルを集約' });
    run.focus();
    fireEvent.click(run);
    expect(run.getAttribute('aria-disabled')).toBe('true');
    expect((run as HTMLButtonElement).disabled).toBe(false);
    expect(document.activeElement).toBe(run);
    await within(panel).findByLabelText('集約の結果', {}, { timeout: 20_000 });
    await waitFor(() => expect(run.getAttribute('aria-disabled')).not.toBe('true'));
    // The same button all along: the tab was not replaced while 全体計画 was written and its 体系 read again.
    expect(run.isConnected).toBe(true);
    expect(document.activeElement).toBe(run);
  });

  it('keeps the 体系 shown while the same workbook is read again, so the tabs built on it stay mounted', () => {
    const found: PlanState = { status: 'found', reading: {} as WorkbookPlan };
    expect(planReducer(found, { type: 'loading', again: true })).toBe(found);
    // Another workbook: nothing of the last one is shown meanwhile.
    expect(planReducer(found, { type: 'loading' })).toEqual({ status: 'loading' });
    expect(planReducer({ status: 'missing' }, { type: 'loading', again: true })).toEqual({
      status: 'loading',
    });
  });
});

const finding = (cell: string, message: string): Finding => ({
  severity: 'error',
  code: 'test',
  message,
  place: { sheet: 'I-1-1-1', cell },
});

/** FindingList as the tabs use it in file mode: the selected finding shows a preview with a link in it. */
function Previewed({ findings }: { findings: readonly Finding[] }) {
  const [selected, setSelected] = useState<string | undefined>(undefined);
  return (
    <FluentProvider theme={webLightTheme}>
      <FindingList
        label="指摘"
        findings={findings}
        previews
        selectedKey={selected}
        onSelect={(_, key) => setSelected(key)}
        preview={
          <div>
            <a href="#cell">セルの周り</a>
          </div>
        }
      />
    </FluentProvider>
  );
}

describe('FindingList preview', () => {
  it('says whether a finding’s preview is shown, which element it is, and closes it with Esc or a second press', () => {
    render(<Previewed findings={[finding('D3', '一つ目'), finding('D4', '二つ目')]} />);
    const button = screen.getByRole('button', { name: /一つ目/ });
    const other = screen.getByRole('button', { name: /二つ目/ });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(other.getAttribute('aria-expanded')).toBe('false');
    expect(button.getAttribute('aria-controls')).toBeNull();

    button.focus();
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const preview = document.getElementById(button.getAttribute('aria-controls')!);
    expect(preview?.textContent).toBe('セルの周り');

    // Esc on the button closes it; the focus stays.
    fireEvent.keyDown(button, { key: 'Escape' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByText('セルの周り')).toBeNull();
    expect(document.activeElement).toBe(button);

    // Pressed again: open; once more: closed.
    fireEvent.click(button);
    expect(screen.getByText('セルの周り')).toBeTruthy();
    fireEvent.click(button);
    expect(screen.queryByText('セルの周り')).toBeNull();
    expect(button.getAttribute('aria-expanded')).toBe('false');

    // Esc inside the preview closes it and gives the focus back to its finding.
    fireEvent.click(button);
    const link = screen.getByText('セルの周り');
    act(() => link.focus());
    fireEvent.keyDown(link, { key: 'Escape' });
    expect(screen.queryByText('セルの周り')).toBeNull();
    expect(document.activeElement).toBe(button);

    // Another finding opens its own.
    fireEvent.click(other);
    expect(other.getAttribute('aria-expanded')).toBe('true');
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });

  it('has no aria-expanded where a finding shows no preview (Excel selects the cell)', () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <FindingList label="指摘" findings={[finding('D3', '一つ目')]} onSelect={() => undefined} />
      </FluentProvider>,
    );
    expect(screen.getByRole('button', { name: /一つ目/ }).hasAttribute('aria-expanded')).toBe(false);
  });
});

describe('FindingList keyboard', () => {
  const findings = [
    finding('D3', '一つ目'),
    finding('D4', '二つ目'),
    { ...finding('D5', '三つ目'), place: { sheet: '別のシート', cell: 'D5' } },
  ];
  const tabStops = () =>
    screen
      .getAllByRole('button')
      .filter((b) => b.tabIndex === 0)
      .map((b) => b.textContent);

  it('is one Tab stop: the arrow keys, Home and End move between findings, across sheets', () => {
    render(<Previewed findings={findings} />);
    const [first, second, third] = ['一つ目', '二つ目', '三つ目'].map((t) =>
      screen.getByRole('button', { name: new RegExp(t) }),
    );
    expect(tabStops()).toEqual([first!.textContent]);
    expect(screen.getByRole('region', { name: '指摘' }).getAttribute('aria-describedby')).toBeTruthy();

    act(() => first!.focus());
    fireEvent.keyDown(first!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(second);
    fireEvent.keyDown(second!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(third);
    // At the end it stays; Home and End jump.
    fireEvent.keyDown(third!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(third);
    fireEvent.keyDown(third!, { key: 'Home' });
    expect(document.activeElement).toBe(first);
    fireEvent.keyDown(first!, { key: 'End' });
    expect(document.activeElement).toBe(third);
    fireEvent.keyDown(third!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(second);
    // Tab comes back to the finding the keyboard left.
    expect(tabStops()).toEqual([second!.textContent]);
  });

  it('enters at the selected finding when the keyboard has not been in the list', () => {
    render(<Previewed findings={findings} />);
    const second = screen.getByRole('button', { name: /二つ目/ });
    fireEvent.click(second);
    expect(tabStops()).toEqual([second.textContent]);
  });
});
