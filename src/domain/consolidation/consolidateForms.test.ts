import { describe, expect, it } from 'vitest';
import type { FieldDef, FormDefinition } from '../entry/formDefinition';
import type { Entry } from '../entry/types';
import { r2Sample } from '../sample/r2';
import { FIRST_DATA_ROW, HEADER_ROW } from '../template/buildTableSheet';
import { entryLayout, inputAddress, inputFor } from '../template/entryLayout';
import { range, type SheetSpec } from '../template/sheetSpec';
import { buildMasterView, masterViewColumns, NO_TALLY_MESSAGE } from './buildMasterView';
import { consolidateEntries } from './consolidateEntries';
import { MERGE_DISAGREEMENT_CODE } from './placeEntries';
import type { ReceivedEntry, RetiredField, SourceFile } from './types';

/** A 指標 form: 成果指標, 基準値・目標値・実績値, 達成率 = 実績値 / 目標値, 判定 S/A/B/C (集計) with 判定理由, 評価. */
const field = (f: Omit<FieldDef, 'aliases' | 'guidance'>): FieldDef => ({ aliases: [], guidance: '', ...f });
const KPI: FormDefinition = {
  id: 'kpi-consolidation-test',
  version: 'v1',
  title: '指標シート',
  fields: [
    field({ key: 'indicator', label: '成果指標', kind: 'text', inYearBand: false, requiredFrom: 'plan' }),
    field({ key: 'baseline', label: '基準値', kind: 'number', inYearBand: true, requiredFrom: 'plan' }),
    field({ key: 'target', label: '目標値', kind: 'number', inYearBand: true, requiredFrom: 'plan' }),
    field({ key: 'actual', label: '実績値', kind: 'number', inYearBand: true, requiredFrom: 'year-end' }),
    field({
      key: 'rate',
      label: '達成率',
      kind: 'computed',
      inYearBand: true,
      requiredFrom: 'year-end',
      formula: {
        text: '実績値 / 目標値',
        expression: {
          kind: 'binary',
          op: '/',
          left: { kind: 'field', key: 'actual' },
          right: { kind: 'field', key: 'target' },
        },
      },
    }),
    field({
      key: 'rating',
      label: '判定',
      kind: 'choice',
      choices: ['S', 'A', 'B', 'C'],
      tally: true,
      inYearBand: true,
      requiredFrom: 'year-end',
    }),
    field({
      key: 'ratingReason',
      label: '判定理由',
      kind: 'text',
      reasonFor: 'rating',
      inYearBand: true,
      requiredFrom: 'optional',
    }),
    field({ key: 'evaluation', label: '評価', kind: 'text', inYearBand: false, requiredFrom: 'year-end' }),
  ],
};
/** The same fields as plain records, without a 集計 field (no 選択 at all). */
const NO_TALLY: FormDefinition = {
  id: 'no-tally',
  version: 1,
  title: '記録シート',
  fields: KPI.fields.filter((f) => f.kind !== 'choice' && f.kind !== 'computed'),
};

const { plan } = r2Sample();
const OPTIONS = { stamp: '2021-04-20T09:00:00+09:00', fiscalYear: 2020, stage: 'year-end' as const };
const kpi = (
  code: string,
  department: string,
  fields: Partial<Record<string, string>>,
  fiscalYear = 2020,
): Entry => ({
  code,
  department,
  seq: 1,
  fiscalYear,
  fields: Object.fromEntries(KPI.fields.map((f) => [f.key, fields[f.key] ?? ''])),
});
const FILLED = {
  indicator: '防災訓練の参加者数',
  baseline: '80',
  target: '１，２００',
  actual: '900',
  rating: 'B',
  evaluation: '目標には届かなかった。',
};
const received = (e: Entry, retired?: readonly RetiredField[]): ReceivedEntry => ({
  entry: e,
  sheet: `${e.code} ${e.department}`,
  cells: Object.fromEntries(entryLayout(KPI).inputs.map((i) => [i.field.key, inputAddress(i)])),
  ...(retired && { retired }),
});
const source = (file: string, list: readonly ReceivedEntry[], modified = 1000): SourceFile => ({
  kind: 'read',
  file,
  modified,
  entries: list,
  sheets: list.map((r) => ({ sheet: r.sheet, kind: 'entry' as const })),
  findings: [],
});
const valueAt = (spec: SheetSpec, row: number, column: number) =>
  spec.cells.find((c) => c.row === row && c.column === column)?.value;
const header = (spec: SheetSpec): unknown[] =>
  spec.cells.filter((c) => c.row === HEADER_ROW).map((c) => c.value);
const rowOf = (spec: SheetSpec, code: string, department: string): number =>
  spec.cells.find(
    (c) =>
      c.column === 0 && c.value === code && valueAt(spec, c.row, 4) === department && c.row >= FIRST_DATA_ROW,
  )!.row;

