#!/usr/bin/env node
// Print one filled 取組項目 sheet and the same sheet blank, as a department would print them, to PNG
// (docs/entry-sheet.png, docs/entry-sheet-blank.png): the R2 workbook of a department is built through the
// app layer, every other sheet is deleted through the adapter (a one-sheet workbook prints one sheet), and
// LibreOffice prints it to PDF (A4, the sheet's own print setup), which pdftoppm turns into a PNG.
// Usage: node tests/readers/render-sheet.mjs [sheet name] [output folder] (default: I-1-1-1 総務課, docs)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';
import { missingReaders, sofficeConvert } from './soffice.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
register({ tsconfig: join(ROOT, 'tsconfig.json') });
const { buildDepartmentFiles } = await import('../../src/app/buildWorkbooks.ts');
const { r2Sample } = await import('../../src/domain/sample/r2.ts');
const { excelJsFactory } = await import('../../src/workbook/exceljs/excelJsFactory.ts');

const missing = missingReaders();
if (missing.length > 0) {
  console.log(`SKIP: 印刷の確認に必要なツールがありません: ${missing.join(', ')}`);
  process.exit(process.env.CI === 'true' ? 1 : 0);
}

const sheet = process.argv[2] ?? 'I-1-1-1 総務課';
const outDir = resolve(process.argv[3] ?? join(ROOT, 'docs'));
const department = sheet.replace(/^\S+ /, '').replace(/ \(\d+\)$/, '');
const { plan, fiscalYear, entries } = r2Sample();
const tmp = mkdtempSync(join(tmpdir(), 'suishin-render-'));

/** The department's workbook reduced to one sheet, as .xlsx bytes. */
async function oneSheet(withEntries) {
  // A blank workbook has one sheet per item: `II-1-3-2 町民生活課 (3)` is printed from `II-1-3-2 町民生活課`.
  const keep = withEntries ? sheet : sheet.replace(/ \(\d+\)$/, '');
  const [file] = await buildDepartmentFiles(excelJsFactory, {
    plan,
    fiscalYear,
    departments: [department],
    ...(withEntries && { entries }),
  });
  const opened = await excelJsFactory.open(file.bytes, file.fileName);
  if (!opened.ok) throw new Error(opened.error.message);
  const names = (await opened.value.listSheets()).map((s) => s.name);
  if (!names.includes(keep)) throw new Error(`${file.fileName} has no sheet ${keep}: ${names.join(', ')}`);
  await opened.value.deleteSheets(names.filter((n) => n !== keep));
  return opened.value.toBuffer();
}

try {
  mkdirSync(outDir, { recursive: true });
  for (const [name, withEntries] of [
    ['entry-sheet', true],
    ['entry-sheet-blank', false],
  ]) {
    const xlsx = join(tmp, `${name}.xlsx`);
    writeFileSync(xlsx, await oneSheet(withEntries));
    const pdf = sofficeConvert('pdf', [xlsx], tmp);
    if (pdf.status !== 0) throw new Error(`soffice: ${pdf.output}`);
    const pages = /Pages:\s+(\d+)/.exec(
      spawnSync('pdfinfo', [join(tmp, `${name}.pdf`)], { encoding: 'utf8' }).stdout,
    )?.[1];
    const png = spawnSync('pdftoppm', [
      '-png',
      '-r',
      '110',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      join(tmp, `${name}.pdf`),
      join(tmp, name),
    ]);
    if (png.status !== 0) throw new Error(`pdftoppm: ${png.stderr}`);
    renameSync(join(tmp, `${name}.png`), join(outDir, `${name}.png`));
    console.log(
      `${join(outDir, `${name}.png`)}  「${sheet}」${withEntries ? '（R2の記入内容）' : '（未記入）'}  PDF ${pages} ページ`,
    );
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
