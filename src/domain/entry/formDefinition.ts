/**
 * The 取組項目 form as data: one definition read by the sheet writer, the reader and the rules alike.
 * Another town's form (成果指標・目標値・実績値 …) is a new FormDefinition, not a rewrite.
 */
export type Stage = 'plan' | 'first-half' | 'year-end';
export const STAGES: readonly Stage[] = ['plan', 'first-half', 'year-end'];
export const STAGE_LABELS: Readonly<Record<Stage, string>> = {
  plan: '計画',
  'first-half': '前期',
  'year-end': '年度末',
};

/** A field's stable identifier (the 様式's キー: ASCII letters and digits), used in JSON, metadata and matching. */
export type FieldKey = string;

/** 種類: 文章 / 選択 / 数値 / 日付 / 計算. */
export type FieldKind = 'text' | 'choice' | 'number' | 'date' | 'computed';
export const FIELD_KIND_LABELS: Readonly<Record<FieldKind, string>> = {
  text: '文章',
  choice: '選択',
  number: '数値',
  date: '日付',
  computed: '計算',
};

/** 種類 「割合」: a 数値 field that is a percentage (FieldDef.percent). */
export const PERCENT_KIND_LABEL = '割合';

/** 種類 「金額」: a 数値 field that is an amount of money (FieldDef.amount). */
export const AMOUNT_KIND_LABEL = '金額';

/** The 種類 a field is written with on the 様式 sheet: 割合 or 金額 for those 数値, else its kind's label. */
export const kindLabel = (f: Pick<FieldDef, 'kind' | 'percent' | 'amount'>): string =>
  f.kind !== 'number'
    ? FIELD_KIND_LABELS[f.kind]
    : f.percent
      ? PERCENT_KIND_LABEL
      : f.amount
        ? AMOUNT_KIND_LABEL
        : FIELD_KIND_LABELS.number;

/** 必須の時期: the first stage at which the field must be filled, or 任意 (never required). */
export type Requirement = Stage | 'optional';
export const REQUIREMENT_LABELS: Readonly<Record<Requirement, string>> = {
  ...STAGE_LABELS,
  optional: '任意',
};

/** 計算式: arithmetic over other fields (by key), e.g. 実績値 / 目標値. */
export type Formula =
  | { readonly kind: 'field'; readonly key: FieldKey }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'negate'; readonly operand: Formula }
  | {
      readonly kind: 'binary';
      readonly op: '+' | '-' | '*' | '/';
      readonly left: Formula;
      readonly right: Formula;
    };

/** One rule of a 判定: `達成率 >= 100% → A` (100% is 1). */
export interface JudgeRule {
  readonly field: FieldKey;
  readonly op: '>=' | '>' | '<=' | '<' | '=';
  readonly value: number;
  readonly choice: string;
}

/** 判定: rules tried in order that propose a choice from a 計算 (or 数値) field; `otherwise` when none holds. */
export interface JudgeSpec {
  /** As written on the 様式 sheet. */
  readonly text: string;
  readonly rules: readonly JudgeRule[];
  readonly otherwise?: string;
}

export interface FieldDef {
  readonly key: FieldKey;
  /** 項目: the label as the form prints it. */
  readonly label: string;
  /** Other printed forms that mean the same (compared by normalizeKey). */
  readonly aliases: readonly string[];
  readonly kind: FieldKind;
  /** 見出し: the group heading the field sits under (R2: 進捗状況 over 前期 and 後期). */
  readonly heading?: string;
  /**
   * 年度欄: the field sits in the fiscal-year band (its label beside the `令和2年度` label) rather than
   * across the full label width (R2: 目指す姿 and 評価・検証 are full width).
   */
  readonly inYearBand: boolean;
  /** 選択肢: for 選択, the dropdown's choices in order. */
  readonly choices?: readonly string[];
  /** 必須の時期. */
  readonly requiredFrom: Requirement;
  /** 文字数の目安: a soft limit; longer text gets a warning (the cell still holds it). */
  readonly maxLength?: number;
  /** 記入の手引き: what to write, shown as the cell's input message and as a hint in findings. */
  readonly guidance: string;
  /**
   * 割合: a 数値 that is a percentage — kept as a fraction (80% is 0.8), shown as a percentage on the sheet
   * (a 0.0% cell, where Excel takes 80 typed as 80%), in 全体計画 and in the published report.
   */
  readonly percent?: boolean;
  /** 金額: a 数値 that is an amount of money, shown with thousands separators (1,200,000) on the sheet and in 全体計画. */
  readonly amount?: boolean;
  /** 計算式, for 計算: shown as a percentage. */
  readonly formula?: { readonly text: string; readonly expression: Formula };
  /** 判定, on a 選択 field: proposes the choice. */
  readonly judge?: JudgeSpec;
  /** The 判定理由 field written beside a judged choice: the key of the choice it explains. */
  readonly reasonFor?: FieldKey;
  /** 集計: the one 選択 field 達成状況 counts. */
  readonly tally?: boolean;
  /**
   * 引継ぎ: how next year's sheet starts from this year's entry — `carry` (○: an editable starting text),
   * `reference` (参考: shown read-only as last year's value), or nothing (starts empty).
   */
  readonly carry?: 'carry' | 'reference';
  /** 公表: false when 総務課 keeps the field out of the published report and open data (default: published). */
  readonly published?: boolean;
}

