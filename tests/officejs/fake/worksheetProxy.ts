import { MAX_COLUMNS, MAX_ROWS, parseA1 } from './a1';
import { BagProxy } from './bagProxy';
import { defineScalars, FakeClientObject, sealed } from './clientObject';
import { checkFocus, checkStructure, usedRect, type FakeSheet, type FakeVisibility } from './document';
import { FakeOfficeError } from './errors';
import { RangeProxy } from './rangeProxies';
import { rangeOf, RangeAreasProxy } from './rangeParts';
import { normaliseColor } from './rangeStores';
import { PAGE_LAYOUT } from './schemas';
import { ChartCollectionProxy } from './charts';
import {
  FreezePanesProxy,
  pageLayoutStore,
  TableCollectionProxy,
  WorksheetProtectionProxy,
} from './sheetParts';

const VISIBILITIES: readonly FakeVisibility[] = ['Visible', 'Hidden', 'VeryHidden'];

/** Excel's rules for sheet names. */
export function checkName(name: unknown): string {
  if (
    typeof name !== 'string' ||
    name.length < 1 ||
    name.length > 31 ||
    /[*?:/\\[\]]/.test(name) ||
    /^'|'$/.test(name) ||
    name.toLowerCase() === 'history'
  )
    throw new FakeOfficeError('InvalidArgument', `Invalid worksheet name: ${String(name)}`);
  return name;
}

/** `Excel.Worksheet`. */
export class WorksheetProxy extends FakeClientObject {
  private sheet(): FakeSheet {
    return this._resolve<FakeSheet>();
  }

  private get state() {
    return this.context._host.state;
  }

  override _checkAlive(target: unknown): void {
    if (!this.state.sheets.includes(target as FakeSheet))
      throw new FakeOfficeError('ItemNotFound', 'The worksheet was deleted');
  }

  private range(
    name: string,
    args: readonly unknown[],
    rect: (sheet: FakeSheet) => ReturnType<typeof rangeOf>['rect'] | undefined,
    minApi = '1.1',
  ): RangeProxy {
    return sealed(
      new RangeProxy(
        this.context,
        this,
        name,
        args,
        () => {
          const sheet = this.sheet();
          const r = rect(sheet);
          return r ? { sheet, rect: r } : rangeOf(sheet);
        },
        false,
        minApi,
      ),
    );
  }

  get protection(): WorksheetProtectionProxy {
    return this._child(
      'protection',
      () => new WorksheetProtectionProxy(this.context, this, 'protection', [], () => this.sheet()),
    );
  }

  get freezePanes(): FreezePanesProxy {
    return this._child(
      'freezePanes',
      () => new FreezePanesProxy(this.context, this, 'freezePanes', [], () => this.sheet()),
    );
  }

  get pageLayout(): BagProxy {
    return this._child(
      'pageLayout',
      () =>
        new BagProxy(
          this,
          'pageLayout',
          pageLayoutStore(() => this.sheet()),
          '',
          PAGE_LAYOUT,
          '1.9',
        ),
    );
  }

  get charts(): ChartCollectionProxy {
    return this._child(
      'charts',
      () => new ChartCollectionProxy(this.context, this, 'charts', [], () => this.sheet()),
    );
  }

  get tables(): TableCollectionProxy {
    return this._child(
      'tables',
      () => new TableCollectionProxy(this.context, this, 'tables', [], () => this.sheet()),
    );
  }

  getRange(address?: string): RangeProxy {
    return this.range('getRange', address === undefined ? [] : [address], (sheet) =>
      address === undefined ? undefined : rangeOf(sheet, address).rect,
    );
  }

  getRangeByIndexes(row: number, column: number, rowCount: number, columnCount: number): RangeProxy {
    return this.range(
      'getRangeByIndexes',
      [row, column, rowCount, columnCount],
      () => {
        if (
          row < 0 ||
          column < 0 ||
          rowCount < 1 ||
          columnCount < 1 ||
          row + rowCount > MAX_ROWS ||
          column + columnCount > MAX_COLUMNS
        )
          throw new FakeOfficeError('InvalidArgument', 'Range indexes out of bounds');
        return { top: row, left: column, bottom: row + rowCount - 1, right: column + columnCount - 1 };
      },
      '1.7',
    );
  }

