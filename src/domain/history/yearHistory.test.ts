import { describe, expect, it } from 'vitest';
import { buildMasterView } from '../consolidation/buildMasterView';
import { consolidateEntries } from '../consolidation/consolidateEntries';
import type { Consolidation, SourceFile } from '../consolidation/types';
import { STANDARD_FORM, type FormDefinition } from '../entry/formDefinition';
import type { Entry } from '../entry/types';
import type { Plan } from '../plan/types';
import { r2Sample } from '../sample/r2';
import { r3Sample } from '../sample/r3';
import type { SheetSpec } from '../template/sheetSpec';
import { MASTER_SHEET_NAME } from '../template/sheetName';
import { buildHistorySheet, HISTORY_SHEET_NAME } from './buildHistorySheet';
import { buildHistory, commentField, historyKey, skippedYearsNote, type HistoryYear } from './yearHistory';

/** The R3 year on a 様式 whose 集計 choices are not R2's (順調 / 遅れあり / 未着手). */
const RENAMED_CHOICES: Readonly<Record<string, string>> = {
  達成できた: '順調',
  一部達成できた: '遅れあり',
  達成できなかった: '未着手',
};
const OTHER_FORM: FormDefinition = {
  ...STANDARD_FORM,
  id: 'other-choices',
  fields: STANDARD_FORM.fields.map((f) =>
    f.key === 'achievement'
      ? { ...f, label: '進み具合', choices: ['順調', '遅れあり', '未着手'], judge: undefined }
      : f,
  ),
};

function consolidated(
  plan: Plan,
  entries: readonly Entry[],
  fiscalYear: number,
  form: FormDefinition,
): Consolidation {
  const sources: SourceFile[] = plan.departments.map((d, i) => ({
    kind: 'read',
    file: `${d}.xlsx`,
    modified: i,
    entries: entries
      .filter((e) => e.department === d)
      .map((entry) => ({ entry, sheet: `${entry.code} ${d} ${entry.seq}`, cells: {} })),
    sheets: entries
      .filter((e) => e.department === d)
      .map((e) => ({ sheet: `${e.code} ${d} ${e.seq}`, kind: 'entry' as const })),
    findings: [],
  }));
  return consolidateEntries(plan, sources, {
    stamp: '2022-04-20T09:00:00+09:00',
    fiscalYear,
    stage: 'year-end',
    form,
  });
}

const r2 = r2Sample();
const r3 = r3Sample();
const r3Entries = r3.entries.map((e) => ({
  ...e,
  fields: { ...e.fields, achievement: RENAMED_CHOICES[e.fields['achievement'] ?? ''] ?? '' },
}));
const c2 = consolidated(r2.plan, r2.entries, 2020, STANDARD_FORM);
const c3 = consolidated(r3.plan, r3Entries, 2021, OTHER_FORM);
const year2: HistoryYear = {
  fiscalYear: 2020,
  source: 'master-R2.xlsx',
  plan: r2.plan,
  form: STANDARD_FORM,
  rows: c2.rows,
};
const year3: HistoryYear = {
  fiscalYear: 2021,
  source: 'この集約',
  plan: r3.plan,
  form: OTHER_FORM,
  rows: c3.rows,
};

const valueAt = (spec: SheetSpec, row: number, column: number) =>
  spec.cells.find((c) => c.row === row && c.column === column)?.value;
const rowOf = (spec: SheetSpec, column: number, value: string): number =>
  spec.cells.find((c) => c.column === column && c.value === value)?.row ?? -1;
const rowValues = (spec: SheetSpec, row: number): unknown[] =>
  spec.cells
    .filter((c) => c.row === row)
    .sort((a, b) => a.column - b.column)
    .map((c) => c.value);