export interface FormDefinition {
  readonly id: string;
  /** Built-in forms count versions; a 様式 sheet's version is a digest of its fields. */
  readonly version: number | string;
  readonly title: string;
  readonly fields: readonly FieldDef[];
}

export const ACHIEVEMENT_CHOICES = ['達成できた', '一部達成できた', '達成できなかった'] as const;
export type AchievementChoice = (typeof ACHIEVEMENT_CHOICES)[number];

/** The seed's form: 上富良野町「町政運営推進プラン」取組項目シート. */
export const STANDARD_FORM: FormDefinition = {
  id: 'suishin-standard',
  version: 1,
  title: '取組項目シート',
  fields: [
    {
      key: 'vision',
      carry: 'carry',
      inYearBand: false,
      label: '目指す姿',
      aliases: ['目指す姿', 'めざす姿'],
      kind: 'text',
      requiredFrom: 'plan',
      maxLength: 600,
      guidance: 'この取組によって目指す町の姿を書いてください。',
    },
    {
      key: 'goal',
      carry: 'carry',
      inYearBand: true,
      label: '目標',
      aliases: ['目標', '年度目標'],
      kind: 'text',
      requiredFrom: 'plan',
      maxLength: 600,
      guidance: '今年度の目標を箇条書き（・）で書いてください。',
    },
    {
      key: 'actions',
      carry: 'carry',
      inYearBand: true,
      label: '取組内容',
      aliases: ['取組内容', '取り組み内容', '取組み内容'],
      kind: 'text',
      requiredFrom: 'plan',
      maxLength: 800,
      guidance: '目標に向けて行う取組を箇条書き（・）で書いてください。',
    },
    {
      key: 'firstHalf',
      carry: 'reference',
      inYearBand: true,
      heading: '進捗状況',
      label: '前期 (4～9月)',
      aliases: ['前期 (4～9月)', '前期', '前期(4月～9月)', '前期 (4-9月)'],
      kind: 'text',
      requiredFrom: 'first-half',
      maxLength: 1000,
      guidance: '4月～9月に行ったことを、日付（例: 7/16）とともに書いてください。',
    },
    {
      key: 'secondHalf',
      carry: 'reference',
      inYearBand: true,
      heading: '進捗状況',
      label: '後期 (10～3月)',
      aliases: ['後期 (10～3月)', '後期', '後期(10月～3月)', '後期 (10-3月)'],
      kind: 'text',
      requiredFrom: 'year-end',
      maxLength: 1000,
      guidance: '10月～3月に行ったことを、日付（例: 11/20）とともに書いてください。',
    },
    {
      key: 'achievement',
      carry: 'reference',
      inYearBand: true,
      tally: true,
      label: '目標の達成',
      aliases: ['目標の達成', '目標達成', '達成状況'],
      kind: 'choice',
      choices: ACHIEVEMENT_CHOICES,
      requiredFrom: 'year-end',
      maxLength: 20,
      guidance: '「達成できた」「一部達成できた」「達成できなかった」から選んでください。',
    },
    {
      key: 'evaluation',
      carry: 'reference',
      inYearBand: false,
      label: '評価・検証',
      aliases: ['評価・検証', '評価検証', '評価・検証・課題'],
      kind: 'text',
      requiredFrom: 'year-end',
      maxLength: 1000,
      guidance: '1年間の取組の評価と、今後の課題・対応を書いてください。',
    },
  ],
};

/** The R2 form's keys (tests and the R2 sample). */
export const FIELD_KEYS: readonly FieldKey[] = STANDARD_FORM.fields.map((f) => f.key);

/** The 選択 field that 達成状況 counts: the one marked 集計, else the only judged or only 選択 field. */
export function tallyField(form: FormDefinition): FieldDef | undefined {
  const marked = form.fields.find((f) => f.tally && f.kind === 'choice');
  if (marked) return marked;
  const choices = form.fields.filter((f) => f.kind === 'choice');
  return choices.length === 1 ? choices[0] : undefined;
}

/** The choices 達成状況 counts, in the form's order (empty when the form has no 集計 field). */
export const tallyChoices = (form: FormDefinition): readonly string[] => tallyField(form)?.choices ?? [];

/** Fields a department types into (計算 fields are computed, never typed). */
export const inputFields = (form: FormDefinition): readonly FieldDef[] =>
  form.fields.filter((f) => f.kind !== 'computed');

export function fieldDef(form: FormDefinition, key: FieldKey): FieldDef {
  const def = form.fields.find((f) => f.key === key);
  if (!def) throw new Error(`Form ${form.id} has no field ${key}`);
  return def;
}

export const stageIndex = (stage: Stage): number => STAGES.indexOf(stage);

/** Fields that must be filled at a stage. */
export const requiredFields = (form: FormDefinition, stage: Stage): readonly FieldDef[] =>
  form.fields.filter(
    (f) =>
      f.requiredFrom !== 'optional' &&
      f.kind !== 'computed' &&
      stageIndex(f.requiredFrom) <= stageIndex(stage),
  );
