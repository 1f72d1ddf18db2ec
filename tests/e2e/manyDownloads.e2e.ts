import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { buildMasterTemplateFile } from '../../src/app/buildWorkbooks';
import type { Plan } from '../../src/domain/plan/types';
import { r2Sample } from '../../src/domain/sample/r2';
import { excelJsFactory } from '../../src/workbook/exceljs/excelJsFactory';
import { itMadeNoRequests, paneForSuite, tab } from './pane';

const baseUrl = inject('baseUrl');
/** More than the 10 a burst of downloads got through Chromium (a town of 40 課 received 10 workbooks). */
const DEPARTMENTS = 24;

/** The R2 体系 with each item done by its own departments: DEPARTMENTS of them in all. */
function planOfManyDepartments(): Plan {
  const { plan } = r2Sample();
  const names = Array.from({ length: DEPARTMENTS }, (_, i) => `第${i + 1}課`);
  let n = 0;
  const basics = plan.basics.map((b) => ({
    ...b,
    promotions: b.promotions.map((p) => ({
      ...p,
      groups: p.groups.map((g) => ({
        ...g,
        items: g.items.map((item) => {
          const own = names.slice(n, n + 2);
          n = Math.min(n + 2, names.length - 2);
          return { ...item, assignment: { kind: 'departments' as const, departments: own } };
        }),
      })),
    })),
  }));
  return { basics, departments: names };
}

describe(`シート作成 in file mode: ${DEPARTMENTS} 課's workbooks each reach the browser`, () => {
  const pane = paneForSuite(baseUrl);
  let master = '';
  beforeAll(async () => {
    master = join(mkdtempSync(join(tmpdir(), 'suishin-many-')), '全体計画.xlsx');
    writeFileSync(
      master,
      await buildMasterTemplateFile(excelJsFactory, { plan: planOfManyDepartments(), fiscalYear: 2020 }),
    );
  });

  it('downloads every department workbook, and says it handed them to the browser one at a time', async () => {
    const { page } = pane();
    await page.locator('input[type="file"][aria-label="開くブック"]').first().setInputFiles(master);
    await page.getByRole('heading', { name: 'シート「体系」・令和2年度' }).waitFor();
    const { tab: build, panel } = tab(page, 'シート作成');
    await build.click();
    await panel.getByRole('radio', { name: '課ごとのブック (.xlsx) をダウンロード' }).check();
    const arrived: string[] = [];
    page.on('download', (d) => arrived.push(d.suggestedFilename()));
    await panel.getByRole('button', { name: new RegExp(`^シートを作成（${DEPARTMENTS} 課・`) }).click();
    // The pane's message, whatever it says, comes once every file has been handed to the browser.
    await panel.getByText(`${DEPARTMENTS} 個のブック（計`, { exact: false }).waitFor({ timeout: 60_000 });
    // A file still on its way, or dropped: given a few seconds, every department's workbook is there, once.
    await expect.poll(() => arrived.length, { timeout: 5000 }).toBe(DEPARTMENTS);
    expect([...arrived].sort()).toEqual(
      planOfManyDepartments()
        .departments.map((d) => `${d}.xlsx`)
        .sort(),
    );
    await panel
      .getByText(`${DEPARTMENTS} 個のブック（計`, { exact: false })
      .filter({ hasText: '1 つずつブラウザーに渡しました' })
      .waitFor({ timeout: 1000 });
  });

  itMadeNoRequests(pane);
});
