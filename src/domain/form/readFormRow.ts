/**
 * One row of the 様式 sheet: a field, read on its own (what other rows it names is checked afterwards by
 * parseFormSheet). A row that cannot make a field yields findings and no field.
 */
import {
  AMOUNT_KIND_LABEL,
  FIELD_KIND_LABELS,
  PERCENT_KIND_LABEL,
  REQUIREMENT_LABELS,
  type FieldDef,
  type FieldKind,
  type Requirement,
} from '../entry/formDefinition';
import type { Severity } from '../finding';
import type { CellValue } from '../template/sheetSpec';
import { normalizeKey } from '../text/normalizeKey';
import {
  cellString,
  FORM_COLUMNS,
  isMarked,
  readCarry,
  readPublished,
  type FormColumn,
  type FormHeader,
} from './formColumns';

export type Report = (code: string, severity: Severity, row: number, column: number, message: string) => void;

/** A field read from one row, before its formula and rule are resolved against the other rows. */
export interface FieldDraft {
  readonly row: number;
  readonly field: FieldDef;
  readonly formulaText?: string;
  readonly judgeText?: string;
  readonly tally: boolean;
}

const KEY_PATTERN = /^[A-Za-z0-9]+$/;
/** Labels every 取組項目 sheet writes itself (the reader anchors on them). */
const RESERVED_LABELS = new Set(['取組項目', '実践課'].map(normalizeKey));

const byLabel = <T extends string>(labels: Readonly<Record<T, string>>): ReadonlyMap<string, T> =>
  new Map(Object.entries<string>(labels).map(([value, label]) => [normalizeKey(label), value as T]));
const KINDS = byLabel<FieldKind>(FIELD_KIND_LABELS);
/** 種類 for a percentage 数値 (FieldDef.percent): 割合, and as people also write it. */
const PERCENT_KINDS = new Set(
  [PERCENT_KIND_LABEL, '数値（%）', '数値(%)', '数値%', '百分率', 'パーセント'].map(normalizeKey),
);
/** 種類 for an amount of money (FieldDef.amount): 金額, and as people also write it. */
const AMOUNT_KINDS = new Set([AMOUNT_KIND_LABEL, '数値（円）', '数値(円)', '金額（円）'].map(normalizeKey));
const REQUIREMENTS = byLabel<Requirement>(REQUIREMENT_LABELS);

/** 選択肢 are separated by 「、」 (also 「,」, 「，」 or a line break). */
export const splitChoices = (text: string): readonly string[] =>
  text
    .split(/[、,，\r\n]+/u)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);

