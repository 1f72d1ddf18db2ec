import { describe, expect, it } from 'vitest';
import { REPORT_SHEET_PREFIX } from '../domain/consolidation/buildMasterView';
import type { SheetSnapshot, WorkbookSnapshot } from '../domain/extract/snapshot';
import { STANDARD_FORM } from '../domain/entry/formDefinition';
import { buildFormSheet } from '../domain/form/buildFormSheet';
import { specToSnapshot } from '../domain/template/specToSnapshot';
import { kpiFormFromRows } from '../../tests/helpers/formSheetRows';
import { ok } from '../domain/result';
import { placedMessage } from '../domain/finding';
import { r2Sample } from '../domain/sample/r2';
import { buildMasterTemplate } from '../domain/template/buildMasterTemplate';
import { excelJsFactory } from '../workbook/exceljs/excelJsFactory';
import {
  findFormSheet,
  formOf,
  openPlan,
  openPlanFile,
  openPlanInWorkbook,
  type PlanSheets,
} from './openPlan';

const { plan, fiscalYear } = r2Sample();
const TITLE = '町政運営推進プラン';

/** The master template's snapshot with its sheets renamed (体系 → `planSheet`) and extra sheets around it. */
async function workbook(planSheet: string, extra: readonly string[] = []): Promise<WorkbookSnapshot> {
  const port = await excelJsFactory.create(buildMasterTemplate({ plan, fiscalYear, title: TITLE }));
  const snapshot = await port.readSnapshot();
  const sheets = snapshot.sheets.map((s) => (s.name === '体系' ? { ...s, name: planSheet } : s));
  const blank = (name: string) => ({ name, visibility: 'visible' as const, values: [['メモ']], merges: [] });
  return { ...snapshot, sheets: [...sheets, ...extra.map(blank)] };
}

/** PlanSheets over a snapshot, recording every read. */
function sheetsOf(snapshot: WorkbookSnapshot): PlanSheets & { reads: string[][] } {
  const reads: string[][] = [];
  return {
    reads,
    names: snapshot.sheets.map((s) => s.name),
    read: async (names) => {
      reads.push([...names]);
      return ok({ ...snapshot, sheets: snapshot.sheets.filter((s) => names.includes(s.name)) });
    },
  };
}

describe('openPlan: one heuristic for which sheet is the 体系, one reading of its title row', () => {
  it.each([
    ['a sheet named 体系 is read alone, first', '体系', [], [['体系']]],
    [
      'a sheet whose name mentions 体系 is read first',
      '令和2年度 計画の体系',
      ['メモ'],
      [['令和2年度 計画の体系']],
    ],
    ['a 体系 under another name is found by reading every sheet', '一覧', [], [['全体計画', '一覧']]],
    [
      "a master's report sheets are never read",
      '体系',
      [`${REPORT_SHEET_PREFIX}I-1-1-1`, 'メモ'],
      [['体系']],
    ],
  ] as const)('%s', async (_name, planSheet, extra, reads) => {
    const sheets = sheetsOf(await workbook(planSheet, extra));
    const found = await openPlan(sheets);
    expect(found.ok && found.value).toMatchObject({ sheet: planSheet, fiscalYear, title: TITLE });
    expect(found.ok && found.value && found.value.plan).toEqual(plan);
    expect(sheets.reads.map((r) => [...r].sort())).toEqual(reads.map((r) => [...r].sort()));
  });

  it('answers undefined (not an error) for a workbook without a 体系, reading each sheet once', async () => {
    const snapshot = await workbook('体系', ['メモ', '連絡先']);
    const sheets = sheetsOf({
      ...snapshot,
      sheets: snapshot.sheets.filter((s) => s.name === 'メモ' || s.name === '連絡先'),
    });
    expect(await openPlan(sheets)).toEqual({ ok: true, value: undefined });
    expect(sheets.reads).toEqual([['メモ', '連絡先']]);
  });

  it('the CLI (bytes, the one reader) and the pane (an open workbook) find the same 体系', async () => {
    const port = await excelJsFactory.create(buildMasterTemplate({ plan, fiscalYear, title: TITLE }));
    const bytes = await port.toBuffer();
    const fromFile = await openPlanFile(bytes, '全体計画.xlsx');
    const opened = await excelJsFactory.open(bytes, '全体計画.xlsx');
    const fromPort = opened.ok ? await openPlanInWorkbook(opened.value) : undefined;
    expect(fromFile).toEqual({ ok: true, value: fromPort });
    expect(fromPort).toMatchObject({ sheet: '体系', fiscalYear, title: TITLE });
  });

  it('refuses bytes that are not a workbook with the open error', async () => {
    const found = await openPlanFile(new TextEncoder().encode('a,b'), '体系.xlsx');
    expect(found.ok ? undefined : found.error.code).toBe('file.not-xlsx');
  });
});

