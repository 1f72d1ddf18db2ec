import { describe, expect, it } from 'vitest';
import { r2Sample } from '../sample/r2';
import { readEntrySheet } from './readEntrySheet';
import { type Rows, seedLayout, setCell, sheetFromRows } from '../../../tests/helpers/sheetFromRows';
import type { ExtractOptions } from './types';

const plan = r2Sample().plan;
const options = { file: 'somu.xlsx', plan, fiscalYear: 2020 };
const FORM = {
  item: '① 地域支えあいの仕組みづくり (3) 自主防災組織への活動支援による地域防災力の向上',
  vision: '地域防災力の向上を図る。',
  goal: '・防災体制の充実\n・訓練の実施',
  actions: '・備蓄品の整備',
  department: '総務課',
  firstHalf: '・7/19 研修',
  secondHalf: '・3/21 出前講座',
  achievement: '達成できた',
  evaluation: '計画どおり整備した。',
};
const { item: _item, department: _department, ...FIELDS } = FORM;
const ROWS = seedLayout(FORM);
const read = (rows: Rows, opts: ExtractOptions = options) =>
  readEntrySheet(sheetFromRows('防災', rows), opts);

describe('readEntrySheet: problems with the form', () => {
  const codes = (rows: Rows, opts: ExtractOptions = options) => {
    const r = read(rows, opts);
    return [...r.findings, ...r.entries.flatMap((e) => e.findings)].map((f) => [
      f.code,
      f.severity,
      f.place.cell,
      f.place.field,
    ]);
  };

  it('says which label is missing and where it was expected (a form without the 目標の達成 row)', () => {
    const rows = ROWS.filter((_, r) => r !== 7);
    const reading = read(rows);
    expect(codes(rows)).toEqual([['extract.missing-label', 'warning', 'B8', 'achievement']]);
    expect(reading.entries[0]?.findings[0]?.message).toBe(
      '「目標の達成」の見出しが見つかりません（「後期 (10～3月)」の下にあるはずです）。様式どおり「目標の達成」の行を戻してください。',
    );
    expect(reading.entries[0]?.extracted.source.cells.achievement).toBe('C8');
  });

  it('reports a missing 実践課 label, and takes the department from the plan when the item has only one', () => {
    const rows = ROWS.filter((_, r) => r !== 4);
    expect(codes(rows)).toEqual([
      ['extract.department-inferred', 'warning', 'C1', undefined],
      ['extract.missing-label', 'warning', 'B5', undefined],
    ]);
    expect(read(rows).entries[0]?.extracted.entry.department).toBe('総務課');
  });

  it('cannot tell the department of an item with several 実践課 when the 実践課 cell is empty', () => {
    const rows = setCell(
      setCell(ROWS, 0, 2, '① 地域支えあいの仕組みづくり (1) 自治会組織の活動支援と連携'),
      4,
      2,
      '',
    );
    const reading = read(rows);
    expect([reading.kind, reading.reason]).toEqual([
      'unreadable',
      '実践課が空欄のため、どの課のシートか決められず、読めませんでした。',
    ]);
    expect(codes(rows)).toEqual([['extract.unknown-department', 'error', 'C5', undefined]]);
  });

  it('reports a label written twice in one form and reads the first', () => {
    const rows = [...ROWS.slice(0, 4), ['', '目標', '別の目標', ''], ...ROWS.slice(4)];
    expect(codes(rows)).toEqual([['extract.duplicate-label', 'warning', 'B5', 'goal']]);
    expect(read(rows).entries[0]?.extracted.entry.fields.goal).toBe(FORM.goal);
  });

  it.each<[string, Rows, Parameters<typeof readEntrySheet>[1], (string | undefined)[][], number | undefined]>(
    [
      [
        'the year label is missing: the expected year is used',
        setCell(ROWS, 2, 0, ''),
        options,
        [['extract.missing-label', 'warning', 'A3', undefined]],
        2020,
      ],
      [
        'the year differs from the expected one',
        setCell(ROWS, 2, 0, '令和元年度'),
        options,
        [['extract.fiscal-year-mismatch', 'warning', 'A3', undefined]],
        2019,
      ],
      [
        'no year anywhere',
        setCell(ROWS, 2, 0, ''),
        { file: 'somu.xlsx', plan },
        [
          ['extract.unknown-fiscal-year', 'error', 'C1', undefined],
          ['extract.missing-label', 'warning', 'A3', undefined],
        ],
        undefined,
      ],
    ],
  )('%s', (_name, rows, opts, expected, fiscalYear) => {
    expect(codes(rows, opts)).toEqual(expected);
    expect(read(rows, opts).entries[0]?.extracted.entry.fiscalYear).toBe(fiscalYear);
  });
});

describe('readEntrySheet: several forms in one sheet', () => {
  it('reads each form below the other with its own provenance, numbering repeats 1, 2', () => {
    const second = seedLayout({ ...FORM, goal: '・二枚目' });
    const reading = read([['I 協働によるまちづくり'], [], ...ROWS, [], ['2 協力体制の強化'], ...second]);
    expect(reading.kind).toBe('entry');
    expect(
      reading.entries.map((e) => [
        e.extracted.entry.seq,
        e.extracted.entry.fields.goal,
        e.extracted.source.itemCell,
        e.extracted.source.cells.evaluation,
      ]),
    ).toEqual([
      [1, FORM.goal, 'C3', 'C11'],
      [2, '・二枚目', 'C14', 'C22'],
    ]);
  });

  it('does not split a form at a stray 取組項目 cell without field labels below it', () => {
    const reading = read([...ROWS.slice(0, 8), ['取組項目', '', '（記入例は別シート）'], ...ROWS.slice(8)]);
    expect(reading.entries.map((e) => e.extracted.entry.fields)).toEqual([FIELDS]);
  });
});
