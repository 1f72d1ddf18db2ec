import { describe, expect, it } from 'vitest';
import { SHORT_FULL_FIELDS } from '../../../tests/helpers/testEntry';
import { emptyFields, type Entry } from '../entry/types';
import type { Finding } from '../finding';
import { r2Sample } from '../sample/r2';
import { buildMasterView } from './buildMasterView';
import { consolidateEntries } from './consolidateEntries';
import { REPLACED_EMPTIED_CODE, SAME_TIME_CODE } from './selectEntries';
import type { Consolidation, ReceivedEntry, SourceFile } from './types';

const { plan } = r2Sample();
const R2 = 2020;
const R3 = 2021;
const OPTIONS = { stamp: '2022-04-20T09:00:00+09:00', fiscalYear: R3, stage: 'year-end' as const };
const full = SHORT_FULL_FIELDS;
const entry = (code: string, department: string, fiscalYear: number, vision = 'v'): Entry => ({
  code,
  department,
  seq: 1,
  fiscalYear,
  fields: { ...emptyFields(), ...full, vision },
});
const sheetOf = (e: Entry) => `${e.code} ${e.department}`;
const received = (e: Entry, extra: Partial<ReceivedEntry> = {}): ReceivedEntry => ({
  entry: e,
  sheet: sheetOf(e),
  cells: { vision: 'C5' },
  yearCell: 'A3',
  ...extra,
});
const source = (
  file: string,
  list: readonly ReceivedEntry[],
  modified: number,
  findings: readonly Finding[] = [],
): SourceFile => ({
  kind: 'read',
  file,
  modified,
  entries: list,
  sheets: list.map((r) => ({ sheet: r.sheet, kind: 'entry' as const })),
  findings,
});
const unread = (file: string, e: Entry): Finding => ({
  code: 'extract.unread-text',
  severity: 'warning',
  message: '様式の外に書かれた文字は読み取っていません。',
  place: { file, sheet: sheetOf(e), cell: 'F20', code: e.code, department: e.department, seq: e.seq },
});

const rowOf = (c: Consolidation, code: string, department: string) =>
  c.rows.find((r) => r.code === code && r.department === department)!;
const submissionOf = (c: Consolidation, department: string) =>
  c.submissions.find((s) => s.department === department)!;
/** The 検証結果 cell of 全体計画 for an item × department, as the sheet shows it. */
const shownStatus = (c: Consolidation, code: string, department: string) => {
  const master = buildMasterView({ consolidation: c, title: 't' }).sheets[0]!;
  const column = master.cells.find((cell) => cell.row === 2 && cell.value === '検証結果')!.column;
  const row = c.rows.findIndex((r) => r.code === code && r.department === department) + 3;
  return master.cells.find((cell) => cell.row === row && cell.column === column)?.value;
};

