import { describe, expect, it } from 'vitest';
import { shortNames } from '../../src/cli/expandInputs';
import { parseCommandArgs } from '../../src/cli/parseCommandArgs';
import { progressBar, progressPhases, progressReporter } from '../../src/cli/progressReporter';
import { resolveFiscalYear } from '../../src/cli/resolveFiscalYear';

describe('progressReporter', () => {
  it('draws one bar in place on a terminal, and clears it at the end', () => {
    let out = '';
    const r = progressReporter({ isTTY: true, write: (t: string) => (out += t) });
    r.progress({ done: 3, total: 8, label: '総務課.xlsx を読み込み中' });
    r.end();
    expect(out).toBe('\r[########------------] 3/8 総務課.xlsx を読み込み中\x1b[K\r\x1b[K');
  });

  it('writes one plain line per step elsewhere', () => {
    let out = '';
    const r = progressReporter({ write: (t: string) => (out += t) });
    r.progress({ done: 0, total: 2, label: 'a' });
    r.progress({ done: 0, total: 2, label: 'a' });
    r.progress({ done: 2, total: 2, label: 'b' });
    expect(out).toBe(`${progressBar(0, 2, 'a')}\n${progressBar(2, 2, 'b')}\n`);
  });
});

describe('progressPhases', () => {
  it('runs two operations of the same steps as one bar that never starts again', () => {
    const seen: string[] = [];
    const phase = progressPhases(({ done, total, label }) => seen.push(`${done}/${total} ${label}`), 2);
    for (const [i, name] of ['配布', '記入'].entries()) {
      const progress = phase(i, name);
      progress({ done: 0, total: 2, label: '総務課' });
      progress({ done: 1, total: 2, label: '町民生活課' });
      progress({ done: 2, total: 2, label: '作成しました' });
    }
    expect(seen).toEqual([
      '0/4 配布: 総務課',
      '1/4 配布: 町民生活課',
      '2/4 記入: 総務課',
      '3/4 記入: 町民生活課',
      '4/4 記入: 作成しました',
    ]);
  });
});

describe('resolveFiscalYear', () => {
  const today = new Date(2021, 4, 1); // May 2021: 令和3年度
  it.each([
    ['令和3年度', undefined, 2021],
    ['R3', undefined, 2021],
    ['2021', undefined, 2021],
    [undefined, 2020, 2020],
    [undefined, undefined, 2021],
  ])('%s (plan says %s) → %s', (option, fallback, year) => {
    expect(resolveFiscalYear(option, fallback, today)).toEqual({ ok: true, value: year });
  });
});

describe('parseCommandArgs', () => {
  const options = { out: { type: 'string' }, json: { type: 'boolean' } } as const;
  it.each([
    [['--colour'], '不明なオプション「--colour」です。'],
    [['--out'], 'オプション「--out」に値を指定してください。'],
    [['--json=yes'], 'オプション「--json」には値を付けられません。'],
    [['extra'], '余分な引数「extra」があります。'],
  ])('%s → %s', (args, message) => {
    expect(parseCommandArgs({ args, options, allowPositionals: false })).toEqual({
      ok: false,
      error: message,
    });
  });
});

describe('shortNames', () => {
  const at = (...paths: string[]) => paths.map((path) => ({ path, display: path }));
  it('names a file by its name, and two of one name by their paths from the folder they share', () => {
    const names = shortNames(
      at('/tmp/x/返却/総務課.xlsx', '/tmp/x/返却/再提出/総務課.xlsx', '/tmp/x/返却/税務課.xlsx'),
    );
    expect([...names.values()]).toEqual(['総務課.xlsx', '再提出/総務課.xlsx', '税務課.xlsx']);
  });
  it('never climbs out of that folder, however far the command ran from it', () => {
    const names = shortNames(at('/tmp/x/a/総務課.xlsx', '/tmp/x/b/総務課.xlsx'));
    expect([...names.values()]).toEqual(['a/総務課.xlsx', 'b/総務課.xlsx']);
  });
});
