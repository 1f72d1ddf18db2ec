import { invariant } from '../../domain/result';
import type { SheetSpec } from '../../domain/template/sheetSpec';
import type { Progress } from '../port';
import { checkSheetName } from '../sheetRules';
import { checkWorkbookStructure, queueStructureCheck } from './workbookProtection';
import { CHUNK_BYTES, estimateBytes, packChunks } from './payload';
import type { ExcelFeatures } from './requirements';
import { sheetSteps, viewStep } from './sheetSteps';
import { syncEach } from './syncEach';

interface Existing {
  readonly name: string;
  readonly visibility: string;
}

interface QueuedStep {
  readonly sheet: number;
  readonly bytes: number;
  readonly last: boolean;
  readonly apply: (ws: Excel.Worksheet) => void;
}

/** Names for the sheets being replaced while their successors are written: unused by the workbook and the specs. */
function backupNames(count: number, taken: ReadonlySet<string>): string[] {
  const names: string[] = [];
  for (let n = 1; names.length < count; n += 1) if (!taken.has(`~suishin${n}`)) names.push(`~suishin${n}`);
  return names;
}

/**
 * Render specs into the open workbook in one `Excel.run`, so that a failure at any sync leaves the workbook
 * as it was or fully written:
 *  1. one sync reads the sheets there are and whether the workbook's structure is protected (then nothing is
 *     done and the user is told how to unprotect it);
 *  2. the first chunk renames each sheet being replaced to a backup name and adds its successor under the
 *     final name (so formulas written next refer to the new sheets, not the old ones); then the sheets'
 *     content is queued in chunks of at most ~4 MB, one sync each;
 *  3. a last sync deletes the backups (a very hidden one made hidden first: Excel refuses to delete it), puts
 *     the new sheets at their tab positions and recalculates;
 *  4. views (freeze panes) come last and may fail without failing the write: Excel refuses them while another
 *     workbook has the focus, as when the build opens a workbook per department (office-js#771, #3148).
 * When a sync of 2 or 3 fails, the new sheets are deleted and the backups get their names back.
 *
 * Calculation is suspended while content is written (`suspendApiCalculationUntilNextSync`); the reference
 * says it is then "the developer's responsibility to re-calc the workbook", hence the recalculation in 3.
 */
