import { afterEach, describe, expect, it } from 'vitest';
// eslint-disable-next-line no-restricted-imports -- compares the adapters through the real validate use case
import { validateWorkbook } from '../../app/validateWorkbook';
import { r2Sample } from '../../domain/sample/r2';
import { buildDepartmentWorkbook } from '../../domain/template/buildDepartmentWorkbook';
import { contractSheet } from '../contract/portCases';
import { MARK_FILLS } from '../markFills';
import { effectiveFormat } from '../../../tests/officejs/fake/document';
import { OfficeJsPort } from './officeJsPort';
import { CHUNK_BYTES } from './payload';
import { installFresh, type InstalledFake } from '../../../tests/officejs/testPort';

let fake: InstalledFake;
afterEach(() => fake.uninstall());

const sample = r2Sample();
const department = sample.plan.departments[0] ?? '';
const { sheets } = buildDepartmentWorkbook({
  plan: sample.plan,
  department,
  fiscalYear: sample.fiscalYear,
  entries: sample.entries,
});

/** The same sheets written and read on a Microsoft 365 host and on an ExcelApi 1.8 host (Excel 2019). */
async function writeAndRead(excelApi: string) {
  fake = installFresh(excelApi);
  const port = new OfficeJsPort();
  await port.writeSheets(sheets);
  const snapshot = await port.readSnapshot();
  const validation = await validateWorkbook(port, {
    file: 'x.xlsx',
    plan: sample.plan,
    fiscalYear: sample.fiscalYear,
    stage: 'year-end',
  });
  const entry = sheets[1] as (typeof sheets)[number];
  const label = entry.cells.find((c) => c.style === 'label') ?? { row: 0, column: 0 };
  const input = entry.validations[0]?.range ?? { top: 0, left: 0 };
  const paths = [
    'fill.color',
    'font.bold',
    'font.size',
    'borders.EdgeTop.style',
    'borders.EdgeLeft.style',
    'wrapText',
  ];
  const state = {
    pageLayout: fake.sheet(entry.name).pageLayout,
    screenSuspended: fake.stats.screenSuspendedSyncs,
    formats: [
      ...paths.map((path) => effectiveFormat(fake.sheet(entry.name), label.row, label.column, path)),
      effectiveFormat(fake.sheet(entry.name), input.top, input.left, 'protection.locked'),
    ],
  };
  fake.uninstall();
  return { snapshot, validation, state };
}

describe('on ExcelApi 1.8 (Excel 2019): what the adapter leaves out or reads another way', () => {
  it('writes everything but the print setup, and reads the same values and formula cells, but no merges', async () => {
    const modern = await writeAndRead('1.17');
    const old = await writeAndRead('1.8');
    expect(modern.state.pageLayout).toMatchObject({ paperSize: 'A4' });
    expect(old.state.pageLayout).toEqual({});
    expect(old.state.screenSuspended).toBe(0);
    expect(old.state.formats).toEqual(modern.state.formats); // range by range instead of RangeAreas
    expect(modern.state.formats).toEqual(['#DDEBF7', true, 10.5, 'Continuous', 'Continuous', true, false]);
    expect(old.snapshot.sheets.map((s) => s.values)).toEqual(modern.snapshot.sheets.map((s) => s.values));
    expect(old.snapshot.sheets.map((s) => s.formulaCells)).toEqual(
      modern.snapshot.sheets.map((s) => s.formulaCells),
    );
    expect(old.snapshot.sheets.flatMap((s) => s.merges)).toEqual([]); // getMergedAreasOrNullObject is ExcelApi 1.13
    // Label-anchored reading does not need the merges: the same entries and findings either way.
    expect(old.validation.summary).toEqual(modern.validation.summary);
    expect(old.validation.findings).toEqual(modern.validation.findings);
    fake = installFresh(); // for afterEach
  });

  it('formats range by range without RangeAreas: more to send than with them, still in requests under the limit', async () => {
    const all = sample.plan.departments.flatMap((d) =>
      buildDepartmentWorkbook({
        plan: sample.plan,
        department: d,
        fiscalYear: sample.fiscalYear,
        entries: sample.entries,
      }).sheets.filter((s) => s.name !== '目次'),
    );
    const sent = async (excelApi: string) => {
      const host = installFresh(excelApi);
      try {
        await new OfficeJsPort().writeSheets(all);
        return [...host.stats.requestBytes];
      } finally {
        host.uninstall();
      }
    };
    const total = (bytes: number[]) => bytes.reduce((a, b) => a + b, 0);
    const modern = await sent('1.17');
    const old = await sent('1.8');
    expect(total(old)).toBeGreaterThan(total(modern));
    expect(Math.max(...old)).toBeLessThanOrEqual(CHUNK_BYTES);
    fake = installFresh(); // for afterEach
  });

  it('tells a formula from text that looks like one without special cells (text format)', async () => {
    fake = installFresh('1.8');
    const port = new OfficeJsPort();
    await port.writeSheets([
      contractSheet('A', {
        cells: [
          { row: 0, column: 0, value: '=SUM(B1:B3)' },
          { row: 1, column: 0, formula: 'SUM(B1:B3)' },
        ],
      }),
    ]);
    const [sheet] = (await port.readSnapshot(['A'])).sheets;
    expect(sheet?.formulaCells).toEqual(['A2']);
    expect(sheet?.values[0]).toEqual(['=SUM(B1:B3)']);
  });

  it('restores fills without fill.pattern: white reads as no fill', async () => {
    fake = installFresh('1.8');
    const port = new OfficeJsPort();
    await port.writeSheets([
      contractSheet('A', {
        styles: { yellow: { fill: '#FFFF00' } },
        cells: [
          { row: 0, column: 0, value: 'x' },
          { row: 1, column: 0, value: 'y', style: 'yellow' },
        ],
      }),
    ]);
    fake.resetStats();
    await port.markCells([
      { sheet: 'A', cell: 'A1', severity: 'error' },
      { sheet: 'A', cell: 'A2', severity: 'info' },
    ]);
    expect(fake.stats.syncs).toBe(2);
    expect([fake.fill('A', 'A1'), fake.fill('A', 'A2')]).toEqual([MARK_FILLS.error, MARK_FILLS.info]);
    await port.clearMarks();
    expect([fake.fill('A', 'A1'), fake.fill('A', 'A2')]).toEqual([null, '#FFFF00']);
  });
});
