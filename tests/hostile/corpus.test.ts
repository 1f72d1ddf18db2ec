import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consolidate } from '../../src/app/consolidate';
import { r2Sample } from '../../src/domain/sample/r2';
import { excelJsFactory } from '../../src/workbook/exceljs/excelJsFactory';
import { useNativeInflater } from '../../src/workbook/nativeInflate';
import {
  baseWorkbook,
  CASES,
  FORMULA_LIKE,
  LONG_TEXT,
  XXE_CANARY,
  XXE_CANARY_FILE,
  type Base,
  type HostileCase,
} from '../fixtures/hostile/cases';
import { FILES_DIR, MANIFEST, manifestText } from '../fixtures/hostile/generate';
import { readParts } from '../fixtures/hostile/zipBytes';
import { libraryOutcome, newMaster, type LibraryOutcome } from './libraryOutcome';

/**
 * Every case of the hostile corpus through the library, as the task pane and the CLI use it: open and
 * extract (readWorkbook), validate (validateWorkbook, 年度末), consolidate into an in-memory master. Each
 * case asserts its exact outcome from cases.ts; the checks below the table prove what the outcome alone
 * cannot (text kept whole, nothing turned into a formula, no entity resolved).
 */

const HOSTNAME = readFileSync('/etc/hostname', 'utf8').trim();
let base: Base;
const outcomes = new Map<string, { bytes: Uint8Array; outcome: LibraryOutcome }>();

const nameOf = (c: HostileCase): string => c.givenAs ?? c.file;
const bytesOf = async (c: HostileCase): Promise<Uint8Array> =>
  c.atTestTime ? c.build(base) : new Uint8Array(await readFile(join(FILES_DIR, c.file)));
const caseById = (id: string): HostileCase => {
  const c = CASES.find((x) => x.id === id);
  if (!c) throw new Error(`no case ${id}`);
  return c;
};
async function run(id: string): Promise<{ bytes: Uint8Array; outcome: LibraryOutcome }> {
  const known = outcomes.get(id);
  if (known) return known;
  const c = caseById(id);
  const bytes = await bytesOf(c);
  const result = { bytes, outcome: await libraryOutcome(bytes, nameOf(c)) };
  outcomes.set(id, result);
  return result;
}

/** All text of a package, every part inflated (for "does this string appear anywhere in the output"). */
const packageText = async (bytes: Uint8Array): Promise<string> =>
  (await readParts(bytes)).map((p) => new TextDecoder().decode(p.data as Uint8Array)).join('\n');

beforeAll(async () => {
  base = await baseWorkbook();
  await writeFile(XXE_CANARY_FILE, XXE_CANARY);
});

// Node's zlib inflates the parts in the CLI; fflate alone in the pane: every case, both ways.
describe.each([
  ['Node’s zlib (the CLI)', 'platform'],
  ['fflate alone (the pane)', undefined],
] as const)(
  'the hostile corpus through the library, inflated by %s: each case has its exact outcome',
  (_how, inflater) => {
    beforeAll(() => useNativeInflater(inflater));
    afterAll(() => useNativeInflater('platform'));
    it.each(CASES.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
      const { outcome: o } = await run(c.id);
      const rejectedWhole = o.log.includes(': rejected');
      expect({
        kind: rejectedWhole ? 'accepted-not' : 'accepted',
        rejection:
          o.rejection ??
          (o.findings.some((f) => f.startsWith('extract.no-entry-sheet'))
            ? 'extract.no-entry-sheet'
            : undefined),
        entries: o.entries,
        findings: [...o.findings].sort(),
        log: o.log,
        consolidation: [...o.consolidationFindings].sort(),
      }).toEqual({
        ...c.expected,
        kind: c.expected.kind === 'rejected' ? 'accepted-not' : 'accepted',
        rejection: c.expected.rejection,
      });

      // Whatever the case: a refused file says why in Japanese, naming the file as it was given.
      const record = o.result?.consolidation.log.find((r) => r.sheet === '' && r.outcome === 'rejected');
      if (c.expected.kind === 'rejected') expect(record?.detail).toContain(`「${nameOf(c)}」`);
      // Every sheet of an opened file is in the 集約ログ exactly once (plus the file's own record when refused).
      if (o.extracted) {
        const sheets = o.extracted.extraction.sheets.map((s) => s.sheet);
        expect(o.log.filter((l) => !l.startsWith(': ')).map((l) => l.slice(0, l.lastIndexOf(': ')))).toEqual(
          sheets,
        );
      }
      // Every finding points at this file, and every message is Japanese.
      for (const f of [
        ...(o.result?.consolidation.findings ?? []),
        ...(o.extracted?.extraction.findings ?? []),
      ]) {
        if (f.place.file !== undefined) expect(f.place.file).toBe(nameOf(c));
        expect(f.message).toMatch(/[ぁ-んァ-ン一-龯]/);
      }
    });
  },
);