export async function writeSheetsInExcel(
  context: Excel.RequestContext,
  specs: readonly SheetSpec[],
  features: ExcelFeatures,
  onProgress?: Progress,
): Promise<{ readonly chunks: number }> {
  if (specs.length === 0) return { chunks: 0 };
  const lower = specs.map((s) => s.name.toLowerCase());
  specs.forEach((s) => checkSheetName(s.name));
  invariant(new Set(lower).size === lower.length, 'sheet names in one write must be unique');

  const collection = context.workbook.worksheets;
  collection.load('items/name,items/visibility');
  const structure = queueStructureCheck(context);
  await context.sync();
  checkWorkbookStructure(structure);
  const existing: Existing[] = collection.items.map((ws) => ({ name: ws.name, visibility: ws.visibility }));
  const isOld = (name: string): boolean => existing.some((e) => e.name.toLowerCase() === name);
  const replaced = existing.filter((e) => lower.includes(e.name.toLowerCase()));
  const backups = backupNames(
    replaced.length,
    new Set([...existing.map((e) => e.name.toLowerCase()), ...lower]),
  );

  // Final tab order: existing sheets with replaced ones in place, then the new names in spec order.
  const order = [...existing.map((e) => e.name.toLowerCase()), ...lower.filter((n) => !isOld(n))];
  const proxies: Excel.Worksheet[] = [];
  const begin = (): void => {
    replaced.forEach((old, i) => (collection.getItem(old.name).name = backups[i] as string));
    specs.forEach((spec) => proxies.push(collection.add(spec.name)));
  };
  const commit = (): void => {
    replaced.forEach((old, i) => {
      const backup = collection.getItem(backups[i] as string);
      if (old.visibility === 'VeryHidden') backup.visibility = 'Hidden' as Excel.SheetVisibility;
      backup.delete();
    });
    specs
      .map((_, i) => ({ i, position: order.indexOf(lower[i] ?? '') }))
      .sort((a, b) => a.position - b.position)
      .forEach(({ i, position }) => ((proxies[i] as Excel.Worksheet).position = position));
    for (const t of tableRenames) t.table.name = t.name;
    context.workbook.application.calculate('Recalculate' as Excel.CalculationType);
  };

  // Table names are unique in a workbook and the replaced sheets' tables still exist while the new ones are
  // written: new tables get temporary names, and their own at commit.
  const tableRenames: { table: Excel.Table; name: string }[] = [];
  const steps: QueuedStep[] = specs.flatMap((spec, sheet) => {
    const own = sheetSteps(spec, features, (name, table) => {
      tableRenames.push({ table, name });
      return `_suishin_table${tableRenames.length}`;
    });
    return own.map((step, k) => ({
      sheet,
      bytes: step.bytes,
      last: k === own.length - 1,
      apply: step.apply,
    }));
  });
  const chunks = packChunks(steps, CHUNK_BYTES, estimateBytes(3 * specs.length + 2 * replaced.length + 2));
  let done = 0;
  try {
    await syncEach(
      context,
      [...chunks, null],
      (chunk, index) => {
        if (chunk === null) return commit();
        context.application.suspendApiCalculationUntilNextSync();
        if (features.screenUpdating) context.application.suspendScreenUpdatingUntilNextSync();
        if (index === 0) begin();
        for (const step of chunk) step.apply(proxies[step.sheet] as Excel.Worksheet);
      },
      (chunk) => {
        for (const step of chunk ?? []) {
          if (!step.last) continue;
          done += 1;
          onProgress?.({
            done,
            total: specs.length,
            label: `シート「${specs[step.sheet]?.name ?? ''}」を書き込みました`,
          });
        }
      },
    );
  } catch (error) {
    await rollBack(context, specs, replaced, backups, isOld);
    throw error;
  }
  await applyViews(context, specs, proxies);
  return { chunks: chunks.length };
}

/**
 * Undo an unfinished write: delete the new sheets and give the backups their names back. Only sheets this
 * write made are touched: a replaced sheet whose backup is not there was never renamed. When this fails too,
 * the caller still gets the first error (the one that says what went wrong).
 */
async function rollBack(
  context: Excel.RequestContext,
  specs: readonly SheetSpec[],
  replaced: readonly Existing[],
  backups: readonly string[],
  isOld: (name: string) => boolean,
): Promise<void> {
  try {
    const collection = context.workbook.worksheets;
    collection.load('items/name,items/visibility');
    await context.sync();
    const byName = new Map(collection.items.map((ws) => [ws.name.toLowerCase(), ws]));
    const renamedBack: [Excel.Worksheet, string][] = [];
    for (const spec of specs) {
      const name = spec.name.toLowerCase();
      const index = replaced.findIndex((r) => r.name.toLowerCase() === name);
      const backup = index >= 0 ? byName.get((backups[index] as string).toLowerCase()) : undefined;
      const current = byName.get(name);
      if (index >= 0 && !backup) continue; // never renamed: `current` is the old sheet
      if (current && (backup || !isOld(name))) {
        if (current.visibility === 'VeryHidden') current.visibility = 'Hidden' as Excel.SheetVisibility;
        current.delete();
      }
      if (backup) renamedBack.push([backup, (replaced[index] as Existing).name]);
    }
    for (const [backup, name] of renamedBack) backup.name = name;
    await context.sync();
  } catch {
    // The write's own error is the one to report; a failed undo leaves sheets named ~suishin… to delete by hand.
  }
}

/** Freeze panes, once the sheets are in place; Excel refuses them while another workbook has the focus. */
async function applyViews(
  context: Excel.RequestContext,
  specs: readonly SheetSpec[],
  proxies: readonly Excel.Worksheet[],
): Promise<void> {
  let queued = false;
  specs.forEach((spec, i) => (queued = viewStep(spec, proxies[i] as Excel.Worksheet) || queued));
  if (!queued) return;
  try {
    await context.sync();
  } catch {
    // A frozen header row is a convenience: the sheets are written and usable without it (office-js#771).
  }
}
