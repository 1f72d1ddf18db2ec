import { findFormHeaderInKeys, formColumnKeys, headerKeys, REQUIRED_COLUMNS } from '../form/formColumns';
import { normalizeKey } from '../text/normalizeKey';
import { isPlanHeaderInKeys, PLAN_HEADER_KEYS } from './readPlanSheet';
import { cellText, type SheetSnapshot } from './snapshot';

const TOC = '目次';

/** The keys a header cell of a 様式 or a 体系 starts with (made on first use). */
let headerWords: readonly string[] | undefined;

/** A 様式 sheet: its header row names every required 様式 column (項目, キー, 種類, 必須の時期). */
function isFormSheet(keys: readonly (readonly string[])[]): boolean {
  const header = findFormHeaderInKeys(keys);
  return header !== undefined && REQUIRED_COLUMNS.every((c) => header.columns[c] !== undefined);
}

/** The first cell with text, in reading order (rows top to bottom, then columns left to right). */
function firstText(sheet: SheetSnapshot): string | undefined {
  for (const row of sheet.values)
    for (const value of row) {
      const text = cellText(value);
      if (text.trim() !== '') return text;
    }
  return undefined;
}

/**
 * Sheets that are not read for entries: a 目次 (by its name or its first cell, checked first because a
 * table of contents may repeat the 体系's headings), a 様式 (the form a department workbook was built
 * from travels in it, hidden) and the 体系 table. Undefined: read it for forms.
 */
export function classifySheet(sheet: SheetSnapshot): 'toc' | 'form' | 'plan' | undefined {
  if (normalizeKey(sheet.name).includes(TOC)) return 'toc';
  const first = firstText(sheet);
  if (first !== undefined && normalizeKey(first).startsWith(TOC)) return 'toc';
  // The first rows are keyed once for both headers (a 様式's and a 体系's), each cell only as far as it
  // takes to tell whether it can be a header cell of either.
  const keys = headerKeys(sheet.values, (headerWords ??= [...formColumnKeys(), ...PLAN_HEADER_KEYS]));
  if (isFormSheet(keys)) return 'form';
  if (isPlanHeaderInKeys(keys)) return 'plan';
  return undefined;
}