describe("consolidateEntries: a sheet of another year is 年度違い, never this year's entry", () => {
  const right = entry('I-2-1-3', '総務課', R3, '令和3年度の記入');
  const wrong = entry('I-2-1-3', '総務課', R2, '令和2年度の記入');

  it.each<[string, SourceFile[], string | undefined, string]>([
    [
      'a newer wrong-year file does not replace the older right-year entry',
      [source('総務課_R3.xlsx', [received(right)], 1000), source('総務課_R2.xlsx', [received(wrong)], 2000)],
      '令和3年度の記入',
      'エラー 1',
    ],
    [
      'an older wrong-year file does not stand for the entry either',
      [source('総務課_R2.xlsx', [received(wrong)], 1000), source('総務課_R3.xlsx', [received(right)], 2000)],
      '令和3年度の記入',
      'エラー 1',
    ],
    [
      'a wrong-year sheet alone leaves the item × department 未提出',
      [source('総務課_R2.xlsx', [received(wrong)], 1000)],
      undefined,
      '未提出（年度違いのシート 1 枚、集約ログ参照）',
    ],
  ])('%s', (_name, sources, consolidatedText, _status) => {
    const c = consolidateEntries(plan, sources, OPTIONS);
    const row = rowOf(c, 'I-2-1-3', '総務課');
    expect(row.entry?.fields.vision).toBe(consolidatedText);
    expect(row.status).toBe(consolidatedText === undefined ? 'missing' : 'submitted');
    expect(c.log.filter((r) => r.outcome === 'replaced')).toEqual([]);
    const wrongYear = c.log.filter((r) => r.outcome === 'wrong-year');
    expect(wrongYear.map((r) => [r.file, r.sheet, r.keptText?.includes('令和2年度の記入')])).toEqual([
      ['総務課_R2.xlsx', 'I-2-1-3 総務課', true],
    ]);
    expect(
      c.findings
        .filter((f) => f.code === 'consolidate.wrong-year')
        .map((f) => [f.severity, f.place.file, f.place.cell]),
    ).toEqual([['error', '総務課_R2.xlsx', 'A3']]);
    expect(c.findings.find((f) => f.code === 'consolidate.wrong-year')?.message).toContain(
      '令和2年度のシートです。令和3年度の集約には使わず',
    );
  });

  it('counts the 年度違い sheet for its department and on its 未提出 row', () => {
    const c = consolidateEntries(plan, [source('総務課_R2.xlsx', [received(wrong)], 1000)], OPTIONS);
    expect(submissionOf(c, '総務課')).toMatchObject({
      errors: 1,
      missing: expect.arrayContaining(['I-2-1-3']),
      lastFile: '総務課_R2.xlsx',
    });
    expect(rowOf(c, 'I-2-1-3', '総務課').findings.map((f) => f.code)).toEqual(['consolidate.wrong-year']);
    expect(shownStatus(c, 'I-2-1-3', '総務課')).toBe('未提出（年度違いのシート 1 枚、集約ログ参照）');
  });

  it("takes a sheet that carries no year to be of the run's year", () => {
    const unlabelled = entry('I-2-1-3', '総務課', R2, '年度の記載なし');
    const c = consolidateEntries(
      plan,
      [source('総務課.xlsx', [received(unlabelled, { yearAssumed: true, yearCell: undefined })], 1000)],
      OPTIONS,
    );
    const row = rowOf(c, 'I-2-1-3', '総務課');
    expect([row.status, row.entry?.fiscalYear, row.entry?.fields.vision]).toEqual([
      'submitted',
      R3,
      '年度の記載なし',
    ]);
    expect(c.log.filter((r) => r.outcome === 'wrong-year')).toEqual([]);
  });
});

describe('consolidateEntries: findings made while reading count wherever findings count', () => {
  const e = entry('I-2-1-3', '総務課', R3);

  it.each<[string, SourceFile[], number, string]>([
    [
      'a reading warning on the consolidated sheet',
      [source('総務課.xlsx', [received(e)], 1000, [unread('総務課.xlsx', e)])],
      1,
      '警告 1',
    ],
    [
      'a reading warning on a sheet a newer file replaced',
      [
        source('総務課.xlsx', [received(e)], 1000, [unread('総務課.xlsx', e)]),
        source('総務課_再提出.xlsx', [received(e)], 2000),
      ],
      0,
      'OK',
    ],
    [
      'a file-level reading warning of the file the entry came from',
      [
        source('総務課.xlsx', [received(e)], 1000, [
          {
            code: 'extract.hidden-sheet',
            severity: 'warning',
            message: '非表示のシートがあります。',
            place: { file: '総務課.xlsx' },
          },
        ]),
      ],
      1,
      'OK',
    ],
  ])("%s: 提出状況, the row's findings and 検証結果 agree", (_name, sources, warnings, status) => {
    const c = consolidateEntries(plan, sources, OPTIONS);
    expect(submissionOf(c, '総務課').warnings).toBe(warnings);
    const rowWarnings = rowOf(c, 'I-2-1-3', '総務課').findings.filter((f) => f.severity === 'warning').length;
    expect(shownStatus(c, 'I-2-1-3', '総務課')).toBe(status);
    expect(rowWarnings).toBe(status === 'OK' ? 0 : warnings);
    expect(c.findings.filter((f) => f.severity === 'warning')).toHaveLength(warnings);
  });

  it('no longer shows a department 完了 with 警告 0 when its sheets had reading warnings', () => {
    const c = consolidateEntries(
      plan,
      [source('総務課.xlsx', [received(e)], 1000, [unread('総務課.xlsx', e)])],
      OPTIONS,
    );
    const submissions = buildMasterView({ consolidation: c, title: 't' }).sheets[1]!;
    const header = submissions.cells.filter((cell) => cell.row === 2);
    const columnOf = (label: string) => header.find((cell) => cell.value === label)!.column;
    const row = 3 + c.submissions.findIndex((s) => s.department === '総務課');
    expect(
      submissions.cells.find((cell) => cell.row === row && cell.column === columnOf('警告'))?.value,
    ).toBe(1);
  });
});

