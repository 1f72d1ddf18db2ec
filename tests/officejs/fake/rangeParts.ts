import {
  intersects,
  MAX_COLUMNS,
  MAX_ROWS,
  parseA1,
  rectCells,
  rectToA1,
  sheetPrefix,
  type Rect,
} from './a1';
import { BagProxy, type BagStore } from './bagProxy';
import { defineScalars, FakeClientObject, sealed } from './clientObject';
import type { FakeSheet } from './document';
import { FakeOfficeError } from './errors';
import { conditionalFormatStore, rangeFormatStore, type RangeTarget } from './rangeStores';
import { CONDITIONAL_FORMAT, RANGE_FORMAT } from './schemas';

const CF_TYPES = [
  'Custom',
  'DataBar',
  'ColorScale',
  'IconSet',
  'TopBottom',
  'PresetCriteria',
  'ContainsText',
  'CellValue',
];

type AreasTarget = { sheet: FakeSheet; rects: Rect[] };

/** `format` over several areas: each write applies to every area; a read is their common value. */
function areasFormatStore(resolve: () => AreasTarget): BagStore {
  const stores = () => {
    const { sheet, rects } = resolve();
    return rects.map((rect) => rangeFormatStore(() => ({ sheet, rect })));
  };
  return {
    read(path) {
      const values = new Set(stores().map((store) => store.read(path)));
      return values.size === 1 ? [...values][0] : null;
    },
    write(path, value) {
      for (const store of stores()) store.write(path, value);
    },
  };
}

/**
 * `Excel.RangeAreas` (ExcelApi 1.9): from `worksheet.getRanges('A1:B2, D4')`, `getMergedAreasOrNullObject`
 * or `getSpecialCellsOrNullObject`.
 */
export class RangeAreasProxy extends FakeClientObject {
  get format(): BagProxy {
    return this._child(
      'format',
      () =>
        new BagProxy(
          this,
          'format',
          areasFormatStore(() => this._resolve<AreasTarget>()),
          '',
          RANGE_FORMAT,
          '1.9',
        ),
    );
  }

  override _read(name: string): unknown {
    const { sheet, rects } = this._resolve<AreasTarget>();
    if (name === 'address') return rects.map((r) => `${sheetPrefix(sheet.name)}${rectToA1(r)}`).join(', ');
    if (name === 'areaCount') return rects.length;
    if (name === 'cellCount') return rects.reduce((n, r) => n + rectCells(r), 0);
    return super._read(name);
  }
}
defineScalars(RangeAreasProxy, {
  address: { readonly: true, minApi: '1.9' },
  areaCount: { readonly: true, minApi: '1.9' },
  cellCount: { readonly: true, minApi: '1.9' },
});

/** `range.conditionalFormats` (ExcelApi 1.6). */
export class ConditionalFormatCollectionProxy extends FakeClientObject {
  add(type: string): BagProxy {
    let created: { id: number; rect: Rect; type: string; props: Record<string, unknown> } | undefined;
    this._call('add', [type], '1.6', () => {
      const { sheet, rect } = this._resolve<RangeTarget>();
      if (sheet.protection.protected) throw new FakeOfficeError('AccessDenied');
      if (!CF_TYPES.includes(type))
        throw new FakeOfficeError('InvalidArgument', `Unknown conditional format type: ${type}`);
      const state = this.context._host.state;
      state.nextId += 1;
      created = { id: state.nextId, rect, type, props: {} };
      sheet.conditionalFormats.push(created);
    });
    const resolve = () =>
      created ??
      (() => {
        throw new FakeOfficeError('ItemNotFound');
      })();
    return sealed(
      new BagProxy(this, 'add', conditionalFormatStore(resolve), '', CONDITIONAL_FORMAT, '1.6', resolve),
    );
  }

  clearAll(): void {
    this._call('clearAll', [], '1.6', () => {
      const { sheet, rect } = this._resolve<RangeTarget>();
      if (sheet.protection.protected) throw new FakeOfficeError('AccessDenied');
      sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !intersects(cf.rect, rect));
    });
  }
}

export const rangeOf = (sheet: FakeSheet, address?: string): RangeTarget => ({
  sheet,
  rect:
    address === undefined
      ? { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 }
      : parseA1(address),
});
