import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { STANDARD_FORM } from '../../domain/entry/formDefinition';
import { r2Sample } from '../../domain/sample/r2';
import { buildDepartmentWorkbook } from '../../domain/template/buildDepartmentWorkbook';
import { entryAutoHeightRows } from '../../domain/template/buildEntrySheet';
import { TOC_SHEET_NAME } from '../../domain/template/sheetName';
import { writeXlsx } from '../xlsx/writeXlsx';
import { excelJsFactory } from './excelJsFactory';

/**
 * ExcelJS reads a row's height and writes it back with customHeight="1": without the entry-sheet marking,
 * an entry sheet opened and saved again (cells marked in file mode, a master updated by the CLI) would stop
 * growing with its text in Excel. Read from the sheet XML, as Excel reads it.
 */
const { plan, entries } = r2Sample();
const spec = buildDepartmentWorkbook({ plan, department: '総務課', fiscalYear: 2020, entries });
const entrySheet = spec.sheets.find((s) => s.name !== TOC_SHEET_NAME)?.name ?? '';
const TEXT_ROWS = entryAutoHeightRows(STANDARD_FORM).map((r) => r + 1);

/** A worksheet's XML, found by its name through workbook.xml and its relationships. */
function sheetXml(bytes: Uint8Array, name: string): string {
  const parts = unzipSync(bytes);
  const text = (part: string): string => {
    const data = parts[part];
    if (!data) throw new Error(`no part ${part}`);
    return strFromU8(data);
  };
  const rId = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(text('xl/workbook.xml'))?.[1];
  const target = new RegExp(`Id="${rId}"[^>]*Target="([^"]+)"`).exec(text('xl/_rels/workbook.xml.rels'))?.[1];
  return text(`xl/${(target ?? '').replace(/^\/?xl\//, '')}`);
}

/** 1-based row → 'auto' (a height without customHeight), 'fixed' (with it) or 'default' (no height). */
const rowFlags = (xml: string): Record<number, 'auto' | 'fixed' | 'default'> =>
  Object.fromEntries(
    [...xml.matchAll(/<row r="(\d+)"([^>]*)>/g)].map((m) => [
      Number(m[1]),
      !/ ht="/.test(m[2] ?? '') ? 'default' : /customHeight="1"/.test(m[2] ?? '') ? 'fixed' : 'auto',
    ]),
  );

async function openMarkSave(bytes: Uint8Array): Promise<Uint8Array> {
  const opened = await excelJsFactory.open(bytes, '総務課.xlsx');
  if (!opened.ok) throw new Error('cannot open');
  await opened.value.markCells([{ sheet: entrySheet, cell: 'D3', severity: 'warning' }]);
  return opened.value.toBuffer();
}

const SOURCES = [
  ['built by the own writer', () => writeXlsx(spec)],
  ['built by ExcelJS', async () => (await excelJsFactory.create(spec)).toBuffer()],
  ['saved through ExcelJS once already', async () => openMarkSave(await writeXlsx(spec))],
] as const;

describe('an entry sheet opened and saved through ExcelJS', () => {
  it('has text rows to check (the form has text inputs)', () => expect(TEXT_ROWS.length).toBeGreaterThan(3));

  it.each(SOURCES)('%s: its text rows are written without customHeight again', async (_name, build) => {
    const flags = rowFlags(sheetXml(await openMarkSave(await build()), entrySheet));
    expect(TEXT_ROWS.map((r) => [r, flags[r]])).toEqual(TEXT_ROWS.map((r) => [r, 'auto']));
  });

  it.each(SOURCES)('%s: every other row keeps its fixed height', async (_name, build) => {
    const flags = rowFlags(sheetXml(await openMarkSave(await build()), entrySheet));
    const others = Object.entries(flags).filter(([r]) => !TEXT_ROWS.includes(Number(r)));
    expect(others.length).toBeGreaterThan(0);
    expect(others.filter(([, f]) => f === 'auto')).toEqual([]);
  });

  it('a sheet without Suishin metadata (the 目次) keeps every height it has fixed', async () => {
    const flags = rowFlags(sheetXml(await openMarkSave(await writeXlsx(spec)), TOC_SHEET_NAME));
    expect(Object.values(flags)).toContain('fixed');
    expect(Object.values(flags).filter((f) => f === 'auto')).toEqual([]);
  });
});
