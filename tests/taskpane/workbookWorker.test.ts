import { describe, expect, it } from 'vitest';
import { consolidate } from '../../src/app/consolidate';
import { readDepartmentFile } from '../../src/app/readDepartmentFile';
import { validateSnapshot } from '../../src/app/validateWorkbook';
import { r2Sample } from '../../src/domain/sample/r2';
import { DEFAULT_PLAN_TITLE } from '../../src/domain/template/buildDepartmentWorkbook';
import { buildMasterTemplate } from '../../src/domain/template/buildMasterTemplate';
import type { WorkerRequest, WorkerResponse } from '../../src/taskpane/workerProtocol';
import { excelJsFactory } from '../../src/workbook/exceljs/excelJsFactory';
import { readXlsxSnapshot } from '../../src/workbook/xlsx/readXlsxSnapshot';
import { compressionStreamCodec } from '../../src/workbook/xlsx/compressionStreamCodec';
import { SpecWorkbookPort } from '../../src/workbook/xlsx/specWorkbookPort';
import { PackageWorkbookPort } from '../../src/workbook/xlsx/packageWorkbookPort';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { departmentFiles } from './support';

/**
 * The pane's workbook worker, run in this thread: workbookWorker.ts is imported with `self` standing for the
 * worker scope, and the page side (workerFactory) talks to it through a Worker whose messages are cloned as
 * postMessage clones them. Every request the page sends is recorded. One worker for the file (the module
 * binds `self` when it loads); each test clears the record first.
 */
let started: ReturnType<typeof startWorker> | undefined;
async function inThreadWorker() {
  started ??= startWorker();
  const worker = await started;
  worker.sent.length = 0;
  return worker;
}

async function startWorker() {
  const sent: WorkerRequest['op'][] = [];
  const scope: {
    onmessage: ((event: { data: WorkerRequest }) => void) | null;
    postMessage: (message: WorkerResponse) => void;
  } = { onmessage: null, postMessage: () => undefined };
  const worker = {
    onmessage: null as ((event: { data: WorkerResponse }) => void) | null,
    onerror: null,
    postMessage(request: WorkerRequest) {
      sent.push(request.op);
      scope.onmessage?.({ data: structuredClone(request) });
    },
    terminate: () => undefined,
  };
  scope.postMessage = (message) => worker.onmessage?.({ data: structuredClone(message) });
  (globalThis as { self?: unknown }).self = scope;
  await import('../../src/taskpane/workbookWorker');
  const { workerFactory } = await import('../../src/taskpane/workerFactory');
  return { factory: await workerFactory(worker as unknown as Worker), sent };
}

const { plan, fiscalYear } = r2Sample();

