import { resolve } from 'node:path';
import { formOf, openPlanFile } from '../app/openPlan';
import { planErrorPart } from '../app/planErrors';
import type { FormDefinition } from '../domain/entry/formDefinition';
import { parseFiscalYear } from '../domain/fiscal/fiscalYear';
import type { Finding } from '../domain/finding';
import { parsePlanGrid, type Grid } from '../domain/plan/parsePlanGrid';
import type { Plan } from '../domain/plan/types';
import { err, ok, type Result } from '../domain/result';
import { STANDARD_FORM } from '../domain/entry/formDefinition';
import { sampleById, sampleIds } from '../domain/sample/samples';
import type { OutStream } from './cliIo';
import { readInputFile } from './readInputFile';
import { printPlanFindings } from './reportError';

const SAMPLE_PREFIX = 'sample:';
export const SAMPLE_R2 = `${SAMPLE_PREFIX}r2`;

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
  /** The form of the workbook's 様式 sheet; absent without one (the built-in R2 form applies: formOfLoaded). */
  readonly form?: FormDefinition;
  readonly formSheet?: string;
  /** Findings of the 様式 sheet, naming its cells; errors make the plan unusable as the 体系's do. */
  readonly formFindings: readonly Finding[];
}

/** The form the loaded 体系 asks for: its 様式's, else the built-in R2 form. */
export const formOfLoaded = (loaded: LoadedPlan | undefined): FormDefinition => formOf(loaded);

/** An error in the 体系 or in the 様式 (planErrorPart, as the pane decides). */
export const loadedHasErrors = (loaded: LoadedPlan): boolean => planErrorPart(loaded) !== undefined;

/** Which of the two holds the error, for messages: 体系 or 様式. */
export const erroneousPart = (loaded: LoadedPlan): string => planErrorPart(loaded) ?? '様式';

/** The 体系's findings, then the 様式's, each with its file, sheet and cell. */
export function printLoadedFindings(stream: OutStream, loaded: LoadedPlan): void {
  printPlanFindings(stream, [...loaded.findings, ...loaded.formFindings]);
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
    formFindings: [],
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
  if (spec.toLowerCase().startsWith(SAMPLE_PREFIX)) {
    const sample = sampleById(spec.slice(SAMPLE_PREFIX.length).toLowerCase());
    if (!sample)
      return err(
        `サンプル「${spec}」はありません。使えるサンプルは ${sampleIds()
          .map((id) => `${SAMPLE_PREFIX}${id}`)
          .join('、')} です。`,
      );
    return ok({
      plan: sample.plan,
      source: `組み込みサンプル ${sample.id.toUpperCase()}`,
      fiscalYear: sample.fiscalYear,
      findings: [],
      // The built-in R2 form needs no 様式; another sample's form is its 様式.
      ...(sample.form !== STANDARD_FORM && { form: sample.form }),
      formFindings: [],
    });
  }
  const read = await readInputFile(resolve(cwd, spec), spec);
  if (!read.ok) return read;
  return /\.json$/i.test(spec)
    ? fromJson(new TextDecoder().decode(read.value.bytes), spec)
    : fromWorkbook(read.value.bytes, spec);
}