describe('openPlan: the 様式 sheet is read with the 体系, in the same read', () => {
  const formSheet = (name: string, form = STANDARD_FORM) => ({
    ...specToSnapshot(buildFormSheet(form)),
    name,
  });
  const withForm = async (planSheet: string, sheets: readonly SheetSnapshot[]): Promise<WorkbookSnapshot> => {
    const base = await workbook(planSheet);
    return { ...base, sheets: [...base.sheets, ...sheets] };
  };
  const kpi = kpiFormFromRows();

  it.each([
    ['a sheet named 様式', '様式', ['様式']],
    ['a sheet whose name contains 様式', '様式（取組項目シート）', ['様式（取組項目シート）']],
    ['様式 before other names containing it', '様式', ['旧様式', '様式']],
  ])('%s', async (_name, expected, names) => {
    const sheets = sheetsOf(
      await withForm(
        '体系',
        names.map((n) => formSheet(n, n === expected ? kpi : STANDARD_FORM)),
      ),
    );
    const found = await openPlan(sheets);
    const value = found.ok ? found.value : undefined;
    expect(value?.formSheet).toBe(expected);
    expect(value?.form).toEqual(kpi);
    expect(value?.formFindings).toEqual([]);
    expect(formOf(value)).toEqual(kpi);
    expect(sheets.reads).toEqual([['体系', expected]]);
  });

  it('without a 様式 sheet: no form, no findings, and formOf gives the built-in R2 form', async () => {
    const found = await openPlan(sheetsOf(await workbook('体系')));
    const value = found.ok ? found.value : undefined;
    expect(value).toMatchObject({ sheet: '体系', formFindings: [] });
    expect(value?.form).toBeUndefined();
    expect(formOf(value)).toBe(STANDARD_FORM);
    expect(formOf(undefined)).toBe(STANDARD_FORM);
  });

  it('a broken 様式 gives findings naming the file, sheet and cell, and a form of the rows that read', async () => {
    const broken = formSheet('様式', kpi);
    const values = broken.values.map((row, r) => (r === 2 ? row.map((c, i) => (i === 3 ? '記述' : c)) : row));
    const found = await openPlan(
      sheetsOf({ ...(await withForm('体系', [{ ...broken, values }])), file: '体系.xlsx' }),
    );
    const value = found.ok ? found.value : undefined;
    expect(value?.formFindings.map((f) => [f.code, f.place.file, f.place.sheet, f.place.cell])).toEqual([
      ['form.kind-unknown', '体系.xlsx', '様式', 'D3'],
    ]);
    // The message leaves the place to whoever shows it (the pane beside it, the CLI before it).
    expect(value?.formFindings[0]?.message).not.toContain('D3');
    expect(placedMessage(value!.formFindings[0]!)).toMatch(
      /^「様式」シートのD3: 「[^」]+」の種類「記述」は使えません/,
    );
    expect(value?.form?.fields.map((f) => f.key)).toEqual(
      kpi.fields.map((f) => f.key).filter((k) => k !== 'indicator'),
    );
  });

  it('a master report sheet or a 体系 sheet named with 様式 is never taken for the 様式', () => {
    expect(findFormSheet([`${REPORT_SHEET_PREFIX}様式`, '体系'])).toBeUndefined();
    expect(findFormSheet(['体系', 'メモ'])).toBeUndefined();
    expect(findFormSheet(['体系と様式の説明', '様式（R3）'])).toBe('様式（R3）');
  });
});
