import { describe, expect, it } from 'vitest';
import { emptyFields } from '../entry/types';
import { finding } from '../finding';
import { COPIED_SHEET_CODE, numberSeqs, type SheetEntry } from './numberSeqs';

const entry = (
  sheet: string,
  department: string,
  seq: number,
  seqFrom: SheetEntry['seqFrom'],
): SheetEntry => ({
  seqFrom,
  findings: [
    finding('extract.formula-value', 'info', '数式の結果の値を読みました', {
      sheet,
      code: 'II-1-3-2',
      department,
      seq,
    }),
  ],
  extracted: {
    entry: { code: 'II-1-3-2', department, seq, fiscalYear: 2020, fields: emptyFields() },
    source: {
      file: 'a.xlsx',
      sheet,
      cells: {
        vision: 'C2',
        goal: 'C3',
        actions: 'C4',
        firstHalf: 'D6',
        secondHalf: 'D7',
        achievement: 'C8',
        evaluation: 'C9',
      },
      itemCell: 'C1',
    },
    identifiedBy: seqFrom === 'meta' ? 'meta' : 'labels',
  },
});
const seqs = (list: SheetEntry[]) =>
  numberSeqs(list).map((e) => [e.extracted.source.sheet, e.extracted.entry.seq, e.findings[0]?.place.seq]);

describe('numberSeqs', () => {
  it.each<[string, SheetEntry[], (string | number | undefined)[][]]>([
    [
      'repeated (code, department) sheets without metadata are numbered 1, 2, 3 in order',
      [
        entry('a', '町民生活課', 1, 'order'),
        entry('b', '保健福祉課', 1, 'order'),
        entry('c', '町民生活課', 1, 'order'),
        entry('d', '町民生活課', 1, 'order'),
      ],
      [
        ['a', 1, 1],
        ['b', 1, 1],
        ['c', 2, 2],
        ['d', 3, 3],
      ],
    ],
    [
      'metadata seqs are kept and skipped by the numbering, wherever they come',
      [
        entry('a', '町民生活課', 1, 'order'),
        entry('b', '町民生活課', 1, 'order'),
        entry('c', '町民生活課', 2, 'meta'),
      ],
      [
        ['a', 1, 1],
        ['b', 3, 3],
        ['c', 2, 2],
      ],
    ],
    [
      'a sheet copied with its metadata (the later in tab order) takes the next free seq',
      [
        entry('a', '町民生活課', 1, 'meta'),
        entry('b', '町民生活課', 2, 'meta'),
        entry('a (2)', '町民生活課', 1, 'meta'),
      ],
      [
        ['a', 1, 1],
        ['b', 2, 2],
        ['a (2)', 3, 3],
      ],
    ],
  ])('%s', (_name, list, expected) => {
    expect(seqs(list)).toEqual(expected);
  });
});

describe('numberSeqs on a copied sheet', () => {
  it('warns on the copy, naming both sheets, at the seq it was given', () => {
    const [, copy] = numberSeqs([
      entry('II-1-3-2 町民生活課', '町民生活課', 1, 'meta'),
      entry('II-1-3-2 町民生活課_2', '町民生活課', 1, 'meta'),
    ]);
    const warning = copy!.findings.find((f) => f.code === COPIED_SHEET_CODE);
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toBe(
      'シート「II-1-3-2 町民生活課_2」はシート「II-1-3-2 町民生活課」のコピーのため、同じ取組項目（II-1-3-2 町民生活課）のもう1枚のシートとして読みました。別の取組として書いたのなら、このままで構いません。書き直したものなら元のシート「II-1-3-2 町民生活課」を、不要なコピーならこのシート「II-1-3-2 町民生活課_2」を削除してください。',
    );
    expect(warning?.place).toMatchObject({
      file: 'a.xlsx',
      sheet: 'II-1-3-2 町民生活課_2',
      cell: 'C1',
      seq: 2,
    });
  });
});
