import { describe, expect, it } from 'vitest';
import { buildDepartmentFiles } from '../../src/app/buildWorkbooks';
import { fillDepartmentFiles } from '../../src/cli/fillDepartmentFiles';
import type { Entry } from '../../src/domain/entry/types';
import { kpiSample } from '../../src/domain/sample/kpi';
import { excelJsFactory } from '../../src/workbook/exceljs/excelJsFactory';

const sample = kpiSample();
const { plan, fiscalYear, form } = sample;
const title = sample.planTitle;
const blank = () => buildDepartmentFiles(excelJsFactory, { plan, fiscalYear, title, form });
const fill = async (entries: readonly Entry[]) =>
  fillDepartmentFiles(await blank(), { plan, fiscalYear, title, form, entries });

const withField = (e: Entry, key: string, value: string): Entry => ({
  ...e,
  fields: { ...e.fields, [key]: value },
});

describe('fillDepartmentFiles on a form with 数値 fields (the kpi sample)', () => {
  it('fills every department and checks each input field of the form back', async () => {
    const filled = await fill(sample.entries);
    expect(filled.ok).toBe(true);
    if (filled.ok) expect(filled.value.map((f) => f.department)).toEqual(plan.departments);
  });

  it('takes a 数値 written as 14.20 back as the number 14.2 it is', async () => {
    const entries = sample.entries.map((e) =>
      e.code === 'III-2-2-1' ? withField(e, 'baseline', '14.20') : e,
    );
    expect((await fill(entries)).ok).toBe(true);
  });

  it('says which entries it could not find a sheet for', async () => {
    const stray = withField({ ...sample.entries[0]!, code: 'III-9-9-9' }, 'summary', 'x');
    const filled = await fill([...sample.entries, stray]);
    expect(filled).toEqual({ ok: false, error: '入力したシートが見つかりません: III-9-9-9 税務課 (1)' });
  });
});
