import { describe, expect, it } from 'vitest';
import { KPI_FIELDS, KPI_FILLED, KPI_FORM } from '../../../tests/helpers/kpiForm';
import { parseCellAddress } from '../cellAddress';
import type { FormDefinition } from '../entry/formDefinition';
import type { EntryFields } from '../entry/types';
import { planItems } from '../plan/planItems';
import { r2Sample } from '../sample/r2';
import { buildEntrySheet } from '../template/buildEntrySheet';
import { entryLayout, inputAddress, inputFor } from '../template/entryLayout';
import type { CellValue } from '../template/sheetSpec';
import { specToSnapshot } from '../template/specToSnapshot';
import { readEntrySheet } from './readEntrySheet';
import type { SheetSnapshot } from './snapshot';

const plan = r2Sample().plan;
const item = planItems(plan)[0]!;
const built = (form: FormDefinition, fields: Partial<EntryFields> = KPI_FILLED): SheetSnapshot =>
  specToSnapshot(
    buildEntrySheet({ item, department: '総務課', seq: 1, fiscalYear: 2021, form, sheetName: 'KPI', fields }),
  );
const at = (form: FormDefinition, key: string) => inputAddress(inputFor(entryLayout(form), key));
/** The snapshot with a cell's value replaced (and, optionally, no longer a formula). */
function withCell(sheet: SheetSnapshot, address: string, value: CellValue, formula?: boolean): SheetSnapshot {
  const { row, column } = parseCellAddress(address)!;
  const values = sheet.values.map((r) => [...r]);
  values[row]![column] = value;
  const formulaCells = (sheet.formulaCells ?? []).filter((a) => a !== address);
  return { ...sheet, values, formulaCells: formula ? [...formulaCells, address] : formulaCells };
}
const read = (sheet: SheetSnapshot, form: FormDefinition = KPI_FORM) => {
  const reading = readEntrySheet(sheet, { file: 'kpi.xlsx', plan, form });
  const entry = reading.entries[0];
  return {
    extracted: entry?.extracted,
    fields: entry?.extracted.entry.fields,
    findings: [...reading.findings, ...(entry?.findings ?? [])].map((f) => [
      f.code,
      f.place.cell,
      f.place.field,
    ]),
    messages: (entry?.findings ?? []).map((f) => f.message),
  };
};

describe('reading an entry sheet of a 指標 form', () => {
  it('reads number cells as plain decimal text, a date as ISO, and recomputes the 計算 field', () => {
    const r = read(withCell(built(KPI_FORM), at(KPI_FORM, 'rate'), 0.9, true));
    expect(r.findings).toEqual([]);
    expect(r.fields).toMatchObject({
      baseline: '80',
      target: '100',
      actual: '90',
      rate: '0.9',
      checked: '2021-03-31',
    });
  });

  it('reads a date cell in a 文章 field as the date is written here (2020/9/30), a 日付 field’s as ISO', () => {
    // Every reader gives a date cell as ISO text: what this snapshot holds.
    const dated = (value: string) => read(withCell(built(KPI_FORM), at(KPI_FORM, 'indicator'), value)).fields;
    expect(dated('2020-09-30')).toMatchObject({ indicator: '2020/9/30', checked: '2021-03-31' });
    expect(dated('2020-09-30T09:30:00')?.indicator).toBe('2020/9/30 9:30');
    expect(dated('1899-12-30T09:30:15')?.indicator).toBe('9:30:15');
    expect(dated('9月30日に実施')?.indicator).toBe('9月30日に実施');
  });

  it('writes a number without exponent or float noise', () => {
    let sheet = withCell(built(KPI_FORM), at(KPI_FORM, 'target'), 1e21);
    sheet = withCell(sheet, at(KPI_FORM, 'actual'), 0.1 + 0.2);
    expect(read(sheet).fields).toMatchObject({ target: '1000000000000000000000', actual: '0.3' });
  });

  it('keeps text typed in a number cell as written (validation reports it)', () => {
    const r = read(withCell(built(KPI_FORM), at(KPI_FORM, 'actual'), '約90'));
    expect(r.fields).toMatchObject({ actual: '約90', rate: '' });
  });

  it('never takes a 計算 cell’s typed value: recomputes it and warns that the cell is computed', () => {
    const r = read(withCell(built(KPI_FORM), at(KPI_FORM, 'rate'), '95%'));
    expect(r.fields?.rate).toBe('0.9');
    expect(r.findings).toEqual([['entry.computed-typed', at(KPI_FORM, 'rate'), 'rate']]);
    expect(r.messages[0]).toMatch(/^計算欄は自動で計算されます。「達成率」のセルに数式ではなく値（95%）/);
  });

  it('says nothing of a 計算 formula whose result is blank (operands not yet filled)', () => {
    const r = read(built(KPI_FORM, { indicator: '参加者数' }));
    expect(r.findings).toEqual([]);
    expect(r.fields?.rate).toBe('');
  });
});