describe('consolidateEntries: a resubmission it cannot order, or that leaves blank what was written', () => {
  const a = entry('I-2-1-3', '総務課', R3, '当初の文');
  const b = entry('II-2-5-1', '総務課', R3, '当初の文');
  const revised = (e: Entry, vision: string) => received({ ...e, fields: { ...e.fields, vision } });
  const codes = (c: Consolidation) => c.findings.map((f) => f.code);

  it('says once per pair of files that two copies saved in the same second were ordered by file name', () => {
    const c = consolidateEntries(
      plan,
      [
        source('総務課（修正版）.xlsx', [revised(a, '修正した文'), revised(b, '修正した文')], 5000),
        source('総務課（当初）.xlsx', [received(a), received(b)], 5400),
      ],
      OPTIONS,
    );
    const tied = c.findings.filter((f) => f.code === SAME_TIME_CODE);
    expect(tied).toHaveLength(1);
    expect(tied[0]).toMatchObject({ severity: 'warning', place: { file: '総務課（当初）.xlsx' } });
    expect(tied[0]!.message).toContain('「総務課（修正版）.xlsx」と「総務課（当初）.xlsx」');
    expect(tied[0]!.message).toContain('どちらが新しいか分かりません');
    // No line calls either file the newer one.
    const replaced = c.log.filter((r) => r.outcome === 'replaced');
    expect(replaced.map((r) => r.detail)).toEqual([
      expect.stringContaining(
        '（更新日時が同じため、ファイル名の順で採用）。もう一方のファイル: 「総務課（修正版）.xlsx」',
      ),
      expect.stringContaining(
        '（更新日時が同じため、ファイル名の順で採用）。もう一方のファイル: 「総務課（修正版）.xlsx」',
      ),
    ]);
    expect(replaced.map((r) => r.detail).join('')).not.toContain('新しいファイル');
    // A second apart is an order: no warning.
    const ordered = consolidateEntries(
      plan,
      [
        source('総務課（修正版）.xlsx', [revised(a, '修正した文')], 7000),
        source('総務課（当初）.xlsx', [received(a)], 5000),
      ],
      OPTIONS,
    );
    expect(codes(ordered)).not.toContain(SAME_TIME_CODE);
    expect(rowOf(ordered, 'I-2-1-3', '総務課').entry?.fields.vision).toBe('修正した文');
  });

  it('warns at the cell when the newer file leaves blank a field the older one had written', () => {
    const c = consolidateEntries(
      plan,
      [source('総務課.xlsx', [received(a)], 1000), source('総務課（再）.xlsx', [revised(a, '')], 9000)],
      OPTIONS,
    );
    const emptied = c.findings.filter((f) => f.code === REPLACED_EMPTIED_CODE);
    expect(emptied).toHaveLength(1);
    expect(emptied[0]).toMatchObject({
      severity: 'warning',
      place: { file: '総務課（再）.xlsx', sheet: 'I-2-1-3 総務課', cell: 'C5', code: 'I-2-1-3' },
    });
    expect(emptied[0]!.message).toContain(
      '「目指す姿」が空欄になりました（古いファイル「総務課.xlsx」には記入があります',
    );
    expect(rowOf(c, 'I-2-1-3', '総務課').findings.map((f) => f.code)).toContain(REPLACED_EMPTIED_CODE);
    // A third file, as blank: still said, naming the file that wrote it; the middle file's warning is gone.
    const third = consolidateEntries(
      plan,
      [
        source('総務課.xlsx', [received(a)], 1000),
        source('総務課（再）.xlsx', [revised(a, '')], 9000),
        source('総務課（再々）.xlsx', [revised(a, '')], 19000),
      ],
      OPTIONS,
    );
    expect(third.findings.filter((f) => f.code === REPLACED_EMPTIED_CODE)).toMatchObject([
      {
        place: { file: '総務課（再々）.xlsx' },
        message: expect.stringContaining('古いファイル「総務課.xlsx」'),
      },
    ]);
    // Changing a text is not blanking it.
    const changed = consolidateEntries(
      plan,
      [source('総務課.xlsx', [received(a)], 1000), source('総務課（再）.xlsx', [revised(a, '別の文')], 9000)],
      OPTIONS,
    );
    expect(codes(changed)).not.toContain(REPLACED_EMPTIED_CODE);
  });
});
