import { describe, expect, it } from 'vitest';
import { STANDARD_FORM } from '../entry/formDefinition';
import { readEntrySheet } from '../extract/readEntrySheet';
import type { SheetSnapshot } from '../extract/snapshot';
import { planItems } from '../plan/planItems';
import { r2Sample } from '../sample/r2';
import { buildEntrySheet } from './buildEntrySheet';
import { REFERENCE_COLUMN, referenceHeading } from './referenceColumn';
import { specToSnapshot } from './specToSnapshot';

const { plan, entries } = r2Sample();
const r2 = entries.find((e) => e.code === 'II-1-2-1')!;
const item = planItems(plan).find((p) => p.code === r2.code)!;
const carried = Object.fromEntries(['vision', 'goal', 'actions'].map((k) => [k, r2.fields[k] ?? '']));

const sheet = (options: { printReference?: boolean; withPrevious?: boolean } = {}) =>
  buildEntrySheet({
    item,
    department: r2.department,
    seq: 1,
    fiscalYear: 2021,
    sheetName: 'II-1-2-1 総務課',
    fields: carried,
    ...(options.withPrevious !== false && {
      previous: { fiscalYear: 2020, fields: r2.fields },
      printReference: options.printReference === true,
    }),
  });
const read = (snapshot: SheetSnapshot) =>
  readEntrySheet(snapshot, { file: '総務課.xlsx', plan, form: STANDARD_FORM, fiscalYear: 2021 });

describe('the 前年度 column', () => {
  it('holds last year’s value of every carried and 参考 field on its row, in column G, locked and grey', () => {
    const spec = sheet();
    const g = spec.cells.filter((c) => c.column === REFERENCE_COLUMN);
    expect(g[0]).toMatchObject({ row: 0, value: '前年度（令和2年度）', style: 'referenceHeading' });
    expect(g.slice(1).map((c) => c.value)).toEqual(STANDARD_FORM.fields.map((f) => r2.fields[f.key]));
    expect(spec.styles['reference']).toMatchObject({ locked: true, wrap: true, color: '#808080' });
    expect(spec.columnWidths).toHaveLength(7);
    expect(referenceHeading(2020)).toBe('前年度（令和2年度）');
  });

  it('prints A:D unless asked to print the reference (A:G, landscape)', () => {
    expect(sheet().print?.area).toMatchObject({ left: 0, right: 3 });
    expect(sheet().print?.orientation).toBe('portrait');
    expect(sheet({ printReference: true }).print?.area).toMatchObject({ left: 0, right: REFERENCE_COLUMN });
    expect(sheet({ printReference: true }).print?.orientation).toBe('landscape');
  });

  it('fits the sheet to one page, where last year’s longer text makes the rows taller, printed or not', () => {
    expect(sheet().print).toMatchObject({ fitToWidth: 1, fitToHeight: 1 });
    expect(sheet({ printReference: true }).print).toMatchObject({ fitToWidth: 1, fitToHeight: 1 });
    // Without 前年度 the height is not constrained (a long sheet goes on, readable).
    expect(sheet({ withPrevious: false }).print?.fitToHeight).toBeUndefined();
  });

  it('is not read as this year’s text: empty inputs stay empty, no unread text, last year comes back as previous', () => {
    const reading = read(specToSnapshot(sheet()));
    const [got] = reading.entries;
    expect(got?.findings).toEqual([]);
    const { entry, previous } = got!.extracted;
    expect(entry.fields).toEqual({
      ...carried,
      firstHalf: '',
      secondHalf: '',
      achievement: '',
      evaluation: '',
    });
    expect(previous?.fiscalYear).toBe(2020);
    expect(previous?.fields).toEqual(r2.fields);
    expect(previous?.cells.evaluation).toMatch(/^G\d+$/);
  });

  it('near miss: the heading typed as an answer inside the form is this year’s text, not a 前年度 column', () => {
    const snapshot = specToSnapshot(sheet({ withPrevious: false }));
    const goalRow = snapshot.values.findIndex((r) => r[1] === '目標');
    const values = snapshot.values.map((r, i) =>
      i === goalRow ? r.map((v, c) => (c === 3 ? '前年度（令和2年度）' : v)) : r,
    );
    const [got] = read({ ...snapshot, values }).entries;
    expect(got?.extracted.entry.fields.goal).toBe('前年度（令和2年度）');
    expect(got?.extracted.previous).toBeUndefined();
  });
});
