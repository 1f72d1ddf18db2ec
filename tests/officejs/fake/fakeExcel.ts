import { parseA1 } from './a1';
import {
  getCell,
  newSheet,
  shownValue,
  type FakeSheet,
  type FakeWorkbookState,
  type Scalar,
} from './document';
import { FakeOfficeError } from './errors';
import {
  EXCEL_ON_THE_WEB_LIMITS,
  fakeRun,
  FakeHost,
  newStats,
  type FakeLimits,
  type FakeRunOptions,
  type FakeStats,
  type FakeRequestContext,
} from './runtime';

/**
 * A stateful in-memory Excel for tests: the subset of the Excel JavaScript API that the Office.js adapter
 * uses, with office.js's proxy/load/sync semantics, sync and payload accounting, Excel on the web's limits,
 * requirement sets and `OfficeExtension.Error` codes. Install it as the globals `Excel`, `Office` and
 * `OfficeExtension` with `installFakeExcel()`; inspect the document through `state` and the helpers.
 */
export interface FakeExcel {
  readonly Excel: typeof Excel;
  readonly Office: typeof Office;
  readonly OfficeExtension: typeof OfficeExtension;
  readonly state: FakeWorkbookState;
  readonly stats: FakeStats;
  readonly limits: FakeLimits;
  /** The ExcelApi version the host supports (`1.17` by default, Microsoft 365); `isSetSupported` follows it. */
  setExcelApi(version: string): void;
  /** The next `context.sync()` fails with this `OfficeExtension.Error` code, once. */
  failNextSync(code: string, message?: string): void;
  /** The `nth` sync from now (0: the next one) fails with this code, before any of its commands run. */
  failSyncAt(nth: number, code: string, message?: string): void;
  /** The user is typing in a cell: batches fail with `InvalidOperationInCellEditMode` unless run with `delayForCellEdit`. */
  setCellEditMode(on: boolean): void;
  resetStats(): void;
  sheet(name: string): FakeSheet;
  value(sheet: string, address: string): Scalar | null;
  formula(sheet: string, address: string): string | undefined;
  /** The cell's own fill colour (`#RRGGBB`), or null when it has none. */
  fill(sheet: string, address: string): string | null;
}

