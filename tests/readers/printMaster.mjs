// The printed master (npm run test:readers; alone: node tests/readers/printMaster.mjs master.xlsx|.pdf [dept.xlsx]):
// LibreOffice prints the consolidated 全体計画 workbook to PDF and `pdftotext -bbox` measures every word of
// the table sheets (全体計画, 提出状況, 達成状況, 集約ログ): printed at 8 pt or more, the header row repeated
// on every page of 全体計画, codes (II-2-4-2) and 目標の達成 choices (達成できなかった) never broken across
// lines, the run stamp printed as 和暦 (令和8年12月2日 11:49), not ISO text; and a department workbook's 目次
// numbers right-aligned.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sofficeConvert } from './soffice.mjs';

/** The table sheets, by the title in each page's header. */
const SHEETS = [
  { sheet: '全体計画', header: /全体計画（/ },
  { sheet: '提出状況', header: /^提出状況（/ },
  { sheet: '達成状況', header: /^目標の達成状況（/ },
  { sheet: '集約ログ', header: /^集約ログ（/ },
];
const MIN_POINTS = 8;
/** Header labels of 全体計画 (each part of a label with a space is a word of its own). */
const MASTER_HEADER_WORDS = new Set(
  '取組項目コード 基本項目 推進項目 取組項目 実践課 番号 とりまとめ課 目指す姿 目標 取組内容 前期 (4～9月) 後期 (10～3月) 目標の達成 評価・検証 検証結果 提出ファイル シート 備考'.split(
    ' ',
  ),
);
/** Every header label of the four tables, and the parts of those with a space. */
const HEADER_WORDS = new Set([
  ...MASTER_HEADER_WORDS,
  ...'対象 提出 未提出 未提出の取組項目 全課への記入 エラー 警告 状況 最新の提出ファイル'.split(' '),
  ...'区分 項目 達成できた 一部達成できた 達成できなかった 未記入 計 達成率'.split(' '),
  ...'ファイル 結果 内容 保存テキスト / 指摘コード'.split(' '),
]);
/** Words printed whole: a proper prefix of one, alone on a line, is a word broken across lines. */
const WHOLE_WORDS = [
  '達成できた',
  '一部達成できた',
  '達成できなかった',
  '取組項目コード',
  'とりまとめ課',
  '提出ファイル',
  '最新の提出ファイル',
  '未提出の取組項目',
  '全課への記入',
];
const CODE = /^(?:I|II|III|IV|V|VI)-\d+-\d+-\d+$/;
const CODE_START = /^(?:I|II|III|IV|V|VI)-[\d-]*$|^-\d+-\d+-\d+$/;
const ISO_STAMP = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const WAREKI_STAMP = /集約日時[:：]\s*令和\d+年\d+月\d+日\s*\d{1,2}:\d{2}/;

const decode = (s) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** Pages of `pdftotext -bbox`: { width, height, words: [{ text, x0, y0, x1, y1 }] }. */
export function pdfWords(pdfPath) {
  const html = spawnSync('pdftotext', ['-bbox', pdfPath, '-'], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  }).stdout;
  return html
    .split('<page ')
    .slice(1)
    .map((chunk) => {
      const [, width, height] = chunk.match(/width="([\d.]+)" height="([\d.]+)"/) ?? [];
      const words = [
        ...chunk.matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
        ),
      ].map((m) => ({ x0: +m[1], y0: +m[2], x1: +m[3], y1: +m[4], text: decode(m[5]) }));
      return { width: Number(width), height: Number(height), words };
    });
}

const isWide = (ch) => /[\u3040-\u30ff\u3400-\u9fff\uff01-\uff60]/.test(ch);

/**
 * The font size of each word: the box height over the ratio of box height to em that words made only of
 * full-width characters show (each such glyph is one em wide), so ASCII words are measured too.
 */
function sizer(pages) {
  const ratios = pages
    .flatMap((p) => p.words)
    .filter((w) => [...w.text].length >= 2 && [...w.text].every(isWide))
    .map((w) => (w.y1 - w.y0) / ((w.x1 - w.x0) / [...w.text].length))
    .sort((a, b) => a - b);
  const ratio = ratios[Math.floor(ratios.length / 2)] ?? 1.3;
  return (w) => (w.y1 - w.y0) / ratio;
}

/** The page's first line (its running header), as text. */
const firstLine = (page) => {
  const top = Math.min(...page.words.map((w) => w.y0));
  return page.words
    .filter((w) => w.y0 < top + 2)
    .sort((a, b) => a.x0 - b.x0)
    .map((w) => w.text)
    .join(' ');
};

