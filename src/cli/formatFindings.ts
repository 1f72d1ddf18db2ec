import { countBySeverity, type Finding, type Place, type Severity } from '../domain/finding';

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  error: 'エラー',
  warning: '警告',
  info: '情報',
};
const ORDER: readonly Severity[] = ['error', 'warning', 'info'];

/** `「I-1-1-1 総務課」C5`, `C5`, or `` — the sheet and cell a person goes to. */
export function formatPlace(place: Place, options: { readonly withFile?: boolean } = {}): string {
  const parts = [
    ...(options.withFile && place.file ? [place.file] : []),
    ...(place.sheet ? [`「${place.sheet}」`] : []),
    ...(place.cell ? [place.cell] : []),
  ];
  return parts.join(' ');
}

/** `エラー 2 件、警告 1 件、情報 0 件`. */
export function formatCounts(findings: readonly Finding[]): string {
  const counts = countBySeverity(findings);
  return ORDER.map((s) => `${SEVERITY_LABELS[s]} ${counts[s]} 件`).join('、');
}

/** One finding on one line: `  警告  D7  「前期 (4～9月)」に期間外の日付…`. */
export const formatFinding = (f: Finding, indent = '    '): string =>
  `${indent}${SEVERITY_LABELS[f.severity]}  ${f.place.cell ? `${f.place.cell}  ` : ''}${f.message}`;

/**
 * A file's findings grouped by sheet (sheets in first-seen order; findings about the whole workbook first),
 * errors before warnings before notes within a sheet.
 */
export function formatFindingsBySheet(findings: readonly Finding[]): string[] {
  const sheets: string[] = [];
  for (const f of findings) {
    const key = f.place.sheet ?? '';
    if (!sheets.includes(key)) sheets.push(key);
  }
  sheets.sort((a, b) => (a === '' ? -1 : b === '' ? 1 : 0));
  return sheets.flatMap((sheet) => [
    `  ${sheet === '' ? '（ブック全体）' : `「${sheet}」`}`,
    ...findings
      .filter((f) => (f.place.sheet ?? '') === sheet)
      .sort((a, b) => ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity))
      .map((f) => formatFinding(f)),
  ]);
}
