import { hasErrors } from '../domain/finding';
import { err, ok, type Result } from '../domain/result';
import type { CliIo } from './cliIo';
import { loadPlan, type LoadedPlan } from './loadPlan';
import { printPlanFindings } from './reportError';

/**
 * `--plan` for extract and validate: none (each workbook's own 体系 sheet, or metadata), or a 体系 that must
 * parse without errors — its findings go to stderr, and an error makes it unusable.
 */
export async function loadOptionalPlan(
  spec: string | undefined,
  io: CliIo,
): Promise<Result<LoadedPlan | undefined, string>> {
  if (spec === undefined) return ok(undefined);
  const loaded = await loadPlan(spec, io.cwd);
  if (!loaded.ok) return loaded;
  printPlanFindings(io.stderr, loaded.value.findings);
  if (hasErrors(loaded.value.findings))
    return err(
      `体系「${loaded.value.source}」にエラーがあるため使えません。上の指摘を直してから実行してください。`,
    );
  return ok(loaded.value);
}
