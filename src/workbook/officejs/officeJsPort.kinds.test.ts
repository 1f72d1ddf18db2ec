import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseA1 } from '../../../tests/officejs/fake/a1';
import { effectiveFormat } from '../../../tests/officejs/fake/document';
import { installFresh, type InstalledFake } from '../../../tests/officejs/testPort';
import { KPI_FILLED, KPI_FORM, kpiSheet } from '../../../tests/helpers/kpiForm';
import { extractWorkbook } from '../../domain/extract/extractWorkbook';
import { r2Sample } from '../../domain/sample/r2';
import { entryLayout, inputAddress, inputFor } from '../../domain/template/entryLayout';
import { OfficeJsPort } from './officeJsPort';

let fake: InstalledFake;
beforeEach(() => {
  fake = installFresh();
});
afterEach(() => fake.uninstall());

const sheet = kpiSheet();
const layout = entryLayout(KPI_FORM);
const at = (key: string) => inputAddress(inputFor(layout, key));
const format = (address: string, path: string) => {
  const { top, left } = parseA1(address);
  return effectiveFormat(fake.sheet('KPI'), top, left, path);
};
const ruleAt = (address: string) => {
  const { top, left } = parseA1(address);
  return fake.sheet('KPI').validations.find((v) => v.rect.top === top && v.rect.left === left)?.props;
};

describe('an entry sheet of a 指標 form in Excel (the fake)', () => {
  beforeEach(async () => {
    await new OfficeJsPort().writeSheets([sheet]);
  });

  it('writes numbers as numbers and the 計算 cell as a formula with its percentage format', () => {
    expect(fake.value('KPI', at('target'))).toBe(100);
    expect(format(at('target'), 'numberFormat')).toBe('General');
    expect(fake.value('KPI', at('checked'))).toBe(44286);
    expect(format(at('checked'), 'numberFormat')).toBe('yyyy/m/d');
    expect(fake.formula('KPI', at('rate'))).toBe(
      `=IFERROR(IF(OR(${at('actual')}="",${at('target')}=""),"",${at('actual')}/${at('target')}),"")`,
    );
    expect(format(at('rate'), 'numberFormat')).toBe('0.0%');
    expect(format(at('rate'), 'protection.locked')).toBe(true);
  });

  it('reads back through the port: numbers, the date and the recomputed 計算 field, without findings', async () => {
    const snapshot = await new OfficeJsPort().readSnapshot();
    const x = extractWorkbook(snapshot, { file: 'kpi.xlsx', plan: r2Sample().plan, form: KPI_FORM });
    expect(x.findings).toEqual([]);
    expect(x.entries.map((e) => e.entry.fields)).toEqual([{ ...KPI_FILLED, rate: '0.9' }]);
  });

  it('sets decimal and date rules as Excel.DataValidationRule describes them', () => {
    expect(ruleAt(at('target'))?.rule).toEqual({
      decimal: { formula1: -1e15, formula2: 1e15, operator: 'Between' },
    });
    expect(ruleAt(at('checked'))?.rule).toEqual({
      date: { formula1: '1901-01-01', formula2: '9999-12-31', operator: 'Between' },
    });
    expect(ruleAt(at('rating'))?.prompt).toMatchObject({ message: expect.stringContaining('判定の目安') });
    // The 計算 cell: an input message and no rule, as ExcelScript's DataValidationPrompt example sets it.
    expect(ruleAt(at('rate'))).toEqual({
      prompt: { showPrompt: true, title: '達成率', message: expect.stringContaining('自動で計算されます') },
    });
  });
});
