import { err, ok, type Result } from '../domain/result';
import type { CliIo } from './cliIo';
import { erroneousPart, loadedHasErrors, loadPlan, printLoadedFindings, type LoadedPlan } from './loadPlan';

/**
 * `--plan` for extract and validate: none (each workbook's own 体系 sheet, or metadata), or a 体系 that must
 * parse without errors, with its 様式 — their findings go to stderr, and an error makes it unusable.
 */
export async function loadOptionalPlan(
  spec: string | undefined,
  io: CliIo,
): Promise<Result<LoadedPlan | undefined, string>> {
  if (spec === undefined) return ok(undefined);
  const loaded = await loadPlan(spec, io.cwd);
  if (!loaded.ok) return loaded;
  printLoadedFindings(io.stderr, loaded.value);
  if (loadedHasErrors(loaded.value))
    return err(
      `${erroneousPart(loaded.value)}「${loaded.value.source}」にエラーがあるため使えません。上の指摘を直してから実行してください。`,
    );
  return ok(loaded.value);
}
