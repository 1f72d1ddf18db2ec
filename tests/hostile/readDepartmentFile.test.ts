import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDepartmentFile } from '../../src/app/readDepartmentFile';
import {
  readSnapshot,
  readWorkbook,
  validateSnapshot,
  validateWorkbook,
} from '../../src/app/validateWorkbook';
import { r2Sample } from '../../src/domain/sample/r2';
import { excelJsFactory } from '../../src/workbook/exceljs/excelJsFactory';
import { r2FilledFiles } from '../cli/runCli';
import { baseWorkbook, CASES, type Base, type HostileCase } from '../fixtures/hostile/cases';
import { FILES_DIR } from '../fixtures/hostile/generate';
import { entryLabel, findingLabel } from './libraryOutcome';

/**
 * One reader: readDepartmentFile (the bounded reader, no workbook kept open) then readSnapshot /
 * validateSnapshot gives what opening the file with ExcelJS then readWorkbook / validateWorkbook gave —
 * the same refusal (code and message), the same entries, the same findings in the same order — on every
 * file of the hostile corpus and on the 8 filled R2 department files.
 */

const { plan, fiscalYear } = r2Sample();
let base: Base;
beforeAll(async () => {
  base = await baseWorkbook();
}, 60_000);

interface Reading {
  readonly rejection?: { code: string; message: string };
  readonly entries?: readonly string[];
  readonly extractFindings?: readonly string[];
  readonly findings?: readonly string[];
  readonly summary?: unknown;
  readonly planSource?: string;
}

async function throughExcelJs(bytes: Uint8Array, file: string, withPlan: boolean): Promise<Reading> {
  const opened = await excelJsFactory.open(bytes, file);
  if (!opened.ok) return { rejection: { code: opened.error.code, message: opened.error.message } };
  const options = { file, fiscalYear, ...(withPlan && { plan }) };
  const read = await readWorkbook(opened.value, options);
  const validated = await validateWorkbook(opened.value, { ...options, stage: 'year-end' });
  return {
    entries: read.extraction.entries.map((e) => entryLabel(e.entry)),
    extractFindings: read.extraction.findings.map(findingLabel),
    findings: validated.findings.map(findingLabel),
    summary: validated.summary,
    planSource: validated.planSource,
  };
}

async function throughOneReader(bytes: Uint8Array, file: string, withPlan: boolean): Promise<Reading> {
  const read = await readDepartmentFile(bytes, file);
  if (!read.ok) return { rejection: { code: read.error.code, message: read.error.message } };
  const options = { file, fiscalYear, ...(withPlan && { plan }) };
  const extracted = readSnapshot(read.value, options);
  const validated = validateSnapshot(read.value, { ...options, stage: 'year-end' });
  return {
    entries: extracted.extraction.entries.map((e) => entryLabel(e.entry)),
    extractFindings: extracted.extraction.findings.map(findingLabel),
    findings: validated.findings.map(findingLabel),
    summary: validated.summary,
    planSource: validated.planSource,
  };
}

const bytesOf = async (c: HostileCase): Promise<Uint8Array> =>
  c.atTestTime ? c.build(base) : new Uint8Array(await readFile(join(FILES_DIR, c.file)));

describe('readDepartmentFile + validateSnapshot gives the findings ExcelJS + validateWorkbook gave', () => {
  it.each(CASES.map((c) => [c.id, c] as const))(
    'hostile case %s (with the R2 体系 given)',
    async (_id, c) => {
      const bytes = await bytesOf(c);
      const file = c.givenAs ?? c.file;
      expect(await throughOneReader(bytes, file, true)).toEqual(await throughExcelJs(bytes, file, true));
    },
  );

  it('every filled R2 department file, with the 体系 given and without (its own 体系 sheet, or none)', async () => {
    for (const f of await r2FilledFiles())
      for (const withPlan of [true, false])
        expect(
          await throughOneReader(f.bytes, f.fileName, withPlan),
          `${f.fileName} plan=${withPlan}`,
        ).toEqual(await throughExcelJs(f.bytes, f.fileName, withPlan));
  }, 60_000);
});
