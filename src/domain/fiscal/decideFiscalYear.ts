/** The years one input file's sheets carry (written on the sheet or in its metadata; never assumed). */
export interface YearCarrier {
  readonly file: string;
  readonly years: readonly number[];
}

/** The files that carry one year, in the order they were given. */
export interface YearFiles {
  readonly fiscalYear: number;
  readonly files: readonly string[];
}

/**
 * The year a run works on, and why:
 * - `explicit`: the user named it; `others` lists files carrying other years (their sheets are 年度違い);
 * - `inferred`: no year named, and every sheet that carries a year carries this one;
 * - `default`: no year named and no sheet carries one: the default (the 体系's year, or today's);
 * - `mixed`: no year named, the files disagree, and the default is one of their years: the default is used;
 * - `undecided`: no year named and the files disagree (the default, if any, is none of their years): the
 *   run cannot pick one without guessing.
 */
export type YearDecision =
  | { readonly kind: 'explicit'; readonly fiscalYear: number; readonly others: readonly YearFiles[] }
  | { readonly kind: 'inferred'; readonly fiscalYear: number; readonly fallback?: number }
  | { readonly kind: 'default'; readonly fiscalYear: number }
  | { readonly kind: 'mixed'; readonly fiscalYear: number; readonly byYear: readonly YearFiles[] }
  | { readonly kind: 'undecided'; readonly byYear: readonly YearFiles[]; readonly fallback?: number }
  | { readonly kind: 'none' };

export interface YearQuestion {
  /** The year the user named (--year, the pane's picker); it always wins. */
  readonly explicit?: number;
  /** The year used when the files carry none (the 体系's year, else today's fiscal year). */
  readonly fallback?: number;
  readonly carriers: readonly YearCarrier[];
}

/** Files by year: the most files first, then the earlier year; files in input order. */
export function filesByYear(carriers: readonly YearCarrier[]): YearFiles[] {
  const byYear = new Map<number, string[]>();
  for (const c of carriers)
    for (const y of new Set(c.years)) {
      const files = byYear.get(y);
      if (files) files.push(c.file);
      else byYear.set(y, [c.file]);
    }
  return [...byYear]
    .map(([fiscalYear, files]) => ({ fiscalYear, files }))
    .sort((a, b) => b.files.length - a.files.length || a.fiscalYear - b.fiscalYear);
}

/**
 * Which year a consolidation (or a validation) is about. The files decide when nobody named a year: a run
 * never consolidates under a default that every file contradicts, and never picks among disagreeing files
 * silently.
 */
export function decideFiscalYear(q: YearQuestion): YearDecision {
  const byYear = filesByYear(q.carriers);
  if (q.explicit !== undefined)
    return {
      kind: 'explicit',
      fiscalYear: q.explicit,
      others: byYear.filter((y) => y.fiscalYear !== q.explicit),
    };
  const only = byYear.length === 1 ? byYear[0] : undefined;
  if (only)
    return {
      kind: 'inferred',
      fiscalYear: only.fiscalYear,
      ...(q.fallback !== undefined && { fallback: q.fallback }),
    };
  if (byYear.length === 0)
    return q.fallback === undefined ? { kind: 'none' } : { kind: 'default', fiscalYear: q.fallback };
  if (q.fallback !== undefined && byYear.some((y) => y.fiscalYear === q.fallback))
    return { kind: 'mixed', fiscalYear: q.fallback, byYear };
  return { kind: 'undecided', byYear, ...(q.fallback !== undefined && { fallback: q.fallback }) };
}

/** The year the run uses, when there is one. */
export const decidedYear = (d: YearDecision): number | undefined =>
  d.kind === 'undecided' || d.kind === 'none' ? undefined : d.fiscalYear;

/** The years an input's entries carry, leaving out entries whose year was assumed (no label, no metadata). */
export const yearCarrier = (
  file: string,
  entries: readonly { readonly entry: { readonly fiscalYear: number }; readonly yearAssumed?: boolean }[],
): YearCarrier => ({
  file,
  years: [...new Set(entries.filter((e) => !e.yearAssumed).map((e) => e.entry.fiscalYear))],
});