  getCell(row: number, column: number): RangeProxy {
    return this.range('getCell', [row, column], () => ({
      top: row,
      left: column,
      bottom: row,
      right: column,
    }));
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return sealed(
      new RangeProxy(
        this.context,
        this,
        'getUsedRangeOrNullObject',
        [valuesOnly],
        () => {
          const sheet = this.sheet();
          const rect = usedRect(sheet, valuesOnly);
          return rect ? { sheet, rect } : null;
        },
        true,
        '1.4',
      ),
    );
  }

  /** `getRanges('A1:B2, D4:D9')` (ExcelApi 1.9): several areas of this sheet at once. */
  getRanges(address: string): RangeAreasProxy {
    return sealed(
      new RangeAreasProxy(
        this.context,
        this,
        'getRanges',
        [address],
        () => ({ sheet: this.sheet(), rects: address.split(',').map((part) => parseA1(part.trim())) }),
        false,
        '1.9',
      ),
    );
  }

  getUsedRange(valuesOnly = false): RangeProxy {
    return this.range(
      'getUsedRange',
      [valuesOnly],
      (sheet) => usedRect(sheet, valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 },
    );
  }

  activate(): void {
    this._call('activate', [], '1.1', () => {
      checkFocus(this.state, 'activate');
      const sheet = this.sheet();
      if (sheet.visibility !== 'Visible')
        throw new FakeOfficeError('InvalidOperation', 'Cannot activate a hidden worksheet');
      this.state.activeSheetId = sheet.id;
    });
  }

  delete(): void {
    this._call('delete', [], '1.1', () => {
      checkStructure(this.state);
      const sheet = this.sheet();
      if (sheet.visibility === 'VeryHidden')
        throw new FakeOfficeError(
          'InvalidOperation',
          'Set a very hidden worksheet visible or hidden before deleting it.',
        );
      const visible = this.state.sheets.filter((s) => s.visibility === 'Visible');
      if (visible.length === 1 && visible[0] === sheet)
        throw new FakeOfficeError(
          'InvalidOperation',
          'A workbook must contain at least one visible worksheet.',
        );
      this.state.sheets = this.state.sheets.filter((s) => s !== sheet);
      if (this.state.activeSheetId === sheet.id) this.activateAnother(sheet);
    });
  }

  private activateAnother(except: FakeSheet): void {
    this.state.activeSheetId =
      this.state.sheets.find((s) => s !== except && s.visibility === 'Visible')?.id ?? null;
  }

  override _read(name: string): unknown {
    const sheet = this.sheet();
    switch (name) {
      case 'id':
        return sheet.id;
      case 'name':
        return sheet.name;
      case 'position':
        return this.state.sheets.indexOf(sheet);
      case 'visibility':
        return sheet.visibility;
      case 'tabColor':
        return sheet.tabColor;
      default:
        return super._read(name);
    }
  }

  override _write(name: string, value: unknown): void {
    const sheet = this.sheet();
    const sheets = this.state.sheets;
    if (name === 'name' || name === 'position' || name === 'visibility') checkStructure(this.state);
    switch (name) {
      case 'name': {
        const newName = checkName(value);
        if (sheets.some((s) => s !== sheet && s.name.toLowerCase() === newName.toLowerCase()))
          throw new FakeOfficeError('ItemAlreadyExists');
        sheet.name = newName;
        return;
      }
      case 'position': {
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value >= sheets.length)
          throw new FakeOfficeError('InvalidArgument', `Invalid position: ${String(value)}`);
        const rest = sheets.filter((s) => s !== sheet);
        rest.splice(value, 0, sheet);
        this.state.sheets = rest;
        return;
      }
      case 'visibility': {
        if (!VISIBILITIES.includes(value as FakeVisibility))
          throw new FakeOfficeError('InvalidArgument', `Invalid visibility: ${String(value)}`);
        if (value !== 'Visible' && !sheets.some((s) => s !== sheet && s.visibility === 'Visible'))
          throw new FakeOfficeError(
            'InvalidOperation',
            'A workbook must contain at least one visible worksheet.',
          );
        sheet.visibility = value as FakeVisibility;
        if (value !== 'Visible' && this.state.activeSheetId === sheet.id) this.activateAnother(sheet);
        return;
      }
      case 'tabColor':
        sheet.tabColor = value === '' ? '' : normaliseColor(value);
        return;
      default:
        super._write(name, value);
    }
  }
}
defineScalars(WorksheetProxy, {
  id: { readonly: true },
  name: {},
  position: {},
  visibility: {},
  tabColor: { minApi: '1.7' },
});
