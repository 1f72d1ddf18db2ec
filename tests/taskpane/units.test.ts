import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { describe, expect, it } from 'vitest';
import type { Consolidation } from '../../src/domain/consolidation/types';
import { errorMessage } from '../../src/taskpane/errors';
import { toBase64 } from '../../src/taskpane/files';
import { currentFiscalYear, fiscalYearOptions } from '../../src/taskpane/fiscal';
import { operationReducer } from '../../src/taskpane/hooks/useOperation';
import { buildFormReducer, chosenDepartments } from '../../src/taskpane/tabs/useBuildTab';
import { filesReducer, masterFileName } from '../../src/taskpane/tabs/useConsolidateTab';
import { themeFor } from '../../src/taskpane/theme';
import { parsePlanTitle } from '../../src/domain/plan/planTitle';
import { OfficeOperationError } from '../../src/workbook/officejs/officeErrors';

describe('task pane helpers', () => {
  it.each([
    [new Date(2025, 2, 31), 2024, '3月 31日 is still the previous fiscal year'],
    [new Date(2025, 3, 1), 2025, 'the fiscal year starts on 1 April'],
    [new Date(2026, 0, 10), 2025, 'January belongs to the year that started in April'],
  ])('currentFiscalYear(%s) = %i: %s', (date, year) => expect(currentFiscalYear(date)).toBe(year));

  it('offers recent years and always the plan’s own year', () => {
    const options = fiscalYearOptions(2025, 2020);
    expect(options[0]).toEqual({ value: 2026, label: '令和8年度' });
    expect(options.map((o) => o.label)).toContain('令和2年度');
  });

  it.each([
    ['令和2年度 町政運営推進プラン 計画の体系', { fiscalYear: 2020, title: '町政運営推進プラン' }],
    ['令和元年度 まちづくりプラン 体系', { fiscalYear: 2019, title: 'まちづくりプラン' }],
    ['計画の体系', {}],
  ])('reads the year and title from the 体系 title row "%s"', (text, expected) =>
    expect(parsePlanTitle(text)).toEqual(expected),
  );

  it.each([
    ['#FFFFFF', webLightTheme],
    ['#F3F3F3', webLightTheme],
    ['#262626', webDarkTheme],
    ['#000000', webDarkTheme],
    [undefined, webLightTheme],
    ['not a colour', webLightTheme],
  ])('Office body colour %s → the matching Fluent theme', (color, theme) =>
    expect(themeFor(color)).toBe(theme),
  );

  it('shows the adapter’s Japanese messages as they are, and anything else as an unexpected error with detail', () => {
    expect(errorMessage(new OfficeOperationError('AccessDenied')).message).toMatch(/シートの保護を解除/);
    const other = errorMessage(new TypeError('x is undefined'));
    expect(other.message).toMatch(/予期しないエラー/);
    expect(other.detail).toBe('x is undefined');
  });

  it('base64-encodes large byte arrays without overflowing the stack', () => {
    const bytes = new Uint8Array(200_000).map((_, i) => i % 251);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });

  it.each([
    [undefined, 2020, '令和2年度_全体計画.xlsx'],
    ['全体計画.xlsm', 2020, '全体計画.xlsx'],
    ['全体計画.XLSX', 2020, '全体計画.xlsx'],
  ])('saves %s as %s', (name, year, expected) => expect(masterFileName(name, year)).toBe(expected));
});

describe('reducers', () => {
  it('operation: progress only while running; a result ends it', () => {
    const running = operationReducer({ phase: 'idle' }, { type: 'start', label: '開始' });
    expect(running).toEqual({ phase: 'running', progress: { done: 0, total: 0, label: '開始' } });
    const progressed = operationReducer(running, {
      type: 'progress',
      progress: { done: 1, total: 2, label: '半分' },
    });
    expect(progressed).toEqual({ phase: 'running', progress: { done: 1, total: 2, label: '半分' } });
    const done = operationReducer(progressed, { type: 'succeed', message: '完了' });
    expect(done).toEqual({ phase: 'done', message: '完了', intent: 'success' });
    expect(operationReducer(done, { type: 'progress', progress: { done: 2, total: 2, label: '' } })).toBe(
      done,
    );
  });

  it('build form: untick, tick, none, all — in 体系 order', () => {
    const plan = { basics: [], departments: ['総務課', '町民生活課', '建設水道課'] };
    let form = { fiscalYear: 2025, excluded: [] as string[], target: 'this-workbook' as const };
    form = buildFormReducer(form, { type: 'toggle', department: '町民生活課', on: false }) as typeof form;
    expect(chosenDepartments(form, plan)).toEqual(['総務課', '建設水道課']);
    form = buildFormReducer(form, { type: 'none', departments: plan.departments }) as typeof form;
    expect(chosenDepartments(form, plan)).toEqual([]);
    form = buildFormReducer(form, { type: 'toggle', department: '建設水道課', on: true }) as typeof form;
    expect(chosenDepartments(form, plan)).toEqual(['建設水道課']);
    form = buildFormReducer(form, { type: 'all' }) as typeof form;
    expect(chosenDepartments(form, plan)).toEqual(plan.departments);
  });

  it('files: a file added twice is listed once; the log decides 集約済み or エラー with its reason', () => {
    const a = { file: 'a.xlsx', modified: 1, bytes: new Uint8Array([1]) };
    const b = { file: 'b.xlsx', modified: 1, bytes: new Uint8Array([2]) };
    let files = filesReducer([], { type: 'add', inputs: [a, b, a] });
    files = filesReducer(files, { type: 'add', inputs: [a] });
    expect(files.map((f) => [f.input.file, f.status])).toEqual([
      ['a.xlsx', 'waiting'],
      ['b.xlsx', 'waiting'],
    ]);
    files = filesReducer(files, { type: 'reading', index: 1 });
    expect(files.map((f) => f.status)).toEqual(['read', 'reading']);
    const log: Consolidation['log'] = [
      { file: 'a.xlsx', sheet: '1', outcome: 'consolidated', detail: '' },
      { file: 'a.xlsx', sheet: '2', outcome: 'empty', detail: '' },
      { file: 'b.xlsx', sheet: '', outcome: 'rejected', detail: '「b.xlsx」は壊れています。' },
    ];
    files = filesReducer(files, { type: 'finished', consolidation: { log } as unknown as Consolidation });
    expect(files.map((f) => [f.status, f.note])).toEqual([
      ['done', '1 シートを集約（未記入 1）'],
      ['error', '「b.xlsx」は壊れています。'],
    ]);
  });
});
