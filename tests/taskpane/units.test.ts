import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { describe, expect, it } from 'vitest';
import type { Consolidation } from '../../src/domain/consolidation/types';
import { errorMessage } from '../../src/taskpane/errors';
import { toBase64, type PickedInput } from '../../src/taskpane/files';
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

  it.each<[number, number | undefined, string, number, number, string]>([
    [2025, 2020, '令和9年度 … 令和2年度', 2027, 2020, 'every year from the plan’s year to two years ahead'],
    [2025, undefined, '令和9年度 … 令和4年度', 2027, 2022, 'no plan: three years back'],
    [2025, 2025, '令和9年度 … 令和7年度', 2027, 2025, 'a plan of this year'],
    [
      2025,
      2029,
      '令和11年度 … 令和7年度',
      2029,
      2025,
      'a plan ahead of today: this year through the plan’s year',
    ],
  ])('fiscalYearOptions(%i, %s) = %s (%i … %i): %s', (current, planYear, _, newest, oldest) => {
    const years = fiscalYearOptions(current, planYear).map((o) => o.value);
    const expected = Array.from({ length: newest - oldest + 1 }, (__, i) => newest - i);
    expect(years).toEqual(expected);
    expect(years).toContain(current);
  });

  it('labels each year in 和暦 (令和3・4年度 between a 令和2 plan and today)', () => {
    const labels = fiscalYearOptions(2025, 2020).map((o) => o.label);
    expect(labels).toEqual(
      expect.arrayContaining(['令和2年度', '令和3年度', '令和4年度', '令和7年度', '令和9年度']),
    );
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

  it.each([
    ['全体計画.xlsm', '全体計画.xlsm'],
    ['総務課.xlsx', '総務課.xlsm'],
    ['総務課', '総務課.xlsm'],
  ])('saves %s as %s when the bytes keep their macros', (name, expected) =>
    expect(masterFileName(name, 2020, true)).toBe(expected),
  );
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

  const pick = (id: string, path: string, bytes: number[], modified = 1): PickedInput => ({
    id,
    file: path,
    path,
    size: bytes.length,
    modified,
    bytes: new Uint8Array(bytes),
  });

  it.each([
    [
      'the same file picked twice is listed once',
      [pick('1', 'a.xlsx', [1]), pick('2', 'a.xlsx', [1])],
      ['a.xlsx'],
    ],
    [
      'two files of one name are both listed, the second numbered',
      [pick('1', 'a.xlsx', [1]), pick('2', 'a.xlsx', [2])],
      ['a.xlsx', 'a（2）.xlsx'],
    ],
    [
      'same name, same size and time, other bytes: still two files',
      [pick('1', 'a.xlsx', [1, 2]), pick('2', 'a.xlsx', [2, 1])],
      ['a.xlsx', 'a（2）.xlsx'],
    ],
    [
      'a number already taken by a real file name is skipped',
      [pick('1', 'a.xlsx', [1]), pick('2', 'a（2）.xlsx', [2]), pick('3', 'a.xlsx', [3])],
      ['a.xlsx', 'a（2）.xlsx', 'a（3）.xlsx'],
    ],
    [
      'a name without an extension',
      [pick('1', 'README', [1]), pick('2', 'README', [2])],
      ['README', 'README（2）'],
    ],
    [
      'the same name in two picked folders keeps each path',
      [pick('1', '4月/a.xlsx', [1]), pick('2', '5月/a.xlsx', [2])],
      ['4月/a.xlsx', '5月/a.xlsx'],
    ],
  ])('files: %s', (_, inputs, labels) => {
    const files = filesReducer([], { type: 'add', inputs });
    expect(files.map((f) => f.label)).toEqual(labels);
    expect(new Set(files.map((f) => f.id)).size).toBe(files.length);
  });

  it('files: each row takes its own outcome and findings, by its label, even when two files share a name', () => {
    let files = filesReducer([], {
      type: 'add',
      inputs: [
        pick('good', '総務課.xlsx', [1]),
        pick('broken', '総務課.xlsx', [2]),
        pick('old', '前年.xlsx', [3]),
        pick('blank', '白紙.xlsx', [4]),
      ],
    });
    files = filesReducer(files, { type: 'reading', id: 'broken' });
    expect(files.map((f) => f.status)).toEqual(['read', 'reading', 'waiting', 'waiting']);
    const warning = (file: string) => ({
      code: 'extract.fiscal-year-mismatch',
      severity: 'warning' as const,
      message: '',
      place: { file },
    });
    const consolidation: Pick<Consolidation, 'log' | 'findings'> = {
      log: [
        { file: '総務課.xlsx', sheet: '1', outcome: 'consolidated', detail: '' },
        { file: '総務課.xlsx', sheet: '2', outcome: 'empty', detail: '' },
        { file: '総務課.xlsx', sheet: '目次', outcome: 'toc', detail: '' },
        {
          file: '総務課（2）.xlsx',
          sheet: '',
          outcome: 'rejected',
          detail: '「総務課（2）.xlsx」は壊れています。',
        },
        { file: '前年.xlsx', sheet: '1', outcome: 'consolidated', detail: '' },
        { file: '白紙.xlsx', sheet: '1', outcome: 'empty', detail: '' },
      ],
      findings: [warning('前年.xlsx'), warning('前年.xlsx'), { ...warning('前年.xlsx'), severity: 'error' }],
    };
    files = filesReducer(files, { type: 'finished', consolidation });
    expect(files.map((f) => [f.label, f.status, f.note, f.outcome])).toEqual([
      [
        '総務課.xlsx',
        'done',
        undefined,
        {
          taken: 1,
          others: [{ outcome: 'empty', label: '未記入のため集約対象外', count: 1 }],
          errors: 0,
          warnings: 0,
        },
      ],
      [
        '総務課（2）.xlsx',
        'error',
        '「総務課（2）.xlsx」は壊れています。',
        { taken: 0, others: [], errors: 0, warnings: 0 },
      ],
      ['前年.xlsx', 'check', undefined, { taken: 1, others: [], errors: 1, warnings: 2 }],
      [
        '白紙.xlsx',
        'check',
        undefined,
        {
          taken: 0,
          others: [{ outcome: 'empty', label: '未記入のため集約対象外', count: 1 }],
          errors: 0,
          warnings: 0,
        },
      ],
    ]);
    // Removing a file goes by its id, not its name.
    files = filesReducer(files, { type: 'remove', id: 'broken' });
    expect(files.map((f) => [f.id, f.status])).toEqual([
      ['good', 'done'],
      ['old', 'check'],
      ['blank', 'check'],
    ]);
  });
});
