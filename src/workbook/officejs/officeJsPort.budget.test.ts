import { afterEach, beforeEach, describe, expect, it } from 'vitest';
/* eslint-disable no-restricted-imports -- this test drives the real use cases (src/app) and, for the
   department files a consolidation reads, the ExcelJS factory, to measure the adapter's syncs end to end */
import { buildDepartmentFiles, buildIntoWorkbook } from '../../app/buildWorkbooks';
import { consolidate, toSourceFile } from '../../app/consolidate';
import { validateWorkbook } from '../../app/validateWorkbook';
import { excelJsFactory } from '../exceljs/excelJsFactory';
/* eslint-enable no-restricted-imports */
import { buildMasterView } from '../../domain/consolidation/buildMasterView';
import { consolidateEntries } from '../../domain/consolidation/consolidateEntries';
import type { Entry } from '../../domain/entry/types';
import { extractWorkbook } from '../../domain/extract/extractWorkbook';
import type { Plan } from '../../domain/plan/types';
import { r2Sample } from '../../domain/sample/r2';
import { buildDepartmentWorkbook } from '../../domain/template/buildDepartmentWorkbook';
import { buildMasterTemplate } from '../../domain/template/buildMasterTemplate';
import { specToSnapshot } from '../../domain/template/specToSnapshot';
import type { WorkbookPort } from '../port';
import { OfficeJsPort } from './officeJsPort';
import { CHUNK_BYTES } from './payload';
import { scaledPlan } from '../../../tests/helpers/scaledPlan';
import { installFresh, type InstalledFake } from '../../../tests/officejs/testPort';

let fake: InstalledFake;
beforeEach(() => {
  fake = installFresh();
});
afterEach(() => fake.uninstall());

const sample = r2Sample();
const TITLE = '町政運営推進プラン';
const STAMP = '2021-04-30T09:00:00';

/** Syncs and request bytes spent by one call. */
async function measure<T>(call: () => Promise<T>): Promise<{ result: T; syncs: number; bytes: number[] }> {
  const from = fake.stats.requestBytes.length;
  const result = await call();
  const bytes = fake.stats.requestBytes.slice(from);
  return { result, syncs: bytes.length, bytes };
}

const findingKeys = (findings: readonly { code: string; place: { sheet?: string; cell?: string } }[]) =>
  findings.map((f) => `${f.code} ${f.place.sheet ?? ''}!${f.place.cell ?? ''}`).sort();

/** Sources as consolidation reads them, straight from the department specs (no files: fast at any size). */
function sourcesFromSpecs(plan: Plan, entries: readonly Entry[]) {
  return plan.departments.map((department, i) => {
    const file = `${department}.xlsx`;
    const spec = buildDepartmentWorkbook({ plan, department, fiscalYear: sample.fiscalYear, entries });
    const snapshot = { file, sheets: spec.sheets.map(specToSnapshot) };
    return toSourceFile(
      { file, modified: i },
      extractWorkbook(snapshot, { file, plan, fiscalYear: sample.fiscalYear }),
    );
  });
}

