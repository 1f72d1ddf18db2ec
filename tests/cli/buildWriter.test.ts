import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDepartmentFiles, buildMasterTemplateFile } from '../../src/app/buildWorkbooks';
import { nodeZipCodec } from '../../src/cli/nodeZipCodec';
import { r2Sample } from '../../src/domain/sample/r2';
import { fileFactory } from '../../src/workbook/exceljs/fileFactory';
import type { FileWorkbookFactory } from '../../src/workbook/port';
import { compressionStreamCodec } from '../../src/workbook/xlsx/compressionStreamCodec';
import { SpecWorkbookPort } from '../../src/workbook/xlsx/specWorkbookPort';
import type { ZipCodec } from '../../src/workbook/xlsx/zipWriter';
import { runCli, tempDir } from './runCli';

/** The own spec writer alone, with nothing else around it. */
const specWriter = (codec?: ZipCodec): FileWorkbookFactory => ({
  create: (spec) => SpecWorkbookPort.create(spec, codec),
  open: () => Promise.reject(new Error('not used: building only creates')),
});

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
beforeAll(async () => ({ dir, cleanup } = await tempDir()));
afterAll(() => cleanup());

describe('one file writer for built workbooks (issue 14)', () => {
  it('suishin build writes each department workbook and the master template with the own spec writer', async () => {
    const r = await runCli(dir, 'build', '--plan', 'sample:r2', '--out', 'out', '--master', '--year', 'R2');
    expect(r.code).toBe(0);
    const { plan, form } = r2Sample();
    const input = { plan, fiscalYear: 2020, title: r2Sample().planTitle, form };
    const expected = await buildDepartmentFiles(specWriter(nodeZipCodec), input);
    expect(expected.length).toBe(plan.departments.length);
    for (const f of expected)
      expect(new Uint8Array(await readFile(join(dir, 'out', f.fileName))), f.fileName).toEqual(f.bytes);
    expect(new Uint8Array(await readFile(join(dir, 'out', '全体計画.xlsx')))).toEqual(
      await buildMasterTemplateFile(specWriter(nodeZipCodec), input),
    );
  });

  it("the pane's fileFactory builds a department workbook with the same writer", async () => {
    const { plan, form } = r2Sample();
    const input = { plan, fiscalYear: 2020, title: 'T', form, departments: ['総務課'] };
    const [pane] = await buildDepartmentFiles(fileFactory, input);
    const [own] = await buildDepartmentFiles(specWriter(compressionStreamCodec()), input);
    expect(pane!.bytes).toEqual(own!.bytes);
  });
});
