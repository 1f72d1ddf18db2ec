import { FakeClientObject, sealed, type PendingResults } from './clientObject';
import { newSheet, type FakeSheet } from './document';
import { FakeOfficeError } from './errors';
import type { FakeRequestContext } from './runtime';
import { checkName, WorksheetProxy } from './worksheetProxy';

/** `workbook.worksheets`. */
export class WorksheetCollectionProxy extends FakeClientObject {
  private bound(
    name: string,
    args: readonly unknown[],
    find: () => FakeSheet | null,
    nullable = false,
    minApi = '1.1',
  ): WorksheetProxy {
    return sealed(new WorksheetProxy(this.context, this, name, args, find, nullable, minApi));
  }

  private find(key: string): FakeSheet | null {
    const state = this.context._host.state;
    return state.sheets.find((s) => s.id === key || s.name.toLowerCase() === key.toLowerCase()) ?? null;
  }

  get items(): WorksheetProxy[] {
    return this._get('items') as WorksheetProxy[];
  }

  getItem(key: string): WorksheetProxy {
    return this.bound(
      'getItem',
      [key],
      () =>
        this.find(key) ??
        (() => {
          throw new FakeOfficeError('ItemNotFound', `No worksheet named ${key}`);
        })(),
    );
  }

  getItemOrNullObject(key: string): WorksheetProxy {
    return this.bound('getItemOrNullObject', [key], () => this.find(key), true, '1.4');
  }

  getActiveWorksheet(): WorksheetProxy {
    const state = this.context._host.state;
    return this.bound(
      'getActiveWorksheet',
      [],
      () => state.sheets.find((s) => s.id === state.activeSheetId) ?? state.sheets[0] ?? null,
    );
  }

  add(name?: string): WorksheetProxy {
    let created: FakeSheet | undefined;
    this._call('add', [name ?? null], '1.1', () => {
      const state = this.context._host.state;
      let sheetName = name;
      for (let n = state.sheets.length + 1; sheetName === undefined; n += 1)
        if (!this.find(`Sheet${n}`)) sheetName = `Sheet${n}`;
      checkName(sheetName);
      if (this.find(sheetName))
        throw new FakeOfficeError('ItemAlreadyExists', `A worksheet named ${sheetName} already exists`);
      created = newSheet(state, sheetName);
      state.sheets.push(created);
    });
    return this.bound('add', [name ?? null], () => created ?? null);
  }

  override _loadInto(paths: readonly string[], results: PendingResults): void {
    const itemPaths = paths.map((p) => p.replace(/^items\/?/, '')).filter((p) => p !== '');
    const items = this.context._host.state.sheets.map((sheet) => {
      const item = sealed(new WorksheetProxy(this.context, this, 'getItem', [sheet.id], () => sheet));
      item._loadInto(itemPaths, results);
      return item;
    });
    results.set(this, 'items', items);
  }
}

export class ApplicationProxy extends FakeClientObject {
  suspendApiCalculationUntilNextSync(): void {
    this._call('suspendApiCalculationUntilNextSync', [], '1.6', () => {
      this.context._flags.calc = true;
    });
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this._call('suspendScreenUpdatingUntilNextSync', [], '1.9', () => {
      this.context._flags.screen = true;
    });
  }
}

export class WorkbookProxy extends FakeClientObject {
  constructor(context: FakeRequestContext) {
    super(context, null, 'workbook', [], () => context._host.state);
  }

  get worksheets(): WorksheetCollectionProxy {
    return this._child(
      'worksheets',
      () =>
        new WorksheetCollectionProxy(this.context, this, 'worksheets', [], () => this.context._host.state),
    );
  }

  get application(): ApplicationProxy {
    return this._child(
      'application',
      () => new ApplicationProxy(this.context, this, 'application', [], () => this.context._host.state),
    );
  }
}
