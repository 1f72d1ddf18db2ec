import { requiredFields, STAGES, type FormDefinition, type Stage } from './formDefinition';

/** When in the year each stage is checked. */
const WHEN: Readonly<Record<Stage, string>> = {
  plan: '年度初め',
  'first-half': '10月',
  'year-end': '年度末',
};

/**
 * What checking at a stage adds, by the 様式's own fields (R2 年度末: 後期 (10～3月)・目標の達成・評価・検証; KPI:
 * 実績値・判定・評価): the fields required from that stage on, not those of an earlier one.
 */
export function stageHint(form: FormDefinition, stage: Stage): string {
  const earlier = STAGES.slice(0, STAGES.indexOf(stage));
  const before = new Set(earlier.flatMap((s) => requiredFields(form, s).map((f) => f.key)));
  const added = requiredFields(form, stage).filter((f) => !before.has(f.key));
  const labels = added.map((f) => f.label).join('・');
  if (labels === '') return `${WHEN[stage]}: 必須の欄は前の時期と同じです`;
  return stage === 'plan'
    ? `${WHEN[stage]}: ${labels}を確認します`
    : `${WHEN[stage]}: ${labels}まで確認します`;
}
