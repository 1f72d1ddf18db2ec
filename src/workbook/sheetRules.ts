import { invariant } from '../domain/result';

/** Excel's rules for sheet names, table names and table headers, enforced the same way by both adapters. */
export function checkSheetName(name: string): void {
  invariant(name.length >= 1 && name.length <= 31, `sheet name must be 1–31 characters: ${name}`);
  invariant(
    !/[*?:/\\[\]]/.test(name) && !/^'|'$/.test(name) && name !== 'History',
    `invalid sheet name: ${name}`,
  );
}

export function checkTableName(name: string): void {
  invariant(/^[A-Za-z_\\\p{L}][\p{L}\p{N}_.]*$/u.test(name), `invalid table name: ${name}`);
}

/** Table header names must be unique, non-empty text: a blank header becomes `列3`, a repeat `名前2`. */
export function headerNames(texts: readonly string[]): string[] {
  const seen = new Set<string>();
  return texts.map((text, i) => {
    const base = text.trim() === '' ? `列${i + 1}` : text;
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n += 1) name = `${base}${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}
