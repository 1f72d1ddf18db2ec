import type { CellValue } from '../../src/domain/template/sheetSpec';
import { parseFormGrid } from '../../src/domain/form/parseFormSheet';
import type { FormDefinition } from '../../src/domain/entry/formDefinition';

/** The 様式 sheet's header row, as buildFormSheet writes it. */
export const FORM_SHEET_HEADER = [
  '見出し',
  '項目',
  'キー',
  '種類',
  '選択肢',
  '必須の時期',
  '文字数の目安',
  '記入の手引き',
  '計算式',
  '判定',
  '集計',
  '年度欄',
];
export type FormSheetRow = readonly CellValue[];
/** A KPI form: 成果指標, 目標値・実績値・達成率 (計算) under 見出し 指標, 評価 (判定 onto A–D, 集計), 評価・検証. */
export const KPI_FORM_ROWS: readonly FormSheetRow[] = [
  [
    null,
    '成果指標',
    'indicator',
    '文章',
    null,
    '計画',
    100,
    '何で測るかを書きます。',
    null,
    null,
    null,
    null,
  ],
  ['指標', '目標値', 'target', '数値', null, '計画', null, null, null, null, null, '○'],
  ['指標', '実績値', 'actual', '数値', null, '年度末', null, null, null, null, null, '○'],
  ['指標', '達成率', 'rate', '計算', null, '任意', null, null, '実績値 / 目標値', null, null, '○'],
  [
    null,
    '評価',
    'grade',
    '選択',
    'A、B、C、D',
    '年度末',
    null,
    null,
    null,
    '達成率 >= 100% → A、達成率 >= 80% → B、達成率 >= 50% → C、それ以外 → D',
    '○',
    '○',
  ],
  [null, '評価・検証', 'evaluation', '文章', null, '年度末', 1000, null, null, null, null, null],
];

/** The KPI form as parseFormGrid reads it from a 様式 sheet (id yoshiki, version a digest). */
export const kpiFormFromRows = (): FormDefinition =>
  parseFormGrid([['様式：指標シート'], FORM_SHEET_HEADER, ...KPI_FORM_ROWS]).form;
