#!/usr/bin/env node
// Printed sheets show everything that was typed (issue 13): openpyxl types 1,000 characters with line
// breaks into every text field of one built 取組項目 sheet — as a department pastes its text, without the
// add-in — LibreOffice prints the workbook to PDF (through .ods: see printEntryCheck), and pdftotext must
// find every line of every field, the last one included. A row whose height the file fixes (customHeight)
// prints the lines its height holds and cuts the rest; Excel grows only an automatic row of unmerged cells.
// Used by run.mjs (printEntryCheck); alone: node tests/readers/printEntry.mjs [built department .xlsx]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { missingReaders, sofficeConvert } from './soffice.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The text fields of the form, by the label printed left of their input. */
const TEXT_FIELDS = [
  ['vision', '目指す姿'],
  ['goal', '目標'],
  ['actions', '取組内容'],
  ['firstHalf', '前期 (4～9月)'],
  ['secondHalf', '後期 (10～3月)'],
  ['evaluation', '評価・検証'],
];
export const FIELD_LENGTH = 1000;
export const PARAGRAPHS = 10;

/** 1,000 characters in 10 lines; each line ends with its own mark 〔key-NN〕, the last one with 〔key-10〕. */
export function pastedText(key) {
  const filler = '町民との情報共有を進めるため、広報紙とホームページで取組の進み具合を発信し、意見を集めた。';
  const per = Math.floor((FIELD_LENGTH - (PARAGRAPHS - 1)) / PARAGRAPHS);
  const lines = [];
  for (let i = 1; i <= PARAGRAPHS; i++) {
    const head = `・${String(i).padStart(2, '0')}行目 `;
    const mark = `〔${key}-${String(i).padStart(2, '0')}〕`;
    const room =
      (i === PARAGRAPHS ? FIELD_LENGTH - (PARAGRAPHS - 1) * (per + 1) : per) - head.length - mark.length;
    lines.push(head + filler.repeat(Math.ceil(room / filler.length)).slice(0, room) + mark);
  }
  return lines.join('\n');
}

// Finds each label on the first 取組項目 sheet (the one with 目標の達成), writes the text into the cell right
// of the label's merge, deletes every other sheet, and reports the cells and their rows' heights.
const TYPE_TEXT = String.raw`
import json, sys
import openpyxl
src, out, fields = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
wb = openpyxl.load_workbook(src)
entry = next(ws for ws in wb.worksheets if any(c.value == '目標の達成' for row in ws.iter_rows() for c in row))
for ws in list(wb.worksheets):
    if ws is not entry:
        wb.remove(ws)
def right_of(cell):
    for m in entry.merged_cells.ranges:
        if cell.coordinate in m:
            return m.max_col + 1
    return cell.column + 1
typed = {}
for key, label, text in fields:
    hit = next((c for row in entry.iter_rows() for c in row if c.value == label), None)
    if hit is None:
        typed[key] = None
        continue
    target = entry.cell(row=hit.row, column=right_of(hit))
    target.value = text
    dim = entry.row_dimensions[hit.row]
    typed[key] = {'cell': target.coordinate, 'height': dim.height, 'customHeight': bool(dim.customHeight)}
# openpyxl writes every height it keeps as customHeight="1": a row the file leaves automatic (no
# customHeight) is saved without a height instead, so it stays automatic as it would after typing in Excel.
import re, zipfile
with zipfile.ZipFile(src) as z:
    book = z.read('xl/workbook.xml').decode()
    rels = z.read('xl/_rels/workbook.xml.rels').decode()
    rid = re.search(r'<sheet [^>]*name="%s"[^>]*r:id="([^"]+)"' % re.escape(entry.title), book).group(1)
    target = re.search(r'<Relationship [^>]*Id="%s"[^>]*Target="([^"]+)"' % rid, rels) or re.search(r'<Relationship [^>]*Target="([^"]+)"[^>]*Id="%s"' % rid, rels)
    part = target.group(1).lstrip('/')
    part = part if part.startswith('xl/') else 'xl/' + part
    sheet_xml = z.read(part).decode()
for m in re.finditer(r'<row ([^>]*)>', sheet_xml):
    attrs = m.group(1)
    r = int(re.search(r'\br="(\d+)"', attrs).group(1))
    if 'customHeight="1"' not in attrs and r in entry.row_dimensions:
        entry.row_dimensions[r].height = None
for key in typed:
    if typed[key]:
        dim = entry.row_dimensions[int(re.sub(r'[A-Z]+', '', typed[key]['cell']))]
        typed[key]['customHeight'] = dim.height is not None
wb.active = 0
wb.save(out)
print(json.dumps({'sheet': entry.title, 'typed': typed}, ensure_ascii=False))
`;

