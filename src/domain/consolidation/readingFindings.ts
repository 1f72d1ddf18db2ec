import { entryKeyString } from '../entry/types';
import type { Finding } from '../finding';
import { groupBy } from './groupBy';
import type { LogRecord, SourceFile } from './types';

const at = (file: string, sheet: string): string => `${file}\u0000${sheet}`;

/**
 * The findings made while reading the input files (unread text, wrong cells, labels), less those about sheets
 * a newer file replaced entirely: a department that resubmits a fixed file is not held to the old one's.
 * A file-level finding (no sheet) is dropped when every entry sheet of its file was replaced.
 */
export function currentReadingFindings(sources: readonly SourceFile[], log: readonly LogRecord[]): Finding[] {
  const replaced = new Set(
    log
      .filter((r) => r.outcome === 'replaced')
      .map((r) => `${at(r.file, r.sheet)}\u0000${r.code}|${r.department}|${r.seq}`),
  );
  const findings: Finding[] = [];
  for (const source of sources) {
    if (source.kind !== 'read') continue;
    const superseded = new Set<string>();
    for (const [sheet, received] of groupBy(source.entries, (e) => e.sheet))
      if (received.every((r) => replaced.has(`${at(source.file, sheet)}\u0000${entryKeyString(r.entry)}`)))
        superseded.add(sheet);
    const sheets = new Set(source.entries.map((e) => e.sheet));
    const fileSuperseded = sheets.size > 0 && [...sheets].every((s) => superseded.has(s));
    findings.push(
      ...source.findings.filter((f) => (f.place.sheet ? !superseded.has(f.place.sheet) : !fileSuperseded)),
    );
  }
  return findings;
}

/**
 * Which department a finding counts for: the one it names, else the department of the entries read from its
 * sheet, else the one department its file holds entries for. Undefined when none can be told.
 */
export function findingDepartments(sources: readonly SourceFile[]): (f: Finding) => string | undefined {
  const bySheet = new Map<string, string>();
  const byFile = new Map<string, string>();
  for (const source of sources) {
    if (source.kind !== 'read') continue;
    for (const [sheet, received] of groupBy(source.entries, (e) => e.sheet)) {
      const departments = new Set(received.map((r) => r.entry.department));
      if (departments.size === 1) bySheet.set(at(source.file, sheet), received[0]!.entry.department);
    }
    const departments = new Set(source.entries.map((r) => r.entry.department));
    if (departments.size === 1) byFile.set(source.file, source.entries[0]!.entry.department);
  }
  return (f) =>
    f.place.department ??
    (f.place.file === undefined
      ? undefined
      : ((f.place.sheet ? bySheet.get(at(f.place.file, f.place.sheet)) : undefined) ??
        byFile.get(f.place.file)));
}

/** Findings by the sheet they were made on (`file` + `sheet`), for the 全体計画 row read from that sheet. */
export function findingsBySheet(
  findings: readonly Finding[],
): (file: string, sheet: string) => readonly Finding[] {
  const index = groupBy(
    findings.filter((f) => f.place.file !== undefined && f.place.sheet),
    (f) => at(f.place.file!, f.place.sheet!),
  );
  return (file, sheet) => index.get(at(file, sheet)) ?? [];
}
