import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  webLightTheme,
  type Theme,
} from '@fluentui/react-components';
import { createRoot, type Root } from 'react-dom/client';
import { App } from './App';
import { OfficeLate } from './boot/OfficeLate';
import { after, officeScriptArrival } from './boot/officeScript';
import { FileHost } from './fileHost';
import type { Host } from './host';
import { fileModePreloads } from './lazy';
import { planPreloads, tabPreloads } from './tabs/panels';

/**
 * Composition root (the only place besides main.tsx that may touch `Office`): wait for office.js and
 * Office.onReady, then pick the host. In Excel → the open workbook through Office.js; anywhere else (a plain
 * browser tab, office.js that could not load from Microsoft's CDN, or suishin.html, which has no office.js)
 * → file mode over ExcelJS. This script runs before office.js (taskpane.html loads both `defer`, this first),
 * so the page paints and answers even while the CDN holds the office.js request open.
 */
const OFFICE_READY_TIMEOUT_MS = 6000;
/** office.js not there after this long: offer the file mode (while still waiting for Office). */
const OFFICE_JS_PATIENCE_MS = 3000;

type Ready =
  | { readonly inExcel: false }
  | {
      readonly inExcel: true;
      readonly bodyBackgroundColor: string | undefined;
      readonly name: string | undefined;
      readonly canCreateWorkbook: boolean;
    };

const hasOffice = (): boolean => typeof Office !== 'undefined';

/** Once office.js has run: Office.onReady, at most OFFICE_READY_TIMEOUT_MS. */
async function waitForOffice(): Promise<Ready> {
  if (!hasOffice()) return { inExcel: false };
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

/**
 * Where the pane runs. Without office.js on the page, or once it failed, at once: file mode. While it has
 * not come, the pane waits; after OFFICE_JS_PATIENCE_MS it offers the file mode with the reason, and goes on
 * waiting for Office until the user takes the offer.
 */
async function whereWeRun(root: Root): Promise<Ready> {
  const arrival = officeScriptArrival(document, hasOffice);
  const ready = arrival.then(async (script) => {
    if (script !== 'loaded') return { inExcel: false } as const;
    // office.js is there (so maybe Excel): fetch the adapter while Office.onReady is pending.
    loadExcelStart().catch(() => undefined);
    return waitForOffice();
  });
  const early = await Promise.race([
    arrival.then(() => 'arrived' as const),
    after(OFFICE_JS_PATIENCE_MS, 'late' as const),
  ]);
  if (early === 'arrived') return ready;
  const chosen = new Promise<Ready>((resolve) =>
    root.render(
      <FluentProvider theme={webLightTheme} style={{ minHeight: '100vh' }}>
        <OfficeLate onFileMode={() => resolve({ inExcel: false })} />
      </FluentProvider>,
    ),
  );
  return Promise.race([ready, chosen]);
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
  const ready = await whereWeRun(root);
  let host: Host;
  let theme: Theme = webLightTheme;
  if (ready.inExcel) {
    const excel = await loadExcelStart().catch((error: unknown) => {
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