/** Type, print and read back; returns { ok, detail } for run.mjs's report. */
export function printEntryCheck(workbook, tmp) {
  const dir = join(tmp, 'print-entry');
  mkdirSync(dir, { recursive: true });
  const typedPath = join(dir, `typed-${basename(workbook)}`);
  const fields = TEXT_FIELDS.map(([key, label]) => [key, label, pastedText(key)]);
  const py = spawnSync('/usr/bin/python3', ['-c', TYPE_TEXT, workbook, typedPath, JSON.stringify(fields)], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (py.status !== 0) return { ok: false, detail: `openpyxl exit ${py.status}: ${py.stderr.slice(-300)}` };
  const { sheet, typed } = JSON.parse(py.stdout.trim().split('\n').pop());
  const notFound = TEXT_FIELDS.filter(([key]) => !typed[key]).map(([, label]) => label);
  if (notFound.length > 0)
    return { ok: false, detail: `${sheet}: 見出しが見つかりません: ${notFound.join('、')}` };

  // LibreOffice 7.4 keeps the row heights an .xlsx stores when it opens one headless (rows without
  // customHeight too), but it fits such rows again when its text changes and whenever it opens its own
  // format — as Excel fits them when it opens the .xlsx. Printing through .ods asks LibreOffice what those
  // rows need; a row the file fixes (customHeight) stays fixed through .ods.
  const ods = sofficeConvert('ods', [typedPath], dir);
  const odsPath = typedPath.replace(/\.xlsx$/, '.ods');
  if (ods.status !== 0 || !existsSync(odsPath))
    return { ok: false, detail: `soffice (ods) exit ${ods.status}: ${ods.output.slice(-300)}` };
  const pdf = sofficeConvert('pdf', [odsPath], dir);
  const pdfPath = typedPath.replace(/\.xlsx$/, '.pdf');
  if (pdf.status !== 0 || !existsSync(pdfPath))
    return { ok: false, detail: `soffice exit ${pdf.status}: ${pdf.output.slice(-300)}` };
  // -raw keeps each cell's lines together; line breaks and spaces pdftotext adds inside a mark are dropped.
  const text = spawnSync('pdftotext', ['-raw', pdfPath, '-'], { encoding: 'utf8' }).stdout.replace(
    /\s+/g,
    '',
  );
  const info = spawnSync('pdfinfo', [pdfPath], { encoding: 'utf8' }).stdout;
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
  const problems = [];
  for (const [key, label] of TEXT_FIELDS) {
    const marks = Array.from(
      { length: PARAGRAPHS },
      (_, i) => `〔${key}-${String(i + 1).padStart(2, '0')}〕`,
    );
    const seen = marks.filter((m) => text.includes(m)).length;
    const t = typed[key];
    if (seen < PARAGRAPHS)
      problems.push(
        `${label} (${t.cell}, 行の高さ ${t.height ?? '自動'}${t.customHeight ? ' 固定' : ''}): ${seen}/${PARAGRAPHS} 行`,
      );
  }
  return {
    ok: problems.length === 0,
    detail:
      problems.length === 0
        ? `(${sheet}: 6 欄 × ${FIELD_LENGTH} 字、全行を印刷、${pages} ページ)`
        : `${sheet}: 印刷されない行があります — ${problems.join('; ')}`,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const missing = missingReaders();
  if (missing.length > 0) {
    console.log(`SKIP: ${missing.join(', ')}`);
    process.exit(0);
  }
  const tmp = mkdtempSync(join(tmpdir(), 'suishin-print-entry-'));
  try {
    let workbook = process.argv[2] && resolve(process.argv[2]);
    if (!workbook) {
      const r = spawnSync(
        process.execPath,
        [join(ROOT, 'bin', 'suishin.mjs'), 'build', '--plan', 'sample:r2', '--out', join(tmp, 'build')],
        {
          encoding: 'utf8',
        },
      );
      if (r.status !== 0) throw new Error(`suishin build: ${r.stdout}${r.stderr}`);
      workbook = join(tmp, 'build', '総務課.xlsx');
    }
    const { ok, detail } = printEntryCheck(workbook, tmp);
    console.log(`${ok ? 'PASS' : 'FAIL'}  PDF         ${basename(workbook)} 1000字の入力  ${detail}`);
    if (process.env.KEEP_PRINT) spawnSync('cp', ['-r', join(tmp, 'print-entry'), process.env.KEEP_PRINT]);
    process.exit(ok ? 0 : 1);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
