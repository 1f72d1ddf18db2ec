import type { Workbook, WorkbookView, Worksheet, WorksheetView } from 'exceljs';
import { invariant } from '../../domain/result';

const DEFAULT_VIEW: WorkbookView = {
  x: 0,
  y: 0,
  width: 12000,
  height: 24000,
  firstSheet: 0,
  activeTab: 0,
  visibility: 'visible',
};

/** `tabSelected` is read and written by ExcelJS's sheet-view xform but missing from its types. */
type SheetView = Partial<WorksheetView> & { tabSelected?: boolean };

/** A worksheet's views; a loaded sheet without `<sheetViews>` has `null` there, whatever the types say. */
export const viewsOf = (ws: Worksheet): SheetView[] => (ws.views as SheetView[] | null | undefined) ?? [];

const isVisible = (ws: Worksheet | undefined): ws is Worksheet =>
  ws !== undefined && ws.state !== 'hidden' && ws.state !== 'veryHidden';

/**
 * Make `ws` the sheet the file opens on (when it is visible), and the only selected tab: two selected tabs
 * would open as a group, where typing in one sheet writes into both.
 */
export function activateSheet(workbook: Workbook, ws?: Worksheet): void {
  const sheets = workbook.worksheets;
  const view: WorkbookView = { ...DEFAULT_VIEW, ...workbook.views[0] };
  let active = isVisible(ws) ? sheets.indexOf(ws) : view.activeTab;
  if (!isVisible(sheets[active])) active = sheets.findIndex(isVisible);
  invariant(active >= 0, 'a workbook needs at least one visible sheet');
  workbook.views = [{ ...view, activeTab: active, firstSheet: Math.min(view.firstSheet, active) }];
  sheets.forEach((sheet, i) => {
    const [first, ...rest]: SheetView[] = viewsOf(sheet);
    if (i === active) sheet.views = [{ ...first, tabSelected: true } as SheetView, ...rest];
    else if (first?.tabSelected) sheet.views = [{ ...first, tabSelected: false } as SheetView, ...rest];
  });
}
