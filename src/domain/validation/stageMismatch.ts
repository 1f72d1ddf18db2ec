import { STAGE_LABELS, STAGES, stageIndex, type FormDefinition, type Stage } from '../entry/formDefinition';
import { fieldText, type Entry } from '../entry/types';

/** The fields a stage adds (R2 年度末: 後期・目標の達成・評価・検証), as 「後期 (10～3月)」・「目標の達成」…. */
const fieldsOf = (form: FormDefinition, stage: Stage): string =>
  form.fields
    .filter((f) => f.requiredFrom === stage && f.kind !== 'computed')
    .map((f) => `「${f.label}」`)
    .join('・');

/**
 * The latest stage whose own fields (those it adds) hold text in any of the entries: how far the sheets have
 * been written. Undefined when none is written at all.
 */
export function writtenStage(entries: readonly Entry[], form: FormDefinition): Stage | undefined {
  return [...STAGES].reverse().find((stage) => entries.some((e) => holdsStage(e, form, stage)));
}

/** Whether the entry holds text in a field the stage adds. */
const holdsStage = (e: Entry, form: FormDefinition, stage: Stage): boolean =>
  form.fields.some(
    (f) => f.requiredFrom === stage && f.kind !== 'computed' && fieldText(e.fields, f.key).trim() !== '',
  );

/**
 * When the stage chosen for a 検証 or 集約 does not fit what the sheets hold, what to say: a 年度末 run in
 * October finds every 年度末 field blank in every sheet (24 未記入, none of them a mistake), and a 計画 run in
 * March does not ask for the 年度末 fields the sheets already hold. `how` says how to choose the stage where
 * the words are read (CLI: `--stage first-half を指定`; the pane: 「確認する時期」を「前期」に); `what` is 検証
 * or 集約. Undefined when the stage fits, or nothing is written.
 */
export function stageMismatch(
  entries: readonly Entry[],
  form: FormDefinition,
  stage: Stage,
  words: { readonly what: string; readonly how: (stage: Stage) => string },
): string | undefined {
  const written = writtenStage(entries, form);
  if (written === undefined || written === stage) return undefined;
  const [chosen, found] = [STAGE_LABELS[stage], STAGE_LABELS[written]];
  // A later stage in a few sheets is text in the wrong row (前期 written into 後期: 未記入 says so), not a
  // workbook filled that far: the earlier stage chosen is then said not to fit only when most sheets are.
  const holds = (e: Entry, s: Stage) => holdsStage(e, form, s);
  const filled = entries.filter((e) => STAGES.some((s) => holds(e, s)));
  if (
    stageIndex(stage) < stageIndex(written) &&
    filled.filter((e) => holds(e, written)).length * 2 <= filled.length
  )
    return undefined;
  return stageIndex(stage) > stageIndex(written)
    ? `どのシートにも${chosen}に書く欄（${fieldsOf(form, stage)}）の記入がありません。${found}の${words.what}であれば、${words.how(written)}してください。`
    : `${found}に書く欄（${fieldsOf(form, written)}）にも記入があります。${chosen}の${words.what}では、それらの欄が未記入でも指摘しません。${found}まで確かめるには、${words.how(written)}してください。`;
}

/** How the CLI chooses a stage, for stageMismatch. */
export const cliStage = (stage: Stage): string => `--stage ${stage} を指定`;

/** How the pane chooses a stage (its StageSelect), for stageMismatch. */
export const paneStage = (stage: Stage): string => `「確認する時期」を「${STAGE_LABELS[stage]}」に`;
