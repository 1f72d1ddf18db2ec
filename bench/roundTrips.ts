/**
 * Excel round trips (issue: benchmarks §1): syncs and request bytes per operation on the in-memory Excel,
 * for the R2 plan and a generated plan 10× its size: build, validate, consolidate-write. Beside each, the
 * syncs a cell-by-cell writer would need (one sync per cell written, the pattern Office.js guidance warns of).
 * Goal: ≤ 3 syncs per operation regardless of size, except chunking under the 5 MB request limit.
 * Usage: npx tsx bench/roundTrips.ts
 */
import { buildIntoWorkbook } from '../src/app/buildWorkbooks';
import { toSourceFile } from '../src/app/consolidate';
import { validateWorkbook } from '../src/app/validateWorkbook';
import { buildMasterView } from '../src/domain/consolidation/buildMasterView';
import { consolidateEntries } from '../src/domain/consolidation/consolidateEntries';
import type { Entry } from '../src/domain/entry/types';
import { extractWorkbook } from '../src/domain/extract/extractWorkbook';
import type { Plan } from '../src/domain/plan/types';
import { r2Sample } from '../src/domain/sample/r2';
import { buildDepartmentWorkbook } from '../src/domain/template/buildDepartmentWorkbook';
import { specToSnapshot } from '../src/domain/template/specToSnapshot';
import type { SheetSpec } from '../src/domain/template/sheetSpec';
import { installFakeExcel } from '../tests/officejs/fake/fakeExcel';
import { OfficeJsPort } from '../src/workbook/officejs/officeJsPort';
import { CHUNK_BYTES } from '../src/workbook/officejs/payload';
import { scaledPlan } from '../tests/helpers/scaledPlan';

const sample = r2Sample();
const MB = 1024 * 1024;

interface Row {
  readonly plan: string;
  readonly operation: string;
  readonly syncs: number;
  readonly chunks: number;
  readonly maxRequestMb: number;
  readonly totalMb: number;
  readonly cellByCell: number;
}

async function measure(fake: ReturnType<typeof installFakeExcel>, call: () => Promise<unknown>) {
  const from = fake.stats.requestBytes.length;
  await call();
  const bytes = fake.stats.requestBytes.slice(from);
  return { syncs: bytes.length, max: Math.max(...bytes), total: bytes.reduce((a, b) => a + b, 0) };
}

const cellsOf = (specs: readonly SheetSpec[]) => specs.reduce((n, s) => n + s.cells.length, 0);

async function run(label: string, plan: Plan, entries: readonly Entry[]): Promise<Row[]> {
  const fake = installFakeExcel();
  try {
    const rows: Row[] = [];
    const port = new OfficeJsPort();
    const specs = plan.departments.flatMap((department) =>
      buildDepartmentWorkbook({ plan, department, fiscalYear: sample.fiscalYear, entries }).sheets.filter(
        (s) => s.name !== '目次',
      ),
    );
    const build = await measure(fake, () =>
      buildIntoWorkbook(port, { plan, fiscalYear: sample.fiscalYear, entries }),
    );
    rows.push({
      plan: label,
      operation: 'build (all departments)',
      syncs: build.syncs,
      chunks: port.lastWriteChunks,
      maxRequestMb: build.max / MB,
      totalMb: build.total / MB,
      cellByCell: cellsOf(specs),
    });
    const validate = await measure(fake, () =>
      validateWorkbook(port, { file: 'book.xlsx', plan, stage: 'year-end' }),
    );
    rows.push({
      plan: label,
      operation: 'validate',
      syncs: validate.syncs,
      chunks: 1,
      maxRequestMb: validate.max / MB,
      totalMb: validate.total / MB,
      cellByCell: cellsOf(specs),
    });

    const sources = plan.departments.map((department, i) => {
      const file = `${department}.xlsx`;
      const spec = buildDepartmentWorkbook({ plan, department, fiscalYear: sample.fiscalYear, entries });
      return toSourceFile(
        { file, modified: i },
        extractWorkbook(
          { file, sheets: spec.sheets.map(specToSnapshot) },
          { file, plan, fiscalYear: sample.fiscalYear },
        ),
      );
    });
    const view = buildMasterView({
      consolidation: consolidateEntries(plan, sources, {
        stamp: '2021-04-30T09:00:00',
        fiscalYear: sample.fiscalYear,
        stage: 'year-end',
      }),
      title: '町政運営推進プラン',
    });
    const master = new OfficeJsPort();
    const write = await measure(fake, () => master.writeSheets(view.sheets));
    rows.push({
      plan: label,
      operation: 'consolidate: write master view',
      syncs: write.syncs,
      chunks: master.lastWriteChunks,
      maxRequestMb: write.max / MB,
      totalMb: write.total / MB,
      cellByCell: cellsOf(view.sheets),
    });
    return rows;
  } finally {
    fake.uninstall();
  }
}

const ten = scaledPlan(sample, 10);
const rows = [
  ...(await run('R2 (21 items, 37 entries)', sample.plan, sample.entries)),
  ...(await run('10× (210 items, 370 entries)', ten.plan, ten.entries)),
];
console.log(
  '| plan | operation | syncs | write chunks | largest request MB | total MB | cell-by-cell syncs |',
);
console.log('|---|---|---|---|---|---|---|');
for (const r of rows)
  console.log(
    `| ${r.plan} | ${r.operation} | ${r.syncs} | ${r.chunks} | ${r.maxRequestMb.toFixed(2)} | ${r.totalMb.toFixed(2)} | ${r.cellByCell.toLocaleString('en')} |`,
  );
// Goal: at most 3 syncs beyond the write chunks the 5 MB limit forces (one list + one read + chunks).
const failures = rows.filter((r) => r.syncs - r.chunks > 2 || r.maxRequestMb * MB > CHUNK_BYTES);
if (failures.length > 0) {
  console.log(
    `\nGoals missed: ${failures.map((r) => `${r.plan} ${r.operation}: ${r.syncs} syncs, ${r.chunks} chunks`).join('; ')}`,
  );
  process.exitCode = 1;
} else console.log('\nAll goals met: syncs are constant except the chunks the 5 MB request limit forces.');
