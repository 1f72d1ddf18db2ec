import { isoDateToSerial, readDate, readNumber } from '../entry/fieldValue';
import type { FieldDef, FieldKind, FormDefinition } from '../entry/formDefinition';
import { formulaToExcel } from '../form/formula';
import { inputAddress, inputFor, type EntryLayout, type LayoutInput } from './entryLayout';
import { charactersThatFit } from './rowHeight';
import type { CellRange, CellSpec, ValidationSpec } from './sheetSpec';
import { FONT_SIZE, type StyleName } from './templateStyles';

/**
 * What an entry sheet's input cell is, by the field's kind (種類): its style, its content (a typed value,
 * or the 計算 formula) and its data validation. 文章 and 選択 keep the R2 form's text cells.
 */

export const INPUT_STYLES: Readonly<Record<FieldKind, StyleName>> = {
  text: 'input',
  choice: 'input',
  number: 'numberInput',
  date: 'dateInput',
  computed: 'computed',
};

/** A field's input style: its kind's (INPUT_STYLES), a 割合 shown as a percentage. */
export const inputStyleOf = (f: Pick<FieldDef, 'kind' | 'percent' | 'amount'>): StyleName =>
  f.kind === 'number' && f.percent
    ? 'percentInput'
    : f.kind === 'number' && f.amount
      ? 'amountInput'
      : INPUT_STYLES[f.kind];

/** The input styles a form's sheet uses, in a fixed order (a form of text and choices uses only `input`). */
export const inputStyleNames = (form: FormDefinition): readonly StyleName[] => {
  const used = new Set(form.fields.map(inputStyleOf));
  return (['input', 'numberInput', 'percentInput', 'amountInput', 'dateInput', 'computed'] as const).filter(
    (s) => used.has(s),
  );
};

/** The input message of the 判定理由 cell written beside a judged choice. */
export const REASON_GUIDANCE = '判定の目安と異なる区分を選んだときは、その理由を書いてください。';

/** Excel keeps 15 significant digits: a 数値 cell holds a number between these. */
const NUMBER_LIMIT = 1e15;
/** From 1901: ExcelJS counts serials before 1900-03-01 one off (Excel's 1900-02-29). */
const DATE_MIN = '1901-01-01';
const DATE_MAX = '9999-12-31';

export const widthOfRange = (widths: readonly number[], r: CellRange): number =>
  widths.slice(r.left, r.right + 1).reduce((a, b) => a + b, 0);

/**
 * The content of an input's value cell: a 計算 field's formula over the other fields' cells (formulaToExcel:
 * blank until its operands are filled); a number or a date typed earlier as the real number or date (a
 * serial), text that is neither kept as text; any other field's text as text.
 */
export function inputContent(
  layout: EntryLayout,
  input: LayoutInput,
  text: string,
): Omit<CellSpec, 'row' | 'column' | 'style'> {
  const f = input.field;
  if (f.kind === 'computed' && f.formula)
    return { formula: formulaToExcel(f.formula.expression, (key) => inputAddress(inputFor(layout, key))) };
  if (f.kind === 'computed' || text === '') return {};
  if (f.kind === 'number') {
    const n = readNumber(text);
    return { value: n.kind === 'number' ? n.value : text };
  }
  if (f.kind === 'date') {
    const d = readDate(text);
    const serial = d.kind === 'date' ? isoDateToSerial(d.iso) : undefined;
    return { value: serial ?? text };
  }
  return { value: text };
}

/** Excel limits a validation's titles to 32 and its messages to 255 characters. */
export const clip = (text: string, max: number): string =>
  [...text].length <= max ? text : `${[...text].slice(0, max - 1).join('')}…`;

const promptOf = (f: FieldDef, message: string) => ({
  title: clip(f.label, 32),
  message: clip(message, 255),
});

/** The 判定理由 field that explains a judged choice, if the form has one. */
const reasonFieldOf = (form: FormDefinition, f: FieldDef): FieldDef | undefined =>
  form.fields.find((r) => r.reasonFor === f.key);