describe("the pane's worker reads department files with the one reader and keeps none of them", () => {
  it('consolidating reads each file with readSnapshot (no ExcelJS open), the same snapshot as readDepartmentFile', async () => {
    const { factory, sent } = await inThreadWorker();
    const files = await departmentFiles();
    const [first] = files;
    expect(await factory.readSnapshot(first!.bytes, first!.fileName)).toEqual(
      await readDepartmentFile(first!.bytes, first!.fileName),
    );
    const master = await excelJsFactory.create(
      buildMasterTemplate({ plan, fiscalYear, title: DEFAULT_PLAN_TITLE }),
    );
    sent.length = 0;
    const result = await consolidate(
      plan,
      files.map((f) => ({ file: f.fileName, modified: 0, bytes: f.bytes })),
      {
        factory,
        target: master,
        stage: 'year-end',
        fiscalYear,
        stamp: '2021-03-31T17:05:09',
        title: DEFAULT_PLAN_TITLE,
      },
    );
    expect(result.rejected).toBe(0);
    expect(sent).toEqual(files.map(() => 'readSnapshot'));
  }, 60_000);

  it('reads only the sheets asked for, as readDepartmentFile does', async () => {
    const { factory, sent } = await inThreadWorker();
    const [file] = await departmentFiles();
    const read = await factory.readSnapshot(file!.bytes, file!.fileName, ['目次']);
    expect(read.ok && read.value.sheets.map((s) => s.name)).toEqual(['目次']);
    expect(read).toEqual(await readDepartmentFile(file!.bytes, file!.fileName, ['目次']));
    expect(sent).toEqual(['readSnapshot']);
  });

  it.each([
    ['a department file', async () => (await departmentFiles())[0]!],
    [
      'bytes that are not a workbook',
      async () => ({ fileName: 'memo.xlsx', bytes: new TextEncoder().encode('a,b\n1,2\n') }),
    ],
  ])('validateBytes on %s answers what readDepartmentFile + validateSnapshot answer', async (_name, file) => {
    const { factory } = await inThreadWorker();
    const { bytes, fileName } = await file();
    const options = { file: fileName, plan, stage: 'year-end' as const };
    const read = await readDepartmentFile(bytes, fileName);
    expect(await factory.validateBytes(bytes, options)).toEqual(
      read.ok ? { ok: true, value: validateSnapshot(read.value, options) } : read,
    );
  });

  it("the new master the pane consolidates into is written by the CLI's writer: the same bytes as a SpecWorkbookPort's", async () => {
    const { factory } = await inThreadWorker();
    const sources = (await departmentFiles()).map((f) => ({ file: f.fileName, modified: 0, bytes: f.bytes }));
    const run = async (target: Awaited<ReturnType<typeof factory.create>>) => {
      await consolidate(plan, sources, {
        factory,
        target,
        stage: 'year-end',
        fiscalYear,
        stamp: '2021-03-31T17:05:09',
        title: DEFAULT_PLAN_TITLE,
      });
      await target.selectCell('全体計画', 'B4');
      const bytes = await target.toBuffer();
      await target.close();
      return bytes;
    };
    // As useConsolidateTab in file mode with no file open: host.ensureWorkbook → the worker's create().
    const pane = await run(await factory.create());
    const cli = await run(await SpecWorkbookPort.create(undefined, compressionStreamCodec()));
    expect(Buffer.from(pane).equals(Buffer.from(cli))).toBe(true);
    const read = await readXlsxSnapshot(pane, 'master.xlsx', { sheets: ['全体計画'] });
    expect(read.ok && read.value.sheets[0]!.name).toBe('全体計画');
  }, 60_000);

  it.skipIf(spawnSync('/usr/bin/python3', ['-c', 'import openpyxl']).status !== 0)(
    "a master 総務課 edited (openpyxl) and consolidated again in the pane keeps the edits: the CLI's path, the same bytes",
    async () => {
      const { factory } = await inThreadWorker();
      const sources = (await departmentFiles()).map((f) => ({
        file: f.fileName,
        modified: 0,
        bytes: f.bytes,
      }));
      const options = {
        stage: 'year-end' as const,
        fiscalYear,
        stamp: '2021-03-31T17:05:09',
        title: DEFAULT_PLAN_TITLE,
      };
      const first = await SpecWorkbookPort.create(
        buildMasterTemplate({ plan, fiscalYear, title: DEFAULT_PLAN_TITLE }),
      );
      await consolidate(plan, sources, { factory, target: first, ...options });
      const dir = mkdtempSync(join(tmpdir(), 'suishin-pane-master-'));
      try {
        const path = join(dir, 'master.xlsx');
        writeFileSync(path, await first.toBuffer());
        const py = (script: string) => {
          const run = spawnSync('/usr/bin/python3', ['-c', script, path], { encoding: 'utf8' });
          if (run.status !== 0) throw new Error(run.stderr);
          return run.stdout;
        };
        const code = JSON.parse(
          py(`
import sys, json, openpyxl
from openpyxl.styles import PatternFill
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['全体計画']
row = next(r for r in range(1, ws.max_row + 1) if str(ws.cell(r, 1).value or '').startswith('I-'))  # the first entry's row
for c in range(1, 4):
    ws.cell(row, c).fill = PatternFill('solid', fgColor='FFFFFF00')
ws.column_dimensions['C'].width = 51
wb.create_sheet('メモ')['A1'] = '来年度の課題'
wb.save(sys.argv[1])
print(json.dumps(ws.cell(row, 1).value))
`),
        ) as string;
        const edited = new Uint8Array(readFileSync(path));

        // The pane: the file opened in the worker (FilePort opens it there to write), consolidated, saved.
        const opened = await factory.open(edited, 'master.xlsx');
        if (!opened.ok) throw new Error(opened.error.message);
        await consolidate(plan, sources, { factory, target: opened.value, ...options });
        const pane = await opened.value.toBuffer();
        await opened.value.close();
        // The CLI's path (openMaster), with the pane's codec in place of Node's zlib.
        const codec = compressionStreamCodec();
        const cli = await PackageWorkbookPort.open(edited, 'master.xlsx', { ...(codec && { codec }) });
        if (!cli.ok || !cli.value) throw new Error('the CLI path did not open the master');
        await consolidate(plan, sources, { factory, target: cli.value, ...options });
        expect(Buffer.from(pane).equals(Buffer.from(await cli.value.toBuffer()))).toBe(true);

        writeFileSync(path, pane);
        const after = JSON.parse(
          py(`
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['全体計画']
row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == ${JSON.stringify(code)})
print(json.dumps({'sheets': wb.sheetnames, 'fills': [ws.cell(row, c).fill.fgColor.rgb for c in range(1, 4)], 'widthC': ws.column_dimensions['C'].width, 'memo': wb['メモ']['A1'].value}))
`),
        ) as { sheets: string[] };
        expect(after).toMatchObject({
          fills: ['FFFFFF00', 'FFFFFF00', 'FFFFFF00'],
          widthC: 51,
          memo: '来年度の課題',
        });
        expect(after.sheets).toContain('全体計画');
        const read = await readXlsxSnapshot(pane, 'master.xlsx', { sheets: ['全体計画', 'メモ'] });
        expect(read.ok && read.value.sheets.map((s) => s.name)).toEqual(['全体計画', 'メモ']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    60_000,
  );

  it('a closed port is released in the worker at once: using it again fails there', async () => {
    const { factory, sent } = await inThreadWorker();
    const port = await factory.create();
    await port.close();
    expect(sent.at(-1)).toBe('release');
    await expect(port.listSheets()).rejects.toThrow(/is not open in the worker/);
  });
});

describe('closing a file port', () => {
  it('drops the ExcelJS workbook: nothing can be read through the port afterwards', async () => {
    const port = await excelJsFactory.create(
      buildMasterTemplate({ plan, fiscalYear, title: DEFAULT_PLAN_TITLE }),
    );
    expect((await port.listSheets()).length).toBeGreaterThan(0);
    await port.close();
    await expect(port.listSheets()).rejects.toThrow(/is closed/);
  });
});
