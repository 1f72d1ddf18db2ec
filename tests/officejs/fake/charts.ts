import { defineScalars, FakeClientObject, sealed } from './clientObject';
import type { FakeChart, FakeSheet } from './document';
import { FakeOfficeError } from './errors';
import { targetRect } from './sheetParts';

const CHART_TYPES = new Set([
  'BarStacked',
  'ColumnStacked',
  'ColumnClustered',
  'BarClustered',
  'Pie',
  'Line',
]);

/** `chart.title`: only its text is modelled. */
export class ChartTitleProxy extends FakeClientObject {
  override _read(name: string): unknown {
    return name === 'text' ? this._resolve<FakeChart>().title : super._read(name);
  }

  override _write(name: string, value: unknown): void {
    if (name !== 'text') return super._write(name, value);
    this._resolve<FakeChart>().title = String(value);
  }
}
defineScalars(ChartTitleProxy, { text: {} });

/** One chart: its title and position (type and source are fixed when it is added). */
export class ChartProxy extends FakeClientObject {
  get title(): ChartTitleProxy {
    return this._child(
      'title',
      () => new ChartTitleProxy(this.context, this, 'title', [], () => this._resolve<FakeChart>()),
    );
  }

  setPosition(startCell: unknown, endCell?: unknown): void {
    this._call('setPosition', [startCell, endCell], '1.1', () => {
      if (typeof startCell !== 'string' || (endCell !== undefined && typeof endCell !== 'string'))
        throw new FakeOfficeError('InvalidArgument', 'setPosition takes cell addresses');
      this._resolve<FakeChart>().position = {
        start: startCell,
        ...(endCell !== undefined && { end: endCell as string }),
      };
    });
  }

  override _read(name: string): unknown {
    const chart = this._resolve<FakeChart>();
    if (name === 'id') return String(chart.id);
    if (name === 'chartType') return chart.type;
    return super._read(name);
  }
}
defineScalars(ChartProxy, { id: { readonly: true }, chartType: { readonly: true } });

/** `worksheet.charts` (ExcelApi 1.1). */
export class ChartCollectionProxy extends FakeClientObject {
  add(type: unknown, sourceData: unknown, seriesBy: unknown = 'Auto'): ChartProxy {
    let created: FakeChart | undefined;
    this._call('add', [type, sourceData, seriesBy], '1.1', () => {
      const sheet = this._resolve<FakeSheet>();
      if (typeof type !== 'string' || !CHART_TYPES.has(type))
        throw new FakeOfficeError('InvalidArgument', `Unknown chart type ${String(type)}`);
      if (sheet.protection.protected) throw new FakeOfficeError('AccessDenied');
      const state = this.context._host.state;
      state.nextId += 1;
      created = {
        id: state.nextId,
        type,
        rect: targetRect(sheet, sourceData),
        seriesBy: String(seriesBy),
        title: '',
        position: null,
      };
      sheet.charts.push(created);
    });
    return sealed(
      new ChartProxy(this.context, this, 'add', [type, sourceData, seriesBy], () => created ?? null),
    );
  }
}
