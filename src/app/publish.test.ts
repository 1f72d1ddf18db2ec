import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KPI_FORM } from '../../tests/helpers/kpiForm';
import {
  CONSOLIDATE_OPTIONS as OPTIONS,
  formEntry,
  readSource,
  receivedEntry,
} from '../../tests/helpers/kpiSources';
import { consolidateEntries } from '../domain/consolidation/consolidateEntries';
import { plainNumberText } from '../domain/entry/fieldValue';
import type { FormDefinition } from '../domain/entry/formDefinition';
import { planAssignees } from '../domain/plan/planItems';
import { r2Sample } from '../domain/sample/r2';
import { readXlsxSnapshot } from '../workbook/xlsx/readXlsxSnapshot';
import { publish, type Published } from './publish';

const { plan } = r2Sample();
/** Text 総務課 keeps out of publication (公表 × on 基準値 and 判定理由). */
const SECRET = '内部の検討メモ：公開しない';
const FORM: FormDefinition = {
  ...KPI_FORM,
  fields: KPI_FORM.fields.map((f) =>
    f.key === 'baseline' || f.key === 'ratingReason' ? { ...f, published: false } : f,
  ),
};
const FILLED = {
  indicator: '防災訓練の参加者数',
  baseline: '8765',
  target: '１，２００',
  actual: '900',
  rating: 'B',
  ratingReason: SECRET,
  checked: '令和3年3月31日',
  evaluation: '目標には届かなかった。\n来年度は、"周知"を <強める> & 続ける。',
};
const kpi = (code: string, department: string, fields: Partial<Record<string, string>>) =>
  receivedEntry(formEntry(code, department, fields, { form: FORM }), undefined, FORM);
const consolidation = (form: FormDefinition) =>
  consolidateEntries(
    plan,
    [
      readSource('総務課.xlsx', [kpi('I-2-1-3', '総務課', FILLED)]),
      readSource('町民生活課.xlsx', [
        kpi('I-1-2-1', '町民生活課', { ...FILLED, rating: 'S', actual: '1300' }),
      ]),
    ],
    { ...OPTIONS, form },
  );
const publishWith = async (form: FormDefinition): Promise<Published> => {
  const r = await publish({
    kind: 'consolidation',
    consolidation: consolidation(form),
    plan,
    title: '町政運営推進プラン',
    form,
  });
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

let dir = '';
let published: Published;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'suishin-publish-'));
  published = await publishWith(FORM);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The CSV as Python's csv module reads it (utf-8-sig takes the BOM off): the rows, and the raw first bytes. */
