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

export type FieldKey =
  'vision' | 'goal' | 'actions' | 'firstHalf' | 'secondHalf' | 'achievement' | 'evaluation';

export interface FieldDef {
  readonly key: FieldKey;
  /** The label as the seed prints it. */
  readonly label: string;
  /** Other printed forms that mean the same (compared by normalizeKey). */
  readonly aliases: readonly string[];
  readonly kind: 'text' | 'choice';
  readonly choices?: readonly string[];
  /** The first stage at which the field must be filled. */
  readonly requiredFrom: Stage;
  /** A soft limit: longer text gets a warning (the cell still holds it). */
  readonly maxLength: number;
  /** What to write, shown as the cell's input message and as a hint in findings. */
  readonly guidance: string;
}

export interface FormDefinition {
  readonly id: string;
  readonly version: number;
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
      label: '目指す姿',
      aliases: ['目指す姿', 'めざす姿'],
      kind: 'text',
      requiredFrom: 'plan',
      maxLength: 600,
      guidance: 'この取組によって目指す町の姿を書いてください。',
    },
    {
      key: 'goal',
      label: '目標',
      aliases: ['目標', '年度目標'],
      kind: 'text',
      requiredFrom: 'plan',
      maxLength: 600,
      guidance: '今年度の目標を箇条書き（・）で書いてください。',
    },
    {
      key: 'actions',
      label: '取組内容',
      aliases: ['取組内容', '取り組み内容', '取組み内容'],
      kind: 'text',
      requiredFrom: 'plan',
      maxLength: 800,
      guidance: '目標に向けて行う取組を箇条書き（・）で書いてください。',
    },
    {
      key: 'firstHalf',
      label: '前期 (4～9月)',
      aliases: ['前期 (4～9月)', '前期', '前期(4月～9月)', '前期 (4-9月)'],
      kind: 'text',
      requiredFrom: 'first-half',
      maxLength: 1000,
      guidance: '4月～9月に行ったことを、日付（例: 7/16）とともに書いてください。',
    },
    {
      key: 'secondHalf',
      label: '後期 (10～3月)',
      aliases: ['後期 (10～3月)', '後期', '後期(10月～3月)', '後期 (10-3月)'],
      kind: 'text',
      requiredFrom: 'year-end',
      maxLength: 1000,
      guidance: '10月～3月に行ったことを、日付（例: 11/20）とともに書いてください。',
    },
    {
      key: 'achievement',
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
      label: '評価・検証',
      aliases: ['評価・検証', '評価検証', '評価・検証・課題'],
      kind: 'text',
      requiredFrom: 'year-end',
      maxLength: 1000,
      guidance: '1年間の取組の評価と、今後の課題・対応を書いてください。',
    },
  ],
};

export const FIELD_KEYS: readonly FieldKey[] = STANDARD_FORM.fields.map((f) => f.key);

export function fieldDef(form: FormDefinition, key: FieldKey): FieldDef {
  const def = form.fields.find((f) => f.key === key);
  if (!def) throw new Error(`Form ${form.id} has no field ${key}`);
  return def;
}

export const stageIndex = (stage: Stage): number => STAGES.indexOf(stage);

/** Fields that must be filled at a stage. */
export const requiredFields = (form: FormDefinition, stage: Stage): readonly FieldDef[] =>
  form.fields.filter((f) => stageIndex(f.requiredFrom) <= stageIndex(stage));
