import { cellAddress, parseCellAddress } from '../../domain/cellAddress';
import type { Severity } from '../../domain/finding';
import { MARK_FILLS, strongerSeverity } from '../markFills';
import type { CellMark } from '../port';
import type { ExcelFeatures } from './requirements';
import { parseAreas } from './snapshotValues';

interface Marked {
  /** The fill before the first mark (`#RRGGBB`), or null when the cell had none. */
  readonly previous: string | null;
  severity: Severity;
}

interface SheetInfo {
  readonly id: string;
  readonly name: string;
  readonly proxy: Excel.Worksheet;
  readonly protected: boolean;
  readonly options: Excel.WorksheetProtectionOptions;
}

/** A sheet's `protection` must be lifted to change fills; put back as it was, in the same batch. */
function withProtectionLifted(sheets: readonly SheetInfo[], write: () => void): void {
  for (const s of sheets) if (s.protected) s.proxy.protection.unprotect();
  write();
  for (const s of sheets) if (s.protected) s.proxy.protection.protect(s.options);
}

async function loadSheets(context: Excel.RequestContext): Promise<SheetInfo[]> {
  const collection = context.workbook.worksheets;
  collection.load('items/id,items/name,items/protection/protected,items/protection/options');
  await context.sync();
  return collection.items.map((ws) => ({
    id: ws.id,
    name: ws.name,
    proxy: ws,
    protected: ws.protection.protected,
    options: ws.protection.options,
  }));
}

/**
 * Marks on cells of the open workbook: a fill per severity, the strongest one showing, and each cell's fill
 * before its first mark kept to restore it. Kept per worksheet id, so a sheet since replaced or deleted is
 * simply forgotten. A marked cell inside a merged area marks the whole area (ExcelApi 1.13), as it shows.
 */
export class OfficeCellMarks {
  private readonly sheets = new Map<string, Map<string, Marked>>();

  get isEmpty(): boolean {
    return this.sheets.size === 0;
  }

  /** Three syncs at most: sheets, merged areas (when readable), then the old fills read and new ones written together. */
  async mark(
    context: Excel.RequestContext,
    marks: readonly CellMark[],
    features: ExcelFeatures,
  ): Promise<void> {
    const sheets = await loadSheets(context);
    const targets = marks.flatMap((m) => {
      const sheet = sheets.find((s) => s.name.toLowerCase() === m.sheet.toLowerCase());
      const at = parseCellAddress(m.cell);
      return sheet && at ? [{ sheet, address: cellAddress(at.row, at.column), severity: m.severity }] : [];
    });
    if (targets.length === 0) return;
    if (features.mergedAreas) {
      const areas = targets.map((t) =>
        t.sheet.proxy.getRange(t.address).getMergedAreasOrNullObject().load('address'),
      );
      await context.sync();
      targets.forEach((t, i) => {
        const area = areas[i];
        const merged = area && !area.isNullObject ? parseAreas(area.address, t.sheet.name)[0] : undefined;
        if (merged)
          t.address = `${cellAddress(merged.top, merged.left)}:${cellAddress(merged.bottom, merged.right)}`;
      });
    }
    const strongest = new Map<string, { sheet: SheetInfo; address: string; severity: Severity }>();
    for (const t of targets) {
      const key = `${t.sheet.id}|${t.address}`;
      const seen = strongest.get(key);
      strongest.set(key, seen ? { ...seen, severity: strongerSeverity(seen.severity, t.severity) } : t);
    }
    const fills: { sheetId: string; address: string; severity: Severity; read?: Excel.Range }[] = [];
    const involved = [...new Map([...strongest.values()].map((t) => [t.sheet.id, t.sheet])).values()];
    withProtectionLifted(involved, () => {
      for (const { sheet, address, severity } of strongest.values()) {
        const known = this.sheets.get(sheet.id)?.get(address);
        const read = known ? undefined : sheet.proxy.getRange(address);
        read?.load('format/fill/color'); // queued before the write below: one sync reads the old fill and writes the new
        if (read && features.rangeAreas) read.load('format/fill/pattern');
        const shown = known ? strongerSeverity(known.severity, severity) : severity;
        sheet.proxy.getRange(address).format.fill.color = MARK_FILLS[shown];
        fills.push({ sheetId: sheet.id, address, severity: shown, ...(read && { read }) });
      }
    });
    await context.sync();
    for (const f of fills) {
      let marks = this.sheets.get(f.sheetId);
      if (!marks) this.sheets.set(f.sheetId, (marks = new Map()));
      const known = marks.get(f.address);
      if (known) known.severity = f.severity;
      else
        marks.set(f.address, {
          previous: f.read ? previousFill(f.read, features) : null,
          severity: f.severity,
        });
    }
  }

  /** Restore the fills of every marked cell of sheets still there, and forget all marks. Two syncs. */
  async clear(context: Excel.RequestContext): Promise<void> {
    const sheets = await loadSheets(context);
    const live = sheets.filter((s) => this.sheets.has(s.id));
    withProtectionLifted(live, () => {
      for (const sheet of live)
        for (const [address, { previous }] of this.sheets.get(sheet.id) ?? []) {
          const fill = sheet.proxy.getRange(address).format.fill;
          if (previous === null) fill.clear();
          else fill.color = previous;
        }
    });
    if (live.length > 0) await context.sync();
    this.sheets.clear();
  }
}

/** No fill reads as white: `pattern` tells them apart where it exists (ExcelApi 1.9), else white counts as none. */
function previousFill(range: Excel.Range, features: ExcelFeatures): string | null {
  if (features.rangeAreas) return range.format.fill.pattern === 'None' ? null : range.format.fill.color;
  return range.format.fill.color.toUpperCase() === '#FFFFFF' ? null : range.format.fill.color;
}
