import { normalizeKey } from '../text/normalizeKey';
import { isPlanSheet } from './readPlanSheet';
import { cellText, type SheetSnapshot } from './snapshot';

const TOC = '目次';

/**
 * Sheets that are not read for entries: a 目次 (by its name or its first cell, checked first because a
 * table of contents may repeat the 体系's headings) and the 体系 table. Undefined: read it for forms.
 */
export function classifySheet(sheet: SheetSnapshot): 'toc' | 'plan' | undefined {
  if (normalizeKey(sheet.name).includes(TOC)) return 'toc';
  const first = sheet.values
    .flat()
    .map(cellText)
    .find((t) => t.trim() !== '');
  if (first !== undefined && normalizeKey(first).startsWith(TOC)) return 'toc';
  if (isPlanSheet(sheet)) return 'plan';
  return undefined;
}
