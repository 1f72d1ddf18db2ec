import entriesJson from '../../../samples/r2/entries.json';
import planJson from '../../../samples/r2/plan.json';
import { STANDARD_FORM, type FormDefinition } from '../entry/formDefinition';
import type { Entry } from '../entry/types';
import { parseFiscalYear } from '../fiscal/fiscalYear';
import { parsePlanGrid } from '../plan/parsePlanGrid';
import type { Plan } from '../plan/types';
import { invariant } from '../result';
import { DEFAULT_PLAN_TITLE } from '../template/buildDepartmentWorkbook';

export interface Sample {
  readonly id: string;
  readonly town: string;
  readonly title: string;
  /** How the demo names the sample's filled text (「R2の記入内容」). */
  readonly shortName: string;
  /** The plan's name in workbook and sheet titles (buildDepartmentWorkbook's `title`). */
  readonly planTitle: string;
  readonly fiscalYear: number;
  readonly plan: Plan;
  /** The 取組項目 form the entries fill (R2: the built-in STANDARD_FORM). */
  readonly form: FormDefinition;
  readonly entries: readonly Entry[];
}

/** A 体系 and entries as the sample JSON files hold them (samples/r2, samples/r3). */
interface SampleFiles {
  readonly plan: {
    readonly town: string;
    readonly title: string;
    readonly fiscalYear: string;
    readonly grid: string[][];
    readonly departments: readonly string[];
  };
  readonly entries: readonly {
    readonly code: string;
    readonly department: string;
    readonly seq: number;
    readonly fields: Readonly<Record<string, string>>;
  }[];
}

/**
 * A sample on the R2 form from its JSON files, its 体系 parsed through the same 体系 parser users' tables go
 * through.
 */
export function townSample(files: SampleFiles, id: string, shortName: string): Sample {
  const parsed = parsePlanGrid(files.plan.grid);
  invariant(
    !parsed.findings.some((f) => f.severity === 'error'),
    `the ${id} sample 体系 parses without errors`,
  );
  const fiscalYear = parseFiscalYear(files.plan.fiscalYear);
  invariant(fiscalYear !== undefined, `the ${id} sample has a fiscal year`);
  const plan: Plan = {
    basics: parsed.plan.basics,
    departments: [
      ...parsed.plan.departments,
      ...files.plan.departments.filter((d) => !parsed.plan.departments.includes(d)),
    ],
  };
  const entries: Entry[] = files.entries.map((e) => ({
    code: e.code,
    department: e.department,
    seq: e.seq,
    fiscalYear,
    fields: { ...e.fields },
  }));
  return {
    id,
    town: files.plan.town,
    title: files.plan.title,
    shortName,
    planTitle: DEFAULT_PLAN_TITLE,
    fiscalYear,
    plan,
    form: STANDARD_FORM,
    entries,
  };
}

/**
 * The built-in sample: 上富良野町「町政運営推進プラン R2」, transcribed from the published report
 * (samples/r2/README.md).
 */
const loadR2 = (): Sample => townSample({ plan: planJson, entries: entriesJson }, 'r2', 'R2');

let cached: Sample | undefined;
export const r2Sample = (): Sample => (cached ??= loadR2());
