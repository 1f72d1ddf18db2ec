import { nav, ro, rw, type BagField, type BagSchema } from './bagProxy';

/** `RangeFormat` and its parts (ExcelApi 1.1, protection and sizes 1.2, fill pattern 1.9). */
const FONT: BagSchema = { name: rw(), size: rw(), bold: rw(), italic: rw(), color: rw(), underline: rw() };
export const BORDER: BagSchema = { style: rw(), weight: rw(), color: rw() };
export const BORDER_INDEXES = [
  'EdgeTop',
  'EdgeBottom',
  'EdgeLeft',
  'EdgeRight',
  'InsideVertical',
  'InsideHorizontal',
  'DiagonalDown',
  'DiagonalUp',
] as const;

export const RANGE_FORMAT: BagSchema = {
  columnWidth: rw('1.2'),
  rowHeight: rw('1.2'),
  horizontalAlignment: rw(),
  verticalAlignment: rw(),
  wrapText: rw(),
  fill: nav({
    color: rw(),
    pattern: ro('1.9'),
    clear: { kind: 'method', run: (bag) => bag._store.write('fill.color', undefined) },
  }),
  font: nav(FONT),
  borders: nav({
    getItem: {
      kind: 'method',
      returns: (bag, [index]) => {
        if (!BORDER_INDEXES.includes(index as (typeof BORDER_INDEXES)[number]))
          throw new TypeError(`Unknown border index: ${String(index)}`);
        return bag.subBag(`getItem`, `borders.${String(index)}.`, BORDER);
      },
    },
  }),
  protection: nav({ locked: rw('1.2'), formulaHidden: rw('1.2') }),
};

/** `DataValidation` (ExcelApi 1.8). */
export const DATA_VALIDATION: BagSchema = {
  rule: rw('1.8'),
  prompt: rw('1.8'),
  errorAlert: rw('1.8'),
  ignoreBlanks: rw('1.8'),
  type: ro('1.8'),
  clear: { kind: 'method', minApi: '1.8', run: (bag) => bag._store.write('$clear', true) },
};

/** `ConditionalFormat` of the kinds Suishin writes (ExcelApi 1.6). */
const CF_FORMAT: BagSchema = {
  fill: nav({ color: rw('1.6') }),
  font: nav({ color: rw('1.6'), bold: rw('1.6') }),
};
export const CONDITIONAL_FORMAT: BagSchema = {
  type: ro('1.6'),
  priority: rw('1.6'),
  stopIfTrue: rw('1.6'),
  custom: nav({ rule: nav({ formula: rw('1.6') }), format: nav(CF_FORMAT) }),
  dataBar: nav({
    barDirection: rw('1.6'),
    showDataBarOnly: rw('1.6'),
    lowerBoundRule: rw('1.6'),
    upperBoundRule: rw('1.6'),
    positiveFormat: nav({ fillColor: rw('1.6'), gradientFill: rw('1.6'), borderColor: rw('1.6') }),
  }),
};

/** `PageLayout` and its headers and footers (ExcelApi 1.9). */
const HEADER_FOOTER: BagSchema = {
  leftHeader: rw('1.9'),
  centerHeader: rw('1.9'),
  rightHeader: rw('1.9'),
  leftFooter: rw('1.9'),
  centerFooter: rw('1.9'),
  rightFooter: rw('1.9'),
};
const printTarget = (key: string): BagField => ({
  kind: 'method',
  minApi: '1.9',
  run: (bag, [target]) => bag._store.write(`$${key}`, target),
});
export const PAGE_LAYOUT: BagSchema = {
  orientation: rw('1.9'),
  paperSize: rw('1.9'),
  zoom: rw('1.9'),
  centerHorizontally: rw('1.9'),
  centerVertically: rw('1.9'),
  leftMargin: rw('1.9'),
  rightMargin: rw('1.9'),
  topMargin: rw('1.9'),
  bottomMargin: rw('1.9'),
  headerMargin: rw('1.9'),
  footerMargin: rw('1.9'),
  printGridlines: rw('1.9'),
  printHeadings: rw('1.9'),
  blackAndWhite: rw('1.9'),
  draftMode: rw('1.9'),
  firstPageNumber: rw('1.9'),
  headersFooters: nav({
    state: rw('1.9'),
    useSheetMargins: rw('1.9'),
    useSheetScale: rw('1.9'),
    defaultForAllPages: nav(HEADER_FOOTER),
    firstPage: nav(HEADER_FOOTER),
    evenPages: nav(HEADER_FOOTER),
    oddPages: nav(HEADER_FOOTER),
  }),
  setPrintArea: printTarget('printArea'),
  setPrintTitleRows: printTarget('printTitleRows'),
  setPrintTitleColumns: printTarget('printTitleColumns'),
};
