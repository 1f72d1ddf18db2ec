import {
  FIELD_KIND_LABELS,
  AMOUNT_KIND_LABEL,
  kindLabel,
  PERCENT_KIND_LABEL,
  REQUIREMENT_LABELS,
  type FieldDef,
  type FormDefinition,
} from '../entry/formDefinition';
import { a4Print, leftRightHeader } from '../template/printSetup';
import { estimateRowHeight } from '../template/rowHeight';
import {
  range,
  type CellSpec,
  type CellValue,
  type SheetSpec,
  type ValidationSpec,
} from '../template/sheetSpec';
import { FONT_SIZE, pickStyles, region } from '../template/templateStyles';
import {
  FORM_COLUMN_ORDER,
  FORM_COLUMNS,
  FORM_SHEET_NAME,
  formTitleText,
  MARK,
  REFERENCE_MARK,
  UNPUBLISHED_MARK,
  type FormColumn,
} from './formColumns';

export const FORM_TITLE_ROW = 0;
export const FORM_HEADER_ROW = 1;
/** Rows below the fields that keep the dropdowns, for fields 総務課 adds. */
export const FORM_SPARE_ROWS = 30;

const WIDTHS: Readonly<Record<FormColumn, number>> = {
  heading: 10,
  label: 16,
  key: 14,
  kind: 7,
  choices: 26,
  requirement: 10,
  maxLength: 8,
  guidance: 40,
  formula: 20,
  judge: 32,
  tally: 6,
  yearBand: 7,
  published: 6,
  carry: 7,
};
export const FORM_COLUMN_WIDTHS: readonly number[] = FORM_COLUMN_ORDER.map((c) => WIDTHS[c]);

const columnOf = (c: FormColumn): number => FORM_COLUMN_ORDER.indexOf(c);

function rowValues(f: FieldDef): Readonly<Record<FormColumn, CellValue>> {
  return {
    heading: f.heading ?? null,
    label: f.label,
    key: f.key,
    kind: kindLabel(f),
    choices: f.choices ? f.choices.join('、') : null,
    requirement: REQUIREMENT_LABELS[f.requiredFrom],
    maxLength: f.maxLength ?? null,
    guidance: f.guidance.length > 0 ? f.guidance : null,
    formula: f.formula?.text ?? null,
    judge: f.judge?.text ?? null,
    tally: f.tally ? MARK : null,
    yearBand: f.inYearBand ? MARK : null,
    published: f.published === false ? UNPUBLISHED_MARK : MARK,
    carry: f.carry === 'carry' ? MARK : f.carry === 'reference' ? REFERENCE_MARK : null,
  };
}

/**
 * The 様式 sheet of a form, the sheet 総務課 edits to change the 取組項目 form: a title row, the header row,
 * one row per field in the form's order (the 判定理由 fields the reader adds are not written). Dropdowns for
 * 種類, 必須の時期, 集計 and 年度欄 reach below the fields for rows 総務課 adds. Not protected.
 * parseFormGrid reads it back.
 */
export function buildFormSheet(form: FormDefinition): SheetSpec {
  const fields = form.fields.filter((f) => f.reasonFor === undefined);
  const lastColumn = FORM_COLUMN_ORDER.length - 1;
  const firstRow = FORM_HEADER_ROW + 1;
  const lastRow = FORM_HEADER_ROW + fields.length;
  const cells: CellSpec[] = [
    ...region(range(FORM_TITLE_ROW, 0, FORM_TITLE_ROW, lastColumn), 'title', {
      value: formTitleText(form.title),
    }),
    ...FORM_COLUMN_ORDER.map((c, column) => ({
      row: FORM_HEADER_ROW,
      column,
      value: FORM_COLUMNS[c],
      style: 'label',
    })),
    ...fields.flatMap((f, i) => {
      const values = rowValues(f);
      return FORM_COLUMN_ORDER.map((c, column) => {
        const value = values[c];
        return {
          row: firstRow + i,
          column,
          style: c === 'maxLength' ? 'number' : 'cell',
          ...(value !== null && { value }),
        };
      });
    }),
  ];
  const fit = (text: string, c: FormColumn): number =>
    estimateRowHeight(text, { widthChars: WIDTHS[c], fontSize: FONT_SIZE, min: 20 });
  // A header wraps in its narrow column (文字数の目安): the row is as tall as its tallest header.
  const rowHeights: Record<number, number> = {
    [FORM_TITLE_ROW]: 24,
    [FORM_HEADER_ROW]: Math.max(...FORM_COLUMN_ORDER.map((c) => fit(FORM_COLUMNS[c], c))),
  };
  fields.forEach((f, i) => {
    const values = rowValues(f);
    rowHeights[firstRow + i] = Math.max(...FORM_COLUMN_ORDER.map((c) => fit(String(values[c] ?? ''), c)));
  });
  const dropdownBottom = lastRow + FORM_SPARE_ROWS;
  const list = (c: FormColumn, values: readonly string[], message: string): ValidationSpec => ({
    kind: 'list',
    range: range(firstRow, columnOf(c), dropdownBottom, columnOf(c)),
    values,
    prompt: { title: FORM_COLUMNS[c], message },
    error: {
      style: 'stop',
      title: FORM_COLUMNS[c],
      message: `${values.map((v) => `「${v}」`).join('')}から選んでください。`,
    },
    allowBlank: true,
  });
  return {
    name: FORM_SHEET_NAME,
    cells,
    styles: {
      ...pickStyles('title', 'label', 'cell'),
      number: { ...pickStyles('cell')['cell'], numberFormat: '0' },
    },
    merges: [range(FORM_TITLE_ROW, 0, FORM_TITLE_ROW, lastColumn)],
    columnWidths: FORM_COLUMN_WIDTHS,
    rowHeights,
    validations: [
      list(
        'kind',
        [...Object.values(FIELD_KIND_LABELS)].flatMap((k) =>
          k === FIELD_KIND_LABELS.number ? [k, PERCENT_KIND_LABEL, AMOUNT_KIND_LABEL] : [k],
        ),
        '文章・選択・数値・割合（% の数値）・金額・日付・計算から選びます。',
      ),
      list(
        'requirement',
        Object.values(REQUIREMENT_LABELS),
        'いつまでに書く項目かを選びます（任意は必須にしません）。',
      ),
      list('tally', [MARK], '達成状況で数える選択の項目に○を付けます（一つだけ）。'),
      list('yearBand', [MARK], '○: 「令和N年度」の欄に並ぶ項目。空欄: 幅いっぱいの項目。'),
      list(
        'published',
        [MARK, UNPUBLISHED_MARK],
        '○（または空欄）: 公開用の報告書とオープンデータに載せる項目。×: 載せない項目。',
      ),
      list(
        'carry',
        [MARK, REFERENCE_MARK],
        '○: 翌年度のシートに今年度の文を下書きとして引き継ぐ項目。参考: 前年度の値として横に見せる項目。空欄: 引き継がない項目。',
      ),
    ],
    conditionalFormats: [],
    protect: false,
    frozen: { rows: FORM_HEADER_ROW + 1, columns: columnOf('key') },
    print: a4Print({
      orientation: 'landscape',
      area: range(0, 0, lastRow, lastColumn),
      header: leftRightHeader(`${form.title} 様式`, ''),
      titleRows: { from: FORM_HEADER_ROW, to: FORM_HEADER_ROW },
    }),
  };
}
