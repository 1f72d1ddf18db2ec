import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { r2Sample } from '../../src/domain/sample/r2';
import { r2FilledFiles, runCli, tempDir, writeFiles } from './runCli';

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  await writeFiles(dir, await r2FilledFiles(undefined, ['総務課', '農業振興課']));
  // 農業振興課 writes something that is not one of the three choices in 目標の達成.
  const entries = r2Sample().entries.map((e) =>
    e.department === '農業振興課' ? { ...e, fields: { ...e.fields, achievement: 'だいたい達成' } } : e,
  );
  const [bad] = await r2FilledFiles(entries, ['農業振興課']);
  await writeFile(join(dir, 'invalid-achievement.xlsx'), bad!.bytes);
  await writeFile(join(dir, 'renamed.xlsx'), '取組項目コード,実践課\nI-1-1-1,総務課\n');
});
afterAll(() => cleanup());

describe('suishin validate', () => {
  it('exits 0 when there are warnings but no errors, grouping findings by file and sheet', async () => {
    const r = await runCli(dir, 'validate', '総務課.xlsx', '--plan', 'sample:r2');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('■ 総務課.xlsx  年度末の検証: 取組項目 13 シート、エラーのないシート 13');
    expect(r.stdout).toContain(
      '  「II-2-1-1 総務課」\n    警告  D7  「前期 (4～9月)」に期間外の日付（10/8、10/14）があります。',
    );
    expect(r.stdout).toContain(
      '  「I-1-1-1 総務課」\n    警告  D8  「前期 (4～9月)」と「後期 (10～3月)」が同じ文です。',
    );
    expect(r.stdout).toContain('  → エラー 0 件、警告 2 件、情報 0 件（エラーはありません）');
  });

  it('says when the stage chosen does not fit what the sheets hold (計画 chosen for March sheets), in text and JSON', async () => {
    const r = await runCli(dir, 'validate', '総務課.xlsx', '--plan', 'sample:r2', '--stage', 'plan');
    expect(r.code).toBe(0);
    const note =
      '年度末に書く欄（「後期 (10～3月)」・「目標の達成」・「評価・検証」）にも記入があります。計画の検証では、それらの欄が未記入でも指摘しません。年度末まで確かめるには、--stage year-end を指定してください。';
    expect(r.stdout).toContain(`時期: ${note}`);
    const json = await runCli(
      dir,
      'validate',
      '総務課.xlsx',
      '--plan',
      'sample:r2',
      '--stage',
      'plan',
      '--json',
    );
    expect((JSON.parse(json.stdout) as { stageMismatch?: string }).stageMismatch).toBe(note);
    const fits = await runCli(dir, 'validate', '総務課.xlsx', '--plan', 'sample:r2');
    expect(fits.stdout).not.toContain('時期:');
  });

  it('exits 1 when 目標の達成 is not one of the choices, pointing at its cell', async () => {
    const r = await runCli(
      dir,
      'validate',
      'invalid-achievement.xlsx',
      '--plan',
      'sample:r2',
      '--stage',
      'first-half',
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/「I-2-1-2 農業振興課」\n {4}エラー {2}D9 {2}.*目標の達成/);
  });

  it('exits 2 for a CSV renamed .xlsx, naming the file, and still validates the others', async () => {
    const r = await runCli(dir, 'validate', 'renamed.xlsx', '総務課.xlsx');
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('■ renamed.xlsx  開けませんでした');
    expect(r.stdout).toContain('「renamed.xlsx」は Excel ブック (.xlsx) ではありません');
    expect(r.stdout).toContain('■ 総務課.xlsx');
    expect(r.stdout).toContain('合計: 2 ファイル（開けなかったファイル 1）');
  });

  it('prints only JSON with --json, each finding with file, sheet and cell', async () => {
    const r = await runCli(dir, 'validate', '.', '--json', '--plan', 'sample:r2');
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout) as {
      files: { file: string; status: string }[];
      findings: { severity: string; place: { file?: string; sheet?: string; cell?: string } }[];
      summary: { errors: number };
    };
    expect(out.files.map((f) => [f.file, f.status])).toEqual([
      ['invalid-achievement.xlsx', 'read'],
      ['renamed.xlsx', 'rejected'],
      ['総務課.xlsx', 'read'],
      ['農業振興課.xlsx', 'read'],
    ]);
    const achievement = out.findings.find(
      (f) =>
        f.place.file === 'invalid-achievement.xlsx' &&
        f.place.sheet === 'I-2-1-2 農業振興課' &&
        f.place.cell === 'D9',
    );
    expect(achievement).toMatchObject({ severity: 'error', place: { sheet: 'I-2-1-2 農業振興課' } });
  });

  it.each([
    ['a stage that does not exist', ['x.xlsx', '--stage', 'final'], '段階「final」は指定できません'],
    ['no files', [], '検証するファイルを指定してください'],
  ])('refuses %s with exit 2', async (_, args, message) => {
    const r = await runCli(dir, 'validate', ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});
