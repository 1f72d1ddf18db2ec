import { viewText } from '../entry/choice';
import { summarizeAchievement } from '../consolidation/summarizeAchievement';
import type { AchievementSummary, MasterRow } from '../consolidation/types';
import { fieldNumbers, readDate } from '../entry/fieldValue';
import { tallyField, type FieldDef, type FieldKey, type FormDefinition } from '../entry/formDefinition';
import { fieldText, type EntryFields } from '../entry/types';
import { formulaFields } from '../form/formula';
import { formatAssignment } from '../plan/planItems';
import type { Plan, PlanItem } from '../plan/types';

/** A field's published value: text as written, 数値 and 計算 as numbers (計算 a fraction), 日付 as ISO. */
export type PublishedValue = string | number;

export type PublishStatus = 'submitted' | 'missing';
export const PUBLISH_STATUS_LABELS: Readonly<Record<PublishStatus, string>> = {
  submitted: '提出済',
  missing: '未提出',
};

/** One row of the published report and open data: an entry on a 体系 item, or an item × department 未提出. */
export interface PublishEntry {
  readonly planItem: PlanItem;
  readonly department: string;
  readonly seq: number;
  readonly status: PublishStatus;
  /** A 未提出 whose department's sheet came back blank (the file was sent, the sheet not filled). */
  readonly blankSheet?: true;
  /** The published fields' values by key; '' when empty (always '' for 未提出). */
  readonly values: Readonly<Record<FieldKey, PublishedValue>>;
}

/** What is published: the 体系's entries in order with the published fields only, and the 集計 summary. */
export interface PublishDocument {
  readonly title: string;
  readonly fiscalYear: number;
  readonly plan: Plan;
  /** The form's fields that are published (公表), in form order. */
  readonly fields: readonly FieldDef[];
  /**
   * The form's fields kept out (公表 ×, and 計算 fields computed from one: withheldFields): never in any
   * output; named so the caller can say so.
   */
  readonly unpublished: readonly FieldDef[];
  readonly entries: readonly PublishEntry[];
  /** 達成状況 of the 集計 field; undefined when the form has none or 総務課 keeps that field unpublished. */
  readonly achievement?: AchievementSummary;
  /** Rows left out: entries whose item is not in the 体系 (要確認), which 総務課 has not yet placed. */
  readonly leftOut: number;
}

export interface PublishSource {
  readonly title: string;
  readonly fiscalYear: number;
  readonly plan: Plan;
  readonly form: FormDefinition;
  /** 全体計画's rows, in 体系 order (a consolidation's rows, or read back from a master). */
  readonly rows: readonly MasterRow[];
}

export const isPublished = (f: FieldDef): boolean => f.published !== false;

/**
 * The 実践課 a published row is credited to: a 全課 item's one row merges every department's part under
 * 【課名】 headings, so it reads 全課【総務課】 (as the 体系 writes it), not the coordinator alone.
 */
export const publishedDepartment = (entry: Pick<PublishEntry, 'planItem' | 'department'>): string =>
  entry.planItem.item.assignment.kind === 'all'
    ? formatAssignment(entry.planItem.item.assignment)
    : entry.department;

/**
 * The fields kept out of publication: those the 様式 marks 公表 ×, and every 計算 field computed from one of
 * them (達成率 = 実績値 / 目標値 gives back a hidden 実績値 from a published 目標値), with the hidden fields
 * each is computed from (empty for a field marked × itself).
 */
export function withheldFields(form: FormDefinition): Map<FieldKey, readonly FieldDef[]> {
  const withheld = new Map<FieldKey, readonly FieldDef[]>(
    form.fields.filter((f) => !isPublished(f)).map((f) => [f.key, []]),
  );
  const byKey = new Map(form.fields.map((f) => [f.key, f]));
  // A 計算 may read another 計算: repeat until nothing more is withheld.
  for (let grew = true; grew;) {
    grew = false;
    for (const f of form.fields) {
      if (withheld.has(f.key) || f.kind !== 'computed' || !f.formula) continue;
      const from = formulaFields(f.formula.expression).filter((k) => withheld.has(k));
      if (from.length === 0) continue;
      withheld.set(
        f.key,
        from.map((k) => byKey.get(k)!),
      );
      grew = true;
    }
  }
  return withheld;
}

/** The published value of each published field of an entry. */
export function publishedValues(
  form: FormDefinition,
  fields: readonly FieldDef[],
  entry: EntryFields,
): Record<FieldKey, PublishedValue> {
  const numbers = fieldNumbers(form, entry);
  const valueOf = (f: FieldDef): PublishedValue => {
    const text = fieldText(entry, f.key);
    switch (f.kind) {
      case 'computed':
        return numbers(f.key) ?? '';
      case 'number':
        return numbers(f.key) ?? text;
      case 'date': {
        const d = readDate(text);
        return d.kind === 'date' ? d.iso : text;
      }
      default:
        return viewText(f, text);
    }
  };
  return Object.fromEntries(fields.map((f) => [f.key, valueOf(f)]));
}

/** The document to publish from 全体計画's rows: entries on 体系 items only, published fields only. */
export function publishDocument(source: PublishSource): PublishDocument {
  const { form, plan } = source;
  const withheld = withheldFields(form);
  const fields = form.fields.filter((f) => !withheld.has(f.key));
  const unpublished = form.fields.filter((f) => withheld.has(f.key));
  const empty = Object.fromEntries(fields.map((f) => [f.key, '']));
  const inPlan = source.rows.filter((r) => r.status !== 'flagged' && r.planItem);
  const entries: PublishEntry[] = inPlan.map((r) => ({
    planItem: r.planItem!,
    department: r.department,
    seq: r.seq,
    status: r.status === 'missing' || !r.entry ? 'missing' : 'submitted',
    ...(r.status === 'missing' && r.blankSheet && { blankSheet: true as const }),
    values: r.status !== 'missing' && r.entry ? publishedValues(form, fields, r.entry.fields) : empty,
  }));
  const tally = tallyField(form);
  return {
    title: source.title,
    fiscalYear: source.fiscalYear,
    plan,
    fields,
    unpublished,
    entries,
    ...(tally && !withheld.has(tally.key) && { achievement: summarizeAchievement(plan, inPlan, form) }),
    leftOut: source.rows.length - inPlan.length,
  };
}
