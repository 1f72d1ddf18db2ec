/** Where a department's name is written in the 体系 table: an item's 実践課 cell, or the 実践課一覧 row. */
export interface DepartmentOccurrence {
  readonly name: string;
  readonly row: number;
  readonly column: number;
}

/** A department written once, while names near it are written elsewhere: likely a mistyped 課. */
export interface NearDepartment {
  readonly name: string;
  readonly row: number;
  readonly column: number;
  /** The near names, in the order they first appear. */
  readonly near: readonly string[];
}

/** The name without its 課 / 室: `建設水道課` → `建設水道`. */
const core = (name: string): string => name.replace(/[課室]$/u, '');

/** Levenshtein distance over code points, enough for names of a few characters. */
function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++)
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[y.length] ?? 0;
}

/**
 * Two different names that are probably one department typed two ways: the same name but for 課 / 室
 * (`建設課`, `建設室`); one containing the other once 課 / 室 is removed (`建設課` in `建設水道課`, at least two
 * characters in common); or one or two characters apart in names long enough that this is a slip, not
 * two departments (`保健福祉課` / `保険福祉課` are near; `総務課` / `税務課` and `農業振興課` / `教育振興課` are
 * not: real departments of a town can differ by one character of a short name).
 */
export function areNearDepartmentNames(a: string, b: string): boolean {
  if (a === b) return false;
  const [short, long] = [core(a), core(b)].sort((p, q) => [...p].length - [...q].length) as [string, string];
  const shortLength = [...short].length;
  if (short === long) return shortLength > 0;
  if (shortLength >= 2 && long.includes(short)) return true;
  const distance = editDistance(short, long);
  return (distance === 1 && shortLength >= 3) || (distance === 2 && shortLength >= 6);
}

/**
 * Departments written exactly once in the 体系 while a near name (areNearDepartmentNames) is written
 * elsewhere. When both are written once, only the later one is reported, naming the earlier.
 */
export function findNearDepartmentNames(occurrences: readonly DepartmentOccurrence[]): NearDepartment[] {
  const count = new Map<string, number>();
  for (const o of occurrences) count.set(o.name, (count.get(o.name) ?? 0) + 1);
  const names = [...count.keys()];
  const out: NearDepartment[] = [];
  occurrences.forEach((o, i) => {
    if (count.get(o.name) !== 1) return;
    const near = names.filter((other) => {
      if (!areNearDepartmentNames(o.name, other)) return false;
      if ((count.get(other) ?? 0) > 1) return true;
      // Both once: report the later of the two only.
      return occurrences.findIndex((p) => p.name === other) < i;
    });
    if (near.length > 0) out.push({ name: o.name, row: o.row, column: o.column, near });
  });
  return out;
}
