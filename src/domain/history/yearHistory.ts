import { summarizeAchievement } from '../consolidation/summarizeAchievement';
import type { AchievementCounts, MasterRow } from '../consolidation/types';
import { tallyField, type FieldDef, type FormDefinition } from '../entry/formDefinition';
import { fieldText } from '../entry/types';
import { basicLabel, fullItemLabel, promotionLabel } from '../plan/planItems';
import type { Plan } from '../plan/types';
import { formatFiscalYear } from '../fiscal/fiscalYear';

/** One year of the plan as its master holds it: that year's 体系, 様式 and 全体計画 rows. */
export interface HistoryYear {
  readonly fiscalYear: number;
  /** Where the year came from (the master's file name, or 「この集約」 for the run itself). */
  readonly source: string;
  readonly plan: Plan;
  readonly form: FormDefinition;
  readonly rows: readonly MasterRow[];
}

/** A year's 集計 counts, by that year's own choices: overall and per 推進項目. */
export interface YearTally {
  readonly fiscalYear: number;
  readonly source: string;
  /** The year's 集計 field; absent when that year's 様式 has none (nothing counted). */
  readonly field?: { readonly key: string; readonly label: string };
  readonly choices: readonly string[];
  readonly total: AchievementCounts;
  /** By 推進項目 label (`Ⅰ 基本項目 / 1 推進項目`). */
  readonly byPromotion: ReadonlyMap<string, AchievementCounts>;
}

/** One year of an item: what its row held that year. */
export interface ItemYear {
  readonly fiscalYear: number;
  /** `entry`: a row with an entry; `missing`: 未提出 that year; `absent`: no row that year. */
  readonly status: 'entry' | 'missing' | 'absent';
  /**
   * The item's label in that year's 体系 (an item renamed between years shows each year's name); a year without
   * it, its latest name.
   */
  readonly label: string;
  /** The 集計 field's text that year ('' when none). */
  readonly choice: string;
  /** The 評価 field's text that year (see commentField), '' when none. */
  readonly comment: string;
  /** The label of the field `comment` was read from (that year's form). */
  readonly commentLabel?: string;
}

/** One row of 全体計画 (code, department, seq) over the years. */
export interface ItemHistory {
  readonly code: string;
  readonly department: string;
  readonly seq: number;
  readonly years: readonly ItemYear[];
}

export interface History {
  /** Oldest first. */
  readonly years: readonly YearTally[];
  /** 推進項目 labels: the latest year's order, then labels only older years have. */
  readonly promotions: readonly string[];
  /** The latest year's rows in its order, then rows only older years have. */
  readonly items: readonly ItemHistory[];
}

/**
 * The years between the first and the last shown that no master was given for (令和3年度 between 令和2年度
 * and 令和4年度), and the sentence that says so: 推移 spans 令和2年度～令和4年度 but has no 令和3年度 column.
 */
export function skippedYearsNote(years: readonly number[]): string | undefined {
  const shown = new Set(years);
  const skipped: number[] = [];
  for (let y = Math.min(...years) + 1; y < Math.max(...years); y++) if (!shown.has(y)) skipped.push(y);
  return skipped.length === 0
    ? undefined
    : `${skipped.map(formatFiscalYear).join('・')}の全体計画が渡されていないため、推移にその年度はありません。`;
}

export const historyKey = (code: string, department: string, seq: number): string =>
  `${code}|${department}|${seq}`;

/**
 * The field an item's history shows beside the choice: the form's 文章 field whose label names 評価
 * (R2: 評価・検証), else its last 文章 field.
 */
export function commentField(form: FormDefinition): FieldDef | undefined {
  const texts = form.fields.filter((f) => f.kind === 'text');
  return texts.find((f) => f.label.includes('評価')) ?? texts[texts.length - 1];
}

function tallyOf(year: HistoryYear): YearTally {
  const summary = summarizeAchievement(year.plan, year.rows, year.form);
  // summarizeAchievement lists every 推進項目 of the year's 体系 in order.
  const byPromotion = new Map(summary.byPromotion.map((g) => [g.label, g.counts]));
  return {
    fiscalYear: year.fiscalYear,
    source: year.source,
    ...(summary.field && { field: summary.field }),
    choices: summary.choices,
    total: summary.total,
    byPromotion,
  };
}

/**
 * The plan across years: each year's 集計 counts by its own 様式's choices (two years whose choices differ
 * are shown side by side, never merged), and each 全体計画 row's choice and 評価 year by year, matched by
 * code, department and seq. Years are sorted oldest first; a year given twice keeps the later one given.
 */
export function buildHistory(given: readonly HistoryYear[]): History {
  const byYear = new Map<number, HistoryYear>();
  for (const y of given) byYear.set(y.fiscalYear, y);
  const years = [...byYear.values()].sort((a, b) => a.fiscalYear - b.fiscalYear);
  const newestFirst = [...years].reverse();

  const promotions: string[] = [];
  for (const y of newestFirst)
    for (const b of y.plan.basics)
      for (const p of b.promotions) {
        const label = `${basicLabel(b)} / ${promotionLabel(p)}`;
        if (!promotions.includes(label)) promotions.push(label);
      }

  const order: string[] = [];
  const keyed = new Map<string, { code: string; department: string; seq: number }>();
  for (const y of newestFirst)
    for (const r of y.rows) {
      const k = historyKey(r.code, r.department, r.seq);
      if (keyed.has(k)) continue;
      keyed.set(k, { code: r.code, department: r.department, seq: r.seq });
      order.push(k);
    }
  const rowsOf = years.map((y) => ({
    year: y,
    tally: tallyField(y.form),
    comment: commentField(y.form),
    rows: new Map(y.rows.map((r) => [historyKey(r.code, r.department, r.seq), r])),
  }));
  const items: ItemHistory[] = order.map((k) => {
    const { code, department, seq } = keyed.get(k)!;
    // A year without the item (or outside its 体系) shows the latest name the item has.
    const labels = rowsOf
      .map(({ rows }) => rows.get(k)?.planItem)
      .flatMap((p) => (p ? [fullItemLabel(p)] : []));
    const latest = labels[labels.length - 1] ?? '';
    return {
      code,
      department,
      seq,
      years: rowsOf.map(({ year, tally, comment, rows }): ItemYear => {
        const row = rows.get(k);
        // A year whose row moved (renumbered, or its department renamed) says what it was then.
        const then = row?.formerly ? `（当時 ${row.formerly}）` : '';
        const label = `${row?.planItem ? fullItemLabel(row.planItem) : latest}${then}`;
        if (!row) return { fiscalYear: year.fiscalYear, status: 'absent', label, choice: '', comment: '' };
        const fields = row.entry?.fields ?? {};
        return {
          fiscalYear: year.fiscalYear,
          status: row.status === 'missing' || !row.entry ? 'missing' : 'entry',
          label,
          choice: tally ? fieldText(fields, tally.key).trim() : '',
          comment: comment ? fieldText(fields, comment.key) : '',
          ...(comment && { commentLabel: comment.label }),
        };
      }),
    };
  });
  return { years: years.map(tallyOf), promotions, items };
}

/** The counts of a 推進項目 in a year, undefined when that year's 体系 has no such 推進項目. */
export const promotionCounts = (year: YearTally, promotion: string): AchievementCounts | undefined =>
  year.byPromotion.get(promotion);