describe('the hostile corpus: what the outcome alone does not show', () => {
  it('keeps 40,000 characters whole when reading, and cuts them only where Excel must, saying where', async () => {
    const { outcome: o } = await run('cell-40000-chars');
    const read = o.extracted?.extraction.entries.find((e) => e.entry.code === 'I-2-1-3');
    expect(read?.entry.fields.evaluation).toBe(LONG_TEXT);
    expect([...(read?.entry.fields.evaluation ?? '')]).toHaveLength(40_000);
    const snapshot = await o.master!.readSnapshot(['全体計画', '報告 I-2-1-3 総務課']);
    const [plan, report] = snapshot.sheets;
    const cut = String(plan?.values[11]?.[13] ?? '');
    expect(cut).toHaveLength(32_767);
    expect(cut.startsWith(LONG_TEXT.slice(0, 30_000))).toBe(true);
    expect(cut).toContain('（Excel の1セルの上限 32,767 文字を超えたため以下省略）');
    expect(String(report?.values[9]?.[3] ?? '')).toHaveLength(32_767);
    const finding = o.result?.viewFindings.find((f) => f.place.sheet === '全体計画');
    expect(finding?.message).toContain(
      'I-2-1-3 総務課 の「評価・検証」が Excel の1セルの上限（32,767文字）を超えたため、「全体計画」のN12には途中までを書きました（40,000文字）',
    );
  });

  it('reads formula-like text as text and writes it back as text, never as a formula', async () => {
    const { outcome: o } = await run('formula-like-text');
    const fields = o.extracted?.extraction.entries.find((e) => e.entry.code === 'I-2-1-3')?.entry.fields;
    expect(fields).toMatchObject(FORMULA_LIKE);
    const saved = await o.master!.toBuffer();
    const xml = await packageText(saved);
    expect(xml).not.toMatch(/<f>[^<]*(cmd\||example\.com|SUM\(1\)|1\+1)/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(saved.slice().buffer);
    const cells: ExcelJS.Cell[] = [];
    const hostile: readonly string[] = Object.values(FORMULA_LIKE);
    workbook.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type !== ExcelJS.ValueType.Merge && hostile.includes(String(cell.value))) cells.push(cell);
        }),
      ),
    );
    expect(cells).toHaveLength(8); // 全体計画 and the report sheet, four fields each
    expect(cells.every((cell) => cell.type === ExcelJS.ValueType.String)).toBe(true);
  });

  it('keeps only the text of a real HYPERLINK formula: no formula, no link, no URL reaches the master', async () => {
    const { outcome: o } = await run('hyperlink-formula');
    expect(
      o.extracted?.extraction.entries.find((e) => e.entry.code === 'I-2-1-3')?.entry.fields.actions,
    ).toBe('詳しくはこちら');
    const xml = await packageText(await o.master!.toBuffer());
    expect(xml).toContain('詳しくはこちら');
    expect(xml).not.toContain('example.com');
  });

  it('reads a formula by its saved result and says so', async () => {
    const { outcome: o } = await run('formula-in-input');
    expect(o.extracted?.extraction.entries.find((e) => e.entry.code === 'I-2-1-3')?.entry.fields.goal).toBe(
      '目指す姿に同じ（再掲）',
    );
  });

  it('keeps a rewritten copy of a sheet in 全体計画 as the item’s second sheet, naming both sheets, so nothing written is lost', async () => {
    const { outcome: o } = await run('two-sheets-same-entry');
    const rows = o.result!.consolidation.rows.filter(
      (r) => r.code === 'I-2-1-3' && r.department === '総務課',
    );
    expect(rows.map((r) => [r.seq, r.source?.sheet])).toEqual([
      [1, 'I-2-1-3 総務課'],
      [2, '防災（修正版）'],
    ]);
    expect(Object.values(rows[1]!.entry!.fields)).toContain('修正版: 防災備蓄品は計画どおり整備した。');
    const copied = o.result!.consolidation.findings.find((f) => f.code === 'extract.copied-sheet');
    expect(copied?.message).toContain('シート「防災（修正版）」はシート「I-2-1-3 総務課」のコピーのため');
  });

  it('shows an item no longer in the 体系 as flagged, and its own item as 未提出', async () => {
    const { outcome: o } = await run('item-not-in-plan');
    const rows = o.result!.consolidation.rows;
    expect(rows.find((r) => r.code === 'I-3-1-1')).toMatchObject({
      status: 'flagged',
      department: '総務課',
      flag: '取組項目 I-3-1-1 は体系にありません。',
    });
    expect(rows.find((r) => r.code === 'I-2-1-3' && r.department === '総務課')?.status).toBe('missing');
  });

  it('never resolves an XML entity: the guard refuses the DTD, and the parser alone does not resolve it either', async () => {
    for (const id of ['xxe-shared-strings', 'xxe-worksheet', 'billion-laughs']) {
      const { bytes, outcome: o } = await run(id);
      expect(o.rejectionMessage).toContain('DTD 宣言（<!DOCTYPE）があります');
      // The entity is used as `[&xxe;]`: resolved, it would read `[<the file's text>]`.
      const leaks = (text: string) => text.includes(XXE_CANARY) || text.includes(`[${HOSTNAME}]`);
      expect(leaks(JSON.stringify([o.rejectionMessage, o.log, o.result?.consolidation]))).toBe(false);
      expect(leaks(await packageText(await o.master!.toBuffer()))).toBe(false);
      // Defence in depth: ExcelJS's own parser (saxes) on the same bytes, without the guard.
      const workbook = new ExcelJS.Workbook();
      const parsed = await workbook.xlsx.load(bytes.slice().buffer).then(
        () => JSON.stringify(workbook.worksheets.map((ws) => ws.getSheetValues())),
        (error: unknown) => `refused: ${String(error)}`,
      );
      expect(leaks(parsed)).toBe(false);
      expect(parsed).not.toContain('lollollol');
    }
  });

  it('uses a file name with Japanese, spaces and ../ only as a name in messages and the log', async () => {
    const c = caseById('name-japanese-spaces-dotdot');
    const { outcome: o } = await run(c.id);
    expect(new Set(o.result?.consolidation.log.map((r) => r.file))).toEqual(new Set([c.givenAs]));
    expect(o.extracted?.extraction.entries.every((e) => e.source.file === c.givenAs)).toBe(true);
  });
});