/**
 * A choice field gets a dropdown that refuses anything else (a judged one says its rule when selected); a
 * number a decimal rule and a date a date rule, both refusing text; a 計算 cell is locked and has no rule,
 * only the input message that it is computed. A text field gets a soft length check, which asks but lets
 * the text stand, at the form's own limit (the one the validation rules warn at) — or, when that limit is
 * more than one Excel row can show in the cell (a row stops at 409pt), at what the row shows, so Excel
 * itself tells the department, without the add-in, before text is cut on screen and on paper. Each shows
 * the field's guidance when the cell is selected.
 */
export function validationFor(
  form: FormDefinition,
  input: LayoutInput,
  widths: readonly number[],
): ValidationSpec {
  const f: FieldDef = input.field;
  const range = input.range;
  switch (f.kind) {
    case 'choice': {
      const values = f.choices ?? [];
      const reason = reasonFieldOf(form, f);
      const rule = f.judge
        ? `判定の目安: ${f.judge.text}${reason ? `。目安と異なる区分を選んだときは「${reason.label}」に理由を書いてください。` : ''}`
        : '';
      return {
        kind: 'list',
        range,
        values,
        prompt: promptOf(f, [f.guidance, rule].filter((t) => t !== '').join('\n')),
        error: {
          style: 'stop',
          title: clip(f.label, 32),
          message: clip(`${values.map((v) => `「${v}」`).join('')}から選んでください。`, 255),
        },
        allowBlank: true,
      };
    }
    case 'number':
      return {
        kind: 'decimal',
        range,
        min: -NUMBER_LIMIT,
        max: NUMBER_LIMIT,
        prompt: promptOf(
          f,
          f.guidance ||
            (f.percent
              ? '割合を入力してください（80 と入力すると 80% になります）。'
              : f.amount
                ? '金額を円単位の数値で入力してください（例: 1200000。「円」「万」は付けません）。'
                : '数値を入力してください（例: 100）。'),
        ),
        error: {
          style: 'stop',
          title: clip(`${f.label}は数値で入力してください`, 32),
          message: clip(
            `「${f.label}」には数値だけを入力してください（例: 100、85.5）。「約」や単位（件・人・円など）は付けません。`,
            255,
          ),
        },
      };
    case 'date':
      return {
        kind: 'date',
        range,
        min: DATE_MIN,
        max: DATE_MAX,
        prompt: promptOf(f, f.guidance || '日付を入力してください（例: 2021/4/1）。'),
        error: {
          style: 'stop',
          title: clip(`${f.label}は日付で入力してください`, 32),
          message: clip(`「${f.label}」には日付を入力してください（例: 2021/4/1、R3.4.1）。`, 255),
        },
      };
    case 'computed':
      return {
        kind: 'prompt',
        range,
        prompt: promptOf(
          f,
          `この欄は自動で計算されます（${f.formula?.text ?? f.label}）。入力は不要です。${f.guidance}`,
        ),
      };
    case 'text':
      return textLengthValidation(f, range, widthOfRange(widths, range));
  }
}

function textLengthValidation(f: FieldDef, range: CellRange, width: number): ValidationSpec {
  const shown = charactersThatFit(width, FONT_SIZE);
  const max = Math.min(f.maxLength ?? shown, shown);
  return {
    kind: 'textLength',
    range,
    max,
    prompt: promptOf(f, f.reasonFor !== undefined ? REASON_GUIDANCE : f.guidance),
    error: {
      style: 'warning',
      title: clip(`${f.label}が長くなっています`, 32),
      message: clip(
        f.maxLength === undefined || max < f.maxLength
          ? `「${f.label}」のセルに表示できるのは約${max}文字（改行するとさらに少なく）までです。超えた部分は画面でも印刷でも切れます。要点を絞って短くするか、このまま入力する場合は「はい」を選んでください。`
          : `「${f.label}」は${f.maxLength}文字までを目安にしてください。長い文章は報告書で読みにくくなります。要点を絞って短くするか、このまま入力する場合は「はい」を選んでください。`,
        255,
      ),
    },
  };
}
