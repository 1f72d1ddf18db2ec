import { cellText, type SheetSnapshot } from '../extract/snapshot';
import { parseFiscalYear } from '../fiscal/fiscalYear';

/**
 * `令和2年度 町政運営推進プラン 計画の体系` (a 体系 sheet's title row, as build writes it) → year and plan title,
 * so a master or 体系 file carries its own plan's name into the next build or consolidation.
 */
export function parsePlanTitle(text: string): { fiscalYear?: number; title?: string } {
  const m = /^\s*(\S+?年度)\s+(.+?)\s*(?:計画の)?体系\s*$/u.exec(text);
  if (!m?.[1] || !m[2]) return {};
  const fiscalYear = parseFiscalYear(m[1]);
  return { ...(fiscalYear !== undefined && { fiscalYear }), title: m[2] };
}

/** The year and plan title of a 体系 sheet, from its title row (the first cell with text in its first row). */
export const planSheetTitle = (sheet: SheetSnapshot | undefined): { fiscalYear?: number; title?: string } =>
  parsePlanTitle(cellText(sheet?.values[0]?.find((v) => cellText(v).trim() !== '')));