describe('consolidation follows the form: a 指標 form', () => {
  const sources = [
    source('総務課.xlsx', [received(kpi('I-2-1-3', '総務課', FILLED))]),
    source('町民生活課.xlsx', [
      received(kpi('I-1-2-1', '町民生活課', { ...FILLED, target: '約100', rating: 'S' })),
      received(kpi('I-2-1-1', '町民生活課', { ...FILLED, rating: 'Ｓ' })),
    ]),
    source('建設水道課.xlsx', [received(kpi('I-2-1-1', '建設水道課', { ...FILLED, rating: 'C' }))]),
  ];
  const c = consolidateEntries(plan, sources, { ...OPTIONS, form: KPI });
  const view = buildMasterView({ consolidation: c, title: 'プラン' });
  const [master, , achievement] = view.sheets;

  it('gives 全体計画 one column per field in the form order, numbers narrow', () => {
    const columns = masterViewColumns(KPI);
    expect(header(master!)).toEqual(columns.map((col) => col.header));
    expect(columns.map((col) => col.header).slice(7, 15)).toEqual([
      '成果指標',
      '基準値',
      '目標値',
      '実績値',
      '達成率',
      '判定',
      '判定理由',
      '評価',
    ]);
    expect(columns.slice(7, 15).map((col) => col.kind ?? 'text')).toEqual([
      'text',
      'decimal',
      'decimal',
      'decimal',
      'percent',
      'text',
      'text',
      'text',
    ]);
    const width = (h: string) => columns.find((col) => col.header === h)!.width;
    expect(Math.max(width('基準値'), width('達成率'), width('判定'))).toBeLessThan(
      Math.min(width('成果指標'), width('評価')),
    );
    expect(columns.at(-4)?.header).toBe('検証結果');
    expect(master!.print?.area?.right).toBe(columns.findIndex((col) => col.header === '備考'));
  });

  it('writes numbers as numbers and 計算 recomputed as a fraction; unreadable numbers stay as written', () => {
    const row = rowOf(master!, 'I-2-1-3', '総務課');
    expect([7, 8, 9, 10, 11, 12, 14].map((col) => valueAt(master!, row, col))).toEqual([
      '防災訓練の参加者数',
      80,
      1200,
      900,
      0.75,
      'B',
      '目標には届かなかった。',
    ]);
    expect(master!.cells.find((cell) => cell.row === row && cell.column === 11)?.style).toBe('percent');
    const unreadable = rowOf(master!, 'I-1-2-1', '町民生活課');
    expect(valueAt(master!, unreadable, 9)).toBe('約100');
    expect(valueAt(master!, unreadable, 11)).toBeNull();
  });

  it("counts 達成状況 by the 集計 field's own choices plus 未記入", () => {
    expect(c.achievement.field).toEqual({ key: 'rating', label: '判定' });
    expect(c.achievement.choices).toEqual(['S', 'A', 'B', 'C']);
    const assignees = c.rows.filter((r) => r.status !== 'flagged').length;
    // S (町民生活課 twice: `Ｓ` is S), B (総務課), C (建設水道課); everything else 未提出 = 未記入.
    expect(c.achievement.total).toEqual({ byChoice: [2, 0, 1, 1], blank: assignees - 4 });
    expect(header(achievement!)).toEqual(['区分', '項目', 'S', 'A', 'B', 'C', '未記入', '計', '「S」の割合']);
    expect([2, 3, 4, 5, 6, 7].map((col) => valueAt(achievement!, FIRST_DATA_ROW, col))).toEqual([
      2,
      0,
      1,
      1,
      assignees - 4,
      assignees,
    ]);
    expect(valueAt(achievement!, 0, 0)).toBe('判定状況（令和2年度）');
    const rows = 1 + c.achievement.byBasic.length + c.achievement.byPromotion.length;
    expect(achievement!.charts?.[0]?.data).toEqual(
      range(HEADER_ROW, 1, HEADER_ROW + rows + c.achievement.byDepartment.length, 6),
    );
    expect(achievement!.conditionalFormats.filter((f) => f.kind === 'dataBar')).toHaveLength(6);
  });

  it("lays report sheets out by the form's own layout", () => {
    const report = view.sheets.find((s) => s.name === '報告 I-2-1-3 総務課')!;
    const layout = entryLayout(KPI);
    const at = (key: string) => {
      const input = inputFor(layout, key);
      return valueAt(report, input.range.top, input.range.left);
    };
    expect(at('indicator')).toBe('防災訓練の参加者数');
    expect(at('evaluation')).toBe('目標には届かなかった。');
    expect(at('rating')).toBe('B');
    expect(String(at('actual'))).toBe('900');
    expect(report.protect).toBe(true);
  });
});