/** Checks of a printed master PDF: [{ name, ok, detail }], and the smallest font size per sheet. */
export function checkMasterPdf(pdfPath) {
  const pages = pdfWords(pdfPath);
  const size = sizer(pages);
  const results = [];
  const sizes = {};
  for (const { sheet, header } of SHEETS) {
    const own = pages.filter((p) => p.words.length > 0 && header.test(firstLine(p)));
    const words = own.flatMap((p) => p.words);
    const smallest = Math.min(...words.map(size));
    const body = words.map(size).sort((a, b) => a - b)[Math.floor(words.length / 2)] ?? 0;
    sizes[sheet] = { smallest, body };
    const small = words.filter((w) => size(w) < MIN_POINTS);
    results.push({
      name: `${sheet}: 文字 ${MIN_POINTS} pt 以上`,
      ok: own.length > 0 && small.length === 0,
      detail:
        own.length === 0
          ? 'ページがありません'
          : `${own.length} ページ、最小 ${smallest.toFixed(1)} pt、本文 ${body.toFixed(1)} pt${small.length > 0 ? `（${small.length} 語が ${MIN_POINTS} pt 未満: ${small[0].text}）` : ''}`,
    });
    const broken = words.filter(
      (w) =>
        (CODE_START.test(w.text) && !CODE.test(w.text)) ||
        WHOLE_WORDS.some(
          (whole) =>
            whole !== w.text && whole.startsWith(w.text) && w.text.length >= 2 && !HEADER_WORDS.has(w.text),
        ),
    );
    results.push({
      name: `${sheet}: コード・選択肢・見出しが途中で改行されない`,
      ok: own.length > 0 && broken.length === 0,
      detail:
        broken.length > 0
          ? broken
              .slice(0, 5)
              .map((w) => `「${w.text}」`)
              .join(' ')
          : '',
    });
    const text = own.map((p) => p.words.map((w) => w.text).join(' ')).join('\n');
    results.push({
      name: `${sheet}: 集約日時が和暦`,
      ok: own.length > 0 && WAREKI_STAMP.test(text) && !ISO_STAMP.test(text),
      detail: (text.match(/集約日時[:：]\s*\S+(?:\s\S+)?/) ?? [''])[0],
    });
    if (sheet === '全体計画') {
      // Every page starts with the header row: header labels near the top, above the data.
      const bare = own.filter((p) => {
        const headerWords = p.words.filter((w) => MASTER_HEADER_WORDS.has(w.text) && w.y1 < p.height * 0.3);
        return headerWords.length < 2;
      });
      results.push({
        name: '全体計画: 見出し行が各ページに印刷される',
        ok: own.length > 1 && bare.length === 0,
        detail: `${own.length} ページ${bare.length > 0 ? `、見出しのないページ ${bare.length}` : ''}`,
      });
    }
  }
  return { results, sizes };
}

/** The 目次 (first page of a department workbook's PDF): the No column's numbers share their right edge. */
export function checkTocPdf(pdfPath) {
  const [page] = pdfWords(pdfPath);
  const code = page?.words.find((w) => w.text === 'コード');
  const numbers = (page?.words ?? []).filter((w) => /^\d+$/.test(w.text) && code && w.x1 < code.x0);
  const edges = numbers.map((w) => w.x1);
  const spread = Math.max(...edges) - Math.min(...edges);
  const broken = (page?.words ?? []).filter((w) => CODE_START.test(w.text) && !CODE.test(w.text));
  return {
    name: '目次: No の数字が右揃え（1 と 10 の桁が揃う）、コードが途中で改行されない',
    ok: numbers.length >= 10 && spread < 0.5 && broken.length === 0,
    detail: `${numbers.length} 行、右端のずれ ${spread.toFixed(1)} pt${broken.map((w) => ` 「${w.text}」`).join('')}`,
  };
}

/** Print a master workbook (and a department workbook, for its 目次) with LibreOffice; check the PDFs. */
export function checkMasterPrint(xlsxPath, departmentPath) {
  const dir = mkdtempSync(join(tmpdir(), 'suishin-print-'));
  try {
    const inputs = [xlsxPath, ...(departmentPath ? [departmentPath] : [])];
    const r = sofficeConvert('pdf', inputs, dir);
    const [pdf, tocPdf] = inputs.map((p) => join(dir, basename(p).replace(/\.xlsx$/, '.pdf')));
    if (r.status !== 0 || !existsSync(pdf))
      return {
        results: [
          { name: 'PDF に印刷', ok: false, detail: `soffice exit ${r.status}: ${r.output.slice(-300)}` },
        ],
        sizes: {},
      };
    const master = checkMasterPdf(pdf);
    if (!tocPdf) return master;
    const toc = existsSync(tocPdf)
      ? checkTocPdf(tocPdf)
      : { name: '目次を PDF に印刷', ok: false, detail: '' };
    return { ...master, results: [...master.results, toc] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [path, department] = process.argv.slice(2);
  const { results, sizes } = path.endsWith('.pdf')
    ? checkMasterPdf(path)
    : checkMasterPrint(path, department);
  for (const r of results) console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name}  ${r.detail}`);
  console.log(
    'smallest font size (pt):',
    JSON.stringify(sizes, (_, v) => (typeof v === 'number' ? +v.toFixed(1) : v)),
  );
  process.exit(results.every((r) => r.ok) ? 0 : 1);
}
