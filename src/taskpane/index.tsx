import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  webLightTheme,
  type Theme,
} from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { FileHost } from './fileHost';
import type { Host } from './host';
import { fileModePreloads } from './lazy';
import { planPreloads, tabPreloads } from './tabs/panels';

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
      readonly bodyBackgroundColor: string | undefined;
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
    bodyBackgroundColor: Office.context.officeTheme?.bodyBackgroundColor,
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

/** The Office.js adapter: its own chunk, fetched while Office.onReady is pending, never in file mode. */
const loadExcelStart = () => import(/* webpackChunkName: "excel" */ './excelStart');

/** Resolves when the page is idle (the first screen painted, no input to handle), or after `timeout` ms. */
const idle = (timeout = 2000): Promise<void> =>
  new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout });
    else setTimeout(resolve, 50);
  });

/**
 * Fetch and evaluate chunks one at a time, each when the page is idle: the pane stays responsive while the
 * code for later steps arrives (a 2-core machine has no spare core for a burst of 20 chunks). Resolves true
 * once every step succeeded; a chunk that failed is loaded again (and its error shown) when needed.
 */
async function preloadInTurn(steps: readonly (() => Promise<unknown>)[]): Promise<boolean> {
  let ok = true;
  for (const step of steps) {
    await idle();
    await step().catch(() => (ok = false));
  }
  return ok;
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
  // office.js is there (so maybe Excel): fetch the adapter while Office.onReady is pending.
  const excelStart = typeof Office !== 'undefined' ? loadExcelStart() : undefined;
  excelStart?.catch(() => undefined);
  const ready = await waitForOffice();
  let host: Host;
  let theme: Theme = webLightTheme;
  if (ready.inExcel) {
    const excel = await (excelStart ?? loadExcelStart()).catch((error: unknown) => {
      root.render(
        <FluentProvider theme={webLightTheme}>
          <MessageBar intent="error" role="alert" layout="multiline" style={{ margin: 16 }}>
            <MessageBarBody>
              推進を起動できませんでした。ネットワークを確認して、作業ウィンドウを開き直してください。
            </MessageBarBody>
          </MessageBar>
        </FluentProvider>,
      );
      throw error;
    });
    host = excel.excelHost(ready.name, ready.canCreateWorkbook);
    // Office's theme may be dark: the dark theme is in the Excel chunk too.
    theme = excel.themeFor(ready.bodyBackgroundColor);
  } else host = new FileHost();
  // After the first screen: the other tabs' code, and in file mode ExcelJS (worker), the sample and the zip writer.
  // Once all of it is there a file-mode page needs no network at all: `data-offline-ready` says so (the
  // e2e tests wait for it).
  const steps = [
    ...planPreloads,
    ...(host instanceof FileHost ? fileModePreloads(host.loadFactory) : []),
    ...tabPreloads,
  ];
  void preloadInTurn(steps).then((ok) => {
    if (ok) container.dataset.offlineReady = 'true';
  });
  root.render(
    <FluentProvider theme={theme} style={{ minHeight: '100vh' }}>
      <App host={host} />
    </FluentProvider>,
  );
}

void main();
