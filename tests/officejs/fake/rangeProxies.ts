import { intersects, MAX_COLUMNS, MAX_ROWS, rectCells, type Rect } from './a1';
import { BagProxy } from './bagProxy';
import { defineScalars, FakeClientObject, sealed } from './clientObject';
import { checkFocus, mergesIn } from './document';
import { FakeOfficeError } from './errors';
import { mergeRange, readRange, specialCells, writeRange } from './rangeContent';
import { ConditionalFormatCollectionProxy, RangeAreasProxy } from './rangeParts';
import { dataValidationStore, rangeFormatStore, type RangeTarget } from './rangeStores';
import { DATA_VALIDATION, RANGE_FORMAT } from './schemas';

/** `Excel.Range`: a rectangle of one worksheet. */
export class RangeProxy extends FakeClientObject {
  override _checkAlive(target: unknown): void {
    const { sheet } = target as RangeTarget;
    if (!this.context._host.state.sheets.includes(sheet))
      throw new FakeOfficeError('ItemNotFound', 'The worksheet of this range was deleted');
  }

  private target(): RangeTarget {
    return this._resolve<RangeTarget>();
  }

  private checkCells(rect: Rect): void {
    if (rectCells(rect) > this.context._host.limits.rangeCells)
      throw new FakeOfficeError('RangeExceedsLimit');
  }

  private derived(name: string, args: readonly unknown[], rectOf: (t: RangeTarget) => Rect): RangeProxy {
    return sealed(
      new RangeProxy(this.context, this, name, args, () => {
        const t = this.target();
        return { sheet: t.sheet, rect: rectOf(t) };
      }),
    );
  }

  get format(): BagProxy {
    return this._child(
      'format',
      () =>
        new BagProxy(
          this,
          'format',
          rangeFormatStore(() => this.target()),
          '',
          RANGE_FORMAT,
          '1.1',
        ),
    );
  }

  get dataValidation(): BagProxy {
    return this._child(
      'dataValidation',
      () =>
        new BagProxy(
          this,
          'dataValidation',
          dataValidationStore(() => this.target()),
          '',
          DATA_VALIDATION,
          '1.8',
        ),
    );
  }

  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return this._child(
      'conditionalFormats',
      () =>
        new ConditionalFormatCollectionProxy(this.context, this, 'conditionalFormats', [], () =>
          this.target(),
        ),
    );
  }

  getEntireColumn(): RangeProxy {
    return this.derived('getEntireColumn', [], ({ rect }) => ({
      top: 0,
      left: rect.left,
      bottom: MAX_ROWS - 1,
      right: rect.right,
    }));
  }

  getEntireRow(): RangeProxy {
    return this.derived('getEntireRow', [], ({ rect }) => ({
      top: rect.top,
      left: 0,
      bottom: rect.bottom,
      right: MAX_COLUMNS - 1,
    }));
  }

  getCell(row: number, column: number): RangeProxy {
    return this.derived('getCell', [row, column], ({ rect }) => ({
      top: rect.top + row,
      left: rect.left + column,
      bottom: rect.top + row,
      right: rect.left + column,
    }));
  }

  getMergedAreasOrNullObject(): RangeAreasProxy {
    return sealed(
      new RangeAreasProxy(
        this.context,
        this,
        'getMergedAreasOrNullObject',
        [],
        () => {
          const { sheet, rect } = this.target();
          const merges = mergesIn(sheet, rect);
          if (merges.length > 512)
            throw new FakeOfficeError('GeneralException', 'More than 512 merged areas in the range');
          return merges.length === 0 ? null : { sheet, rects: merges };
        },
        true,
        '1.13',
      ),
    );
  }

  getSpecialCellsOrNullObject(cellType: string): RangeAreasProxy {
    const resolve = () => specialCells(this.target(), cellType);
    return sealed(
      new RangeAreasProxy(
        this.context,
        this,
        'getSpecialCellsOrNullObject',
        [cellType],
        resolve,
        true,
        '1.9',
      ),
    );
  }

  merge(across = false): void {
    this._call('merge', [across], '1.2', () => mergeRange(this.target(), across));
  }

  unmerge(): void {
    this._call('unmerge', [], '1.2', () => {
      const { sheet, rect } = this.target();
      if (sheet.protection.protected) throw new FakeOfficeError('AccessDenied');
      sheet.merges = sheet.merges.filter((m) => !intersects(m, rect));
    });
  }

  select(): void {
    this._call('select', [], '1.1', () => {
      checkFocus(this.context._host.state, 'select');
      const { sheet, rect } = this.target();
      if (sheet.visibility !== 'Visible')
        throw new FakeOfficeError('InvalidSelection', 'Cannot select on a hidden sheet');
      sheet.selection = rect;
      this.context._host.state.activeSheetId = sheet.id;
    });
  }

  override _read(name: string): unknown {
    return readRange(this.target(), name, this.context._host.limits);
  }

  override _write(name: string, value: unknown): void {
    writeRange(this.target(), name, value, this.context._host.limits);
  }
}
defineScalars(RangeProxy, {
  address: { readonly: true },
  addressLocal: { readonly: true },
  rowIndex: { readonly: true },
  columnIndex: { readonly: true },
  rowCount: { readonly: true },
  columnCount: { readonly: true },
  cellCount: { readonly: true },
  isEntireColumn: { readonly: true, minApi: '1.7' },
  isEntireRow: { readonly: true, minApi: '1.7' },
  values: {},
  formulas: {},
  numberFormat: {},
  text: { readonly: true },
  valueTypes: { readonly: true },
  columnHidden: { minApi: '1.2' },
  rowHidden: { minApi: '1.2' },
});
