import type { FieldKey, FormDefinition } from '../entry/formDefinition';
import type { Entry, EntryFields } from '../entry/types';
import { isAssigned, planItems } from '../plan/planItems';
import type { Plan } from '../plan/types';
import type { ItemMatching } from './matchItems';
import { splitCompiled } from './splitCompiled';

/** Last year's entry that cannot go into next year's workbooks, and why (listed, never dropped silently). */
export interface LeftBehind {
  readonly entry: Entry;
  /** `removed`: its item has no successor; `unassigned`: the successor is no longer the department's. */
  readonly reason: 'removed' | 'unassigned';
  /** The successor's code (unassigned). */
  readonly next?: string;
}

export interface CarriedEntries {
  /**
   * Next year's starting entries (next code, department, seq; next year): the form's carried (○) fields hold
   * last year's text, every other field is empty.
   */
  readonly starting: readonly Entry[];
  /** Last year's values of the carried and 参考 fields, keyed like `starting` (last year's fiscalYear). */
  readonly previous: readonly Entry[];
  readonly leftBehind: readonly LeftBehind[];
}

export interface CarryInput {
  /** Last year's entries (全体計画's rows). */
  readonly entries: readonly Entry[];
  readonly lastPlan: Plan;
  readonly lastForm: FormDefinition;
  readonly matching: ItemMatching;
  readonly nextPlan: Plan;
  readonly nextForm: FormDefinition;
  readonly nextYear: number;
  /** This year's name of last year's department on an item (a 機構改革 renamed or split it); the same name by default. */
  readonly renamed?: (department: string, previousCode: string) => string;
}

/**
 * Last year's entries moved onto next year's items (ItemMatching): each entry of a matched item goes to the
 * same department's sheet of the successor, seq numbered again per item and department (so two items merged
 * into one give sheets 1, 2 …). A 全課 row merged under 【課名】 headings is split back per department first.
 * Fields are matched by キー; next year's form says which are carried (○) and which shown as 参考. A
 * department renamed since (`renamed`) finds its sheets under its new name; what is left behind keeps last
 * year's name, as 総務課 knows it.
 */
export function carryEntries(input: CarryInput): CarriedEntries {
  const { matching, nextPlan, nextForm, nextYear } = input;
  // An item split by the 対応表 has several successors: the entry starts each of them that is the department's.
  const successors = new Map(matching.pairs.map((p) => [p.previous, [p.next, ...(p.also ?? [])]]));
  const nextItems = new Map(planItems(nextPlan).map((p) => [p.code, p]));
  const lastItems = new Map(planItems(input.lastPlan).map((p) => [p.code, p]));
  const textKeys = new Set(input.lastForm.fields.filter((f) => f.kind === 'text').map((f) => f.key));
  const carried = nextForm.fields.filter((f) => f.carry === 'carry').map((f) => f.key);
  const shown = nextForm.fields.filter((f) => f.carry !== undefined).map((f) => f.key);
  const pick = (fields: EntryFields, keys: readonly FieldKey[]): EntryFields =>
    Object.fromEntries(keys.map((k) => [k, fields[k] ?? '']));

  // 全課 rows split back into each department's part.
  const parts = input.entries.flatMap((e): Entry[] => {
    const assignment = lastItems.get(e.code)?.item.assignment;
    if (assignment?.kind !== 'all' || e.department !== assignment.coordinator) return [e];
    const split = splitCompiled(e.fields, e.department, input.lastPlan.departments, textKeys);
    return [...split].map(([department, fields]) => ({ ...e, department, fields }));
  });

  const starting: Entry[] = [];
  const previous: Entry[] = [];
  const leftBehind: LeftBehind[] = [];
  const seqs = new Map<string, number>();
  const rename = input.renamed ?? ((d: string) => d);
  for (const part of parts) {
    const department = rename(part.department, part.code);
    const e = department === part.department ? part : { ...part, department };
    const nexts = (successors.get(e.code) ?? []).filter((code) => nextItems.has(code));
    if (nexts.length === 0) {
      leftBehind.push({ entry: part, reason: 'removed' });
      continue;
    }
    const mine = nexts.filter((code) => isAssigned(nextPlan, nextItems.get(code)!.item, e.department));
    if (mine.length === 0) {
      leftBehind.push({ entry: part, reason: 'unassigned', next: nexts[0]! });
      continue;
    }
    for (const next of mine) {
      const slot = `${next}|${e.department}`;
      const seq = (seqs.get(slot) ?? 0) + 1;
      seqs.set(slot, seq);
      const key = { code: next, department: e.department, seq };
      starting.push({ ...key, fiscalYear: nextYear, fields: pick(e.fields, carried) });
      // A form that neither carries nor shows anything gets no 前年度 column.
      if (shown.length > 0)
        previous.push({ ...key, fiscalYear: e.fiscalYear, fields: pick(e.fields, shown) });
    }
  }
  return { starting, previous, leftBehind };
}
