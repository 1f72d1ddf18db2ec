import { stat } from 'node:fs/promises';
import type { Plan } from '../domain/plan/types';
import { buildMasterTemplate } from '../domain/template/buildMasterTemplate';
import type { FileWorkbookPort } from '../workbook/port';
import { MASTER_READ_LIMITS } from '../workbook/readLimits';
import { PackageWorkbookPort } from '../workbook/xlsx/packageWorkbookPort';
import { SpecWorkbookPort } from '../workbook/xlsx/specWorkbookPort';
import type { InputPath } from './expandInputs';
import { nodeZipCodec } from './nodeZipCodec';
import { readInputFile } from './readInputFile';

export interface MasterRequest {
  readonly plan: Plan;
  readonly out: InputPath;
  readonly fiscalYear: number;
  readonly title: string;
}

export type OpenedMaster =
  | {
      readonly ok: true;
      readonly port: FileWorkbookPort;
      readonly created: boolean;
      /**
       * How the master is written: a new one straight from specs; an existing one by the same writer keeping
       * its package (PackageWorkbookPort: a macro-enabled master or a template too, its macros kept), or
       * through ExcelJS when its package is in a shape that port does not rewrite (PackageWorkbookPort.open).
       */
      readonly writer: 'specs' | 'package' | 'exceljs';
    }
  | { readonly ok: false; readonly message: string };

/**
 * The master workbook to consolidate into. A new master is written straight from specs (fast, and flat in
 * memory however many report sheets it holds). An existing one is updated by the same writer: its parts are
 * kept as they are but the sheets Suishin writes again, Suishin's styles are appended to its own, so whatever
 * 総務課 added (sheets, fills, widths) stays (PackageWorkbookPort). A large master (one report sheet per
 * entry) is past a department file's read limits, so it is read under MASTER_READ_LIMITS.
 */
export async function openMaster(request: MasterRequest): Promise<OpenedMaster> {
  const exists = await stat(request.out.path).then(
    () => true,
    () => false,
  );
  if (!exists) {
    const template = buildMasterTemplate({
      plan: request.plan,
      fiscalYear: request.fiscalYear,
      title: request.title,
    });
    return {
      ok: true,
      port: await SpecWorkbookPort.create(template, nodeZipCodec),
      created: true,
      writer: 'specs',
    };
  }

  const read = await readInputFile(request.out.path, request.out.display);
  if (!read.ok) return { ok: false, message: `集約先を開けません: ${read.error}` };
  const opened = await PackageWorkbookPort.open(read.value.bytes, request.out.display, {
    limits: MASTER_READ_LIMITS,
    codec: nodeZipCodec,
  });
  if (!opened.ok) return { ok: false, message: `集約先を開けません: ${opened.error.message}` };
  if (opened.value) return { ok: true, port: opened.value, created: false, writer: 'package' };
  // ExcelJS is loaded only here, for the rare master the own writer declines.
  const { excelJsFactory } = await import('../workbook/exceljs/excelJsFactory');
  const viaExcelJs = await excelJsFactory.open(read.value.bytes, request.out.display);
  return viaExcelJs.ok
    ? { ok: true, port: viaExcelJs.value, created: false, writer: 'exceljs' }
    : { ok: false, message: `集約先を開けません: ${viaExcelJs.error.message}` };
}
