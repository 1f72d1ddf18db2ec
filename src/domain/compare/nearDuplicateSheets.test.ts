import { describe, expect, it } from 'vitest';
import { STANDARD_FORM } from '../entry/formDefinition';
import { fieldText, type Entry } from '../entry/types';
import { r2Sample } from '../sample/r2';
import {
  checkNearDuplicateSheets,
  NEAR_DUPLICATE_SHEETS_CODE,
  nearDuplicateSheetPairs,
  type SheetEntry,
} from './nearDuplicateSheets';

const FILE = '町民生活課.xlsx';
const asSheet = (e: Entry, file = FILE, sheet = `${e.code} (${e.seq})`): SheetEntry => ({
  code: e.code,
  department: e.department,
  seq: e.seq,
  file,
  sheet,
  fields: e.fields,
});

const sample = r2Sample().entries;
/** 町民生活課's three genuinely different sheets for II-1-3-2 (債権管理, 住民税, 公営住宅). */
const own = sample.filter((e) => e.code === 'II-1-3-2' && e.department === '町民生活課');
const first = own[0]!;
/** A fourth sheet: the first one copied, with one line of its 後期 edited. */
const copy: Entry = {
  ...first,
  seq: 4,
  fields: { ...first.fields, secondHalf: `${fieldText(first.fields, 'secondHalf')}（督促状 2月発送）` },
};

describe('checkNearDuplicateSheets', () => {
  it('warns at a copied sheet edited in one place, naming both sheets', () =>
    expect(
      checkNearDuplicateSheets(
        [...own, copy].map((e) => asSheet(e)),
        STANDARD_FORM,
      ),
    ).toEqual([
      {
        code: NEAR_DUPLICATE_SHEETS_CODE,
        severity: 'warning',
        message:
          'シート「II-1-3-2 (1)」と「II-1-3-2 (4)」は同じ取組項目（II-1-3-2）で、内容がほぼ同じです（一部だけ編集されたコピー？）。別の取組なら内容を書き分け、不要なコピーなら削除してください。',
        place: { file: FILE, sheet: 'II-1-3-2 (4)', code: 'II-1-3-2', department: '町民生活課', seq: 4 },
      },
    ]));

  it('says "the same" for an unedited copy, and names the files when they differ', () => {
    const [f] = checkNearDuplicateSheets(
      [
        asSheet(first, '町民生活課.xlsx', '債権管理'),
        asSheet({ ...first, seq: 2 }, '町民生活課_追加.xlsx', 'Sheet1'),
      ],
      STANDARD_FORM,
    );
    expect(f?.message).toBe(
      'ファイル「町民生活課.xlsx」のシート「債権管理」と、ファイル「町民生活課_追加.xlsx」のシート「Sheet1」は同じ取組項目（II-1-3-2）で、内容が同じです（コピーしたシート？）。別の取組なら内容を書き分け、不要なコピーなら削除してください。',
    );
  });

  it("is silent on the seed's sheets: several sheets for one item are about different actions", () =>
    expect(
      checkNearDuplicateSheets(
        sample.map((e) => asSheet(e, `${e.department}.xlsx`)),
        STANDARD_FORM,
      ),
    ).toEqual([]));

  it('is silent on two plan-stage sheets sharing the item’s 目指す姿 and 目標 but not their actions', () => {
    const plan = (seq: number, actions: string): Entry => ({
      ...first,
      seq,
      fields: { vision: fieldText(first.fields, 'vision'), goal: fieldText(first.fields, 'goal'), actions },
    });
    expect(
      checkNearDuplicateSheets(
        [
          plan(
            1,
            '・債権管理条例に基づく、事務処理の周知\n・納期内納付の奨励と督促状の適正な発送\n・延滞金の徴収',
          ),
          plan(
            2,
            '・滞納者への納付相談（分割納付の誓約）\n・財産調査と差押えの実施\n・連帯保証人への早期の通知',
          ),
        ].map((e) => asSheet(e)),
        STANDARD_FORM,
      ),
    ).toEqual([]);
  });

  it('does not pair a resubmission (same seq in a newer file) or another department’s sheet', () =>
    expect(
      nearDuplicateSheetPairs(
        [
          asSheet(first, '町民生活課.xlsx'),
          asSheet(copy, '町民生活課_再提出.xlsx', 'II-1-3-2 (1)'),
          asSheet({ ...copy, seq: 1 }, '町民生活課_再提出.xlsx'),
          asSheet({ ...first, department: '総務課', seq: 2 }, '総務課.xlsx'),
        ].map((s, i) => (i === 1 ? { ...s, seq: 1 } : s)),
        STANDARD_FORM,
      ),
    ).toEqual([]));

  it('does not pair blank or stock-answer sheets', () => {
    const blank = (seq: number): Entry => ({ ...first, seq, fields: { secondHalf: 'なし' } });
    expect(
      nearDuplicateSheetPairs(
        [blank(1), blank(2)].map((e) => asSheet(e)),
        STANDARD_FORM,
      ),
    ).toEqual([]);
  });

  it('points at the later sheet’s cell when the caller knows it', () =>
    expect(
      checkNearDuplicateSheets([asSheet(first), { ...asSheet(copy), cell: 'C4' }], STANDARD_FORM)[0]?.place
        .cell,
    ).toBe('C4'));

  it('pairs each later copy with the first sheet it copies, whatever the metadata', () => {
    const pairs = nearDuplicateSheetPairs(
      [first, copy, { ...copy, seq: 5 }].map((e) => asSheet(e)),
      STANDARD_FORM,
    );
    expect(pairs.map((p) => [p.earlier.seq, p.later.seq, p.comparison.kind])).toEqual([
      [1, 4, 'near'],
      [1, 5, 'near'],
    ]);
  });
});