/** A blank 種類 reads as 文章 and a blank 必須の時期 as 任意 (so does a sheet without those columns). */
export function readFormRow(
  cells: readonly CellValue[],
  row: number,
  header: FormHeader,
  report: Report,
): FieldDraft | undefined {
  const col = (c: FormColumn): number => header.columns[c] ?? -1;
  const text = (c: FormColumn): string => cellString(cells[col(c)]);
  const quote = (c: FormColumn): string => `「${FORM_COLUMNS[c]}」`;

  const label = text('label');
  const key = text('key');
  if (label.length === 0) {
    report(
      'form.label-missing',
      'error',
      row,
      col('label'),
      `${quote('label')}が空です。この行は使いません。`,
    );
    return undefined;
  }
  if (RESERVED_LABELS.has(normalizeKey(label))) {
    report(
      'form.label-reserved',
      'error',
      row,
      col('label'),
      `「${label}」はシートが自分で書く欄の名前なので、様式の項目名には使えません。別の名前にしてください。この行は使いません。`,
    );
    return undefined;
  }
  if (key.length === 0) {
    report(
      'form.key-missing',
      'error',
      row,
      col('key'),
      `「${label}」の${quote('key')}が空です。英数字のキー（例: target）を書いてください。この行は使いません。`,
    );
    return undefined;
  }
  if (!KEY_PATTERN.test(key)) {
    report(
      'form.key-invalid',
      'error',
      row,
      col('key'),
      `「${label}」のキー「${key}」は英字と数字だけで書いてください（例: target2）。この行は使いません。`,
    );
    return undefined;
  }

  const kindText = text('kind');
  const percent = PERCENT_KINDS.has(normalizeKey(kindText));
  const amount = AMOUNT_KINDS.has(normalizeKey(kindText));
  const kind: FieldKind | undefined =
    kindText.length === 0 ? 'text' : percent || amount ? 'number' : KINDS.get(normalizeKey(kindText));
  if (!kind) {
    report(
      'form.kind-unknown',
      'error',
      row,
      col('kind'),
      `「${label}」の種類「${kindText}」は使えません。文章・選択・数値・割合・金額・日付・計算のどれかにしてください。この行は使いません。`,
    );
    return undefined;
  }
  const requirementText = text('requirement');
  const requiredFrom: Requirement | undefined =
    requirementText.length === 0 ? 'optional' : REQUIREMENTS.get(normalizeKey(requirementText));
  if (!requiredFrom) {
    report(
      'form.requirement-unknown',
      'error',
      row,
      col('requirement'),
      `「${label}」の必須の時期「${requirementText}」は使えません。計画・前期・年度末・任意のどれかにしてください。この行は使いません。`,
    );
    return undefined;
  }

  const choices = readChoices(text('choices'), kind, label, row, col('choices'), report);
  if (choices === null) return undefined;
  const maxLength = readMaxLength(cells[col('maxLength')], label, row, col('maxLength'), report);

  const formulaText = text('formula');
  if (formulaText.length > 0 && kind !== 'computed')
    report(
      'form.formula-ignored',
      'warning',
      row,
      col('formula'),
      `「${label}」は種類が${FIELD_KIND_LABELS[kind]}なので、計算式は使いません（計算式は種類「計算」の項目に書きます）。`,
    );
  if (kind === 'computed' && formulaText.length === 0) {
    report(
      'form.formula-missing',
      'error',
      row,
      col('formula'),
      `「${label}」は種類が計算ですが計算式がありません。「実績値 / 目標値」のように書いてください。この行は使いません。`,
    );
    return undefined;
  }
  const judgeText = text('judge');
  if (judgeText.length > 0 && kind !== 'choice')
    report(
      'form.judge-not-choice',
      'error',
      row,
      col('judge'),
      `「${label}」は種類が${FIELD_KIND_LABELS[kind]}なので判定は使えません（判定は種類「選択」の項目に書きます）。この判定は使いません。`,
    );
  const tally = isMarked(cells[col('tally')]);
  if (tally && kind !== 'choice')
    report(
      'form.tally-not-choice',
      'error',
      row,
      col('tally'),
      `「${label}」は種類が${FIELD_KIND_LABELS[kind]}なので集計できません（集計の○は種類「選択」の項目に付けます）。`,
    );

  // 公表: without the column every field is published; ○ or blank publish, × (非公表) does not.
  let published = header.columns.published === undefined ? true : readPublished(cells[col('published')]);
  if (published === undefined) {
    report(
      'form.published-unknown',
      'warning',
      row,
      col('published'),
      `「${label}」の${quote('published')}「${text('published')}」は○（公表する）か×（公表しない）で書いてください。公表しない項目として読みます。`,
    );
    published = false;
  }

  // 引継ぎ: ○ carries the text into next year's sheet, 参考 shows it there read-only, blank starts empty.
  let carry = readCarry(cells[col('carry')]);
  if (carry === undefined) {
    report(
      'form.carry-unknown',
      'warning',
      row,
      col('carry'),
      `「${label}」の${quote('carry')}「${text('carry')}」は○（翌年度のシートに引き継ぐ）か参考（前年度の値として見せる）で書いてください。空欄（引き継がない）として読みます。`,
    );
    carry = null;
  }
  if (carry === 'carry' && kind === 'computed') {
    report(
      'form.carry-computed',
      'warning',
      row,
      col('carry'),
      `「${label}」は種類が計算なので引き継げません（値は計算式で決まります）。参考（前年度の値として見せる）として読みます。`,
    );
    carry = 'reference';
  }

  const heading = text('heading');
  const guidance = text('guidance');
  const field: FieldDef = {
    key,
    label,
    aliases: [label],
    kind,
    ...(percent && { percent: true }),
    ...(amount && { amount: true }),
    ...(heading.length > 0 && { heading }),
    inYearBand: header.columns.yearBand === undefined ? true : isMarked(cells[col('yearBand')]),
    ...(choices !== undefined && { choices }),
    requiredFrom,
    ...(maxLength !== undefined && { maxLength }),
    guidance,
    ...(!published && { published: false }),
    ...(carry !== null && { carry }),
  };
  return {
    row,
    field,
    ...(kind === 'computed' && { formulaText }),
    ...(kind === 'choice' && judgeText.length > 0 && { judgeText }),
    tally: tally && kind === 'choice',
  };
}

