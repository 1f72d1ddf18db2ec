/**
 * 年度: April to March, written in 和暦. A fiscal year is identified by the Gregorian year it starts in
 * (令和2年度 = April 2020 – March 2021 → 2020).
 */
const ERAS: ReadonlyArray<{ readonly name: string; readonly letter: string; readonly start: number }> = [
  { name: '令和', letter: 'R', start: 2019 },
  { name: '平成', letter: 'H', start: 1989 },
];

/** 2020 → 令和2年度, 2019 → 令和元年度 (a fiscal year is named by the era of its April). */
export function formatFiscalYear(startYear: number): string {
  const era = ERAS.find((e) => startYear >= e.start) ?? ERAS[ERAS.length - 1]!;
  const n = startYear - era.start + 1;
  return `${era.name}${n === 1 ? '元' : n}年度`;
}

/** `令和2年度`, `令和２年度`, `令和元年度`, `R2`, `R2年度`, `2020年度`, `平成31年度` → 2020-style start year. */
export function parseFiscalYear(text: string): number | undefined {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  const era = /^(令和|平成|R|H)(元|\d{1,2})(?:年度?)?$/iu.exec(t);
  if (era?.[1] && era[2]) {
    const e = ERAS.find((x) => x.name === era[1] || x.letter === era[1]!.toUpperCase());
    const n = era[2] === '元' ? 1 : Number(era[2]);
    return e && n >= 1 ? e.start + n - 1 : undefined;
  }
  const western = /^(\d{4})(?:年度?)?$/u.exec(t);
  return western?.[1] ? Number(western[1]) : undefined;
}

export type Period = 'firstHalf' | 'secondHalf';

/** 前期 is April–September, 後期 October–March. */
export const periodOfMonth = (month: number): Period =>
  month >= 4 && month <= 9 ? 'firstHalf' : 'secondHalf';

export const PERIOD_LABELS: Readonly<Record<Period, string>> = {
  firstHalf: '前期 (4～9月)',
  secondHalf: '後期 (10～3月)',
};

/** The calendar date range of a period: 前期 2020 → 2020-04-01..2020-09-30. */
export function periodRange(startYear: number, period: Period): { from: string; to: string } {
  return period === 'firstHalf'
    ? { from: `${startYear}-04-01`, to: `${startYear}-09-30` }
    : { from: `${startYear}-10-01`, to: `${startYear + 1}-03-31` };
}

/** The fiscal year a calendar date falls in. */
export const fiscalYearOf = (year: number, month: number): number => (month >= 4 ? year : year - 1);
