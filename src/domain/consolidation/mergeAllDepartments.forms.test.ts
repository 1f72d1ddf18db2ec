import { describe, expect, it } from 'vitest';
import { KPI_FORM } from '../../../tests/helpers/kpiForm';
import {
  CONSOLIDATE_OPTIONS as OPTIONS,
  formEntry,
  headerRow,
  masterRowOf,
  readSource,
  receivedEntry,
  valueAt,
} from '../../../tests/helpers/kpiSources';
import type { Entry } from '../entry/types';
import { r2Sample } from '../sample/r2';
import { FIRST_DATA_ROW } from '../template/buildTableSheet';
import { buildMasterView } from './buildMasterView';
import { consolidateEntries } from './consolidateEntries';
import { MERGE_DISAGREEMENT_CODE } from './placeEntries';
import type { RetiredField } from './types';

const { plan } = r2Sample();

describe('全課 items under a 指標 form', () => {
  // I-1-1-1 is 全課 with 総務課 compiling.
  const merge = (entries: readonly Entry[]) =>
    consolidateEntries(
      plan,
      entries.map((e, i) => readSource(`${e.department}.xlsx`, [receivedEntry(e)], 1000 + i)),
      { ...OPTIONS, form: KPI_FORM },
    );
  const mergedRow = (c: ReturnType<typeof merge>) => c.rows.find((r) => r.code === 'I-1-1-1')!;

  it("takes the coordinator's own numbers and choice, and merges text under 【課】 headings", () => {
    const c = merge([
      formEntry('I-1-1-1', '総務課', { indicator: '全体', target: '100', actual: '90', rating: 'A' }),
      formEntry('I-1-1-1', '保健福祉課', { indicator: '健診', target: '50', actual: '10', rating: 'C' }),
    ]);
    const row = mergedRow(c);
    expect(row.entry?.fields).toMatchObject({
      indicator: '【総務課】\n全体\n【保健福祉課】\n健診',
      target: '100',
      actual: '90',
      rating: 'A',
      rate: '',
    });
    expect(row.mergedFrom).toEqual(['総務課', '保健福祉課']);
    // The values that did not stand are said in the contribution's log record.
    expect(c.log.find((r) => r.department === '保健福祉課')?.detail).toContain(
      '統合後の値と違うこのシートの値: 目標値「50」、実績値「10」、判定「C」。',
    );
    // 達成率 is recomputed from the merged values.
    const master = buildMasterView({ consolidation: c, title: 't' }).sheets[0]!;
    const r = masterRowOf(master, 'I-1-1-1', '総務課');
    expect([9, 10, 11].map((col) => valueAt(master, r, col))).toEqual([100, 90, 0.9]);
    // 提出ファイル and シート name every sheet merged into the row, not only the first.
    const at = (header: string) => valueAt(master, r, headerRow(master).indexOf(header));
    expect(at('提出ファイル')).toBe('総務課.xlsx\n保健福祉課.xlsx');
    expect(at('シート')).toBe('I-1-1-1 総務課\nI-1-1-1 保健福祉課');
  });

  it('without the coordinator: the value all agree on, the worst choice, and a blank with every value where they differ', () => {
    const c = merge([
      formEntry('I-1-1-1', '総務課', { indicator: 'とりまとめ' }),
      formEntry('I-1-1-1', '保健福祉課', {
        target: '100',
        actual: '90',
        rating: 'A',
        ratingReason: '前倒し',
      }),
      formEntry('I-1-1-1', '教育振興課', {
        target: '１００',
        actual: '70',
        rating: 'B',
        ratingReason: '遅れ',
      }),
    ]);
    const row = mergedRow(c);
    expect(row.entry?.fields).toMatchObject({
      target: '100',
      actual: '',
      rating: 'B',
      ratingReason: '【保健福祉課】\n前倒し\n【教育振興課】\n遅れ',
    });
    const differ = c.findings.filter((f) => f.code === MERGE_DISAGREEMENT_CODE);
    expect(differ.map((f) => f.place.field)).toEqual(['actual', 'rating']);
    expect(differ[0]).toMatchObject({
      severity: 'warning',
      place: { code: 'I-1-1-1', department: '総務課', field: 'actual', file: '総務課.xlsx' },
    });
    expect(differ[0]?.message).toContain('「実績値」');
    expect(differ[0]?.message).toContain('【保健福祉課】90、【教育振興課】70');
    expect(row.findings).toContainEqual(differ[0]);
    // The worse choice B stood, and the run says so: one department's A is not the item's.
    expect(differ[1]).toMatchObject({
      severity: 'warning',
      place: { department: '総務課', field: 'rating' },
    });
    expect(differ[1]?.message).toBe(
      '全課の取組 I-1-1-1 の「判定」は課によって違うため、全体計画ではいちばん低い「B」にしました（【保健福祉課】A、【教育振興課】B）。総務課のシートで全体の「判定」を選んでください。',
    );
    expect(row.findings).toContainEqual(differ[1]);
    // 保健福祉課's A is also said in its record.
    expect(c.log.find((r) => r.department === '保健福祉課')?.detail).toMatch(/判定「A」。$/);
    // `１００` is the 100 that stood; only 実績値 differs.
    expect(c.log.find((r) => r.department === '教育振興課')?.detail).toMatch(
      /統合後の値と違うこのシートの値: 実績値「70」。$/,
    );
  });

  it('with no sheet from the coordinator: a value left blank because the departments differ is not also 未記入', () => {
    const c = merge([
      formEntry('I-1-1-1', '保健福祉課', { indicator: '健診', target: '100', actual: '90', rating: 'A' }),
      formEntry('I-1-1-1', '教育振興課', { indicator: '講座', target: '100', actual: '70', rating: 'A' }),
    ]);
    expect(mergedRow(c).entry?.fields).toMatchObject({ target: '100', actual: '' });
    const on = (field: string) => c.findings.filter((f) => f.place.field === field).map((f) => f.code);
    // 実績値: the warning that names both values, not a 未記入 that sends 総務課 after a department that wrote it.
    expect(on('actual')).toEqual([MERGE_DISAGREEMENT_CODE]);
  });

  it('with no sheet from the coordinator, puts the warning at a sheet that gave one of the values', () => {
    // 教育振興課's file comes first but gives no number; 保健福祉課 and 農業振興課 differ.
    const c = merge([
      formEntry('I-1-1-1', '教育振興課', { indicator: '講座' }),
      formEntry('I-1-1-1', '保健福祉課', { actual: '90' }),
      formEntry('I-1-1-1', '農業振興課', { actual: '70' }),
    ]);
    const differ = c.findings.filter((f) => f.code === MERGE_DISAGREEMENT_CODE);
    expect(differ.map((f) => [f.place.file, f.place.sheet, f.place.department])).toEqual([
      ['保健福祉課.xlsx', 'I-1-1-1 保健福祉課', '総務課'],
    ]);
    // …and the row's findings hold it, where 全体計画 and 集約ログ list them.
    expect(mergedRow(c).findings).toContainEqual(differ[0]);
  });
});

