import { describe, expect, it } from 'vitest';
import { validateWorkbook } from '../../src/app/validateWorkbook';
import { r2Sample } from '../../src/domain/sample/r2';
import { FileHost } from '../../src/taskpane/fileHost';
import { FilePort } from '../../src/taskpane/filePort';
import { excelJsFactory } from '../../src/workbook/exceljs/excelJsFactory';
import type { FileWorkbookFactory, FileWorkbookPort } from '../../src/workbook/port';
import { departmentFiles } from './support';

const { plan } = r2Sample();

/** The ExcelJS factory, counting the workbooks it opens and the ports closed. */
function countingFactory() {
  const count = { opened: 0, closed: 0 };
  const factory: FileWorkbookFactory = {
    create: (spec) => excelJsFactory.create(spec),
    open: async (bytes, file) => {
      count.opened++;
      const opened = await excelJsFactory.open(bytes, file);
      if (!opened.ok) return opened;
      const port = opened.value;
      const close = port.close.bind(port);
      port.close = async () => {
        count.closed++;
        await close();
      };
      return opened;
    },
  };
  return { count, loadFactory: async () => factory };
}

async function departmentFile() {
  const [file] = await departmentFiles();
  return file!;
}

async function filePort() {
  const file = await departmentFile();
  const { count, loadFactory } = countingFactory();
  const opened = FilePort.open(file.bytes, file.fileName, loadFactory);
  if (!opened.ok) throw new Error(opened.error.message);
  return { port: opened.value, count, file };
}

describe('a file opened in file mode stays bytes until written into', () => {
  it('検証 reads it without opening it in ExcelJS, with the findings of an ExcelJS-opened workbook', async () => {
    const { port, count, file } = await filePort();
    const options = { file: file.fileName, plan, stage: 'year-end' as const };
    const result = await port.validate(options);
    expect(count.opened).toBe(0);
    const opened = await excelJsFactory.open(file.bytes, file.fileName);
    expect(result).toEqual({
      ok: true,
      value: await validateWorkbook(opened.ok ? opened.value : (undefined as never), options),
    });
  });

  it('marking cells opens it once; clearing the marks closes it again and the file is its own bytes', async () => {
    const { port, count, file } = await filePort();
    const sheet = (await port.listSheets()).find((s) => s.name !== '目次')!.name;
    await port.markCells([{ sheet, cell: 'D3', severity: 'error' }]);
    await port.markCells([{ sheet, cell: 'D9', severity: 'warning' }]);
    expect({ opened: count.opened, open: port.isOpen }).toEqual({ opened: 1, open: true });
    expect(await port.toBuffer()).not.toEqual(file.bytes);
    await port.clearMarks();
    expect({ closed: count.closed, open: port.isOpen }).toEqual({ closed: 1, open: false });
    expect(await port.toBuffer()).toBe(file.bytes);
  });

  it('written into, it stays open when the marks are cleared, and closes with the port', async () => {
    const { port, count } = await filePort();
    await port.deleteSheets(['目次']);
    await port.clearMarks();
    expect({ open: port.isOpen, closed: count.closed }).toEqual({ open: true, closed: 0 });
    expect((await port.listSheets()).map((s) => s.name)).not.toContain('目次');
    await port.close();
    expect({ open: port.isOpen, closed: count.closed }).toEqual({ open: false, closed: 1 });
  });

  it("refuses what is not a workbook when opened, with the reader's reason", () => {
    const opened = FilePort.open(
      new TextEncoder().encode('a,b\n'),
      'memo.xlsx',
      countingFactory().loadFactory,
    );
    expect(opened.ok ? undefined : opened.error.code).toBe('file.not-xlsx');
  });

  it('opening another file closes the one open before', async () => {
    const file = await departmentFile();
    const closed: string[] = [];
    const initial = await excelJsFactory.create();
    const close = initial.close.bind(initial);
    (initial as FileWorkbookPort).close = async () => {
      closed.push('initial');
      await close();
    };
    const host = new FileHost({
      loadFactory: countingFactory().loadFactory,
      initial: { port: initial, name: 'a.xlsx' },
    });
    expect(await host.open({ file: file.fileName, modified: 0, bytes: file.bytes })).toEqual({
      ok: true,
      value: undefined,
    });
    expect(closed).toEqual(['initial']);
    expect(host.getSnapshot().port).toBeInstanceOf(FilePort);
  });
});