async function pythonCsv(bytes: Uint8Array): Promise<string[][]> {
  const path = join(dir, 'opendata.csv');
  await writeFile(path, bytes);
  const script = `import csv, json, sys
with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:
    print(json.dumps(list(csv.reader(f)), ensure_ascii=False))`;
  const run = spawnSync('/usr/bin/python3', ['-c', script, path], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as string[][];
}

const HEADER = [
  '年度',
  '基本項目',
  '推進項目',
  '取組項目コード',
  '取組項目',
  '実践課',
  '番号',
  '成果指標',
  '目標値',
  '実績値',
  '達成率',
  '判定',
  '確認日',
  '評価',
  '提出状況',
];

describe('publish: open data CSV', () => {
  it('is UTF-8 with a BOM, one header row and one row per 体系 item × department, every published field a column', async () => {
    const { csv } = published;
    expect([...csv.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = await pythonCsv(csv);
    expect(rows[0]).toEqual(HEADER);
    expect(rows).toHaveLength(1 + planAssignees(plan).length);
    for (const row of rows) expect(row).toHaveLength(HEADER.length);
    const at = (code: string) => rows.find((r) => r[3] === code)!;
    expect(at('I-2-1-3')).toEqual([
      '2020',
      'I 協働によるまちづくり',
      '2 協力体制の強化',
      'I-2-1-3',
      expect.stringMatching(/^① .+ \(3\) /),
      '総務課',
      '1',
      '防災訓練の参加者数',
      '1200',
      '900',
      '0.75',
      'B',
      '2021-03-31',
      '目標には届かなかった。\n来年度は、"周知"を <強める> & 続ける。',
      '提出済',
    ]);
    expect(at('I-1-2-1')[10]).toBe('1.08333333333333');
    const missing = rows.filter((r) => r[14] === '未提出');
    expect(missing).toHaveLength(planAssignees(plan).length - 2);
    for (const r of missing) expect(r.slice(7, 14)).toEqual(['', '', '', '', '', '', '']);
  });

  it('ends records with CRLF and keeps a line break inside a cell within its quotes', () => {
    const text = new TextDecoder().decode(published.csv);
    expect(text.split('\r\n')).toHaveLength(2 + planAssignees(plan).length);
    expect(text).toContain('"目標には届かなかった。\n来年度は、""周知""を <強める> & 続ける。"');
  });
});

describe('publish: fields not published (公表 ×)', () => {
  it('appear in none of the three files, by label or by value', () => {
    const xml = Object.values(unzipSync(published.xlsx))
      .map((b) => strFromU8(b))
      .join('');
    const csv = new TextDecoder().decode(published.csv);
    for (const text of [published.html, csv, xml]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain('基準値');
      expect(text).not.toContain('8765');
      expect(text).not.toContain('判定理由');
    }
    expect(published.notes).toContain(
      '様式で公表しない（×）項目は書き出していません: 「基準値」「判定理由」。',
    );
  });

  it('a 計算 field computed from one kept out is kept out too: 達成率 × 目標値 would give back 実績値', async () => {
    const hidden = await publishWith({
      ...FORM,
      fields: FORM.fields.map((f) => (f.key === 'actual' ? { ...f, published: false } : f)),
    });
    expect(hidden.document.fields.map((f) => f.key)).not.toContain('rate');
    const header = new TextDecoder().decode(hidden.csv).split('\r\n')[0]!;
    expect(header).toContain('目標値');
    expect(header).not.toContain('実績値');
    expect(header).not.toContain('達成率');
    expect(hidden.html).not.toContain('達成率');
    expect(hidden.notes).toContain(
      '様式で公表しない（×）項目は書き出していません: 「基準値」「実績値」「達成率」（公表しない「実績値」から計算するため）「判定理由」。',
    );
  });

  it('a 集計 field kept out takes 達成状況 with it', async () => {
    const hidden = await publishWith({
      ...FORM,
      fields: FORM.fields.map((f) => (f.key === 'rating' ? { ...f, published: false } : f)),
    });
    expect(hidden.document.achievement).toBeUndefined();
    expect(hidden.html).not.toContain('<svg');
    expect(hidden.html).toContain('達成状況を集計していません');
    expect(new TextDecoder().decode(hidden.csv).split('\r\n')[0]).not.toContain('判定');
  });
});

describe('publish: errors in what is published', () => {
  const withErrors = async () => {
    const r = await publish({
      kind: 'consolidation',
      consolidation: consolidateEntries(
        plan,
        [
          readSource('総務課.xlsx', [
            kpi('I-2-1-3', '総務課', { ...FILLED, rating: 'ほぼB', evaluation: '' }),
          ]),
          // 基準値 is 公表 ×: its error is not publication's business.
          readSource('町民生活課.xlsx', [kpi('I-1-2-1', '町民生活課', { ...FILLED, baseline: '約100' })]),
        ],
        { ...OPTIONS, form: FORM },
      ),
      plan,
      title: '町政運営推進プラン',
      form: FORM,
    });
    if (!r.ok) throw new Error(r.error);
    return r.value;
  };

  it('finds none in a clean consolidation', () => {
    expect(published.findings).toEqual([]);
    expect(published.warning).toEqual([]);
  });

  it("names each error's entry, field and cell, and says the files keep the values as written", async () => {
    const out = await withErrors();
    const cells = receivedEntry(formEntry('I-2-1-3', '総務課', {}, { form: FORM }), undefined, FORM).cells;
    expect(out.findings.map((f) => [f.code, f.place])).toEqual([
      [
        'entry.achievement-invalid',
        expect.objectContaining({
          code: 'I-2-1-3',
          department: '総務課',
          field: 'rating',
          file: '総務課.xlsx',
          sheet: 'I-2-1-3 総務課',
          cell: cells.rating,
        }),
      ],
      [
        'entry.required',
        expect.objectContaining({ code: 'I-2-1-3', field: 'evaluation', cell: cells.evaluation }),
      ],
    ]);
    expect(out.warning[0]).toBe('全体計画にエラーが 2 件あります（取組項目 1 件）。公開前に直してください。');
    expect(out.warning[1]).toBe(
      `  I-2-1-3 総務課 「判定」 総務課.xlsx「I-2-1-3 総務課」${cells.rating}: 判定「ほぼB」は選択肢にありません。「S」「A」「B」「C」のいずれかをセルの▼から選んでください。`,
    );
    expect(out.warning[2]).toMatch(
      /^ {2}I-2-1-3 総務課 「評価」 .+: 「評価」が未記入です（年度末の段階で必要）/,
    );
    expect(out.warning[3]).toBe(
      '書き出したファイル（report.html・opendata.csv・opendata.xlsx）には、エラーのある欄も全体計画に書かれたとおりに入っています（選択肢にない値もその文字のまま。消したり空欄にしたりはしていません）。「判定」の選択肢にない値は、達成状況では未記入として数えています。',
    );
    // Kept, not blanked: the CSV and the report hold the value as written; 達成状況 counts it 未記入.
    const rows = await pythonCsv(out.csv);
    expect(rows.find((r) => r[3] === 'I-2-1-3')?.[11]).toBe('ほぼB');
    expect(out.html).toContain('ほぼB');
    // 町民生活課's B is counted; 総務課's ほぼB is with the 未記入 (every other row is 未提出).
    expect(out.document.achievement?.total).toEqual({
      byChoice: [0, 0, 1, 0],
      blank: planAssignees(plan).length - 1,
      missing: planAssignees(plan).length - 2,
    });
  });

  it('checks by the stage given: at 計画, 評価 is not yet required', async () => {
    const r = await publish(
      {
        kind: 'consolidation',
        consolidation: consolidation(FORM),
        plan,
        title: '町政運営推進プラン',
        form: FORM,
      },
      { stage: 'plan' },
    );
    expect(r.ok && r.value.findings).toEqual([]);
  });

  it('names the first five and counts the rest', async () => {
    const many = consolidateEntries(
      plan,
      planAssignees(plan)
        .slice(0, 7)
        .map((a) =>
          readSource(`${a.department}-${a.code}.xlsx`, [
            kpi(a.code, a.department, { ...FILLED, rating: 'X' }),
          ]),
        ),
      { ...OPTIONS, form: FORM },
    );
    const r = await publish({ kind: 'consolidation', consolidation: many, plan, title: 't', form: FORM });
    if (!r.ok) throw new Error(r.error);
    expect(r.value.warning[0]).toBe(
      '全体計画にエラーが 7 件あります（取組項目 7 件）。公開前に直してください。最初の 5 件:',
    );
    expect(r.value.warning.slice(1, 6).every((l) => l.includes('「判定」'))).toBe(true);
    expect(r.value.warning[6]).toBe('  ほか 2 件（全体計画の「検証結果」の列で確かめられます）');
  });
});

describe('publish: the open data workbook', () => {
  it("is one sheet: the CSV's header and rows as an Excel table, numbers as numbers", async () => {
    const files = unzipSync(published.xlsx);
    expect(Object.keys(files).filter((p) => p.startsWith('xl/worksheets/sheet'))).toEqual([
      'xl/worksheets/sheet1.xml',
    ]);
    const table = strFromU8(files['xl/tables/table1.xml']!);
    expect(table).toContain(`ref="A1:O${1 + planAssignees(plan).length}"`);
    expect(table).toContain('name="OpenData"');
    const read = await readXlsxSnapshot(published.xlsx, 'opendata.xlsx');
    if (!read.ok) throw new Error(read.error.message);
    const [sheet] = read.value.sheets;
    expect(sheet?.name).toBe('オープンデータ');
    expect(sheet?.merges).toEqual([]);
    const csv = await pythonCsv(published.csv);
    expect(sheet?.values[0]).toEqual(HEADER);
    const row = sheet?.values.find((r) => r[3] === 'I-2-1-3');
    expect(row?.slice(6, 11)).toEqual([1, '防災訓練の参加者数', 1200, 900, 0.75]);
    // The same cells, numbers as the CSV writes them (15 significant digits, as Excel keeps them).
    const asCsv = (v: unknown) => (v === null ? '' : typeof v === 'number' ? plainNumberText(v) : String(v));
    expect(sheet?.values.map((r) => r.map(asCsv))).toEqual(csv);
  });

  it('opendata.xlsx shows each row’s whole text and prints as a wide table (header row and first column on every page)', async () => {
    const xml = strFromU8(unzipSync(published.xlsx)['xl/worksheets/sheet1.xml']!);
    // Each entry row is as tall as its wrapped text (LibreOffice showed one line of each cell).
    const tall = [...xml.matchAll(/<row r="(\d+)"[^>]*\bht="([\d.]+)"/g)].filter(([, r]) => Number(r) > 1);
    expect(tall.length).toBe(planAssignees(plan).length);
    expect(Math.max(...tall.map(([, , ht]) => Number(ht)))).toBeGreaterThan(30);
    expect(xml).toMatch(/<pageSetup paperSize="9" orientation="landscape"/);
    const workbook = strFromU8(unzipSync(published.xlsx)['xl/workbook.xml']!);
    expect(workbook).toMatch(/_xlnm\.Print_Titles/);
  });
});

describe('publish: the report HTML', () => {
  const html = () => published.html;
  it('is one page in Japanese with no external request: no script, links only within the page', () => {
    expect(html()).toMatch(/^<!DOCTYPE html>\n<html lang="ja">/);
    // url(#…) names a pattern in the page itself (the chart's textures): no request.
    expect(html()).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|url\((?!#chart-fill\d\))|@import|https?:/i);
    const hrefs = [...html().matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
    // 達成状況, then each 基本項目 and 推進項目.
    expect(hrefs).toHaveLength(1 + plan.basics.length + plan.basics.flatMap((b) => b.promotions).length);
    const ids = new Set([...html().matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]));
    for (const href of hrefs) {
      expect(href.startsWith('#')).toBe(true);
      expect(ids.has(href.slice(1))).toBe(true);
    }
  });

  it('has a heading per 基本項目 (h2) and 推進項目 (h3) in 体系 order, one h4 per 取組項目', () => {
    const h2 = [...html().matchAll(/<h2 id="[^"]+">([^<]+)<\/h2>/g)].map((m) => m[1]);
    expect(h2).toEqual(['目次', '判定状況', 'I 協働によるまちづくり', 'II 効果的な行財政運営']);
    const h3 = [...html().matchAll(/<h3 id="[^"]+">([^<]+)<\/h3>/g)].map((m) => m[1]);
    expect(h3).toEqual(plan.basics.flatMap((b) => b.promotions.map((p) => `${p.number} ${p.title}`)));
    const items = new Set(planAssignees(plan).map((a) => a.code));
    expect(html().match(/<h4 /g)).toHaveLength(items.size);
  });

  it('shows each entry as a table of th scope="row" / td, text escaped, 計算 as a percentage', () => {
    expect(html()).toMatch(/<th scope="row">/);
    expect(html()).not.toMatch(/<th(?=[\s>])(?![^>]*scope="(row|col)")/);
    expect(html()).toContain('<tr><th scope="row">達成率</th><td class="number">75%</td></tr>');
    expect(html()).toContain(
      '目標には届かなかった。\n来年度は、&quot;周知&quot;を &lt;強める&gt; &amp; 続ける。',
    );
    expect(html()).toContain('<td class="text">2021年3月31日</td>');
    expect(html()).toContain('<td class="number">1,200</td>');
  });

  it('leaves out a blank optional field, shows a 計算 with nothing to compute as —, and names 実績値 once', async () => {
    const form: FormDefinition = {
      ...FORM,
      fields: FORM.fields.map((f) =>
        f.key === 'actual'
          ? { ...f, heading: '実績' }
          : f.key === 'ratingReason'
            ? { ...f, published: true, requiredFrom: 'optional' as const }
            : f,
      ),
    };
    const r = await publish({
      kind: 'consolidation',
      consolidation: consolidateEntries(
        plan,
        [
          readSource('総務課.xlsx', [
            receivedEntry(
              formEntry('I-2-1-3', '総務課', { ...FILLED, ratingReason: '', actual: '' }, { form }),
              undefined,
              form,
            ),
          ]),
        ],
        { ...OPTIONS, form },
      ),
      plan,
      title: '町政運営推進プラン',
      form,
    });
    if (!r.ok) throw new Error(r.error);
    const table = /<table class="entry"><caption>実践課: 総務課<\/caption>.*?<\/table>/s.exec(
      r.value.html,
    )?.[0];
    expect(table).toContain(
      '<tr><th scope="row">実績値</th><td class="number"><span class="empty">未記入</span></td></tr>',
    );
    expect(table).toContain(
      '<tr><th scope="row">達成率</th><td class="number"><span class="empty">—</span></td></tr>',
    );
    expect(table).not.toContain('判定理由');
    expect(table).not.toContain('実績 実績値');
  });

  it('gives 達成状況 as a table and as a chart with a text alternative', () => {
    expect(html()).toContain(
      '<tr><th scope="col">区分</th><th scope="col">S</th><th scope="col">A</th><th scope="col">B</th><th scope="col">C</th><th scope="col">未記入</th><th scope="col">うち未提出</th><th scope="col">計</th><th scope="col">「S」の割合</th></tr>',
    );
    const total = planAssignees(plan).length;
    expect(html()).toContain(
      `<tr><th scope="row">全体</th><td>1</td><td>0</td><td>1</td><td>0</td><td>${total - 2}</td><td>${total - 2}</td><td>${total}</td><td>${Math.round(100 / total)}%</td></tr>`,
    );
    // Every 未記入 here is a 未提出: the chart's text says so too.
    expect(html()).toContain(
      `未記入 ${total - 2}件（${Math.round(((total - 2) * 100) / total)}%、うち未提出 ${total - 2}件）`,
    );
    expect(html()).toMatch(/<svg class="chart" role="img" aria-labelledby="chart-title chart-desc"/);
    expect(html()).toContain(`<desc id="chart-desc">全体: S 1件（${Math.round(100 / total)}%）、A 0件（0%）`);
  });

  it('tells the chart’s choices apart in black and white: each choice after the first has its own texture', () => {
    const svg = /<svg class="chart"[\s\S]*?<\/svg>/.exec(html())![0];
    const fills = [...svg.matchAll(/<pattern id="chart-fill(\d)"[^>]*>([\s\S]*?)<\/pattern>/g)].map((m) =>
      m[2]!.replace(/fill="#[0-9A-F]{6}"/i, ''),
    );
    // S A B C and 未記入: the textures (colour aside) differ for S, A, B and C.
    expect(fills).toHaveLength(5);
    expect(new Set(fills.slice(0, 4)).size).toBe(4);
    expect(svg).not.toMatch(/<rect[^>]*fill="#(?!F2F2F2|fff)[0-9A-F]{6}"[^>]*height="18"/i);
    expect(svg).toMatch(/fill="url\(#chart-fill0\)"/);
  });
});