describe('sync budgets on the R2 sample', () => {
  const { plan, fiscalYear, entries } = sample;

  it('builds every department’s sheets into the open workbook in 4 syncs (list, read, one write, commit)', async () => {
    const port = new OfficeJsPort();
    const {
      result: written,
      syncs,
      bytes,
    } = await measure(() => buildIntoWorkbook(port, { plan, fiscalYear, entries }));
    expect(written).toBeGreaterThan(60);
    expect(syncs).toBeLessThanOrEqual(4);
    expect(port.lastWriteChunks).toBe(1);
    expect(Math.max(...bytes)).toBeLessThanOrEqual(CHUNK_BYTES); // the estimate is conservative
    expect(fake.stats.calcSuspendedSyncs).toBe(1);
    expect(fake.stats.screenSuspendedSyncs).toBe(1);
  });

  it('validates that workbook in 2 syncs, finding what the ExcelJS adapter finds in the same sheets', async () => {
    const office = new OfficeJsPort();
    await buildIntoWorkbook(office, { plan, fiscalYear, entries });
    await office.deleteSheets(['Sheet1']);
    const file = await excelJsFactory.create();
    await buildIntoWorkbook(file, { plan, fiscalYear, entries });

    const options = { file: '全課.xlsx', plan, fiscalYear, stage: 'year-end' as const };
    const { result, syncs } = await measure(() => validateWorkbook(office, options));
    expect(syncs).toBe(2);
    const reference = await validateWorkbook(file, options);
    expect(result.summary).toEqual(reference.summary);
    expect(result.summary.entries).toBe((await file.listSheets()).length);
    expect(findingKeys(result.findings)).toEqual(findingKeys(reference.findings));
  });

  it('writes the master view of a consolidation in 4 syncs (read, write, commit, freeze panes), the same view the ExcelJS adapter writes', async () => {
    const files = await buildDepartmentFiles(excelJsFactory, { plan, fiscalYear, entries });
    const inputs = files.map((f, i) => ({ file: f.fileName, modified: i, bytes: f.bytes }));
    const template = buildMasterTemplate({ plan, fiscalYear, title: TITLE });
    const office = new OfficeJsPort();
    await office.writeSheets(template.sheets);
    const writes: number[] = [];
    const target: WorkbookPort = Object.assign(Object.create(office) as OfficeJsPort, {
      writeSheets: async (...args: Parameters<WorkbookPort['writeSheets']>) =>
        void writes.push((await measure(() => office.writeSheets(...args))).syncs),
    });
    const run = () =>
      consolidate(plan, inputs, {
        factory: excelJsFactory,
        target,
        stage: 'year-end',
        fiscalYear,
        stamp: STAMP,
        title: TITLE,
      });
    const first = await measure(run);
    const again = await measure(run); // re-consolidation: the previous view is read (備考) and replaced
    expect(writes).toEqual([4, 4]);
    expect(first.syncs).toBeLessThanOrEqual(8);
    expect(again.syncs).toBeLessThanOrEqual(10);

    const reference = await excelJsFactory.create(template);
    await consolidate(plan, inputs, {
      factory: excelJsFactory,
      target: reference,
      stage: 'year-end',
      fiscalYear,
      stamp: STAMP,
      title: TITLE,
    });
    const names = (await reference.listSheets()).map((s) => s.name);
    expect((await office.listSheets()).map((s) => s.name)).toEqual(['Sheet1', ...names]);
    const [officeView, fileView] = await Promise.all([
      office.readSnapshot(names),
      reference.readSnapshot(names),
    ]);
    expect(officeView.sheets.map((s) => s.values)).toEqual(fileView.sheets.map((s) => s.values));
    expect(officeView.sheets.map((s) => s.merges)).toEqual(fileView.sheets.map((s) => s.merges));
  });
});

describe('sync budgets on a plan 10× the size of R2', () => {
  const big = scaledPlan(sample, 10);
  const options = { plan: big.plan, fiscalYear: sample.fiscalYear, entries: big.entries };

  it('builds its 650 sheets with the same syncs, chunked only by payload', async () => {
    const port = new OfficeJsPort();
    const { result: written, syncs, bytes } = await measure(() => buildIntoWorkbook(port, options));
    expect(written).toBeGreaterThan(600);
    expect(port.lastWriteChunks).toBeGreaterThan(1);
    expect(port.lastWriteChunks).toBeLessThan(written / 50);
    expect(syncs).toBe(3 + port.lastWriteChunks); // list, read, the chunks, commit
    expect(Math.max(...bytes)).toBeLessThanOrEqual(CHUNK_BYTES); // the estimate is conservative
  });

  it('validates the big workbook in 2 syncs', async () => {
    const port = new OfficeJsPort();
    const written = await buildIntoWorkbook(port, options);
    const { result, syncs } = await measure(() =>
      validateWorkbook(port, {
        file: '全課.xlsx',
        plan: big.plan,
        fiscalYear: sample.fiscalYear,
        stage: 'year-end',
      }),
    );
    expect(syncs).toBe(2);
    expect(result.summary.entries).toBe(written);
  });

  it('writes the big master view with the same syncs, chunked only by payload', async () => {
    const consolidation = consolidateEntries(big.plan, sourcesFromSpecs(big.plan, big.entries), {
      stamp: STAMP,
      fiscalYear: sample.fiscalYear,
      stage: 'year-end',
    });
    const view = buildMasterView({ consolidation, title: TITLE });
    const port = new OfficeJsPort();
    const { syncs, bytes } = await measure(() => port.writeSheets(view.sheets));
    expect(view.sheets.length).toBeGreaterThan(300);
    expect(port.lastWriteChunks).toBeLessThan(view.sheets.length / 50);
    expect(syncs).toBe(3 + port.lastWriteChunks); // read, the chunks, commit, freeze panes
    expect(Math.max(...bytes)).toBeLessThanOrEqual(CHUNK_BYTES); // the estimate is conservative
  });
});
