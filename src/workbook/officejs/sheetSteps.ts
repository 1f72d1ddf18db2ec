import { cellAddress } from '../../domain/cellAddress';
import { invariant } from '../../domain/result';
import type { CellRange, SheetSpec } from '../../domain/template/sheetSpec';
import { DEFAULT_FONT_SIZE, SHEET_FONT_NAME, SHEET_PROTECTION } from '../excelConventions';
import { estimateBytes } from './payload';
import type { ExcelFeatures } from './requirements';
import { gridBlocks, writeGridBlock } from './sheetGrid';
import { checkTableName } from '../sheetRules';
import {
  conditionalFormatBytes,
  renderConditionalFormat,
  renderValidation,
  validationBytes,
} from './renderRules';
import { printBytes, renderPrint } from './renderPrint';
import { renderStyle, styleWork } from './renderStyles';
import { columnWidthPoints } from './units';

/** A piece of rendering one sheet, with what it adds to a request. Steps of a sheet run in order. */
export interface SheetStep {
  readonly bytes: number;
  readonly apply: (ws: Excel.Worksheet) => void;
}

const VISIBILITY = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' } as const;

const byIndexes = (ws: Excel.Worksheet, r: CellRange): Excel.Range =>
  ws.getRangeByIndexes(r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1);

/** Runs of consecutive indexes with the same value: `[from, to, value]`. */
function runs<T>(entries: readonly (readonly [number, T])[]): [number, number, T][] {
  const out: [number, number, T][] = [];
  for (const [i, value] of [...entries].sort((a, b) => a[0] - b[0])) {
    const last = out[out.length - 1];
    if (last && last[1] === i - 1 && last[2] === value) last[1] = i;
    else out.push([i, i, value]);
  }
  return out;
}

/** Column fonts and widths, hidden columns, row heights: whole columns and rows, grouped into runs. */
function layoutStep(spec: SheetSpec, features: ExcelFeatures): SheetStep {
  const lastColumn = spec.cells.reduce((n, c) => Math.max(n, c.column + 1), spec.columnWidths.length);
  const widths = runs(spec.columnWidths.map((w, c) => [c, columnWidthPoints(w)] as const));
  const hidden = runs((spec.hiddenColumns ?? []).map((c) => [c, true] as const));
  // A row that grows with its text gets no height: Office.js can only set a fixed one, which never grows.
  const auto = new Set(spec.autoHeightRows);
  const heights = runs(
    Object.entries(spec.rowHeights)
      .map(([r, h]) => [Number(r), h] as const)
      .filter(([r]) => !auto.has(r)),
  );
  const byHeight = new Map<number, string[]>();
  for (const [from, to, points] of heights)
    byHeight.set(points, [...(byHeight.get(points) ?? []), `${from + 1}:${to + 1}`]);
  const rowActions = features.rangeAreas ? byHeight.size : heights.length;
  return {
    bytes: estimateBytes(
      2 + widths.length + hidden.length + rowActions,
      ...(features.rangeAreas ? [...byHeight.values()] : []),
    ),
    apply(ws) {
      if (lastColumn > 0) {
        // Empty cells of the used columns too, as the ExcelJS adapter sets each column's font.
        const font = ws.getRangeByIndexes(0, 0, 1, lastColumn).getEntireColumn().format.font;
        font.name = SHEET_FONT_NAME;
        font.size = DEFAULT_FONT_SIZE;
      }
      for (const [from, to, points] of widths)
        ws.getRangeByIndexes(0, from, 1, to - from + 1).getEntireColumn().format.columnWidth = points;
      for (const [from, to] of hidden)
        ws.getRangeByIndexes(0, from, 1, to - from + 1).getEntireColumn().columnHidden = true;
      if (features.rangeAreas) {
        // One RangeAreas per height (`3:3,5:7`): a form has many rows of a few heights.
        for (const [points, rows] of byHeight) ws.getRanges(rows.join(',')).format.rowHeight = points;
      } else
        for (const [from, to, points] of heights)
          ws.getRangeByIndexes(from, 0, to - from + 1, 1).getEntireRow().format.rowHeight = points;
    },
  };
}