const ERROR_CODES = {
  accessDenied: 'AccessDenied',
  apiNotFound: 'ApiNotFound',
  generalException: 'GeneralException',
  invalidArgument: 'InvalidArgument',
  invalidOperation: 'InvalidOperation',
  invalidOperationInCellEditMode: 'InvalidOperationInCellEditMode',
  invalidReference: 'InvalidReference',
  itemAlreadyExists: 'ItemAlreadyExists',
  itemNotFound: 'ItemNotFound',
  rangeExceedsLimit: 'RangeExceedsLimit',
  responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
  unsupportedFeature: 'UnsupportedFeature',
} as const;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function createFakeExcel(options: { readonly sheets?: readonly string[] } = {}): FakeExcel {
  const state: FakeWorkbookState = {
    sheets: [],
    activeSheetId: null,
    structureProtection: { protected: false },
    focusElsewhere: false,
    createdWorkbooks: [],
    nextId: 0,
  };
  for (const name of options.sheets ?? ['Sheet1']) state.sheets.push(newSheet(state, name));
  state.activeSheetId = state.sheets[0]?.id ?? null;
  const stats = newStats();
  const limits: FakeLimits = { ...EXCEL_ON_THE_WEB_LIMITS };
  const host = new FakeHost(state, stats, limits);

  const excel = {
    run: <T>(
      a: FakeRunOptions | ((c: FakeRequestContext) => Promise<T>),
      b?: (c: FakeRequestContext) => Promise<T>,
    ) => fakeRun(host, a, b),
    async createWorkbook(base64?: string): Promise<void> {
      await Promise.resolve();
      if (!host.supports('1.8'))
        throw new FakeOfficeError('ApiNotFound', 'Excel.createWorkbook needs ExcelApi 1.8');
      if (base64 !== undefined && (!BASE64.test(base64) || !atob(base64.slice(0, 8)).startsWith('PK')))
        throw new FakeOfficeError('InvalidArgument', 'The base64 string is not an .xlsx file');
      state.createdWorkbooks.push(base64 ?? '');
      // The new workbook opens in a window of its own and takes the focus (office-js#771).
      state.focusElsewhere = true;
    },
    ErrorCodes: ERROR_CODES,
    CalculationType: { recalculate: 'Recalculate', full: 'Full', fullRebuild: 'FullRebuild' },
    SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
    ConditionalFormatType: { custom: 'Custom', dataBar: 'DataBar' },
    SpecialCellType: { formulas: 'Formulas', constants: 'Constants' },
    DataValidationAlertStyle: { stop: 'Stop', warning: 'Warning', information: 'Information' },
    DataValidationOperator: { lessThanOrEqualTo: 'LessThanOrEqualTo' },
    PageOrientation: { portrait: 'Portrait', landscape: 'Landscape' },
    PaperType: { a4: 'A4', letter: 'Letter' },
  };
  const office = {
    context: {
      // Office.context.diagnostics (Reference: Office.ContextInformation): what the self-test reports.
      diagnostics: { host: 'Excel', version: '16.0 (in-memory fake)', platform: 'OfficeOnline' },
      requirements: {
        isSetSupported: (name: string, version?: string): boolean =>
          name === 'ExcelApi' && host.supports(version ?? '1.1'),
      },
    },
    onReady: async () => ({ host: 'Excel', platform: 'OfficeOnline' }),
    HostType: { Excel: 'Excel' },
  };
  const officeExtension = {
    Error: FakeOfficeError,
    ErrorCodes: { propertyNotLoaded: 'PropertyNotLoaded', ...ERROR_CODES },
  };

  const sheet = (name: string): FakeSheet => {
    const found = state.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!found) throw new Error(`No sheet ${name} in the fake workbook`);
    return found;
  };
  const cell = (name: string, address: string) => {
    const { top, left } = parseA1(address);
    return getCell(sheet(name), top, left);
  };
  return {
    Excel: excel as unknown as typeof Excel,
    Office: office as unknown as typeof Office,
    OfficeExtension: officeExtension as unknown as typeof OfficeExtension,
    state,
    stats,
    limits,
    setExcelApi: (version) => void (host.excelApi = version),
    failNextSync: (code, message) => host.failSyncAt(0, code, message),
    failSyncAt: (nth, code, message) => host.failSyncAt(nth, code, message),
    setCellEditMode: (on) => void (host.cellEditMode = on),
    resetStats: () => Object.assign(stats, newStats()),
    sheet,
    value: (name, address) => shownValue(cell(name, address)),
    formula: (name, address) => cell(name, address)?.formula,
    fill: (name, address) => {
      const color = cell(name, address)?.format['fill.color'];
      return typeof color === 'string' ? color : null;
    },
  };
}

const GLOBALS = ['Excel', 'Office', 'OfficeExtension'] as const;

/** Install a fake as the globals `Excel`, `Office` and `OfficeExtension`; `uninstall` puts back what was there. */
export function installFakeExcel(fake: FakeExcel = createFakeExcel()): FakeExcel & { uninstall(): void } {
  const scope = globalThis as Record<string, unknown>;
  const previous = GLOBALS.map((name) => [name, Object.getOwnPropertyDescriptor(scope, name)] as const);
  scope.Excel = fake.Excel;
  scope.Office = fake.Office;
  scope.OfficeExtension = fake.OfficeExtension;
  return {
    ...fake,
    uninstall() {
      for (const [name, descriptor] of previous) {
        if (descriptor) Object.defineProperty(scope, name, descriptor);
        else delete scope[name];
      }
    },
  };
}
