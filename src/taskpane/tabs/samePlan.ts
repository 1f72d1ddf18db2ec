import { planItems } from '../../domain/plan/planItems';
import type { Plan } from '../../domain/plan/types';

/** What makes a 体系 what it is for a rollover: its departments and each item's code, title and 実践課. */
const shape = (plan: Plan): string =>
  JSON.stringify([plan.departments, planItems(plan).map((p) => [p.code, p.item.title, p.item.assignment])]);

/** Whether two 体系 have the same items (codes, titles, 実践課) and departments. */
export const samePlan = (a: Plan, b: Plan): boolean => shape(a) === shape(b);
