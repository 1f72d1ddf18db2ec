import { resolve } from 'node:path';
import { openPlanFile } from '../app/openPlan';
import { parseFiscalYear } from '../domain/fiscal/fiscalYear';
import type { Finding } from '../domain/finding';
import { parsePlanGrid, type Grid } from '../domain/plan/parsePlanGrid';
import type { Plan } from '../domain/plan/types';
import { err, ok, type Result } from '../domain/result';
import { r2Sample } from '../domain/sample/r2';
import { readInputFile } from './readInputFile';

export const SAMPLE_R2 = 'sample:r2';

export interface LoadedPlan {
  readonly plan: Plan;
  /** How the plan is named in messages: the path as given, or 組み込みサンプル R2. */
  readonly source: string;
  /** The sheet the 体系 was read from (a workbook). */
  readonly sheet?: string;
  /** The year the source names (sample, plan.json "fiscalYear", the 体系 sheet's title), if any. */
  readonly fiscalYear?: number;
  /** The plan's name in the 体系 sheet's title row (`令和2年度 〇〇プラン 計画の体系`), if it has one. */
  readonly title?: string;
  /** Findings of the 体系 parser; errors make the plan unusable for build and consolidate. */
  readonly findings: readonly Finding[];
}

const withListed = (plan: Plan, listed: readonly string[]): Plan => ({
  basics: plan.basics,
  departments: [...plan.departments, ...listed.filter((d) => !plan.departments.includes(d))],
});

const isCellRow = (row: unknown): row is Grid[number] =>
  Array.isArray(row) && row.every((c) => c === null || typeof c === 'string' || typeof c === 'number');

function fromJson(text: string, display: string): Result<LoadedPlan, string> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return err(
      `「${display}」を JSON として読めませんでした（${error instanceof Error ? error.message : String(error)}）。`,
    );
  }
  const { grid, departments, fiscalYear } = (data ?? {}) as {
    grid?: unknown;
    departments?: unknown;
    fiscalYear?: unknown;
  };
  if (!Array.isArray(grid) || !grid.every(isCellRow))
    return err(
      `「${display}」に "grid"（体系の表: 基本項目・推進項目・取組項目・実践課の4列の行の配列）がありません。`,
    );
  if (
    departments !== undefined &&
    !(Array.isArray(departments) && departments.every((d) => typeof d === 'string'))
  )
    return err(`「${display}」の "departments" は課名の配列にしてください。`);
  const parsed = parsePlanGrid(grid, { file: display });
  const year =
    typeof fiscalYear === 'string'
      ? parseFiscalYear(fiscalYear)
      : typeof fiscalYear === 'number'
        ? fiscalYear
        : undefined;
  return ok({
    plan: withListed(parsed.plan, (departments as string[] | undefined) ?? []),
    source: display,
    ...(year !== undefined && { fiscalYear: year }),
    findings: parsed.findings,
  });
}

/** The 体系 of a workbook: a 体系.xlsx, or a master (build --master, or one consolidated into). */
async function fromWorkbook(bytes: Uint8Array, display: string): Promise<Result<LoadedPlan, string>> {
  const opened = await openPlanFile(bytes, display);
  if (!opened.ok) return err(opened.error.message);
  const found = opened.value;
  if (!found)
    return err(
      `「${display}」に体系の表が見つかりません。「基本項目」「推進項目」「取組項目」「実践課【とりまとめ課】」の見出しがあるシートが必要です。`,
    );
  return ok({ ...found, source: display });
}

/** The 体系 named by `--plan` (or `plan FILE`): sample:r2, a plan.json, or a workbook with a 体系 sheet. */
export async function loadPlan(spec: string, cwd: string): Promise<Result<LoadedPlan, string>> {
  if (spec.toLowerCase() === SAMPLE_R2) {
    const sample = r2Sample();
    return ok({
      plan: sample.plan,
      source: '組み込みサンプル R2',
      fiscalYear: sample.fiscalYear,
      findings: [],
    });
  }
  if (spec.toLowerCase().startsWith('sample:'))
    return err(`サンプル「${spec}」はありません。使えるサンプルは ${SAMPLE_R2} です。`);
  const read = await readInputFile(resolve(cwd, spec), spec);
  if (!read.ok) return read;
  return /\.json$/i.test(spec)
    ? fromJson(new TextDecoder().decode(read.value.bytes), spec)
    : fromWorkbook(read.value.bytes, spec);
}
