import { FluentProvider, Spinner, webLightTheme, type Theme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { OfficeJsPort } from '../workbook/officejs/officeJsPort';
import { createWorkbookWithSheets } from '../workbook/officejs/createWorkbook';
import { App } from './App';
import { ExcelHost } from './excelHost';
import { FileHost } from './fileHost';
import type { Host } from './host';
import { preloadForFileMode } from './lazy';
import { themeFor } from './theme';

/**
 * Composition root (the only place besides main.tsx that may touch `Office`): wait for Office.onReady,
 * then pick the host. In Excel → the open workbook through Office.js; anywhere else (a plain browser tab,
 * or office.js that could not load from Microsoft's CDN) → file mode over ExcelJS.
 */
const OFFICE_READY_TIMEOUT_MS = 6000;

type Ready =
  | { readonly inExcel: false }
  | {
      readonly inExcel: true;
      readonly theme: Theme;
      readonly name: string | undefined;
      readonly canCreateWorkbook: boolean;
    };

async function waitForOffice(): Promise<Ready> {
  if (typeof Office === 'undefined') return { inExcel: false };
  const timeout = new Promise<undefined>((resolve) =>
    setTimeout(() => resolve(undefined), OFFICE_READY_TIMEOUT_MS),
  );
  const info = await Promise.race([Office.onReady(), timeout]);
  if (!info || info.host !== Office.HostType.Excel) return { inExcel: false };
  return {
    inExcel: true,
    theme: themeFor(Office.context.officeTheme?.bodyBackgroundColor),
    name: workbookName(Office.context.document?.url),
    canCreateWorkbook: Office.context.requirements.isSetSupported('ExcelApi', '1.8'),
  };
}

/** `https://…/Shared%20Documents/全体計画.xlsx` or `C:\…\全体計画.xlsx` → `全体計画.xlsx`. */
function workbookName(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const last = url.split(/[\\/]/).pop() ?? '';
  try {
    return decodeURIComponent(last) || undefined;
  } catch {
    return last || undefined;
  }
}

async function main(): Promise<void> {
  const container = document.getElementById('container');
  if (!container) return;
  const root = createRoot(container);
  root.render(
    <FluentProvider theme={webLightTheme}>
      <Spinner label="推進を起動しています…" style={{ marginTop: 48 }} />
    </FluentProvider>,
  );
  const ready = await waitForOffice();
  const host: Host = ready.inExcel
    ? new ExcelHost({
        port: new OfficeJsPort(ready.name !== undefined ? { file: ready.name } : {}),
        name: ready.name,
        ...(ready.canCreateWorkbook && { createWorkbookFromBase64: createWorkbookWithSheets }),
      })
    : new FileHost();
  if (host instanceof FileHost)
    // Once this resolves the page needs no network at all: `data-offline-ready` says so (the e2e tests wait for it).
    void preloadForFileMode(host.loadFactory).then(
      () => (container.dataset.offlineReady = 'true'),
      // A chunk that failed to load is loaded again (and its error shown) when the user needs it.
      () => undefined,
    );
  root.render(
    <FluentProvider theme={ready.inExcel ? ready.theme : webLightTheme} style={{ minHeight: '100vh' }}>
      <App host={host} />
    </FluentProvider>,
  );
}

void main();
