import { describe, expect, it } from 'vitest';
import { FORM_SHEET_HEADER, KPI_FORM_ROWS, type FormSheetRow } from '../../../tests/helpers/formSheetRows';
import { masterViewColumns } from '../consolidation/masterColumns';
import type { FormDefinition } from '../entry/formDefinition';
import { fieldNumbers } from '../entry/fieldValue';
import type { Entry } from '../entry/types';
import { displayValue } from '../publish/renderReportHtml';
import { planItems } from '../plan/planItems';
import { r2Sample } from '../sample/r2';
import { buildEntrySheet } from '../template/buildEntrySheet';
import { entryLayout, inputFor } from '../template/entryLayout';
import { defaultContext } from '../validation/context';
import { checkFieldKinds } from '../validation/fieldKinds';
import { buildFormSheet } from './buildFormSheet';
import { formDigest } from './formDigest';
import { parseFormGrid } from './parseFormSheet';

/** The KPI form with 進捗率 (割合) and 見込み = 進捗率 × 達成率 (計算). */
const ROWS: readonly FormSheetRow[] = [
  ...KPI_FORM_ROWS.slice(0, 4),
  ['指標', '進捗率', 'progress', '割合', null, '年度末', null, null, null, null, null, '○'],
  ['指標', '見込み', 'outlook', '計算', null, '任意', null, null, '進捗率 * 達成率', null, null, '○'],
  ...KPI_FORM_ROWS.slice(4),
];
const parse = (rows: readonly FormSheetRow[]) => parseFormGrid([['様式'], FORM_SHEET_HEADER, ...rows]);
const form: FormDefinition = parse(ROWS).form;
const progress = form.fields.find((f) => f.key === 'progress')!;
const item = planItems(r2Sample().plan)[0]!;
const entry = (fields: Record<string, string>): Entry => ({
  code: item.code,
  department: '総務課',
  seq: 1,
  fiscalYear: 2024,
  fields: { target: '100', actual: '90', ...fields },
});
/** 総務課's sheet of the first item, on `form`, with `fields` written in. */
const entrySheet = (on: FormDefinition, fields: Record<string, string>) =>
  buildEntrySheet({ item, department: '総務課', seq: 1, fiscalYear: 2024, sheetName: 's', form: on, fields });

describe('種類 割合: a 数値 that is a percentage', () => {
  it('is read from 「割合」 (or 「数値（%）」) as a percentage 数値, and written back as 割合', () => {
    expect(parse(ROWS).findings).toEqual([]);
    expect(progress).toMatchObject({ kind: 'number', percent: true });
    const written = parse(
      ROWS.map((r) => (r[2] === 'progress' ? r.map((c, i) => (i === 3 ? '数値（％）' : c)) : r)),
    ).form;
    expect(written.fields.find((f) => f.key === 'progress')?.percent).toBe(true);
    const sheet = buildFormSheet(form);
    expect(sheet.cells.some((c) => c.value === '割合')).toBe(true);
  });

  it('leaves the version of a form without 割合 as it was (sheets built before stay this version)', () => {
    const plain = parse(KPI_FORM_ROWS).form;
    expect(formDigest({ fields: plain.fields.map((f) => ({ ...f, percent: false })) })).toBe(plain.version);
    expect(form.version).not.toBe(formDigest({ fields: form.fields.map((f) => ({ ...f, percent: false })) }));
  });

  it('is a 0.0% cell on the sheet, whose input message says 80 is 80%', () => {
    const spec = entrySheet(form, { progress: '0.8' });
    const at = inputFor(entryLayout(form), 'progress').range;
    const cell = spec.cells.find((c) => c.row === at.top && c.column === at.left)!;
    expect(cell.value).toBe(0.8);
    expect(spec.styles[cell.style!]?.numberFormat).toBe('0.0%');
    const rule = spec.validations.find((v) => v.range.top === at.top && v.range.left === at.left);
    expect(rule?.prompt?.message).toBe('割合を入力してください（80 と入力すると 80% になります）。');
  });

  it('shows as a percentage in 全体計画 and the report, and is never 「mixed」 with a plain 数値 in a 計算', () => {
    expect(masterViewColumns(form).find((c) => c.header === '進捗率')?.kind).toBe('percent');
    expect(displayValue(progress, 0.8)).toBe('80%');
    // 達成率 = 90 / 100 = 0.9; 見込み = 80% × 0.9 = 0.72, whether 80% was typed with % or is a 0.0% cell's 0.8.
    expect(fieldNumbers(form, entry({ progress: '80%' }).fields)('outlook')).toBeCloseTo(0.72);
    expect(fieldNumbers(form, entry({ progress: '0.8' }).fields)('outlook')).toBeCloseTo(0.72);
  });

  it('warns when a plain number is most likely a percentage typed without % (80 is 8000%)', () => {
    const ctx = { ...defaultContext('year-end'), form };
    const found = (progressText: string) =>
      checkFieldKinds(entry({ progress: progressText }), ctx).map((f) => [f.code, f.message]);
    expect(found('80')).toEqual([
      [
        'entry.percent-scale',
        '「進捗率」は割合の欄です。「80」は 8000% になります。80% のつもりなら「80%」と入力してください。',
      ],
    ]);
    expect(found('0.8')).toEqual([]);
    expect(found('1.5')).toEqual([]);
  });
});

describe('種類 金額: a 数値 that is an amount of money', () => {
  const rows: readonly FormSheetRow[] = [
    ...KPI_FORM_ROWS.slice(0, 4),
    ['指標', '予算額', 'budget', '金額', null, '計画', null, null, null, null, null, '○'],
    ...KPI_FORM_ROWS.slice(4),
  ];
  const withBudget = parse(rows).form;
  const budget = withBudget.fields.find((f) => f.key === 'budget')!;

  it('is read from 「金額」 as an amount 数値, and written back as 金額', () => {
    expect(parse(rows).findings).toEqual([]);
    expect(budget).toMatchObject({ kind: 'number', amount: true });
    expect(buildFormSheet(withBudget).cells.some((c) => c.value === '金額')).toBe(true);
  });

  it('shows 1,200,000 on the sheet and in 全体計画 (#,##0), and asks for yen without 円 or 万', () => {
    const spec = entrySheet(withBudget, { budget: '1200000' });
    const at = inputFor(entryLayout(withBudget), 'budget').range;
    const cell = spec.cells.find((c) => c.row === at.top && c.column === at.left)!;
    expect(cell.value).toBe(1200000);
    expect(spec.styles[cell.style!]?.numberFormat).toBe('#,##0');
    const rule = spec.validations.find((v) => v.range.top === at.top && v.range.left === at.left);
    expect(rule?.prompt?.message).toBe(
      '金額を円単位の数値で入力してください（例: 1200000。「円」「万」は付けません）。',
    );
    expect(masterViewColumns(withBudget).find((c) => c.header === '予算額')?.kind).toBe('amount');
    expect(displayValue(budget, 1200000)).toBe('1,200,000');
  });
});
