import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPlanFile } from '../../src/app/openPlan';
import { STANDARD_FORM } from '../../src/domain/entry/formDefinition';
import { buildFormSheet } from '../../src/domain/form/buildFormSheet';
import { r2Sample } from '../../src/domain/sample/r2';
import { buildPlanSheet } from '../../src/domain/template/buildPlanSheet';
import { entryLayout } from '../../src/domain/template/entryLayout';
import { writeXlsx } from '../../src/workbook/xlsx/writeXlsx';

/**
 * 総務課 edits the 様式 in Excel; openpyxl stands in for it: the R2 様式 written by our writer gets a field
 * row inserted (予算額, a 数値 in the 年度欄 after 取組内容) and the 目標の達成 scale changed, is saved by
 * openpyxl, and our reader takes the edited form from the file.
 */
const EDIT = `
import sys, openpyxl
path = sys.argv[1]
wb = openpyxl.load_workbook(path)
ws = wb['様式']
header = [c.value for c in ws[2]]
col = {name: header.index(name) + 1 for name in header if name}
rows = {ws.cell(r, col['項目']).value: r for r in range(3, ws.max_row + 1)}
ws.cell(rows['目標の達成'], col['選択肢']).value = '達成、順調、やや遅れ、遅れ'
at = rows['取組内容'] + 1
ws.insert_rows(at)
for name, value in [('項目', '予算額'), ('キー', 'budget'), ('種類', '数値'), ('必須の時期', '計画'), ('年度欄', '○'), ('記入の手引き', '千円単位で書いてください。')]:
    ws.cell(at, col[name]).value = value
wb.save(path)
`;

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'suishin-form-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('a 様式 edited and saved by openpyxl', () => {
  it('drives the form read from the 体系 workbook: the added field in place, the changed scale', async () => {
    const { plan, fiscalYear } = r2Sample();
    const path = join(dir, '体系.xlsx');
    const sheets = [
      buildPlanSheet({ plan, fiscalYear, title: '町政運営推進プラン' }),
      buildFormSheet(STANDARD_FORM),
    ];
    await writeFile(path, await writeXlsx({ sheets, properties: { title: '体系' } }));

    const before = await openPlanFile(await readFile(path), '体系.xlsx');
    expect(before.ok && before.value?.form).toBe(STANDARD_FORM);

    const run = spawnSync('/usr/bin/python3', ['-c', EDIT, path], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);

    const after = await openPlanFile(await readFile(path), '体系.xlsx');
    const value = after.ok ? after.value : undefined;
    expect(value?.formFindings).toEqual([]);
    expect(value?.plan).toEqual(plan);
    const form = value?.form;
    expect(form?.id).toBe('yoshiki');
    expect(form?.fields.map((f) => f.key)).toEqual([
      'vision',
      'goal',
      'actions',
      'budget',
      'firstHalf',
      'secondHalf',
      'achievement',
      'evaluation',
    ]);
    expect(form?.fields[3]).toMatchObject({
      label: '予算額',
      kind: 'number',
      requiredFrom: 'plan',
      inYearBand: true,
      guidance: '千円単位で書いてください。',
    });
    const achievement = form?.fields.find((f) => f.key === 'achievement');
    expect(achievement).toMatchObject({ choices: ['達成', '順調', 'やや遅れ', '遅れ'], tally: true });
    // The R2 labels keep R2's legacy spellings, and the layout places the new field in the band.
    expect(achievement?.aliases).toEqual(STANDARD_FORM.fields[5]?.aliases);
    const layout = entryLayout(form);
    expect(layout.labels.flatMap((l) => (l.kind === 'text' ? [l.text] : []))).toContain('予算額');
  });
});
