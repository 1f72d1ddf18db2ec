import './dom';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, within, type RenderResult } from '@testing-library/react';
import { vi } from 'vitest';
import { buildDepartmentFiles } from '../../src/app/buildWorkbooks';
import { r2Sample } from '../../src/domain/sample/r2';
import { DEFAULT_PLAN_TITLE } from '../../src/domain/template/buildDepartmentWorkbook';
import { buildMasterTemplate } from '../../src/domain/template/buildMasterTemplate';
import { App } from '../../src/taskpane/App';
import { ExcelHost } from '../../src/taskpane/excelHost';
import { FileHost } from '../../src/taskpane/fileHost';
import type { Host } from '../../src/taskpane/host';
import { preloadPanels } from '../../src/taskpane/tabs/panels';
import { excelJsFactory } from '../../src/workbook/exceljs/excelJsFactory';
import type { FileWorkbookPort, WorkbookPort } from '../../src/workbook/port';

// The pane fetches the other tabs' code once it is idle after start (index.tsx); the tests start from there,
// so a tab renders as soon as it is chosen. The loading path itself is in deferred.test.tsx.
await preloadPanels();

export const sample = r2Sample();
/** A fixed "today" in 令和7年度 so defaults do not move with the calendar. */
export const TODAY = new Date(2025, 5, 15);
export const loadFactory = async () => excelJsFactory;

/** 総務課's master workbook for the R2 sample: 体系 + empty 全体計画, in memory (ExcelJS). */
export const masterPort = (): Promise<FileWorkbookPort> =>
  excelJsFactory.create(
    buildMasterTemplate({ plan: sample.plan, fiscalYear: sample.fiscalYear, title: DEFAULT_PLAN_TITLE }),
  );

export const departmentFiles = (entries = sample.entries) =>
  buildDepartmentFiles(excelJsFactory, { plan: sample.plan, fiscalYear: sample.fiscalYear, entries });

export interface Downloaded {
  readonly fileName: string;
  readonly data: Uint8Array | string;
  readonly mime: string;
}

/** File mode over a workbook already open; downloads are collected instead of handed to the browser. */
export function fileHost(port?: FileWorkbookPort, name = '全体計画.xlsx') {
  const downloads: Downloaded[] = [];
  const host = new FileHost({
    loadFactory,
    download: (fileName, data, mime) => downloads.push({ fileName, data, mime }),
    ...(port && { initial: { port, name } }),
  });
  return { host, downloads };
}

/** Excel mode over any WorkbookPort (the ExcelJS port here, OfficeJsPort over the fake Excel elsewhere). */
export function excelHost(port: WorkbookPort, createWorkbookFromBase64?: (base64: string) => Promise<void>) {
  return new ExcelHost({
    port,
    name: '全体計画.xlsx',
    loadFactory,
    ...(createWorkbookFromBase64 && { createWorkbookFromBase64 }),
  });
}

export function renderApp(host: Host): RenderResult {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} today={TODAY} />
    </FluentProvider>,
  );
}

/** The value shown beside a label in a StatTiles list (`基本項目` → `2`). */
export function statValue(list: string, label: string): string | null {
  const dl = screen.getByLabelText(list);
  const term = within(dl).getByText(label, { selector: 'dt' });
  return term.nextElementSibling?.textContent ?? null;
}

export const spyOnPort = (port: WorkbookPort, method: keyof WorkbookPort) =>
  vi.spyOn(port as Required<WorkbookPort>, method);

/** A File the way a file input hands it over. */
export const fileOf = (name: string, bytes: Uint8Array, modified = Date.UTC(2021, 2, 31)): File =>
  new File([bytes.slice().buffer as ArrayBuffer], name, {
    lastModified: modified,
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
