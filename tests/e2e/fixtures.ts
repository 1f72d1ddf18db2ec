import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDepartmentFiles, buildMasterTemplateFile } from '../../src/app/buildWorkbooks';
import type { Entry } from '../../src/domain/entry/types';
import { r2Sample } from '../../src/domain/sample/r2';
import { excelJsFactory } from '../../src/workbook/exceljs/excelJsFactory';

/** The department whose filled workbook gets the three planted problems (13 entries in R2, its 全課 sheets its own). */
export const PLANTED_DEPARTMENT = '総務課';
export const PLANTED_FILE = `${PLANTED_DEPARTMENT}_記入済み.xlsx`;
export const CORRUPT_FILE = '壊れた.xlsx';
export const MASTER_FILE = '令和2年度_全体計画.xlsx';

export interface Fixtures {
  readonly dir: string;
  /** 総務課's master template: 体系 + empty 全体計画 (R2). */
  readonly master: string;
  /** The 8 R2 department workbooks, filled with the R2 entries. */
  readonly departments: readonly string[];
  /** A filled department workbook with an empty 前期, an invalid 目標の達成, a 後期 date in 前期. */
  readonly planted: string;
  readonly corrupt: string;
  /** What was planted, to find it again in the UI: the item code of each problem. */
  readonly problems: {
    readonly emptyFirstHalf: string;
    readonly badAchievement: string;
    readonly wrongDate: string;
  };
}

/** R2 entries of the planted department with three problems, one per entry. */
function plantedEntries(entries: readonly Entry[]): { entries: Entry[]; problems: Fixtures['problems'] } {
  const own = entries.filter((e) => e.department === PLANTED_DEPARTMENT);
  const [a, b, c] = own;
  if (!a || !b || !c) throw new Error(`${PLANTED_DEPARTMENT} needs three R2 entries`);
  const changed = new Map<Entry, Entry>([
    [a, { ...a, fields: { ...a.fields, firstHalf: '' } }],
    [b, { ...b, fields: { ...b.fields, achievement: 'だいたい達成' } }],
    [c, { ...c, fields: { ...c.fields, firstHalf: `${c.fields.firstHalf}\n・現地確認（令和2年11月20日）` } }],
  ]);
  return {
    entries: entries.map((e) => changed.get(e) ?? e),
    problems: { emptyFirstHalf: a.code, badAchievement: b.code, wrongDate: c.code },
  };
}

/** Every file the scenarios upload, made with the repo's own builders (ExcelJS in Node). */
export async function writeFixtures(dir: string): Promise<Fixtures> {
  mkdirSync(join(dir, 'departments'), { recursive: true });
  const sample = r2Sample();
  const base = { plan: sample.plan, fiscalYear: sample.fiscalYear };

  const master = join(dir, MASTER_FILE);
  writeFileSync(master, await buildMasterTemplateFile(excelJsFactory, base));

  const departments: string[] = [];
  for (const file of await buildDepartmentFiles(excelJsFactory, { ...base, entries: sample.entries })) {
    const path = join(dir, 'departments', file.fileName);
    writeFileSync(path, file.bytes);
    departments.push(path);
  }

  const { entries, problems } = plantedEntries(sample.entries);
  const [plantedFile] = await buildDepartmentFiles(excelJsFactory, {
    ...base,
    entries,
    departments: [PLANTED_DEPARTMENT],
  });
  if (!plantedFile) throw new Error('no planted workbook');
  const planted = join(dir, PLANTED_FILE);
  writeFileSync(planted, plantedFile.bytes);

  // A zip header and then garbage: what a truncated e-mail attachment looks like.
  const corrupt = join(dir, CORRUPT_FILE);
  writeFileSync(corrupt, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));

  return { dir, master, departments, planted, corrupt, problems };
}
