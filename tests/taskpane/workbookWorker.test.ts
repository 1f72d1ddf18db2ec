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
import { SpecWorkbookPort } from '../../src/workbook/xlsx/specWorkbookPort';
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
    const cli = await run(await SpecWorkbookPort.create());
    expect(Buffer.from(pane).equals(Buffer.from(cli))).toBe(true);
    const read = await readXlsxSnapshot(pane, 'master.xlsx', { sheets: ['全体計画'] });
    expect(read.ok && read.value.sheets[0]!.name).toBe('全体計画');
  }, 60_000);

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