/** The 選択肢 of a 選択 field; null when the row cannot be used. */
function readChoices(
  written: string,
  kind: FieldKind,
  label: string,
  row: number,
  column: number,
  report: Report,
): readonly string[] | undefined | null {
  if (kind !== 'choice') {
    if (written.length > 0)
      report(
        'form.choices-ignored',
        'warning',
        row,
        column,
        `「${label}」は種類が${FIELD_KIND_LABELS[kind]}なので、選択肢は使いません（選択肢は種類「選択」の項目に書きます）。`,
      );
    return undefined;
  }
  const choices = splitChoices(written);
  if (choices.length === 0) {
    report(
      'form.choices-missing',
      'error',
      row,
      column,
      `「${label}」は種類が選択ですが選択肢がありません。「達成、順調、遅れ」のように「、」で区切って書いてください。この行は使いません。`,
    );
    return null;
  }
  // One choice holding another separator (「拡充・継続・縮小・廃止」) was meant as several: the dropdown would
  // offer the whole text as its only entry. A single choice without one (「済」) is kept.
  const only = choices.length === 1 ? choices[0]! : undefined;
  const separator = only === undefined ? undefined : /[・／/｜|;；\s]/u.exec(only)?.[0];
  if (only !== undefined && separator !== undefined) {
    const parts = only
      .split(separator)
      .map((c) => c.trim())
      .filter((c) => c.length > 0);
    report(
      'form.choices-one',
      'error',
      row,
      column,
      `「${label}」の選択肢が「${only}」の1つだけになっています。選択肢は「、」で区切ってください（例:「${parts.join('、')}」）。この行は使いません。`,
    );
    return null;
  }
  const keys = choices.map(normalizeKey);
  const repeated = choices.find((_, i) => keys.indexOf(keys[i] ?? '') !== i);
  if (repeated !== undefined) {
    report(
      'form.choices-duplicate',
      'error',
      row,
      column,
      `「${label}」の選択肢「${repeated}」が二度書かれています。この行は使いません。`,
    );
    return null;
  }
  return choices;
}

/** 文字数の目安: a positive whole number (全角 digits and 「,」 accepted; 「600字」 too). */
function readMaxLength(
  value: CellValue | undefined,
  label: string,
  row: number,
  column: number,
  report: Report,
): number | undefined {
  const written = cellString(value);
  if (written.length === 0) return undefined;
  const m = /^(\d[\d,]*)\s*(字|文字)?$/u.exec(written.normalize('NFKC'));
  const n = typeof value === 'number' ? value : m ? Number((m[1] ?? '').replace(/,/g, '')) : NaN;
  if (Number.isInteger(n) && n > 0) return n;
  report(
    'form.max-length-invalid',
    'warning',
    row,
    column,
    `「${label}」の文字数の目安「${written}」が数として読めません。「600」のように書いてください。目安なしで読みます。`,
  );
  return undefined;
}
