import { boundedMemo, perObject } from '../memo';
import type { FieldKey } from '../entry/formDefinition';
import type { EntryKey } from '../entry/types';

/**
 * Metadata that identifies an entry sheet, kept in one cell of a hidden column beside the form
 * (not a defined name or a custom property): it moves with the sheet when it is renamed, reordered or
 * copied — a copy then claims the same entry, which consolidation reports — it is written and read the
 * same way through ExcelJS and Office.js, and a person can see it by unhiding the column.
 *
 * Format: `suishin:entry;v=1;code=I-1-1-1;department=総務課;seq=1;year=2020;form=suishin-standard@1;fields=vision:D3,goal:D5,…`
 * (`fields` lists which field's value sits in which cell, so that a sheet built from an older 様式 version
 * is read by キー even where its labels differ; metadata written before it had no `fields` and still parses).
 */
export interface SheetMeta extends EntryKey {
  readonly fiscalYear: number;
  readonly formId: string;
  /** A built-in form's version number, or a 様式 sheet's digest. */
  readonly formVersion: number | string;
  /**
   * The value cell (A1) of each field, in the form's order, as the builder placed them: written by
   * formatSheetMeta, read by parseMetaFieldCells (parseSheetMeta returns the entry's identity only).
   */
  readonly fieldCells?: readonly MetaFieldCell[];
}

export interface MetaFieldCell {
  readonly key: FieldKey;
  readonly cell: string;
}

export const META_PREFIX = 'suishin:entry;';
/** The hidden column (0-based) holding the metadata cell, right of the form's A–D. */
export const META_COLUMN = 5;
export const META_ROW = 0;

const escape = (s: string): string =>
  s.replace(/[%;=]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
/** A key inside the `fields` list also escapes the list's own separators. */
const escapeItem = (s: string): string =>
  s.replace(/[%;=,:]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
const unescape = (s: string): string =>
  s.includes('%') ? s.replace(/%([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s;

const parseVersion = (v: string | undefined): number | string =>
  v === undefined || v === '' ? 1 : /^[0-9]+$/.test(v) ? Number(v) : v;

export function formatSheetMeta(meta: SheetMeta): string {
  return `${META_PREFIX}v=1;code=${escape(meta.code)};department=${escape(meta.department)};seq=${meta.seq};year=${meta.fiscalYear};form=${escape(meta.formId)}@${meta.formVersion}${fieldsPart(meta.fieldCells)}`;
}

function fieldsPart(fields: SheetMeta['fieldCells']): string {
  return !fields || fields.length === 0 ? '' : fieldsText(fields);
}
/** A form's list of field cells is the same on every sheet built from it (a master's report sheets too). */
const fieldsText = perObject(
  (fields: readonly MetaFieldCell[]): string =>
    `;fields=${fields.map((f) => `${escapeItem(f.key)}:${escapeItem(f.cell)}`).join(',')}`,
);

const A1 = /^[A-Z]{1,3}[1-9][0-9]*$/;

/** `vision:D3,goal:D5` (the raw, still escaped list) → the field cells; a malformed item is skipped. */
// Every sheet built from one form lists the same cells: a list is parsed once.
const fieldList = boundedMemo(parseFieldList, 1_000);
function parseFields(raw: string | undefined): readonly MetaFieldCell[] | undefined {
  return raw === undefined || raw === '' ? undefined : fieldList(raw);
}

function parseFieldList(raw: string): readonly MetaFieldCell[] | undefined {
  const fields: MetaFieldCell[] = [];
  for (const item of raw.split(',')) {
    // `key:cell` (anything after a second colon is ignored); an item without a colon has no cell.
    const colon = item.indexOf(':');
    if (colon < 0) continue;
    const next = item.indexOf(':', colon + 1);
    const key = unescape(item.slice(0, colon));
    const cell = unescape(next < 0 ? item.slice(colon + 1) : item.slice(colon + 1, next));
    if (key && cell && A1.test(cell)) fields.push({ key, cell });
  }
  return fields.length > 0 ? fields : undefined;
}

const metaParts = (text: string): ReadonlyMap<string, string> =>
  new Map(
    text
      .slice(META_PREFIX.length)
      .split(';')
      .map((kv) => {
        const i = kv.indexOf('=');
        const name = kv.slice(0, i);
        // `fields` is unescaped item by item (its keys may hold escaped separators).
        return [name, name === 'fields' ? kv.slice(i + 1) : unescape(kv.slice(i + 1))] as const;
      }),
  );

/**
 * Which field's value sits in which cell, from valid metadata that lists them (`fields=`); undefined for
 * metadata written before the list existed, or for text that is not metadata.
 */
export function parseMetaFieldCells(text: string): readonly MetaFieldCell[] | undefined {
  return parseMetaCell(text)?.fieldCells;
}

/** The entry a metadata cell's text identifies, or undefined when the text is not (valid) metadata. */
export function parseSheetMeta(text: string): SheetMeta | undefined {
  return parseMetaCell(text)?.meta;
}

/**
 * A metadata cell read once: the entry it identifies (parseSheetMeta) and the field cells it lists
 * (parseMetaFieldCells); undefined when the text is not (valid) metadata.
 */
export function parseMetaCell(
  text: string,
): { readonly meta: SheetMeta; readonly fieldCells?: readonly MetaFieldCell[] } | undefined {
  if (!text.startsWith(META_PREFIX)) return undefined;
  const parts = metaParts(text);
  const code = parts.get('code');
  const department = parts.get('department');
  const seq = Number(parts.get('seq'));
  const fiscalYear = Number(parts.get('year'));
  const [formId, formVersion] = (parts.get('form') ?? '').split('@');
  if (!code || !department || !Number.isInteger(seq) || seq < 1 || !Number.isInteger(fiscalYear) || !formId)
    return undefined;
  const meta = { code, department, seq, fiscalYear, formId, formVersion: parseVersion(formVersion) };
  const fieldCells = parseFields(parts.get('fields'));
  return fieldCells ? { meta, fieldCells } : { meta };
}
