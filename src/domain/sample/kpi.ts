import entriesJson from '../../../samples/kpi/entries.json';
import formJson from '../../../samples/kpi/form.json';
import planJson from '../../../samples/kpi/plan.json';
import type { Entry } from '../entry/types';
import { parseFiscalYear } from '../fiscal/fiscalYear';
import { parseFormGrid } from '../form/parseFormSheet';
import { parsePlanGrid } from '../plan/parsePlanGrid';
import type { Plan } from '../plan/types';
import { invariant } from '../result';
import type { Sample } from './r2';

/** A filled value as the sample holds it: text, or a number for a 数値 field ('' when left blank). */
const fieldValue = (value: string | number): string => (typeof value === 'number' ? String(value) : value);

/**
 * The second built-in sample: the fictional town こもれび町's 行政改革推進計画 with a 指標 form (成果指標,
 * 基準値・目標値・実績値, 達成率 computed, 判定 S/A/B/C proposed from it, 評価), invented for the demo
 * (samples/kpi/README.md). The 体系 and the 様式 go through the same parsers users' sheets go through.
 */
function loadKpi(): Sample {
  const parsed = parsePlanGrid(planJson.grid);
  invariant(
    !parsed.findings.some((f) => f.severity === 'error'),
    'the kpi sample 体系 parses without errors',
  );
  const form = parseFormGrid(formJson.grid, { sheet: formJson.sheet });
  invariant(!form.findings.some((f) => f.severity === 'error'), 'the kpi sample 様式 parses without errors');
  const fiscalYear = parseFiscalYear(planJson.fiscalYear);
  invariant(fiscalYear !== undefined, 'the kpi sample has a fiscal year');
  invariant(
    parsed.plan.departments.every((d) => planJson.departments.includes(d)),
    'the kpi sample lists every department of its 体系',
  );
  const plan: Plan = { basics: parsed.plan.basics, departments: planJson.departments };
  const entries: Entry[] = entriesJson.map((e) => ({
    code: e.code,
    department: e.department,
    seq: e.seq,
    fiscalYear,
    fields: Object.fromEntries(
      Object.entries(e.fields).map(([key, value]) => [key, fieldValue(value as string | number)]),
    ),
  }));
  return {
    id: 'kpi',
    town: planJson.town,
    title: planJson.title,
    shortName: 'サンプル（架空）',
    planTitle: planJson.planTitle,
    fiscalYear,
    plan,
    form: form.form,
    entries,
  };
}

let cached: Sample | undefined;
export const kpiSample = (): Sample => (cached ??= loadKpi());
