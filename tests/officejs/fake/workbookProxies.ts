import { defineScalars, FakeClientObject, sealed, type PendingResults } from './clientObject';
import { checkStructure, newSheet, recalculate, type FakeSheet } from './document';
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
      checkStructure(state);
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

  /** `application.calculate(type)` (ExcelApi 1.1): any type recalculates the formulas left stale. */
  calculate(calculationType: string): void {
    this._call('calculate', [calculationType], '1.1', () => {
      if (!['Recalculate', 'Full', 'FullRebuild'].includes(calculationType))
        throw new FakeOfficeError('InvalidArgument', `Invalid calculation type: ${calculationType}`);
      recalculate(this.context._host.state);
    });
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this._call('suspendScreenUpdatingUntilNextSync', [], '1.9', () => {
      this.context._flags.screen = true;
    });
  }
}

/** `workbook.protection` (ExcelApi 1.7): protection of the workbook's structure. */
export class WorkbookProtectionProxy extends FakeClientObject {
  private get state() {
    return this.context._host.state;
  }

  protect(password?: string): void {
    this._call('protect', [password ?? null], '1.7', () => {
      if (this.state.structureProtection.protected)
        throw new FakeOfficeError('InvalidOperation', 'The workbook is already protected');
      this.state.structureProtection = { protected: true, ...(password && { password }) };
    });
  }

  unprotect(password?: string): void {
    this._call('unprotect', [password ?? null], '1.7', () => {
      const { password: expected } = this.state.structureProtection;
      if (expected !== undefined && expected !== password)
        throw new FakeOfficeError('AccessDenied', 'Wrong password');
      this.state.structureProtection = { protected: false };
    });
  }

  override _read(name: string): unknown {
    if (name === 'protected') return this.state.structureProtection.protected;
    return super._read(name);
  }
}
defineScalars(WorkbookProtectionProxy, { protected: { readonly: true, minApi: '1.7' } });

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

  get protection(): WorkbookProtectionProxy {
    return this._child(
      'protection',
      () => new WorkbookProtectionProxy(this.context, this, 'protection', [], () => this.context._host.state),
    );
  }

  get application(): ApplicationProxy {
    return this._child(
      'application',
      () => new ApplicationProxy(this.context, this, 'application', [], () => this.context._host.state),
    );
  }
}
