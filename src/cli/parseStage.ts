import { STAGE_LABELS, STAGES, type Stage } from '../domain/entry/formDefinition';
import { err, ok, type Result } from '../domain/result';

/** `--stage`: plan / first-half / year-end, or 計画 / 前期 / 年度末 (default year-end). */
export function parseStage(option: string | undefined): Result<Stage, string> {
  if (option === undefined) return ok('year-end');
  const stage = STAGES.find((s) => s === option || STAGE_LABELS[s] === option);
  return stage
    ? ok(stage)
    : err(
        `段階「${option}」は指定できません。plan（計画）、first-half（前期）、year-end（年度末）のどれかにしてください。`,
      );
}
