import { intersects, isEntireRows, parseA1, rectColumns, rectToA1, type Rect } from './a1';
import type { BagStore } from './bagProxy';
import { defineScalars, FakeClientObject, sealed } from './clientObject';
import { checkFocus, ensureCell, getCell, type FakeSheet, type FakeTable } from './document';
import { FakeOfficeError } from './errors';
import { RangeProxy } from './rangeProxies';
import type { RangeTarget } from './rangeStores';

const PROTECTION_DEFAULTS = {
  allowAutoFilter: false,
  allowDeleteColumns: false,
  allowDeleteRows: false,
  allowEditObjects: false,
  allowEditScenarios: false,
  allowFormatCells: false,
  allowFormatColumns: false,
  allowFormatRows: false,
  allowInsertColumns: false,
  allowInsertHyperlinks: false,
  allowInsertRows: false,
  allowPivotTables: false,
  allowSort: false,
  selectionMode: 'Normal',
};

/** The rectangle a method was given: an A1 address on the sheet, or a range proxy of the same sheet. */
export function targetRect(sheet: FakeSheet, target: unknown): Rect {
  if (typeof target === 'string') return parseA1(target);
  if (target instanceof RangeProxy) {
    const t = target._resolve<RangeTarget>();
    if (t.sheet !== sheet) throw new FakeOfficeError('InvalidArgument', 'The range is on another worksheet');
    return t.rect;
  }
  throw new FakeOfficeError('InvalidArgument', 'Expected an address or a Range');
}

/** `worksheet.protection` (ExcelApi 1.2). */
export class WorksheetProtectionProxy extends FakeClientObject {
  private sheet(): FakeSheet {
    return this._resolve<FakeSheet>();
  }

  protect(options?: Record<string, unknown>, password?: string): void {
    this._call('protect', [options ?? null, password ?? null], '1.2', () => {
      const sheet = this.sheet();
      // office-js#6784 ("WorksheetProtection.protect() and unprotect() now throw AccessDenied when called on
      // already protected/unprotected worksheets", 2026-06).
      if (sheet.protection.protected)
        throw new FakeOfficeError('AccessDenied', 'The worksheet is already protected');
      sheet.protection = {
        protected: true,
        options: { ...PROTECTION_DEFAULTS, ...options },
        ...(password && { password }),
      };
    });
  }

  unprotect(password?: string): void {
    this._call('unprotect', [password ?? null], '1.2', () => {
      const sheet = this.sheet();
      // office-js#6784: unprotecting a sheet that is not protected fails with AccessDenied too.
      if (!sheet.protection.protected)
        throw new FakeOfficeError('AccessDenied', 'The worksheet is not protected');
      if (sheet.protection.password !== undefined && sheet.protection.password !== password)
        throw new FakeOfficeError('AccessDenied', 'Wrong password');
      sheet.protection = { protected: false, options: {} };
    });
  }

  override _read(name: string): unknown {
    const { protection } = this.sheet();
    if (name === 'protected') return protection.protected;
    if (name === 'options')
      return protection.protected ? { ...protection.options } : { ...PROTECTION_DEFAULTS };
    return super._read(name);
  }
}
defineScalars(WorksheetProtectionProxy, {
  protected: { readonly: true, minApi: '1.2' },
  options: { readonly: true, minApi: '1.2' },
});

/** `worksheet.freezePanes` (ExcelApi 1.7). */
export class FreezePanesProxy extends FakeClientObject {
  private freeze(
    name: string,
    args: unknown[],
    at: (sheet: FakeSheet) => { rows: number; columns: number } | null,
  ): void {
    this._call(name, args, '1.7', () => {
      checkFocus(this.context._host.state, `freezePanes.${name}`);
      const sheet = this._resolve<FakeSheet>();
      sheet.freeze = at(sheet);
    });
  }

  freezeRows(count = 1): void {
    this.freeze('freezeRows', [count], () => ({ rows: count, columns: 0 }));
  }

  freezeColumns(count = 1): void {
    this.freeze('freezeColumns', [count], () => ({ rows: 0, columns: count }));
  }

  freezeAt(frozen: unknown): void {
    this.freeze('freezeAt', [frozen], (sheet) => {
      const r = targetRect(sheet, frozen);
      return { rows: r.bottom + 1, columns: r.right + 1 };
    });
  }

  unfreeze(): void {
    this.freeze('unfreeze', [], () => null);
  }
}

const TABLE_NAME = /^[\p{L}_\\][\p{L}\p{N}_.]*$/u;

/** One Excel table (`ListObject`). */
export class TableProxy extends FakeClientObject {
  override _read(name: string): unknown {
    const table = this._resolve<FakeTable>();
    if (name === 'name') return table.name;
    if (name === 'id') return String(table.id);
    return table.props[name] ?? null;
  }

