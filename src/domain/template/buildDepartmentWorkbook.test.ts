import { describe, expect, it } from 'vitest';
import { KPI_FORM } from '../../../tests/helpers/kpiForm';
import { cellAddress } from '../cellAddress';
import { classifySheet } from '../extract/classifySheet';
import { FORM_SHEET_NAME } from '../form/formColumns';
import { parseFormGrid } from '../form/parseFormSheet';
import { planItems } from '../plan/planItems';
import { r2Sample } from '../sample/r2';
import { buildDepartmentWorkbook } from './buildDepartmentWorkbook';
import { TOC_FIRST_ROW } from './buildTocSheet';
import { entryLayout, inputAddress, requiredInputs } from './entryLayout';
import { parseSheetMeta } from './sheetMeta';
import { isValidSheetName, sheetNameKey } from './sheetName';
import type { WorkbookSpec } from './sheetSpec';
import { specCell, specToSnapshot } from './specToSnapshot';

const { plan, entries } = r2Sample();
const ALL_DEPARTMENT_ITEMS = ['I-1-1-1', 'I-2-2-1', 'II-1-4-1', 'II-2-4-2'];
const metaOf = (wb: WorkbookSpec) =>
  wb.sheets.slice(1).map((s) => parseSheetMeta(String(specCell(s, 0, 5)?.value ?? '')));
const codesOf = (wb: WorkbookSpec) => metaOf(wb).map((m) => m?.code);
const ownItems = (department: string) =>
  planItems(plan)
    .filter(
      (p) => p.item.assignment.kind === 'departments' && p.item.assignment.departments.includes(department),
    )
    .map((p) => p.code);
const inPlanOrder = (codes: readonly string[]) =>
  planItems(plan)
    .map((p) => p.code)
    .filter((c) => codes.includes(c));

