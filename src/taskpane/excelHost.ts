import type { FileWorkbookFactory, WorkbookPort } from '../workbook/port';
import { readPickedFiles, toBase64, type PickedInput } from './files';
import { HostState, type Host, type HostSnapshot } from './host';
import { loadExcelJsFactory, onceUntilFailure } from './lazy';

export interface ExcelHostOptions {
  /** The workbook open in Excel (OfficeJsPort). */
  readonly port: WorkbookPort;
  readonly name: string | undefined;
  /** Excel.createWorkbook(base64), when the host supports ExcelApi 1.8. */
  readonly createWorkbookFromBase64?: (base64: string) => Promise<void>;
  readonly loadFactory?: () => Promise<FileWorkbookFactory>;
}

/** Inside Excel: the tabs work on the open workbook; new workbooks open in Excel instead of downloading. */
export class ExcelHost implements Host {
  readonly mode = 'excel' as const;
  private readonly state: HostState;
  private readonly port: WorkbookPort;
  readonly createWorkbook?: (bytes: Uint8Array) => Promise<void>;

  constructor(options: ExcelHostOptions) {
    this.port = options.port;
    this.state = new HostState({ port: options.port, name: options.name });
    this.loadFactory = onceUntilFailure(options.loadFactory ?? loadExcelJsFactory);
    const create = options.createWorkbookFromBase64;
    if (create) this.createWorkbook = (bytes) => create(toBase64(bytes));
  }

  getSnapshot = (): HostSnapshot => this.state.get();
  subscribe = (listener: () => void): (() => void) => this.state.subscribe(listener);
  touch = (): void => this.state.touch();

  /** ExcelJS, loaded on first use (a failed load is tried again next time). */
  readonly loadFactory: () => Promise<FileWorkbookFactory>;

  readFiles = (files: readonly File[]): Promise<PickedInput[]> => readPickedFiles(files);

  ensureWorkbook = async (): Promise<WorkbookPort> => this.port;
}
