import type { FieldDef, FormDefinition } from '../entry/formDefinition';

/**
 * A form's fields as canonical JSON: what a department's sheet depends on (keys, labels, kinds, choices,
 * requirement, limits, guidance, placement, formulas and rules as written). Aliases and parsed ASTs derive
 * from these and are left out.
 */
export function canonicalFields(fields: readonly FieldDef[]): string {
  return JSON.stringify(
    fields.map((f) => [
      f.key,
      f.label,
      f.kind,
      f.heading ?? null,
      f.inYearBand,
      f.choices ?? null,
      f.requiredFrom,
      f.maxLength ?? null,
      f.guidance,
      f.formula?.text ?? null,
      f.judge?.text ?? null,
      f.reasonFor ?? null,
      f.tally === true,
      // Only when set: the digest of every form written before 割合 existed stays as it was.
      ...(f.percent ? ['percent'] : []),
      ...(f.amount ? ['amount'] : []),
    ]),
  );
}

/** FNV-1a, 32 bits, over UTF-16 code units: 8 hex digits. Stable across runs and platforms. */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** The version a 様式 sheet's form is remembered by: a digest of its fields. */
export const formDigest = (form: Pick<FormDefinition, 'fields'>): string =>
  fnv1a(canonicalFields(form.fields));

/** Two forms a department's sheet cannot tell apart. */
export const sameFields = (a: readonly FieldDef[], b: readonly FieldDef[]): boolean =>
  canonicalFields(a) === canonicalFields(b);