/**
 * Freeze panes: a view setting, queued by the writer after the sheets are in place and allowed to fail
 * (Excel refuses it while another workbook has the focus). Returns whether anything was queued.
 */
export function viewStep(spec: SheetSpec, ws: Excel.Worksheet): boolean {
  const frozen = spec.frozen;
  if (frozen && frozen.rows > 0 && frozen.columns > 0)
    ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, frozen.rows, frozen.columns));
  else if (frozen && frozen.rows > 0) ws.freezePanes.freezeRows(frozen.rows);
  else if (frozen && frozen.columns > 0) ws.freezePanes.freezeColumns(frozen.columns);
  else return false;
  return true;
}

/** Tab colour, visibility and protection: last, once everything else is written. */
function finishStep(spec: SheetSpec): SheetStep {
  return {
    bytes: estimateBytes(4),
    apply(ws) {
      if (spec.tabColor) ws.tabColor = spec.tabColor;
      if (spec.visibility && spec.visibility !== 'visible')
        ws.visibility = VISIBILITY[spec.visibility] as Excel.SheetVisibility;
      if (spec.protect) ws.protection.protect({ ...SHEET_PROTECTION });
    },
  };
}

/**
 * Everything a spec asks for, in the order Excel needs: number formats before values (so text stays text),
 * values before merges, merges before rules and tables, protection last. A large sheet's values come in
 * row blocks, so that no single step approaches the request limit.
 */
export function sheetSteps(
  spec: SheetSpec,
  features: ExcelFeatures,
  /** The name to give a new table at first (table names are unique in a workbook: an old one may still exist). */
  tableName: (name: string, table: Excel.Table) => string = (name) => name,
): SheetStep[] {
  const steps: SheetStep[] = gridBlocks(spec).map((block) => ({
    bytes: block.bytes,
    apply: (ws) => writeGridBlock(ws, block),
  }));
  steps.push(layoutStep(spec, features));
  for (const work of styleWork(spec, features))
    steps.push({ bytes: work.bytes, apply: (ws) => renderStyle(ws, spec, work) });
  if (spec.merges.length > 0)
    steps.push({
      bytes: estimateBytes(spec.merges.length),
      apply: (ws) => spec.merges.forEach((m) => byIndexes(ws, m).merge(false)),
    });
  for (const v of spec.validations)
    steps.push({ bytes: validationBytes(v), apply: (ws) => renderValidation(ws, v) });
  for (const cf of spec.conditionalFormats)
    steps.push({ bytes: conditionalFormatBytes(cf), apply: (ws) => renderConditionalFormat(ws, cf) });
  for (const t of spec.tables ?? []) {
    invariant(t.range.bottom > t.range.top, `table ${t.name} needs a header row and at least one data row`);
    checkTableName(t.name);
    steps.push({
      bytes: estimateBytes(4, t),
      apply(ws) {
        const table = ws.tables.add(byIndexes(ws, t.range), true);
        table.name = tableName(t.name, table);
        table.style = t.style;
        table.showBandedRows = true;
      },
    });
  }
  for (const c of spec.charts ?? [])
    steps.push({
      bytes: estimateBytes(4, c),
      apply(ws) {
        const chart = ws.charts.add('BarStacked', byIndexes(ws, c.data), 'Columns');
        chart.title.text = c.title;
        chart.setPosition(
          cellAddress(c.anchor.top, c.anchor.left),
          cellAddress(c.anchor.bottom, c.anchor.right),
        );
      },
    });
  const print = spec.print;
  if (print && features.pageLayout)
    steps.push({ bytes: printBytes(print), apply: (ws) => renderPrint(ws, print) });
  steps.push(finishStep(spec));
  return steps;
}
