import { describe, expect, it } from 'vitest';
import { STANDARD_FORM } from '../entry/formDefinition';
import type { Entry } from '../entry/types';
import { r2Sample } from '../sample/r2';
import {
  checkUnchangedEntries,
  checkUnchangedFromLastYear,
  countUnchangedByDepartment,
  previousByKey,
  previousYearText,
  UNCHANGED_FROM_LAST_YEAR_CODE,
  unchangedFields,
  unchangedMessage,
} from './unchangedFromLastYear';

const r2 = r2Sample().entries.find((e) => e.code === 'I-2-1-3' && e.department === '総務課')!;
const r3 = (fields: Readonly<Record<string, string>>): Entry => ({
  ...r2,
  fiscalYear: r2.fiscalYear + 1,
  fields: { ...r2.fields, ...fields },
});

/** R2's 前期 with every date moved by a day or two, as a department copying last year's sheet would. */
const firstHalfDatesMoved = r2.fields
  .firstHalf!.replace('7/19', '7/17')
  .replace('9/23', '9/24')
  .replace('7/16、7/31', '7/15、7/29');

/** An honest R3 sheet: new text in the year's fields, written in the same style as R2's. */
const honest = r3({
  goal: '・十勝岳噴火災害を想定した避難計画の見直しと、住民会ごとの避難訓練の定着',
  actions: '・防災資機材備蓄品の計画的な更新\n・防災士の新規養成（町内2名）\n・出前講座の開催',
  firstHalf: '・6/5防災士養成講座の受講支援（2名）\n・8/28住民会合同避難訓練（3住民会）',
  secondHalf: '・11/12職員向け図上訓練\n・出前講座2/14 1回',
  evaluation:
    '・防災士の養成は計画どおり進んだ。\n・住民会合同の避難訓練は初めての試みで、次年度は対象住民会を広げる。',
});

describe('unchangedFields', () => {
  it('finds the fields carried over from last year: same, near, only dates changed', () => {
    const current = r3({
      // Same once normalized: a line break and trailing spaces do not make a text new.
      goal: `${r2.fields.goal}\n　`,
      actions: honest.fields.actions!,
      firstHalf: firstHalfDatesMoved,
      secondHalf: honest.fields.secondHalf!,
      // One phrase edited in a long text.
      evaluation: r2.fields.evaluation!.replace('減ってしまったが', '少なかったが'),
    });
    expect(
      unchangedFields(current, r2, STANDARD_FORM).map((f) => [f.key, f.kind, f.onlyDatesChanged]),
    ).toEqual([
      ['vision', 'same', false],
      ['goal', 'same', false],
      ['firstHalf', 'near', true],
      ['evaluation', 'near', false],
    ]);
  });

  it('finds nothing in a sheet written anew in last year’s style', () =>
    // 目指す姿 stays the same by design; leave it out as a caller would for a carried field.
    expect(
      unchangedFields(honest, r2, STANDARD_FORM, {
        keys: ['goal', 'actions', 'firstHalf', 'secondHalf', 'evaluation'],
      }),
    ).toEqual([]));

  it('compares only 文章 fields: the same choice is not a copied text', () =>
    expect(unchangedFields(honest, r2, STANDARD_FORM).map((f) => f.key)).toEqual(['vision']));

  it('does not call short stock answers copies', () => {
    const before = { ...r2, fields: { ...r2.fields, secondHalf: '特になし' } };
    expect(
      unchangedFields(r3({ secondHalf: '特になし。' }), before, STANDARD_FORM).map((f) => f.key),
    ).not.toContain('secondHalf');
  });

  it('compares only with an earlier year', () =>
    expect(unchangedFields(r2, { ...r2 }, STANDARD_FORM)).toEqual([]));
});

describe('unchangedMessage', () => {
  const base = { label: '目標', similarity: 1, onlyDatesChanged: false, onlyYearsAndDates: false };
  it.each([
    [{ ...base, kind: 'same' as const }, '「目標」が前年度（令和2年度）と同じ文です。'],
    [
      { ...base, kind: 'near' as const, similarity: 0.8, onlyDatesChanged: true, onlyYearsAndDates: true },
      '「目標」が前年度（令和2年度）とほぼ同じ文です（日付のみ変更）。',
    ],
    [
      { ...base, kind: 'near' as const, similarity: 0.8, onlyDatesChanged: true },
      '「目標」が前年度（令和2年度）とほぼ同じ文です（日付・数字のみ変更）。',
    ],
    [
      { ...base, kind: 'near' as const, similarity: 0.937 },
      '「目標」が前年度（令和2年度）とほぼ同じ文です（一致度 93%）。',
    ],
  ])('%o', (field, start) =>
    expect(unchangedMessage(field, 2020, 2021)).toBe(
      `${start}今年度の取組と結果に合わせて書き直してください（内容が変わらない場合は、そのままで構いません）。`,
    ),
  );

  it('names an older year without calling it 前年度', () => {
    expect(previousYearText(2019, 2021)).toBe('令和元年度');
    expect(previousYearText(2020, 2021)).toBe('前年度（令和2年度）');
  });
});

describe('checkUnchangedFromLastYear', () => {
  it('warns at each copied field of the current entry, in form order', () =>
    expect(
      checkUnchangedFromLastYear(r3({ firstHalf: firstHalfDatesMoved }), r2, STANDARD_FORM, {
        keys: ['firstHalf', 'actions'],
      }),
    ).toEqual([
      expect.objectContaining({
        place: expect.objectContaining({ field: 'actions' }),
        message: expect.stringContaining('と同じ文です。'),
      }),
      {
        code: UNCHANGED_FROM_LAST_YEAR_CODE,
        severity: 'warning',
        message:
          '「前期 (4～9月)」が前年度（令和2年度）とほぼ同じ文です（日付のみ変更）。今年度の取組と結果に合わせて書き直してください（内容が変わらない場合は、そのままで構いません）。',
        place: { code: 'I-2-1-3', department: '総務課', seq: 1, field: 'firstHalf' },
      },
    ]));

  it('is silent on an honest sheet', () =>
    expect(
      checkUnchangedFromLastYear(honest, r2, STANDARD_FORM, { keys: ['firstHalf', 'actions', 'evaluation'] }),
    ).toEqual([]));
});

describe('checkUnchangedEntries', () => {
  const lastYear = r2Sample().entries;
  const thisYear = lastYear.map((e) => ({ ...e, fiscalYear: e.fiscalYear + 1 }));

  it('compares each entry with its predecessor of the same code, department and seq', () => {
    // R3 = R2 unchanged: every comparable 評価・検証 is a copy, one finding per entry, counted per department.
    const found = checkUnchangedEntries(thisYear, previousByKey(lastYear), STANDARD_FORM, {
      keys: ['evaluation'],
    });
    const withEvaluation = thisYear.filter((e) => (e.fields.evaluation ?? '').length >= 5);
    expect(found).toHaveLength(withEvaluation.length);
    expect(
      found.every((f) => f.message.startsWith('「評価・検証」が前年度（令和2年度）と同じ文です。')),
    ).toBe(true);
    const counts = countUnchangedByDepartment(found);
    expect(counts.get('総務課')).toBe(withEvaluation.filter((e) => e.department === '総務課').length);
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(found.length);
  });

  it('gives no finding to an entry without a predecessor (no sheet of that seq last year)', () => {
    const shifted = thisYear.map((e) => ({ ...e, seq: e.seq + 10 }));
    expect(checkUnchangedEntries(shifted, previousByKey(lastYear), STANDARD_FORM)).toEqual([]);
  });
});
