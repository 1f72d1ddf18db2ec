/** What the self-test reports about the Excel it ran in, so that a town hall's result can be read elsewhere. */
export interface ExcelHostInfo {
  /** `Office.context.diagnostics`: host, version (`16.0.17928.20114`), platform (`PC`, `OfficeOnline`, `Mac`). */
  readonly host: string;
  readonly version: string;
  readonly platform: string;
  /** The highest `ExcelApi` 1.x the host supports (`1.17`), or null when none is reported. */
  readonly excelApi: string | null;
  /** Other requirement sets the adapter may use, each with whether it is supported. */
  readonly sets: readonly { readonly name: string; readonly supported: boolean }[];
}

const MAX_MINOR = 30;

const supported = (name: string, version: string): boolean => {
  try {
    return Office.context?.requirements?.isSetSupported(name, version) === true;
  } catch {
    return false;
  }
};

/** The Excel the pane runs in (Office must be ready). */
export function excelHostInfo(): ExcelHostInfo {
  const diagnostics = typeof Office !== 'undefined' ? Office.context?.diagnostics : undefined;
  let excelApi: string | null = null;
  for (let minor = 1; minor <= MAX_MINOR && supported('ExcelApi', `1.${minor}`); minor += 1)
    excelApi = `1.${minor}`;
  return {
    host: String(diagnostics?.host ?? '不明'),
    version: diagnostics?.version ?? '不明',
    platform: String(diagnostics?.platform ?? '不明'),
    excelApi,
    sets: [
      { name: 'ExcelApiOnline 1.1', supported: supported('ExcelApiOnline', '1.1') },
      { name: 'SharedRuntime 1.1', supported: supported('SharedRuntime', '1.1') },
    ],
  };
}
