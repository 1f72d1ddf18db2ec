import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The module list the production build writes (webpack.config.js, ModuleList), next to dist/. */
const root = resolve(import.meta.dirname, '../..');
const listFile = resolve(root, 'out/webpack/modules.json');
const list = JSON.parse(readFileSync(listFile, 'utf8')) as {
  chunks: { name: string; files: string[]; modules: string[] }[];
};
const all = list.chunks.flatMap((c) => c.modules.map((m) => ({ chunk: c.name, module: m })));

describe('the production bundle (webpack stats of the build the e2e tests run on)', () => {
  it('was listed by the build that made dist/', () => {
    expect(statSync(listFile).mtimeMs).toBeGreaterThanOrEqual(
      statSync(resolve(root, 'dist/taskpane.html')).mtimeMs - 60_000,
    );
  });

  it('holds the pane’s own modules (the list is not empty)', () => {
    expect(all.some((m) => m.module === 'src/taskpane/index.tsx')).toBe(true);
    expect(all.some((m) => m.module === 'src/workbook/contract/portCases.ts')).toBe(true);
  });

  it('holds no module from tests/ (the Office.js fake, the contract’s vitest wrapper) and no vitest', () => {
    expect(
      all.filter((m) => m.module.startsWith('tests/') || m.module.includes('node_modules/vitest/')),
    ).toEqual([]);
  });

  it('loads ExcelJS only when a file needs it: its chunks are apart from the worker’s file factory', () => {
    const holding = (test: (module: string) => boolean) =>
      [...new Set(all.filter((m) => test(m.module)).map((m) => m.chunk))].sort();
    expect(holding((m) => m.startsWith('node_modules/exceljs/'))).toEqual(['exceljs-dist']);
    // Imported statically, the adapter would sit in the factory's own chunk (as it did before issue 14).
    expect(holding((m) => m === 'src/workbook/exceljs/excelJsFactory.ts')).toEqual(['exceljs-fallback']);
    expect(holding((m) => m === 'src/workbook/exceljs/fileFactory.ts')).not.toContain('exceljs-fallback');
  });

  it('keeps the self-test out of the first screen: its cases load in a chunk of their own', () => {
    const initial = list.chunks.filter((c) => ['taskpane', 'react', 'vendors'].includes(c.name));
    expect(initial.length).toBeGreaterThan(0);
    expect(initial.flatMap((c) => c.modules).filter((m) => m.startsWith('src/workbook/contract/'))).toEqual(
      [],
    );
  });
});
