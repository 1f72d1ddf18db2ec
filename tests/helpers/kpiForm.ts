import type { FieldDef, FormDefinition } from '../../src/domain/entry/formDefinition';
import type { Entry, EntryFields } from '../../src/domain/entry/types';
import { planItems } from '../../src/domain/plan/planItems';
import { r2Sample } from '../../src/domain/sample/r2';
import { buildEntrySheet } from '../../src/domain/template/buildEntrySheet';
import { entryLayout, inputAddress, inputFor } from '../../src/domain/template/entryLayout';
import type { SheetSpec } from '../../src/domain/template/sheetSpec';

/**
 * A 指標 form as a 様式 sheet would give it, built by hand for tests: 成果指標, 基準値, 目標値, 実績値,
 * 達成率 (計算 = 実績値 / 目標値), 判定 S/A/B/C proposed from 達成率 with its 判定理由, a 確認日 (日付) and 評価.
 */
const field = (f: Omit<FieldDef, 'aliases' | 'guidance'> & Partial<FieldDef>): FieldDef => ({
  aliases: [],
  guidance: '',
  ...f,
});

export const KPI_FIELDS: readonly FieldDef[] = [
  field({
    key: 'indicator',
    label: '成果指標',
    kind: 'text',
    inYearBand: false,
    requiredFrom: 'plan',
    maxLength: 200,
    guidance: '取組の成果を測る指標を書いてください。',
  }),
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
    inYearBand: true,
    requiredFrom: 'year-end',
    choices: ['S', 'A', 'B', 'C'],
    tally: true,
    guidance: 'S・A・B・C から選んでください。',
    judge: {
      text: '達成率 >= 100% → S、達成率 >= 80% → A、達成率 >= 50% → B、それ以外 → C',
      rules: [
        { field: 'rate', op: '>=', value: 1, choice: 'S' },
        { field: 'rate', op: '>=', value: 0.8, choice: 'A' },
        { field: 'rate', op: '>=', value: 0.5, choice: 'B' },
      ],
      otherwise: 'C',
    },
  }),
  field({
    key: 'ratingReason',
    label: '判定理由',
    kind: 'text',
    inYearBand: true,
    requiredFrom: 'optional',
    reasonFor: 'rating',
    maxLength: 300,
  }),
  field({ key: 'checked', label: '確認日', kind: 'date', inYearBand: true, requiredFrom: 'optional' }),
  field({
    key: 'evaluation',
    label: '評価',
    kind: 'text',
    inYearBand: false,
    requiredFrom: 'year-end',
    maxLength: 600,
    guidance: '1年間の評価と今後の課題を書いてください。',
  }),
];

export const KPI_FORM: FormDefinition = {
  id: 'kpi-test',
  version: 'v1',
  title: '指標シート',
  fields: KPI_FIELDS,
};

/** A filled year-end entry's fields for KPI_FORM: 実績 90 of 目標 100 (達成率 90% → A), judged A. */
export const KPI_FILLED = {
  indicator: '防災訓練の参加者数',
  baseline: '80',
  target: '100',
  actual: '90',
  rate: '',
  rating: 'A',
  ratingReason: '',
  checked: '2021-03-31',
  evaluation: '参加者は増えたが目標には届かなかった。次年度は周知を強める。',
} as const;

/** A KPI_FORM entry of I-1-1-1 (総務課), KPI_FILLED with fields overridden. */
export const kpiEntry = (fields: Partial<Record<string, string>> = {}): Entry => ({
  code: 'I-1-1-1',
  department: '総務課',
  seq: 1,
  fiscalYear: 2021,
  fields: { ...KPI_FILLED, ...fields } as Record<string, string>,
});

/**
 * The KPI_FORM entry sheet of the R2 plan's first item for 総務課 (2021, sheet 「KPI」), as Suishin builds it:
 * the one sheet the KPI tests of every adapter and reader look at.
 */
export const kpiSheet = (fields: Partial<EntryFields> = KPI_FILLED): SheetSpec =>
  buildEntrySheet({
    item: planItems(r2Sample().plan)[0]!,
    department: '総務課',
    seq: 1,
    fiscalYear: 2021,
    form: KPI_FORM,
    sheetName: 'KPI',
    fields,
  });

/** The A1 address of a KPI_FORM field's input cell on that sheet. */
export const kpiInputAddress = (key: string): string => inputAddress(inputFor(entryLayout(KPI_FORM), key));