  override _write(name: string, value: unknown): void {
    const table = this._resolve<FakeTable>();
    if (name !== 'name') {
      table.props[name] = value;
      return;
    }
    if (
      typeof value !== 'string' ||
      !TABLE_NAME.test(value) ||
      /^[A-Za-z]{1,3}\d+$/.test(value) ||
      value.length > 255
    )
      throw new FakeOfficeError('InvalidArgument', `Invalid table name: ${String(value)}`);
    const clash = this.context._host.state.sheets.some((s) =>
      s.tables.some((t) => t !== table && t.name.toLowerCase() === value.toLowerCase()),
    );
    if (clash) throw new FakeOfficeError('ItemAlreadyExists', `A table named ${value} already exists`);
    table.name = value;
  }
}
defineScalars(TableProxy, {
  id: { readonly: true },
  name: {},
  style: {},
  showBandedRows: { minApi: '1.3' },
  showHeaders: {},
  showFilterButton: { minApi: '1.3' },
  showTotals: {},
});

/** Header texts as Excel makes them: unique, never blank (Japanese Excel names a blank one `列1`). */
function fixHeaders(sheet: FakeSheet, rect: Rect): void {
  const seen = new Set<string>();
  for (let c = rect.left; c <= rect.right; c += 1) {
    const cell = getCell(sheet, rect.top, c);
    const text = cell?.value === null || cell?.value === undefined ? '' : String(cell.value);
    const base = text === '' ? `列${c - rect.left + 1}` : text;
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n += 1) name = `${base}${n}`;
    seen.add(name.toLowerCase());
    if (name !== cell?.value) {
      const target = ensureCell(sheet, rect.top, c);
      target.value = name;
      delete target.formula;
    }
  }
}

/** `worksheet.tables`. */
export class TableCollectionProxy extends FakeClientObject {
  add(address: unknown, hasHeaders: boolean): TableProxy {
    let created: FakeTable | undefined;
    this._call('add', [address, hasHeaders], '1.1', () => {
      const sheet = this._resolve<FakeSheet>();
      const rect = targetRect(sheet, address);
      if (sheet.protection.protected) throw new FakeOfficeError('AccessDenied');
      if (rectColumns(rect) > 16_384 || isEntireRows(rect))
        throw new FakeOfficeError('InvalidArgument', 'A table cannot span whole rows');
      if (sheet.merges.some((m) => intersects(m, rect)) || sheet.tables.some((t) => intersects(t.rect, rect)))
        throw new FakeOfficeError('InvalidOperation', 'A table cannot overlap merged cells or another table');
      if (hasHeaders) fixHeaders(sheet, rect);
      const state = this.context._host.state;
      state.nextId += 1;
      const taken = new Set(state.sheets.flatMap((s) => s.tables.map((t) => t.name.toLowerCase())));
      let n = 1;
      while (taken.has(`テーブル${n}`)) n += 1;
      created = {
        id: state.nextId,
        name: `テーブル${n}`,
        rect,
        props: {
          style: 'TableStyleMedium2',
          showBandedRows: true,
          showHeaders: hasHeaders,
          showFilterButton: true,
          showTotals: false,
        },
      };
      sheet.tables.push(created);
    });
    return sealed(new TableProxy(this.context, this, 'add', [address, hasHeaders], () => created ?? null));
  }
}

const HEADER_SECTION_LIMIT = 255;
const PAGE_DEFAULTS: Readonly<Record<string, unknown>> = {
  orientation: 'Portrait',
  paperSize: 'Letter',
  zoom: { scale: 100 },
  centerHorizontally: false,
  centerVertically: false,
  leftMargin: 50.4,
  rightMargin: 50.4,
  topMargin: 54,
  bottomMargin: 54,
  headerMargin: 21.6,
  footerMargin: 21.6,
};

/** `worksheet.pageLayout` (ExcelApi 1.9), stored by path on the sheet. */
export function pageLayoutStore(resolve: () => FakeSheet): BagStore {
  return {
    read(path) {
      const sheet = resolve();
      return (
        sheet.pageLayout[path] ?? PAGE_DEFAULTS[path] ?? (path.startsWith('headersFooters.') ? '' : null)
      );
    },
    write(path, value) {
      const sheet = resolve();
      if (path === '$printArea' || path === '$printTitleRows' || path === '$printTitleColumns') {
        const rect = targetRect(sheet, value);
        if (path === '$printTitleRows' && !isEntireRows(rect))
          throw new FakeOfficeError('InvalidArgument', 'Print title rows are whole rows');
        sheet.pageLayout[path.slice(1)] =
          path === '$printTitleRows' ? `$${rect.top + 1}:$${rect.bottom + 1}` : rectToA1(rect);
        return;
      }
      if (path === 'zoom') {
        const z = value as { scale?: unknown; horizontalFitToPages?: unknown; verticalFitToPages?: unknown };
        const ok =
          typeof z === 'object' &&
          (typeof z.scale === 'number' ||
            typeof z.horizontalFitToPages === 'number' ||
            typeof z.verticalFitToPages === 'number');
        if (!ok) throw new FakeOfficeError('InvalidArgument', 'zoom needs a scale or pages to fit');
      }
      if (/Margin$/.test(path) && (typeof value !== 'number' || value < 0))
        throw new FakeOfficeError('InvalidArgument', `${path} is points ≥ 0`);
      if (
        /^headersFooters\.\w+\.\w+(Header|Footer)$/.test(path) &&
        (typeof value !== 'string' || value.length > HEADER_SECTION_LIMIT)
      )
        throw new FakeOfficeError(
          'InvalidArgument',
          'A header or footer section holds at most 255 characters',
        );
      sheet.pageLayout[path] = value;
    },
  };
}