describe('reading a sheet built from an older 様式 version, by キー', () => {
  // v2: 実績値 renamed 実績 (same key), 確認日 removed.
  const V2: FormDefinition = {
    ...KPI_FORM,
    version: 'v2',
    fields: KPI_FIELDS.filter((f) => f.key !== 'checked').map((f) =>
      f.key === 'actual' ? { ...f, label: '実績', aliases: [] } : f,
    ),
  };
  // A date-formatted cell reads back as ISO text through every adapter (specToSnapshot keeps the serial).
  const v1Sheet = withCell(built(KPI_FORM), at(KPI_FORM, 'checked'), '2021-03-31');

  it('reads the renamed field from the cell the metadata names, and keeps the removed one as retired', () => {
    const r = read(v1Sheet, V2);
    expect(r.findings).toEqual([]);
    expect(r.fields).toMatchObject({ actual: '90', target: '100', rate: '0.9', rating: 'A' });
    expect(r.fields).not.toHaveProperty('checked');
    expect(r.extracted?.source.cells.actual).toBe(at(KPI_FORM, 'actual'));
    expect(r.extracted?.retired).toEqual([
      { key: 'checked', label: '確認日', cell: at(KPI_FORM, 'checked'), text: '2021-03-31' },
    ]);
  });

  it('trusts the map no more once rows moved: nothing is read by it, and the old field’s text is reported', () => {
    const checkedRow = parseCellAddress(at(KPI_FORM, 'checked'))!.row;
    const values = v1Sheet.values.filter((_, r) => r !== checkedRow - 1); // the 判定理由 row deleted
    const r = read({ ...v1Sheet, values, merges: [] }, V2);
    expect(r.extracted?.retired).toBeUndefined();
    expect(r.fields?.ratingReason).toBe('');
    const moved = `D${checkedRow}`; // 確認日's value, one row up
    expect(r.findings).toContainEqual(['extract.unread-text', moved, undefined]);
    expect(r.findings).toContainEqual(['extract.missing-label', expect.any(String), 'ratingReason']);
  });

  it('lists no retired field whose cell is empty', () => {
    expect(read(built(KPI_FORM, { ...KPI_FILLED, checked: '' }), V2).extracted?.retired).toBeUndefined();
  });

  it('without the metadata’s cell map, the renamed label is missing, as for any hand-typed sheet', () => {
    const { row, column } = { row: 0, column: 5 };
    const values = v1Sheet.values.map((r) => [...r]);
    values[row]![column] = String(values[row]![column]).replace(/;fields=.*$/, '');
    const r = read({ ...v1Sheet, values }, V2);
    expect(r.findings).toContainEqual(['extract.missing-label', expect.any(String), 'actual']);
    expect(r.fields?.actual).toBe('');
    expect(r.extracted?.retired).toBeUndefined();
  });

  it('does not take a cell by the metadata when a known label now sits beside it (a row was deleted)', () => {
    const actualRow = parseCellAddress(at(KPI_FORM, 'actual'))!.row;
    const values = v1Sheet.values.filter((_, r) => r !== actualRow);
    const r = read({ ...v1Sheet, values, merges: [] }, KPI_FORM);
    expect(r.fields?.actual).toBe('');
    expect(r.findings).toContainEqual(['extract.missing-label', expect.any(String), 'actual']);
  });
});

describe('reading a sheet built before a field was added to the 様式', () => {
  // v3: a 事業費 number field added after the sheets were built (its key is not in the sheet's metadata).
  const V3: FormDefinition = {
    ...KPI_FORM,
    version: 'v3',
    fields: [
      ...KPI_FIELDS,
      {
        ...KPI_FIELDS.find((f) => f.key === 'target')!,
        key: 'cost',
        label: '事業費',
        inYearBand: false,
        requiredFrom: 'year-end',
      },
    ],
  };

  it('marks an entry read by another version of the 様式 than it was built from, and only then', () => {
    expect(read(built(KPI_FORM), V3).extracted?.entry.otherForm).toBe(true);
    expect(read(built(KPI_FORM), KPI_FORM).extracted?.entry.otherForm).toBeUndefined();
  });

  it('reads the field as blank and not on the sheet, says so once, and asks for no missing row', () => {
    const r = read(built(KPI_FORM), V3);
    expect(r.fields?.cost).toBe('');
    expect(r.extracted?.entry.notOnSheet).toEqual(['cost']);
    expect(r.findings).toEqual([
      ['extract.field-not-on-sheet', at(KPI_FORM, 'indicator').replace(/\d+$/, '2'), undefined],
    ]);
    expect(r.messages[0]).toContain('このシートには「事業費」の欄がありません');
  });

  it('says nothing on a blank sheet', () => {
    expect(read(built(KPI_FORM, {}), V3).findings).toEqual([]);
  });

  it('still reports a missing row on a sheet whose metadata lists the field (the row was deleted)', () => {
    const r = read(built(V3), V3);
    expect(r.extracted?.entry.notOnSheet).toBeUndefined();
    const costRow = parseCellAddress(at(V3, 'cost'))!.row;
    const deleted = built(V3);
    const values = deleted.values.filter((_, row) => row !== costRow);
    expect(read({ ...deleted, values, merges: [] }, V3).findings).toContainEqual([
      'extract.missing-label',
      expect.any(String),
      'cost',
    ]);
  });
});
