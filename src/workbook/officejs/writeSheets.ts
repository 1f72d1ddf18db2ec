import { invariant } from '../../domain/result';
import type { SheetSpec } from '../../domain/template/sheetSpec';
import type { Progress } from '../port';
import { CHUNK_BYTES, estimateBytes, packChunks } from './payload';
import type { ExcelFeatures } from './requirements';
import { checkSheetName } from '../sheetRules';
import { sheetSteps } from './sheetSteps';
import { syncEach } from './syncEach';

interface Existing {
  readonly name: string;
  readonly visibility: string;
  readonly proxy: Excel.Worksheet;
}

interface QueuedStep {
  readonly sheet: number;
  readonly bytes: number;
  readonly last: boolean;
  readonly apply: (ws: Excel.Worksheet) => void;
}

/** Names for new sheets until the sheets they replace are gone: unused by the workbook and the specs. */
function temporaryNames(count: number, taken: ReadonlySet<string>): string[] {
  const names: string[] = [];
  for (let n = 1; names.length < count; n += 1) if (!taken.has(`~suishin${n}`)) names.push(`~suishin${n}`);
  return names;
}

/**
 * Render specs into the open workbook in one `Excel.run`: one sync reads the sheets there are, then the
 * work is queued in chunks of at most ~4 MB, one sync each (one chunk for all of R2's department sheets).
 * Structure first: new sheets are added under temporary names, replaced sheets deleted (a very hidden one
 * made hidden first: Excel refuses to delete it), the new ones renamed and moved to their tab positions.
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
  await context.sync();
  const existing: Existing[] = collection.items.map((proxy) => ({
    name: proxy.name,
    visibility: proxy.visibility,
    proxy,
  }));
  const replaced = existing.filter((e) => lower.includes(e.name.toLowerCase()));

  // Final tab order: existing sheets with replaced ones in place, then the new names in spec order.
  const order = [
    ...existing.map((e) => e.name.toLowerCase()),
    ...lower.filter((n) => !existing.some((e) => e.name.toLowerCase() === n)),
  ];
  const temps = temporaryNames(
    specs.length,
    new Set([...existing.map((e) => e.name.toLowerCase()), ...lower]),
  );
  const proxies: Excel.Worksheet[] = [];
  const structure = (): void => {
    specs.forEach((_, i) => proxies.push(collection.add(temps[i])));
    for (const old of replaced) {
      if (old.visibility === 'VeryHidden') old.proxy.visibility = 'Hidden' as Excel.SheetVisibility;
      old.proxy.delete();
    }
    specs.forEach((spec, i) => ((proxies[i] as Excel.Worksheet).name = spec.name));
    specs
      .map((_, i) => ({ i, position: order.indexOf(lower[i] ?? '') }))
      .sort((a, b) => a.position - b.position)
      .forEach(({ i, position }) => ((proxies[i] as Excel.Worksheet).position = position));
  };

  const steps: QueuedStep[] = specs.flatMap((spec, sheet) => {
    const own = sheetSteps(spec, features);
    return own.map((step, k) => ({
      sheet,
      bytes: step.bytes,
      last: k === own.length - 1,
      apply: step.apply,
    }));
  });
  const chunks = packChunks(steps, CHUNK_BYTES, estimateBytes(3 * specs.length + 2 * replaced.length + 2));
  let done = 0;
  await syncEach(
    context,
    chunks,
    (chunk, index) => {
      context.application.suspendApiCalculationUntilNextSync();
      if (features.screenUpdating) context.application.suspendScreenUpdatingUntilNextSync();
      if (index === 0) structure();
      for (const step of chunk) step.apply(proxies[step.sheet] as Excel.Worksheet);
    },
    (chunk) => {
      for (const step of chunk) {
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
  return { chunks: chunks.length };
}
