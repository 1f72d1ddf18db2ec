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

/**
 * The built-in sample: 上富良野町「町政運営推進プラン R2」, transcribed from the published report
 * (samples/r2/README.md). Parsed through the same 体系 parser users' tables go through.
 */
function loadR2(): Sample {
  const parsed = parsePlanGrid(planJson.grid);
  invariant(!parsed.findings.some((f) => f.severity === 'error'), 'the R2 sample 体系 parses without errors');
  const fiscalYear = parseFiscalYear(planJson.fiscalYear);
  invariant(fiscalYear !== undefined, 'the R2 sample has a fiscal year');
  const plan: Plan = {
    basics: parsed.plan.basics,
    departments: [
      ...parsed.plan.departments,
      ...planJson.departments.filter((d) => !parsed.plan.departments.includes(d)),
    ],
  };
  const entries: Entry[] = entriesJson.map((e) => ({
    code: e.code,
    department: e.department,
    seq: e.seq,
    fiscalYear,
    fields: { ...e.fields },
  }));
  return {
    id: 'r2',
    town: planJson.town,
    title: planJson.title,
    shortName: 'R2',
    planTitle: DEFAULT_PLAN_TITLE,
    fiscalYear,
    plan,
    form: STANDARD_FORM,
    entries,
  };
}

let cached: Sample | undefined;
export const r2Sample = (): Sample => (cached ??= loadR2());