describe('retired fields (a sheet of an older 様式 version)', () => {
  const retired: RetiredField[] = [{ key: 'risk', label: 'リスク', cell: 'D12', text: '予算の確保が難しい' }];
  const consolidate = (fiscalYear: number) =>
    consolidateEntries(
      plan,
      [
        readSource('総務課.xlsx', [
          receivedEntry(formEntry('I-2-1-3', '総務課', { indicator: '指標' }, { fiscalYear }), retired),
        ]),
      ],
      { ...OPTIONS, form: KPI_FORM },
    );

  it('keeps each in 集約ログ under its sheet, with its text, and counts the sheet once', () => {
    const c = consolidate(2020);
    expect(c.log).toHaveLength(1);
    expect(c.log[0]).toMatchObject({ outcome: 'consolidated', retired });
    const log = buildMasterView({ consolidation: c, title: 't' }).sheets[3]!;
    expect([0, 1, 2, 6, 7].map((col) => valueAt(log, FIRST_DATA_ROW + 1, col))).toEqual([
      '総務課.xlsx',
      'I-2-1-3 総務課',
      '集約',
      '現在の様式にない欄「リスク」（キー risk）の記入を保管しました（D12）。',
      '予算の確保が難しい',
    ]);
    expect(valueAt(log, 1, 0)).toContain('シート 1 枚');
  });

  it('keeps them with a sheet that is not used (年度違い)', () => {
    expect(consolidate(2019).log).toEqual([expect.objectContaining({ outcome: 'wrong-year', retired })]);
  });
});
