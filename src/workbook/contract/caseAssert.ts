/**
 * The few assertions the port contract cases need, without a test runner: each throws an `Error` that says
 * what was checked, what was expected and what was found, so that a failure read in Excel's task pane (the
 * self-test) is as telling as one in vitest.
 */
export class ContractFailure extends Error {
  override readonly name = 'ContractFailure';
}

const show = (value: unknown): string => {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
};

/** Structural equality of plain data (what snapshots and listings are): arrays, objects, primitives. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return (
    ka.length === kb.length &&
    ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

export const assert = {
  equal(actual: unknown, expected: unknown, what: string): void {
    if (!deepEqual(actual, expected))
      throw new ContractFailure(`${what}: expected ${show(expected)}, got ${show(actual)}`);
  },
  oneOf(actual: unknown, allowed: readonly unknown[], what: string): void {
    if (!allowed.some((a) => deepEqual(a, actual)))
      throw new ContractFailure(`${what}: expected one of ${show(allowed)}, got ${show(actual)}`);
  },
  includes(list: readonly unknown[] | undefined, item: unknown, what: string): void {
    if (!list?.some((x) => deepEqual(x, item)))
      throw new ContractFailure(`${what}: expected ${show(list)} to include ${show(item)}`);
  },
  excludes(list: readonly unknown[] | undefined, item: unknown, what: string): void {
    if (list?.some((x) => deepEqual(x, item)))
      throw new ContractFailure(`${what}: expected ${show(list)} not to include ${show(item)}`);
  },
};
