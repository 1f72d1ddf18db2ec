import type { CellRange, PrintSpec } from './sheetSpec';

/** Margins in inches: 0.5" left and right (the width the form's columns are sized for). */
export const PRINT_MARGINS = {
  top: 0.75,
  bottom: 0.75,
  left: 0.5,
  right: 0.5,
  header: 0.3,
  footer: 0.3,
} as const;

/** `ページ / 総ページ` centred at the bottom, in Excel's codes. */
export const PAGE_FOOTER = '&C&P / &N';

/** Text for a header or footer: `&` starts a code there, so a literal one is doubled. */
export const headerText = (text: string): string => text.replace(/&/g, '&&');

/** A header with a left and a right part (`&L…&R…`), both literal text. */
export const leftRightHeader = (left: string, right: string): string =>
  `&L${headerText(left)}&R${headerText(right)}`;

/** A4, one page wide unless told otherwise, centred, with the page footer. */
export function a4Print(options: {
  readonly orientation: PrintSpec['orientation'];
  /** Omitted: Excel prints the used range (a sheet that grows later). */
  readonly area?: CellRange;
  readonly header?: string;
  readonly titleRows?: PrintSpec['titleRows'];
  /**
   * Pages wide (default 1). 0: printed at 100 %, as many pages wide as the columns need — a wide table
   * then repeats its `titleColumns` on every page and prints each band of rows across before going down.
   */
  readonly pagesWide?: number;
  /** Pages tall, with pagesWide (default: as many as the rows need). */
  readonly pagesTall?: number;
  readonly titleColumns?: PrintSpec['titleColumns'];
}): PrintSpec {
  const pagesWide = options.pagesWide ?? 1;
  return {
    paper: 'A4',
    orientation: options.orientation,
    fitToWidth: pagesWide,
    ...(options.pagesTall && pagesWide > 0 && { fitToHeight: options.pagesTall }),
    ...(options.area && { area: options.area }),
    ...(options.titleRows && { titleRows: options.titleRows }),
    ...(options.titleColumns && { titleColumns: options.titleColumns }),
    ...(pagesWide !== 1 && { pageOrder: 'overThenDown' as const }),
    ...(options.header !== undefined && { header: options.header }),
    footer: PAGE_FOOTER,
    margins: PRINT_MARGINS,
    centerHorizontally: true,
  };
}
