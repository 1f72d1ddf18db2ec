/**
 * Office.js sizes are points; specs give column widths in characters, which the ExcelJS adapter writes as
 * the file's `<col width>`. Excel shows such a width as `trunc((256·w + trunc(128/7)) / 256 · 7)` pixels for
 * a workbook whose default font has a 7 px maximum digit width (the 11 pt fonts of ExcelJS files), and a
 * pixel is 0.75 pt at 96 dpi. So a column is as wide whichever adapter wrote it (10 → 70 px → 52.5 pt).
 */
const DIGIT_PX = 7;
const PT_PER_PX = 0.75;

export const columnWidthPoints = (characters: number): number =>
  characters <= 0
    ? 0
    : Math.trunc(((256 * characters + Math.trunc(128 / DIGIT_PX)) / 256) * DIGIT_PX) * PT_PER_PX;

export const inchesToPoints = (inches: number): number => Math.round(inches * 72 * 100) / 100;
