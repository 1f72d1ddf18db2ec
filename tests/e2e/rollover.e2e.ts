import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildMasterTemplateFile } from '../../src/app/buildWorkbooks';
import { readDepartmentFile } from '../../src/app/readDepartmentFile';
import { validateSnapshot } from '../../src/app/validateWorkbook';
import type { CliIo } from '../../src/cli/cliIo';
import { main } from '../../src/cli/main';
import { fieldText } from '../../src/domain/entry/types';
import { planItems } from '../../src/domain/plan/planItems';
import type { Plan } from '../../src/domain/plan/types';
import { r2Sample } from '../../src/domain/sample/r2';
import { r3Sample } from '../../src/domain/sample/r3';
import { excelJsFactory } from '../../src/workbook/exceljs/excelJsFactory';
import {
  downloads,
  itMadeNoRequests,
  launchBrowser,
  openPane,
  seriousViolations,
  tab,
  type Pane,
} from './pane';

const baseUrl = inject('baseUrl');
const quiet: CliIo = {
  stdout: { write: () => true },
  stderr: { write: () => true },
  cwd: '/',
  now: () => new Date(2021, 2, 20, 9, 0, 0),
};
const R2 = r2Sample();
const R3 = r3Sample();
const DEPARTMENT = '総務課';

/** A department workbook's entries and 前年度 values as the validator reads them (the project's reader). */
async function entriesOf(path: string, plan: Plan = R2.plan) {
  const read = await readDepartmentFile(new Uint8Array(readFileSync(path)), path);
  if (!read.ok) throw new Error(read.error.message);
  const result = validateSnapshot(read.value, {
    file: path,
    stage: 'plan',
    plan,
    fiscalYear: 2021,
  });
  expect(result.findings.filter((f) => f.code === 'extract.unread-text')).toEqual([]);
  return result.extraction.entries.map((e) => ({ entry: e.entry, previous: e.previous }));
}

/**
 * シート作成's 「前年度の全体計画から作成（引継ぎ）」 in file mode (issue 17): the demo's R2 master rolled over
 * to 令和3年度 gives the department workbooks `suishin rollover` gives, carried fields holding R2's text and the
 * 前年度 column R2's 評価・検証.
 */
