import type { EntryKey } from '../entry/types';

/**
 * Metadata that identifies an entry sheet, kept in one cell of a hidden column beside the form
 * (not a defined name or a custom property): it moves with the sheet when it is renamed, reordered or
 * copied — a copy then claims the same entry, which consolidation reports — it is written and read the
 * same way through ExcelJS and Office.js, and a person can see it by unhiding the column.
 *
 * Format: `suishin:entry;v=1;code=I-1-1-1;department=総務課;seq=1;year=2020;form=suishin-standard@1`
 */
export interface SheetMeta extends EntryKey {
  readonly fiscalYear: number;
  readonly formId: string;
  /** A built-in form's version number, or a 様式 sheet's digest. */
  readonly formVersion: number | string;
}

export const META_PREFIX = 'suishin:entry;';
/** The hidden column (0-based) holding the metadata cell, right of the form's A–D. */
export const META_COLUMN = 5;
export const META_ROW = 0;

const escape = (s: string): string =>
  s.replace(/[%;=]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
const unescape = (s: string): string =>
  s.replace(/%([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

const parseVersion = (v: string | undefined): number | string =>
  v === undefined || v === '' ? 1 : /^[0-9]+$/.test(v) ? Number(v) : v;

export function formatSheetMeta(meta: SheetMeta): string {
  return `${META_PREFIX}v=1;code=${escape(meta.code)};department=${escape(meta.department)};seq=${meta.seq};year=${meta.fiscalYear};form=${escape(meta.formId)}@${meta.formVersion}`;
}

/** The metadata in a cell's text, or undefined when the text is not (valid) metadata. */
export function parseSheetMeta(text: string): SheetMeta | undefined {
  if (!text.startsWith(META_PREFIX)) return undefined;
  const parts = new Map(
    text
      .slice(META_PREFIX.length)
      .split(';')
      .map((kv) => {
        const i = kv.indexOf('=');
        return [kv.slice(0, i), unescape(kv.slice(i + 1))] as const;
      }),
  );
  const code = parts.get('code');
  const department = parts.get('department');
  const seq = Number(parts.get('seq'));
  const fiscalYear = Number(parts.get('year'));
  const [formId, formVersion] = (parts.get('form') ?? '').split('@');
  if (!code || !department || !Number.isInteger(seq) || seq < 1 || !Number.isInteger(fiscalYear) || !formId)
    return undefined;
  return { code, department, seq, fiscalYear, formId, formVersion: parseVersion(formVersion) };
}