describe('buildDepartmentWorkbook (R2)', () => {
  it('the 全課 items are I-1-1-1, I-2-2-1, II-1-4-1, II-2-4-2', () => {
    expect(
      planItems(plan)
        .filter((p) => p.item.assignment.kind === 'all')
        .map((p) => p.code),
    ).toEqual(ALL_DEPARTMENT_ITEMS);
  });

  it.each([
    [
      '総務課 gets its own items plus every 全課 item',
      '総務課',
      inPlanOrder([...ownItems('総務課'), ...ALL_DEPARTMENT_ITEMS]),
    ],
    ['教育振興課 gets exactly the 全課 items', '教育振興課', ALL_DEPARTMENT_ITEMS],
    [
      'ラベンダーハイツ gets its own items plus the 全課 items',
      'ラベンダーハイツ',
      inPlanOrder([...ownItems('ラベンダーハイツ'), ...ALL_DEPARTMENT_ITEMS]),
    ],
  ])('%s, in 体系 order, one sheet each without entries', (_name, department, codes) => {
    const wb = buildDepartmentWorkbook({ plan, department, fiscalYear: 2020 });
    expect(codesOf(wb)).toEqual(codes);
    expect(
      metaOf(wb).every((m) => m?.seq === 1 && m.department === department && m.fiscalYear === 2020),
    ).toBe(true);
  });

  it('総務課 owns more than the 全課 items', () => expect(ownItems('総務課').length).toBeGreaterThan(0));

  it('町民生活課 with the sample’s entries gets 3 sheets for II-1-3-2, pre-filled from each seq', () => {
    const wb = buildDepartmentWorkbook({ plan, department: '町民生活課', fiscalYear: 2020, entries });
    const sheets = wb.sheets.filter((s) => s.name.startsWith('II-1-3-2 '));
    expect(sheets.map((s) => s.name)).toEqual([
      'II-1-3-2 町民生活課',
      'II-1-3-2 町民生活課 (2)',
      'II-1-3-2 町民生活課 (3)',
    ]);
    sheets.forEach((sheet, i) => {
      const entry = entries.find(
        (e) => e.code === 'II-1-3-2' && e.department === '町民生活課' && e.seq === i + 1,
      );
      expect(specCell(sheet, 2, 3)?.value).toBe(entry?.fields.vision);
      expect(parseSheetMeta(String(specCell(sheet, 0, 5)?.value))?.seq).toBe(i + 1);
    });
  });

  it('an item without an entry of this department stays blank', () => {
    const wb = buildDepartmentWorkbook({ plan, department: '教育振興課', fiscalYear: 2020, entries });
    for (const sheet of wb.sheets.slice(1)) expect(specCell(sheet, 2, 3)?.value).toBeUndefined();
  });

  it.each(plan.departments.map((d) => [d]))('%s: valid, unique sheet names, 目次 first', (department) => {
    const wb = buildDepartmentWorkbook({ plan, department, fiscalYear: 2020, entries });
    const names = wb.sheets.map((s) => s.name);
    expect(names[0]).toBe('目次');
    expect(names.every(isValidSheetName)).toBe(true);
    expect(new Set(names.map(sheetNameKey)).size).toBe(names.length);
  });

  it('the 目次 has a row per entry sheet whose formula references every required input of that sheet', () => {
    const wb = buildDepartmentWorkbook({ plan, department: '町民生活課', fiscalYear: 2020, entries });
    const [toc, ...sheets] = wb.sheets;
    const required = requiredInputs(entryLayout(), 'year-end').map(inputAddress);
    expect(required).toHaveLength(7);
    const optional: boolean[] = [];
    sheets.forEach((sheet, i) => {
      expect(specCell(toc!, TOC_FIRST_ROW + i, 4)?.link?.sheet).toBe(sheet.name);
      // Its own sheets count their blanks (未記入); its parts of 全課 items say whether anything was written.
      const count = specCell(toc!, TOC_FIRST_ROW + i, 5);
      optional.push(count?.value === '—');
      const formula = (count?.value === '—' ? specCell(toc!, TOC_FIRST_ROW + i, 6) : count)?.formula ?? '';
      for (const cell of required) expect(formula).toContain(`'${sheet.name}'!${cell})`);
      // and those cells are the sheet's unlocked inputs
      for (const cell of required) {
        const spec = sheet.cells.find((c) => cellAddress(c.row, c.column) === cell);
        expect(sheet.styles[spec?.style ?? '']?.locked).toBe(false);
      }
    });
    expect(specCell(toc!, TOC_FIRST_ROW + sheets.length, 4)).toBeUndefined();
    expect(optional).toContain(true);
    expect(optional).toContain(false);
  });

  it('titles the workbook with year, plan and department', () => {
    expect(buildDepartmentWorkbook({ plan, department: '総務課', fiscalYear: 2020 }).properties.title).toBe(
      '令和2年度 町政運営推進プラン 取組項目シート（総務課）',
    );
    expect(
      buildDepartmentWorkbook({ plan, department: '総務課', fiscalYear: 2021, title: '行革プラン' })
        .properties.title,
    ).toBe('令和3年度 行革プラン 取組項目シート（総務課）');
  });

  it('ignores entries of other departments and of items the department does not owe', () => {
    const foreign = entries
      .filter((e) => e.department !== '教育振興課')
      .map((e) => ({ ...e, seq: e.seq + 5 }));
    const wb = buildDepartmentWorkbook({
      plan,
      department: '教育振興課',
      fiscalYear: 2020,
      entries: foreign,
    });
    expect(wb.sheets).toHaveLength(1 + ALL_DEPARTMENT_ITEMS.length);
  });
});

describe('the form a department workbook carries', () => {
  it('the R2 form needs no sheet: the workbook holds its 目次 and entry sheets only', () => {
    const wb = buildDepartmentWorkbook({ plan, department: '総務課', fiscalYear: 2020 });
    expect(wb.sheets.some((s) => s.name === FORM_SHEET_NAME)).toBe(false);
  });

  it('another form travels as a hidden, protected 様式 sheet that the reader takes for a 様式, not an entry', () => {
    const wb = buildDepartmentWorkbook({ plan, department: '総務課', fiscalYear: 2020, form: KPI_FORM });
    const form = wb.sheets.at(-1)!;
    expect(form).toMatchObject({ name: FORM_SHEET_NAME, visibility: 'hidden', protect: true });
    // No print area: LibreOffice prints a hidden sheet that has one, after the department's entry sheets.
    expect(form.print).toBeUndefined();
    const snapshot = specToSnapshot(form);
    expect(classifySheet(snapshot)).toBe('form');
    expect(parseFormGrid(snapshot.values).form.fields.map((f) => f.key)).toEqual(
      KPI_FORM.fields.map((f) => f.key),
    );
  });
});