describe('全課 items under a 指標 form', () => {
  // I-1-1-1 is 全課 with 総務課 compiling.
  const merge = (entries: readonly Entry[]) =>
    consolidateEntries(
      plan,
      entries.map((e, i) => source(`${e.department}.xlsx`, [received(e)], 1000 + i)),
      { ...OPTIONS, form: KPI },
    );
  const mergedRow = (c: ReturnType<typeof merge>) => c.rows.find((r) => r.code === 'I-1-1-1')!;

  it("takes the coordinator's own numbers and choice, and merges text under 【課】 headings", () => {
    const c = merge([
      kpi('I-1-1-1', '総務課', { indicator: '全体', target: '100', actual: '90', rating: 'A' }),
      kpi('I-1-1-1', '保健福祉課', { indicator: '健診', target: '50', actual: '10', rating: 'C' }),
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
      '統合後の値と違うこのシートの値: 目標値「50」、実績値「10」。',
    );
    const master = buildMasterView({ consolidation: c, title: 't' }).sheets[0]!;
    const r = rowOf(master, 'I-1-1-1', '総務課');
    expect([9, 10, 11].map((col) => valueAt(master, r, col))).toEqual([100, 90, 0.9]);
  });

  it('without the coordinator: the value all agree on, the worst choice, and a blank with every value where they differ', () => {
    const c = merge([
      kpi('I-1-1-1', '総務課', { indicator: 'とりまとめ' }),
      kpi('I-1-1-1', '保健福祉課', { target: '100', actual: '90', rating: 'A', ratingReason: '前倒し' }),
      kpi('I-1-1-1', '教育振興課', { target: '１００', actual: '70', rating: 'B', ratingReason: '遅れ' }),
    ]);
    const row = mergedRow(c);
    expect(row.entry?.fields).toMatchObject({
      target: '100',
      actual: '',
      rating: 'B',
      ratingReason: '【保健福祉課】\n前倒し\n【教育振興課】\n遅れ',
    });
    const differ = c.findings.filter((f) => f.code === MERGE_DISAGREEMENT_CODE);
    expect(differ).toHaveLength(1);
    expect(differ[0]).toMatchObject({
      severity: 'warning',
      place: { code: 'I-1-1-1', department: '総務課', field: 'actual', file: '総務課.xlsx' },
    });
    expect(differ[0]?.message).toContain('「実績値」');
    expect(differ[0]?.message).toContain('【保健福祉課】90、【教育振興課】70');
    expect(row.findings).toContainEqual(differ[0]);
    // `１００` is the 100 that stood; only 実績値 differs.
    expect(c.log.find((r) => r.department === '教育振興課')?.detail).toMatch(
      /統合後の値と違うこのシートの値: 実績値「70」。$/,
    );
  });
});

describe('retired fields (a sheet of an older 様式 version)', () => {
  const retired: RetiredField[] = [{ key: 'risk', label: 'リスク', cell: 'D12', text: '予算の確保が難しい' }];

  it('keeps each in 集約ログ under its sheet, with its text, and counts the sheet once', () => {
    const c = consolidateEntries(
      plan,
      [source('総務課.xlsx', [received(kpi('I-2-1-3', '総務課', FILLED), retired)])],
      { ...OPTIONS, form: KPI },
    );
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
    const c = consolidateEntries(
      plan,
      [source('総務課.xlsx', [received(kpi('I-2-1-3', '総務課', FILLED, 2019), retired)])],
      { ...OPTIONS, form: KPI },
    );
    expect(c.log).toEqual([expect.objectContaining({ outcome: 'wrong-year', retired })]);
  });
});

describe('a form without a 集計 field', () => {
  const c = consolidateEntries(plan, [source('総務課.xlsx', [received(kpi('I-2-1-3', '総務課', FILLED))])], {
    ...OPTIONS,
    form: NO_TALLY,
  });
  const view = buildMasterView({ consolidation: c, title: 't' });

  it('counts nothing and says so in 達成状況', () => {
    expect(c.achievement.field).toBeUndefined();
    expect(c.achievement.choices).toEqual([]);
    const sheet = view.sheets[2]!;
    expect(sheet.name).toBe('達成状況');
    expect(valueAt(sheet, FIRST_DATA_ROW, 0)).toBe(NO_TALLY_MESSAGE);
    expect(sheet.charts ?? []).toEqual([]);
  });

  it('still writes its fields, and keeps a key the form lacks in the log text', () => {
    const master = view.sheets[0]!;
    expect(header(master).slice(7, 12)).toEqual(['成果指標', '基準値', '目標値', '実績値', '判定理由']);
    const duplicate = consolidateEntries(
      plan,
      [
        source('総務課.xlsx', [
          received(kpi('I-2-1-3', '総務課', FILLED)),
          { ...received(kpi('I-2-1-3', '総務課', FILLED)), sheet: '二枚目' },
        ]),
      ],
      { ...OPTIONS, form: NO_TALLY },
    );
    // 判定 is not a field of this form; the entry's text for it is still kept.
    expect(duplicate.log.find((r) => r.outcome === 'duplicate')?.keptText).toContain('[rating] B');
  });
});
