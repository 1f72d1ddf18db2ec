import { viewText } from '../entry/choice';
import { STANDARD_FORM, type FieldDef, type FormDefinition } from '../entry/formDefinition';
import { fieldNumbers, isoDateToSerial, readDate } from '../entry/fieldValue';
import { fieldText, type EntryFields } from '../entry/types';
import { MASTER_COLUMN_WIDTHS, MASTER_PLAN_HEADERS } from '../template/buildMasterTemplate';
import type { TableColumn } from '../template/buildTableSheet';

export const SEQ_HEADER = '番号';
export const REMARKS_HEADER = '備考';

const templateWidth = (header: string): number | undefined => {
  const i = (MASTER_PLAN_HEADERS as readonly string[]).indexOf(header);
  return i < 0 ? undefined : MASTER_COLUMN_WIDTHS[i];
};
/** Column headers before the form's fields (番号 after 実践課, so that every row has a key). */
const LEADING = ['取組項目コード', '基本項目', '推進項目', '取組項目', '実践課', SEQ_HEADER, 'とりまとめ課'];
/** After the fields: 検証結果 and 備考 (printed), then where the row came from (on screen only). */
const TRAILING = ['検証結果', REMARKS_HEADER, '提出ファイル', 'シート'];

const chars = (s: string): number => [...s].length;

/**
 * A field's 全体計画 column. Text is wide (as wide as the template's column of the same name, R2's widths);
 * a choice as wide as its longest choice; numbers, dates and 計算 (a %) narrow.
 */
function fieldColumn(f: FieldDef): TableColumn {
  const header = f.label;
  switch (f.kind) {
    case 'text':
      return { header, width: templateWidth(header) ?? 44 };
    case 'choice':
      return {
        header,
        width: Math.min(30, 2 * Math.max(chars(header), ...(f.choices ?? []).map(chars)) + 2),
      };
    case 'number':
      return {
        header,
        width: Math.min(14, Math.max(10, 2 * chars(header) + 2)),
        kind: f.percent ? 'percent' : f.amount ? 'amount' : 'decimal',
      };
    case 'computed':
      return { header, width: Math.min(14, Math.max(8, 2 * chars(header) + 2)), kind: 'percent' };
    case 'date':
      return { header, width: Math.min(14, Math.max(11, 2 * chars(header) + 2)), kind: 'date' };
  }
}

/** 全体計画's columns for a form: the row's place in the 体系, one column per form field in order, then the rest. */
export function masterViewColumns(form: FormDefinition): readonly TableColumn[] {
  const fixed = (header: string): TableColumn =>
    header === SEQ_HEADER
      ? { header, width: 6, kind: 'number' }
      : { header, width: templateWidth(header) ?? 12 };
  return [...LEADING.map(fixed), ...form.fields.map(fieldColumn), ...TRAILING.map(fixed)];
}

/** 全体計画's columns for the R2 form. */
export const MASTER_VIEW_COLUMNS: readonly TableColumn[] = masterViewColumns(STANDARD_FORM);

/** The column of the first field; the fields follow in form order. */
export const FIRST_FIELD_COLUMN = LEADING.length;

/**
 * A field's value in 全体計画: 数値 as a number, 日付 as a date serial, 計算 recomputed from the entry's
 * numbers (a fraction shown as %; empty when an operand is missing), 選択 as the choice read (viewText);
 * otherwise the text as written. A number or date that cannot be read stays as the text written (validation
 * says why), so nothing is lost.
 */
export function masterFieldValues(
  form: FormDefinition,
  fields: EntryFields,
): (f: FieldDef) => number | string | null {
  // Made on first use: a form without 数値 and 計算 fields reads no numbers.
  let numbers: ((key: string) => number | undefined) | undefined;
  return (f) => {
    if (f.kind === 'computed') return (numbers ??= fieldNumbers(form, fields))(f.key) ?? null;
    const text = fieldText(fields, f.key);
    if (f.kind === 'number') return (numbers ??= fieldNumbers(form, fields))(f.key) ?? text;
    if (f.kind === 'date') {
      const d = readDate(text);
      return (d.kind === 'date' ? isoDateToSerial(d.iso) : undefined) ?? text;
    }
    return viewText(f, text);
  };
}
