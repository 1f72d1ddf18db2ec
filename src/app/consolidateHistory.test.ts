import { describe, expect, it } from 'vitest';
import { r3Reorganised, rowsOf } from '../../tests/helpers/reorganisedPlan';
import { UNCHANGED_FROM_LAST_YEAR_CODE } from '../domain/compare/unchangedFromLastYear';
import type { SourceFile } from '../domain/consolidation/types';
import { STANDARD_FORM } from '../domain/entry/formDefinition';
import { fieldText, type Entry } from '../domain/entry/types';
import { r2Sample } from '../domain/sample/r2';
import { excelJsFactory } from '../workbook/exceljs/excelJsFactory';
import { consolidateSources } from './consolidate';

const r2 = r2Sample();

describe('consolidate with a past master after a 機構改革 (--history)', () => {
  it('compares each sheet with what its item was last year, not with whatever held its code', async () => {
    const plan = r3Reorganised();
    const old = r2.entries.find((e) => e.code === 'II-1-3-2' && e.department === '町民生活課')!;
    const evaluation = fieldText(old.fields, 'evaluation');
    // 町民生活課 pastes last year's 評価・検証 of its moved item (now II-1-3-3) into both that item and the
    // new II-1-3-2, which did not exist last year.
    const entry = (code: string): Entry => ({
      ...old,
      code,
      seq: 1,
      fiscalYear: 2021,
      fields: { ...old.fields, evaluation },
    });
    const source: SourceFile = {
      kind: 'read',
      file: '町民生活課.xlsx',
      modified: 1,
      entries: ['II-1-3-2', 'II-1-3-3'].map((code) => ({
        entry: entry(code),
        sheet: `${code} 町民生活課`,
        cells: { evaluation: 'D10' },
      })),
      sheets: [],
      findings: [],
    };
    const result = await consolidateSources(
      plan,
      [source],
      { kind: 'explicit', fiscalYear: 2021, others: [] },
      {
        target: await excelJsFactory.create(),
        stage: 'year-end',
        fiscalYear: 2021,
        stamp: '2022-04-20T09:00:00+09:00',
        title: 'R3',
        form: STANDARD_FORM,
        history: [
          {
            fiscalYear: 2020,
            source: 'master-R2.xlsx',
            plan: r2.plan,
            form: STANDARD_FORM,
            rows: rowsOf(r2.plan, r2.entries, 2020),
          },
        ],
      },
    );
    const unchanged = result.consolidation.findings.filter(
      (f) => f.code === UNCHANGED_FROM_LAST_YEAR_CODE && f.place.field === 'evaluation',
    );
    expect(unchanged.map((f) => f.place.sheet)).toEqual(['II-1-3-3 町民生活課']);
  });
});
