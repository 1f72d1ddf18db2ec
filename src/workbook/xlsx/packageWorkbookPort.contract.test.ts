import { describeWorkbookPortContract } from '../../../tests/contract/describeWorkbookPortContract';
import { fillOfCell, reopen, sheetOf } from '../../../tests/helpers/reopen';
import { contractSheet, contractWorkbook } from '../contract/portCases';
import type { FileWorkbookPort, WorkbookPort } from '../port';
import { PackageWorkbookPort } from './packageWorkbookPort';
import { writeXlsx } from './writeXlsx';

/** The fill as saved in the file, read by ExcelJS (an independent reader). */
async function fillOf(port: WorkbookPort, sheet: string, cell: string): Promise<string | null> {
  const workbook = await reopen(await (port as FileWorkbookPort).toBuffer());
  return fillOfCell(sheetOf(workbook, sheet).getCell(cell));
}

/**
 * The contract on an existing package: a saved workbook of one placeholder sheet is opened, the spec's sheets
 * are written into it and the placeholder deleted, so every part this port rewrites (workbook.xml, its
 * relationships, content types, styles appended to the old ones) is in play.
 */
async function create(spec = contractWorkbook()): Promise<PackageWorkbookPort> {
  const placeholder = contractSheet('元のシート');
  const bytes = await writeXlsx({ sheets: [placeholder], properties: spec.properties });
  const opened = await PackageWorkbookPort.open(bytes, 'existing.xlsx');
  if (!opened.ok || !opened.value) throw new Error('the placeholder workbook did not open');
  await opened.value.writeSheets(spec.sheets);
  await opened.value.deleteSheets([placeholder.name]);
  return opened.value;
}

describeWorkbookPortContract('PackageWorkbookPort (an existing package, updated)', create, { fillOf });

/**
 * The contract on the sheets a package already holds: the spec is saved, and the port opens it without writing
 * any sheet, so every mark and selection is laid on a kept sheet (its XML changed in place).
 */
async function kept(spec = contractWorkbook()): Promise<PackageWorkbookPort> {
  const opened = await PackageWorkbookPort.open(await writeXlsx(spec), 'kept.xlsx');
  if (!opened.ok || !opened.value) throw new Error('the workbook did not open');
  return opened.value;
}

describeWorkbookPortContract('PackageWorkbookPort (the sheets it keeps)', kept, { fillOf });
