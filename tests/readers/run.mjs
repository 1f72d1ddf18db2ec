#!/usr/bin/env node
// Independent readers (npm run test:readers): every workbook the CLI writes — the R2 department workbooks
// (blank and filled), the master template and a consolidated demo master — is opened by LibreOffice
// (converted to CSV, Japanese text checked) and by openpyxl (values, merges, validations, protection,
// hidden metadata, print setup), and one filled workbook is printed to PDF (A4, every sheet printed).
// Prints PASS/FAIL per file and reader, then exactly `N passed, M failed`; exit 1 on any failure.
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkMasterPrint } from './printMaster.mjs';
import { CSV_ALL_SHEETS, missingReaders, sofficeConvert } from './soffice.mjs';
import { printEntryCheck } from './printEntry.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = join(ROOT, 'bin', 'suishin.mjs');
const ENTRIES = JSON.parse(readFileSync(join(ROOT, 'samples', 'r2', 'entries.json'), 'utf8'));
const started = Date.now();

const missing = missingReaders();
if (missing.length > 0) {
  console.log(`SKIP: 読み取りテストに必要なツールがありません: ${missing.join(', ')}`);
  console.log('  apt-get install -y libreoffice-calc-nogui python3-openpyxl fonts-noto-cjk poppler-utils');
  process.exit(process.env.CI === 'true' ? 1 : 0);
}

