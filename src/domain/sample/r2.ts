import entriesJson from '../../../samples/r2/entries.json';
import planJson from '../../../samples/r2/plan.json';
import type { Entry } from '../entry/types';
import { parseFiscalYear } from '../fiscal/fiscalYear';
import { parsePlanGrid } from '../plan/parsePlanGrid';
import type { Plan } from '../plan/types';
import { invariant } from '../result';

export interface Sample {
  readonly id: string;
  readonly town: string;
  readonly title: string;
  readonly fiscalYear: number;
  readonly plan: Plan;
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
  return { id: 'r2', town: planJson.town, title: planJson.title, fiscalYear, plan, entries };
}

let cached: Sample | undefined;
export const r2Sample = (): Sample => (cached ??= loadR2());