describe('buildHistory', () => {
  const history = buildHistory([year3, year2]);

  it('counts each year by its own 様式 choices, oldest year first, never merging different choices', () => {
    expect(history.years.map((y) => y.fiscalYear)).toEqual([2020, 2021]);
    const [y2, y3] = history.years;
    expect(y2!.field).toEqual({ key: 'achievement', label: '目標の達成' });
    expect(y2!.choices).toEqual(['達成できた', '一部達成できた', '達成できなかった']);
    expect(y2!.total).toEqual({ byChoice: [23, 13, 1], blank: 0, missing: 0 });
    expect(y3!.field).toEqual({ key: 'achievement', label: '進み具合' });
    expect(y3!.choices).toEqual(['順調', '遅れあり', '未着手']);
    expect(y3!.total).toEqual({ byChoice: [25, 13, 0], blank: 0, missing: 0 });
  });

  it('leaves the 達成率 of a year blank where no sheet came in, as 達成状況 does (not 0.0%)', () => {
    // 令和3年度 with nothing returned: every row 未提出.
    const none = consolidated(r3.plan, [], 2021, STANDARD_FORM);
    const { sheet } = buildHistorySheet(
      buildHistory([year2, { ...year3, form: STANDARD_FORM, rows: none.rows }]),
    );
    const total = rowValues(sheet, rowOf(sheet, 0, '全体'));
    // 全体 | R2: 23 13 1 0 37 62.2% | R3: 0 0 0 n n (blank)
    const rates = total.filter((v) => typeof v === 'number' && v < 1 && v > 0);
    expect(rates).toHaveLength(1);
    expect(total.at(-1) ?? null).toBeNull();
  });

  it('counts by 推進項目: each year its 推進項目 sum to its total', () => {
    expect(history.promotions).toHaveLength(4);
    for (const y of history.years) {
      const sum = history.promotions
        .map((p) => y.byPromotion.get(p)!)
        .reduce((a, c) => a.map((n, i) => n + (c.byChoice[i] ?? 0)), [0, 0, 0]);
      expect(sum).toEqual(y.total.byChoice);
    }
    const ict = history.promotions.find((p) => p.includes('行財政運営の効率化'))!;
    // 2 行財政運営の効率化: R3 adds II-2-4-3 (遅れあり) to R2's 10 entries.
    const count = (y: number) => history.years.find((x) => x.fiscalYear === y)!.byPromotion.get(ict)!;
    expect(count(2020).byChoice.reduce((a, b) => a + b, 0)).toBe(10);
    expect(count(2021).byChoice.reduce((a, b) => a + b, 0)).toBe(11);
  });

  it("gives each row its choice and 評価 year by year: a renamed item shows each year's name, an added one no past", () => {
    const item = (code: string, department: string) =>
      history.items.find((i) => i.code === code && i.department === department)!;
    const renamed = item('II-2-4-1', '町民生活課');
    expect(renamed.years.map((y) => y.label)).toEqual([
      '④ 情報通信技術 (ICT) の利活用 (1) マイナンバーカードの普及',
      '④ 情報通信技術 (ICT) の利活用 (1) マイナンバーカードの普及と利活用',
    ]);
    const added = item('II-2-4-3', '総務課');
    expect(added.years.map((y) => [y.fiscalYear, y.status, y.choice, y.label])).toEqual([
      [2020, 'absent', '', '④ 情報通信技術 (ICT) の利活用 (3) 行政手続のオンライン化の検討'],
      [2021, 'entry', '遅れあり', '④ 情報通信技術 (ICT) の利活用 (3) 行政手続のオンライン化の検討'],
    ]);
    const first = item('I-1-1-1', '総務課');
    expect(first.years.map((y) => y.choice)).toEqual(['一部達成できた', '順調']);
    expect(first.years[0]!.comment).toBe(r2.entries[0]!.fields['evaluation']);
    expect(first.years[0]!.commentLabel).toBe('評価・検証');
    // The latest year's order: the added item among its neighbours, not at the end.
    expect(history.items.map((i) => i.code).indexOf('II-2-4-3')).toBeLessThan(history.items.length - 1);
  });

  it('takes the 評価 field by its label, else the last 文章 field', () => {
    expect(commentField(STANDARD_FORM)?.key).toBe('evaluation');
    const noEvaluation = {
      ...STANDARD_FORM,
      fields: STANDARD_FORM.fields.filter((f) => f.key !== 'evaluation'),
    };
    expect(commentField(noEvaluation)?.key).toBe('secondHalf');
  });
});

