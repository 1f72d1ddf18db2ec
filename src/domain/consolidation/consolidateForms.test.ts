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
import type { FormDefinition } from '../entry/formDefinition';
import { r2Sample } from '../sample/r2';
import { FIRST_DATA_ROW, HEADER_ROW } from '../template/buildTableSheet';
import { entryLayout, inputFor } from '../template/entryLayout';
import { range } from '../template/sheetSpec';
import { buildMasterView, masterViewColumns, NO_TALLY_MESSAGE } from './buildMasterView';
import { consolidateEntries } from './consolidateEntries';

const { plan } = r2Sample();
const FILLED = {
  indicator: '防災訓練の参加者数',
  baseline: '80',
  target: '１，２００',
  actual: '900',
  rating: 'B',
  checked: '2021-03-31',
  evaluation: '目標には届かなかった。',
};
const kpi = (code: string, department: string, fields: Partial<Record<string, string>>) =>
  receivedEntry(formEntry(code, department, fields));

describe('consolidation follows the form: a 指標 form', () => {
  const sources = [
    readSource('総務課.xlsx', [kpi('I-2-1-3', '総務課', FILLED)]),
    readSource('町民生活課.xlsx', [
      kpi('I-1-2-1', '町民生活課', { ...FILLED, target: '約100', checked: '3月末', rating: 'S' }),
      kpi('I-2-1-1', '町民生活課', { ...FILLED, rating: 'Ｓ' }),
    ]),
    readSource('建設水道課.xlsx', [kpi('I-2-1-1', '建設水道課', { ...FILLED, rating: 'C' })]),
  ];
  const c = consolidateEntries(plan, sources, { ...OPTIONS, form: KPI_FORM });
  const view = buildMasterView({ consolidation: c, title: 'プラン' });
  const [master, , achievement] = view.sheets;

  it('gives 全体計画 one column per field in the form order, numbers and dates narrow', () => {
    const columns = masterViewColumns(KPI_FORM);
    expect(headerRow(master!)).toEqual(columns.map((col) => col.header));
    const fields = columns.slice(7, 16);
    expect(fields.map((col) => [col.header, col.kind ?? 'text'])).toEqual([
      ['成果指標', 'text'],
      ['基準値', 'decimal'],
      ['目標値', 'decimal'],
      ['実績値', 'decimal'],
      ['達成率', 'percent'],
      ['判定', 'text'],
      ['判定理由', 'text'],
      ['確認日', 'date'],
      ['評価', 'text'],
    ]);
    const width = (h: string) => columns.find((col) => col.header === h)!.width;
    expect(Math.max(width('基準値'), width('達成率'), width('判定'), width('確認日'))).toBeLessThan(
      Math.min(width('成果指標'), width('評価')),
    );
    expect(columns.slice(16).map((col) => col.header)).toEqual([
      '検証結果',
      '備考',
      '提出ファイル',
      'シート',
    ]);
    expect(master!.print?.area?.right).toBe(columns.findIndex((col) => col.header === '備考'));
  });

  it('writes numbers and dates as numbers and 計算 recomputed as a fraction; what cannot be read stays as written', () => {
    const row = masterRowOf(master!, 'I-2-1-3', '総務課');
    expect([7, 8, 9, 10, 11, 12, 14, 15].map((col) => valueAt(master!, row, col))).toEqual([
      '防災訓練の参加者数',
      80,
      1200,
      900,
      0.75,
      'B',
      44286, // 2021-03-31 as an Excel date serial
      '目標には届かなかった。',
    ]);
    const styleAt = (col: number) =>
      master!.cells.find((cell) => cell.row === row && cell.column === col)?.style;
    expect([8, 11, 14].map(styleAt)).toEqual(['decimal', 'percent', 'date']);
    expect(master!.styles.date?.numberFormat).toBe('yyyy/m/d');
    const unreadable = masterRowOf(master!, 'I-1-2-1', '町民生活課');
    expect([9, 11, 14].map((col) => valueAt(master!, unreadable, col))).toEqual(['約100', null, '3月末']);
  });

  it("counts 達成状況 by the 集計 field's own choices plus 未記入", () => {
    expect(c.achievement.field).toEqual({ key: 'rating', label: '判定' });
    expect(c.achievement.choices).toEqual(['S', 'A', 'B', 'C']);
    const assignees = c.rows.filter((r) => r.status !== 'flagged').length;
    // S (町民生活課 twice: `Ｓ` is S), B (総務課), C (建設水道課); everything else 未提出, counted 未記入.
    expect(c.achievement.total).toEqual({
      byChoice: [2, 0, 1, 1],
      blank: assignees - 4,
      missing: assignees - 4,
    });
    expect(headerRow(achievement!)).toEqual([
      '区分',
      '項目',
      'S',
      'A',
      'B',
      'C',
      '未記入',
      'うち未提出',
      '計',
      '「S」の割合',
    ]);
    expect([2, 3, 4, 5, 6, 7, 8].map((col) => valueAt(achievement!, FIRST_DATA_ROW, col))).toEqual([
      2,
      0,
      1,
      1,
      assignees - 4,
      assignees - 4,
      assignees,
    ]);
    expect(valueAt(achievement!, 0, 0)).toBe('判定状況（令和2年度）');
    const rows =
      1 + c.achievement.byBasic.length + c.achievement.byPromotion.length + c.achievement.byDepartment.length;
    expect(achievement!.charts?.[0]?.data).toEqual(range(HEADER_ROW, 1, HEADER_ROW + rows, 6));
    expect(achievement!.conditionalFormats.filter((f) => f.kind === 'dataBar')).toHaveLength(6);
  });

  it("lays report sheets out by the form's own layout", () => {
    const report = view.sheets.find((s) => s.name === '報告 I-2-1-3 総務課')!;
    const layout = entryLayout(KPI_FORM);
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

describe('a form without a 集計 field', () => {
  const NO_TALLY: FormDefinition = {
    id: 'no-tally',
    version: 1,
    title: '記録シート',
    fields: KPI_FORM.fields.filter((f) => f.kind !== 'choice' && f.kind !== 'computed'),
  };
  const entry = formEntry('I-2-1-3', '総務課', FILLED);
  const c = consolidateEntries(
    plan,
    [readSource('総務課.xlsx', [receivedEntry(entry, undefined, NO_TALLY)])],
    {
      ...OPTIONS,
      form: NO_TALLY,
    },
  );
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
    expect(headerRow(view.sheets[0]!).slice(7, 14)).toEqual([
      '成果指標',
      '基準値',
      '目標値',
      '実績値',
      '判定理由',
      '確認日',
      '評価',
    ]);
    const received = receivedEntry(entry, undefined, NO_TALLY);
    const duplicate = consolidateEntries(
      plan,
      [readSource('総務課.xlsx', [received, { ...received, sheet: '二枚目' }])],
      { ...OPTIONS, form: NO_TALLY },
    );
    // 判定 is not a field of this form; the entry's text for it is still kept.
    expect(duplicate.log.find((r) => r.outcome === 'duplicate')?.keptText).toContain('[rating] B');
  });
});