let passed = 0;
let failed = 0;
function report(ok, reader, name, detail = '') {
  if (ok) passed += 1;
  else failed += 1;
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${reader.padEnd(11)} ${name}${detail ? `  ${detail}` : ''}`);
}

function cli(...args) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT });
  if (r.status !== 0) {
    console.log(`FAIL  suishin ${args.join(' ')} → exit ${r.status}\n${r.stdout}${r.stderr}`);
    console.log(`${passed} passed, ${failed + 1} failed`);
    process.exit(1);
  }
}

const tmp = mkdtempSync(join(tmpdir(), 'suishin-readers-'));
try {
  // 1. The workbooks, written by the CLI.
  cli('build', '--plan', 'sample:r2', '--out', join(tmp, 'build'), '--master');
  cli('demo', '--out', join(tmp, 'demo'));
  const flat = join(tmp, 'flat');
  mkdirSync(flat);
  const files = [];
  const add = (from, name, kind, department) => {
    copyFileSync(from, join(flat, name));
    files.push({ path: join(flat, name), name, kind, ...(department && { department }) });
  };
  for (const f of readdirSync(join(tmp, 'build')).sort()) {
    if (f === '全体計画.xlsx') add(join(tmp, 'build', f), 'template-全体計画.xlsx', 'template');
    else add(join(tmp, 'build', f), `blank-${f}`, 'blank', f.replace(/\.xlsx$/, ''));
  }
  for (const f of readdirSync(join(tmp, 'demo', '提出')).sort())
    add(join(tmp, 'demo', '提出', f), `filled-${f}`, 'filled', f.replace(/\.xlsx$/, ''));
  add(join(tmp, 'demo', 'master.xlsx'), 'demo-master.xlsx', 'master');

  // 2. LibreOffice: every sheet of every file to CSV, in one call.
  const csvDir = join(tmp, 'csv');
  const lo = sofficeConvert(
    CSV_ALL_SHEETS,
    files.map((f) => f.path),
    csvDir,
  );
  const csvs = existsSync(csvDir) ? readdirSync(csvDir) : [];
  const csv = (file, sheet) => {
    const p = join(csvDir, `${file.name.replace(/\.xlsx$/, '')}-${sheet}.csv`);
    return existsSync(p) ? readFileSync(p, 'utf8') : undefined;
  };
  const csvText = (s) => (s.includes('"') ? s.replace(/"/g, '""') : s);
  for (const file of files) {
    const problems = [];
    const base = file.name.replace(/\.xlsx$/, '');
    const sheets = csvs.filter((c) => c.startsWith(`${base}-`));
    if (lo.status !== 0) problems.push(`soffice exit ${lo.status}`);
    if (sheets.length === 0) problems.push('no CSV written');
    if (file.kind === 'blank' || file.kind === 'filled') {
      if (!csv(file, '目次')?.includes(file.department)) problems.push('目次 does not name the department');
      const entrySheets = sheets.filter((c) => !c.endsWith('-目次.csv'));
      for (const c of entrySheets)
        if (!readFileSync(join(csvDir, c), 'utf8').includes('目標の達成'))
          problems.push(`${c} lacks 目標の達成`);
      if (file.kind === 'filled')
        for (const e of ENTRIES.filter((x) => x.department === file.department)) {
          const sheet = `${e.code} ${e.department}${e.seq > 1 ? ` (${e.seq})` : ''}`;
          const text = csv(file, sheet) ?? '';
          if (!text.includes(e.label)) problems.push(`${sheet}: item label missing`);
          for (const line of e.fields.evaluation.split('\n'))
            if (!text.includes(csvText(line))) problems.push(`${sheet}: 評価・検証 text missing`);
        }
    } else if (file.kind === 'template') {
      if (!csv(file, '体系')?.includes('実践課【とりまとめ課】')) problems.push('体系 header missing');
      if (!csv(file, '全体計画')?.includes('取組項目コード')) problems.push('全体計画 header missing');
    } else {
      const plan = csv(file, '全体計画') ?? '';
      for (const e of ENTRIES)
        if (!plan.includes(csvText(e.fields.vision.split('\n')[0])))
          problems.push(`全体計画 lacks ${e.code} ${e.department}`);
      if (!csv(file, '提出状況')?.includes('完了')) problems.push('提出状況 has no 完了');
      if (csv(file, '集約ログ') === undefined) problems.push('no 集約ログ');
    }
    report(
      problems.length === 0,
      'LibreOffice',
      file.name,
      problems.length === 0 ? `(${sheets.length} シート)` : [...new Set(problems)].slice(0, 5).join('; '),
    );
  }

  // 3. openpyxl, through Debian's python (a pyenv python3 earlier on PATH has no openpyxl).
  const manifest = join(tmp, 'manifest.json');
  writeFileSync(manifest, JSON.stringify(files));
  const py = spawnSync('/usr/bin/python3', [join(ROOT, 'tests', 'readers', 'check_openpyxl.py'), manifest], {
    encoding: 'utf8',
    timeout: 300_000,
  });
  const results = py.stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l));
  for (const file of files) {
    const r = results.find((x) => x.name === file.name);
    report(
      Boolean(r?.ok),
      'openpyxl',
      file.name,
      r ? (r.ok ? `(${r.checks} 項目)` : r.errors.join('; ')) : `no result: ${py.stderr.slice(-500)}`,
    );
  }

  // 4. Print: a filled department workbook to PDF — A4 portrait pages, every entry sheet printed, text intact.
  const pdfDir = join(tmp, 'pdf');
  const target = files.find((f) => f.name === 'filled-総務課.xlsx');
  const pdf = sofficeConvert('pdf', [target.path], pdfDir);
  const pdfPath = join(pdfDir, 'filled-総務課.pdf');
  const problems = [];
  if (pdf.status !== 0 || !existsSync(pdfPath))
    problems.push(`soffice exit ${pdf.status}: ${pdf.output.slice(-300)}`);
  else {
    const info = spawnSync('pdfinfo', ['-f', '1', '-l', '999', pdfPath], { encoding: 'utf8' }).stdout;
    const text = spawnSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).stdout;
    const sizes = [...info.matchAll(/Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts \(A4\)/g)].map((m) => [
      Number(m[2]),
      Number(m[3]),
    ]);
    const entrySheets = ENTRIES.filter((e) => e.department === '総務課').length;
    // 目次 (landscape) then one portrait A4 page per entry sheet: every sheet fits its page.
    if (sizes.length !== entrySheets + 1)
      problems.push(`${sizes.length} A4 pages for ${entrySheets + 1} sheets`);
    if (!sizes.slice(1).every(([w, h]) => w < h)) problems.push('entry sheets are not all portrait');
    const labels = (text.match(/目標の達成/g) ?? []).length;
    if (labels < entrySheets) problems.push(`目標の達成 printed ${labels} times, expected ${entrySheets}`);
    if (!text.includes('効果的な情報発信手法の研究実施')) problems.push('item label not printed');
  }
  report(
    problems.length === 0,
    'PDF',
    'filled-総務課.xlsx',
    problems.length === 0 ? '(目次＋取組項目 13 シート、各1ページ A4)' : problems.join('; '),
  );

  // 5. Print: the demo master — its tables legible on A4 (printMaster.mjs) — and a 目次.
  for (const r of checkMasterPrint(files.find((f) => f.kind === 'master').path, target.path).results)
    report(r.ok, 'PDF', `demo-master.xlsx ${r.name}`, r.detail);

  // 6. Print: 1,000 characters typed (openpyxl) into every text field of a blank sheet — all printed.
  const typed = printEntryCheck(files.find((f) => f.name === 'blank-総務課.xlsx').path, tmp);
  report(typed.ok, 'PDF', 'blank-総務課.xlsx 1000字の入力', typed.detail);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