describe('buildHistorySheet', () => {
  const history = buildHistory([year2, year3]);
  const masterCells = new Map([
    [historyKey('I-1-1-1', '総務課', 1), { sheet: MASTER_SHEET_NAME, cell: 'A4' }],
  ]);
  const { sheet, anchors } = buildHistorySheet(history, { masterCells });

  it("heads each year's columns with that year's own choices", () => {
    const yearRow = rowOf(sheet, 0, '推進項目');
    expect(rowValues(sheet, yearRow).filter((v) => v !== '')).toEqual([
      '推進項目',
      '令和2年度（目標の達成）',
      '令和3年度（進み具合）',
    ]);
    expect(rowValues(sheet, yearRow + 1).filter((v) => v !== '')).toEqual([
      '達成できた',
      '一部達成できた',
      '達成できなかった',
      '未記入',
      '計',
      '達成率',
      '順調',
      '遅れあり',
      '未着手',
      '未記入',
      '計',
      '「順調」の割合',
    ]);
    const total = rowOf(sheet, 0, '全体');
    expect(rowValues(sheet, total)).toEqual(['全体', 23, 13, 1, 0, 37, 23 / 37, 25, 13, 0, 0, 38, 25 / 38]);
  });

  it("links 全体計画 to each item's block, and the block back to 全体計画", () => {
    expect(anchors.size).toBe(history.items.length);
    const at = anchors.get(historyKey('I-1-1-1', '総務課', 1))!;
    const row = Number(/\d+$/.exec(at)![0]) - 1;
    expect(valueAt(sheet, row, 1)).toBe('I-1-1-1');
    expect(valueAt(sheet, row, 4)).toBe('令和2年度');
    expect(valueAt(sheet, row + 1, 4)).toBe('令和3年度');
    expect(sheet.cells.find((c) => c.row === row && c.column === 1)?.link).toEqual({
      sheet: MASTER_SHEET_NAME,
      cell: 'A4',
    });
    const added = Number(/\d+$/.exec(anchors.get(historyKey('II-2-4-3', '総務課', 1))!)![0]) - 1;
    expect(valueAt(sheet, added, 6)).toBe('（この年度の全体計画になし）');
  });

  it('prints the items’ column heads on every page, and names past masters by file name, not path', () => {
    const fromPaths = buildHistory([
      { ...year2, source: '/home/somu/R2/master-R2.xlsx' },
      { ...year3, source: 'C:\\Users\\somu\\R3\\master.xlsx' },
    ]);
    const printed = buildHistorySheet(fromPaths).sheet;
    const heads = printed.cells.find((c) => c.value === '取組項目ごとの推移')!.row + 1;
    expect(printed.print?.titleRows).toEqual({ from: heads, to: heads });
    const note = String(printed.cells.find((c) => c.row === 1)?.value);
    expect(note).toContain('集約ファイル 令和2年度: master-R2.xlsx、令和3年度: master.xlsx。');
    expect(note).not.toMatch(/somu/);
  });

  it('says which year between the first and the last has no master (令和2年度 and 令和4年度 given)', () => {
    const gap = buildHistory([year2, { ...year3, fiscalYear: 2022 }]);
    const note = String(buildHistorySheet(gap).sheet.cells.find((c) => c.row === 1)?.value);
    expect(note).toContain('令和3年度の全体計画が渡されていないため、推移にその年度はありません。');
    expect(skippedYearsNote([2020, 2021])).toBeUndefined();
    expect(skippedYearsNote([2020, 2023, 2021])).toBe(
      '令和4年度の全体計画が渡されていないため、推移にその年度はありません。',
    );
  });

  it('puts 推移 after 達成状況 in the master view, each 全体計画 code linking to its block', () => {
    const view = buildMasterView({ consolidation: c3, title: 'プラン', history });
    expect(view.sheets.slice(0, 5).map((s) => s.name)).toEqual([
      MASTER_SHEET_NAME,
      '提出状況',
      '達成状況',
      HISTORY_SHEET_NAME,
      '集約ログ',
    ]);
    const master = view.sheets[0]!;
    const links = master.cells.filter((c) => c.link);
    expect(links).toHaveLength(c3.rows.length);
    // The 取組項目 column, not the key columns a re-run reads back.
    expect(links.every((c) => c.column === 3 && c.link!.sheet === HISTORY_SHEET_NAME)).toBe(true);
    expect(links[0]!.value).toBe('① 行政情報の公開と共有 (1) 効果的な情報発信手法の研究実施');
    const plain = buildMasterView({ consolidation: c3, title: 'プラン' });
    expect(plain.sheets.map((s) => s.name)).not.toContain(HISTORY_SHEET_NAME);
    expect(plain.sheets[0]!.cells.some((c) => c.link)).toBe(false);
  });
});