describe('the same file given twice', () => {
  const plan = r2Sample().plan;
  const consolidateTwice = async (names: readonly [string, string]) => {
    const bytes = await bytesOf(caseById('as-built'));
    return consolidate(
      plan,
      names.map((file) => ({ file, modified: 1_000, bytes })),
      {
        factory: excelJsFactory,
        target: await newMaster(),
        stage: 'year-end',
        fiscalYear: 2020,
        stamp: '2021-03-31T17:05:09',
        title: '町政運営推進プラン',
      },
    );
  };

  it.each([
    [
      'under two names: the later name replaces the earlier, whose text is kept',
      ['総務課.xlsx', '総務課 - コピー.xlsx'] as const,
    ],
    [
      'under the same name twice: the second replaces the first, whose text is kept',
      ['総務課.xlsx', '総務課.xlsx'] as const,
    ],
  ])('%s', async (_name, names) => {
    const result = await consolidateTwice(names);
    const log = result.consolidation.log;
    expect(log).toHaveLength(2 * 14);
    expect(log.filter((r) => r.outcome === 'replaced')).toHaveLength(13);
    expect(log.filter((r) => r.outcome === 'consolidated')).toHaveLength(13);
    expect(
      log.filter((r) => r.outcome === 'replaced').every((r) => r.keptText !== undefined && r.keptText !== ''),
    ).toBe(true);
    expect(
      result.consolidation.rows.filter((r) => r.department === '総務課' && r.status === 'submitted'),
    ).toHaveLength(13);
    expect(result.rejected).toBe(0);
  });
});

describe('the corpus on disk is what generate.ts writes', () => {
  it('has cases.json in sync with cases.ts', async () => {
    expect(await readFile(MANIFEST, 'utf8')).toBe(manifestText());
  });

  it.each(CASES.filter((c) => !c.atTestTime).map((c) => [c.id, c] as const))(
    'files/%s is byte-for-byte reproducible',
    async (_id, c) => {
      expect(Buffer.from(await c.build(base)).equals(Buffer.from(await bytesOf(c)))).toBe(true);
    },
  );
});
