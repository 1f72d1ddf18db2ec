import type { Borders, Fill, Font, Style } from 'exceljs';
import type { CellStyle } from '../../domain/template/sheetSpec';
import { DEFAULT_FONT_SIZE, SHEET_FONT_NAME } from '../excelConventions';
import { argb } from '../a1';

/** The sheet font (see excelConventions) as ExcelJS records it: family 3 (modern), charset 128 (Shift_JIS). */
export const SHEET_FONT: Readonly<Pick<Font, 'name' | 'family' | 'charset'>> = {
  name: SHEET_FONT_NAME,
  family: 3,
  charset: 128,
};

const THIN = { style: 'thin', color: { argb: 'FF000000' } } as const;
const ALL_THIN: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** A solid cell fill (cells use the foreground colour of a solid pattern). */
export const solidFill = (hex: string): Fill => ({
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: argb(hex) },
});

/** A solid fill for a conditional format (differential formats use the background colour). */
export const dxfFill = (hex: string): Fill => ({
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: argb(hex) },
  bgColor: { argb: argb(hex) },
});

/** A named spec style → a complete ExcelJS style (always with the sheet font). */
export function toExcelStyle(style: CellStyle): Partial<Style> {
  const font: Partial<Font> = { ...SHEET_FONT, size: style.fontSize ?? DEFAULT_FONT_SIZE };
  if (style.bold) font.bold = true;
  if (style.underline) font.underline = true;
  if (style.color) font.color = { argb: argb(style.color) };
  const result: Partial<Style> = { font };
  if (style.wrap || style.horizontal || style.vertical) {
    result.alignment = {
      ...(style.horizontal ? { horizontal: style.horizontal } : {}),
      ...(style.vertical ? { vertical: style.vertical } : {}),
      ...(style.wrap ? { wrapText: true } : {}),
    };
  }
  if (style.border) result.border = ALL_THIN;
  if (style.fill) result.fill = solidFill(style.fill);
  if (style.locked !== undefined) result.protection = { locked: style.locked };
  if (style.numberFormat) result.numFmt = style.numberFormat;
  return result;
}