describe('引継ぎ (rollover) in file mode (issue 17)', () => {
  let browser: Browser | undefined;
  let opened: Pane | undefined;
  const pane = (): Pane => {
    if (!opened) throw new Error('the pane is not open');
    return opened;
  };
  let dir = '';
  let r3Master = '';
  beforeAll(async () => {
    browser = await launchBrowser();
    // axe-core is injected as an inline script, which the page's own CSP (rightly) refuses.
    opened = await openPane(browser, baseUrl, { bypassCsp: true });
    dir = mkdtempSync(join(tmpdir(), 'suishin-rollover-'));
    const demo = await main(['demo', '--out', join(dir, 'demo')], quiet);
    if (demo !== 0) throw new Error(`demo exited ${demo}`);
    const cli = await main(
      ['rollover', join(dir, 'demo', 'master.xlsx'), '--year', '令和3年度', '--out', join(dir, 'cli')],
      quiet,
    );
    if (cli !== 0) throw new Error(`rollover exited ${cli}`);
    // Next year's 体系 as 総務課 keeps it: the R3 sample's (II-2-4-1 renamed, II-2-4-3 added).
    r3Master = join(dir, '令和3年度_全体計画.xlsx');
    writeFileSync(
      r3Master,
      await buildMasterTemplateFile(excelJsFactory, {
        plan: R3.plan,
        fiscalYear: R3.fiscalYear,
        title: R3.planTitle,
        form: R3.form,
      }),
    );
    const withPlan = await main(
      [
        'rollover',
        join(dir, 'demo', 'master.xlsx'),
        '--year',
        '令和3年度',
        '--plan',
        r3Master,
        '--out',
        join(dir, 'cli-r3'),
      ],
      quiet,
    );
    if (withPlan !== 0) throw new Error(`rollover --plan exited ${withPlan}`);
  }, 120_000);
  afterAll(async () => {
    await opened?.close();
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('rolls the R2 master over to 令和3年度 and downloads a department workbook equal to the CLI’s', async () => {
    const { page } = pane();
    const { tab: build, panel } = tab(page, 'シート作成');
    await build.click();
    const section = panel.getByRole('region', { name: '前年度の全体計画から作成（引継ぎ）' });
    // From the keyboard: the button opens the file chooser with Enter.
    await section.getByRole('button', { name: '前年度の全体計画を選択' }).focus();
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Enter');
    await (await chooser).setFiles(join(dir, 'demo', 'master.xlsx'));
    await section.getByText('は令和2年度の全体計画です（記入 37 行）', { exact: false }).waitFor();
    const year = section.getByRole('combobox', { name: '作成する年度' });
    expect(await year.locator('option:checked').textContent()).toBe('令和3年度');
    await section.getByRole('button', { name: '令和3年度のブックを引き継いで作成' }).focus();
    await page.keyboard.press('Enter');
    const result = section.getByRole('region', { name: '引継ぎの結果' });
    await result.waitFor();
    expect(
      await result.getByRole('list', { name: '取組項目の対応' }).getByRole('listitem').allTextContents(),
    ).toEqual(['同じ 21', '番号変更 0', '名称変更 0', '対応表で指定 0', '対応なし 0', '新規 0']);
    await result.getByText('引き継がない記入はありません。').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const [saved] = await downloads(page, 1, () =>
      result.getByRole('button', { name: `${DEPARTMENT}.xlsx をダウンロード` }).click(),
    );
    expect(saved!.name).toBe(`${DEPARTMENT}.xlsx`);
    const fromPane = await entriesOf(saved!.path);
    const fromCli = await entriesOf(join(dir, 'cli', `${DEPARTMENT}.xlsx`));
    expect(fromPane.length).toBeGreaterThan(0);
    expect(fromPane).toEqual(fromCli);

    // R2's own text in the carried fields; R2's 評価・検証 only in 前年度.
    const all = new Set(
      planItems(R2.plan)
        .filter((p) => p.item.assignment.kind === 'all')
        .map((p) => p.code),
    );
    const own = R2.entries.filter((e) => e.department === DEPARTMENT && !all.has(e.code));
    expect(own.length).toBeGreaterThan(0);
    for (const r2 of own) {
      const got = fromPane.find((e) => e.entry.code === r2.code && e.entry.seq === r2.seq)!;
      expect(got.entry.fiscalYear).toBe(2021);
      expect(got.entry.fields.goal).toBe(fieldText(r2.fields, 'goal'));
      expect(got.entry.fields.evaluation).toBe('');
      expect(got.previous?.fiscalYear).toBe(2020);
      expect(fieldText(got.previous?.fields ?? {}, 'evaluation')).toBe(fieldText(r2.fields, 'evaluation'));
    }
    expect(own.some((e) => fieldText(e.fields, 'evaluation') !== '')).toBe(true);

    const [mapping] = await downloads(page, 1, () =>
      result.getByRole('button', { name: '対応表 (mapping.json)' }).click(),
    );
    expect(readFileSync(mapping!.path, 'utf8')).toBe(readFileSync(join(dir, 'cli', 'mapping.json'), 'utf8'));
  });

  it('with the R3 体系 open, uses it when asked and shows the renamed and the new item, as rollover --plan does', async () => {
    const { page } = pane();
    await tab(page, '体系').tab.click();
    await page.locator('input[type="file"][aria-label="開くブック"]').first().setInputFiles(r3Master);
    await page.getByRole('heading', { name: 'シート「体系」・令和3年度' }).waitFor();
    const { tab: build, panel } = tab(page, 'シート作成');
    await build.click();
    const section = panel.getByRole('region', { name: '前年度の全体計画から作成（引継ぎ）' });
    await section
      .getByLabel('前年度の全体計画', { exact: true })
      .setInputFiles(join(dir, 'demo', 'master.xlsx'));
    const use = section.getByRole('checkbox', { name: /開いているブックの体系を翌年度の体系にする/ });
    await use.check();
    await section.getByRole('button', { name: '令和3年度のブックを引き継いで作成' }).click();
    const result = section.getByRole('region', { name: '引継ぎの結果' });
    await result.getByText('開いているブック「令和3年度_全体計画.xlsx」の体系で', { exact: false }).waitFor();
    expect(
      await result.getByRole('list', { name: '取組項目の対応' }).getByRole('listitem').allTextContents(),
    ).toEqual(['同じ 20', '番号変更 0', '名称変更 1', '対応表で指定 0', '対応なし 0', '新規 1']);
    expect(
      await result
        .getByRole('region', { name: '番号・名称が変わった取組項目' })
        .getByRole('listitem')
        .allTextContents(),
    ).toEqual(['名称変更: II-2-4-1マイナンバーカードの普及 → II-2-4-1マイナンバーカードの普及と利活用']);
    expect(
      await result
        .getByRole('region', { name: '新規の取組項目（令和2年度なし・空欄で作成）' })
        .getByRole('listitem')
        .allTextContents(),
    ).toEqual(['II-2-4-3行政手続のオンライン化の検討']);
    expect(await seriousViolations(page)).toEqual([]);

    const [saved] = await downloads(page, 1, () =>
      result.getByRole('button', { name: `${DEPARTMENT}.xlsx をダウンロード` }).click(),
    );
    const fromPane = await entriesOf(saved!.path, R3.plan);
    expect(fromPane.find((e) => e.entry.code === 'II-2-4-3')?.previous).toBeUndefined();
    expect(fromPane).toEqual(await entriesOf(join(dir, 'cli-r3', `${DEPARTMENT}.xlsx`), R3.plan));
  });

  it('fits 320 px: nothing in the section reaches past the pane’s right edge', async () => {
    const { page } = pane();
    await page.setViewportSize({ width: 320, height: 900 });
    const section = page.getByRole('region', { name: '前年度の全体計画から作成（引継ぎ）' });
    await section.getByRole('region', { name: '引継ぎの結果' }).waitFor();
    const widest = await section.evaluate((root) =>
      Math.max(...[root, ...root.querySelectorAll('*')].map((e) => e.getBoundingClientRect().right)),
    );
    expect(widest).toBeLessThanOrEqual(320);
    if (process.env.ROLLOVER_SHOT) await section.screenshot({ path: process.env.ROLLOVER_SHOT });
  });

  itMadeNoRequests(pane);
});
