import { describe, expect, it } from 'vitest';
import { editItems, r3Reorganised, rowsOf } from '../../tests/helpers/reorganisedPlan';
import { UNCHANGED_FROM_LAST_YEAR_CODE } from '../domain/compare/unchangedFromLastYear';
import type { SourceFile } from '../domain/consolidation/types';
import { STANDARD_FORM } from '../domain/entry/formDefinition';
import { fieldText, type Entry } from '../domain/entry/types';
import { buildMappingSheet } from '../domain/rollover/mappingSheet';
import type { Plan } from '../domain/plan/types';
import { r2Sample } from '../domain/sample/r2';
import { excelJsFactory } from '../workbook/exceljs/excelJsFactory';
import type { WorkbookPort } from '../workbook/port';
import { consolidateSources } from './consolidate';

const r2 = r2Sample();

/** 令和3年度's files consolidated into `target` with the R2 master as the past year (--history). */
const withR2History = async (plan: Plan, source: SourceFile, target: WorkbookPort) =>
  consolidateSources(
    plan,
    [source],
    { kind: 'explicit', fiscalYear: 2021, others: [] },
    {
      target,
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
    const result = await withR2History(plan, source, await excelJsFactory.create());
    const unchanged = result.consolidation.findings.filter(
      (f) => f.code === UNCHANGED_FROM_LAST_YEAR_CODE && f.place.field === 'evaluation',
    );
    expect(unchanged.map((f) => f.place.sheet)).toEqual(['II-1-3-3 町民生活課']);
  });
});

describe('consolidate with a past master and the 対応表 rollover wrote into this master', () => {
  // R3: I-2-1-4 became I-2-1-5 under a new title: no automatic match; 総務課 mapped it in mapping.json.
  const plan = editItems(r2.plan, (i) =>
    i.code === 'I-2-1-4' ? [{ ...i, code: 'I-2-1-5', number: 5, title: 'ボランティア活動の推進' }] : [i],
  );
  const old = r2.entries.find((e) => e.code === 'I-2-1-4')!;
  const source: SourceFile = {
    kind: 'read',
    file: `${old.department}.xlsx`,
    modified: 1,
    entries: [
      {
        entry: { ...old, code: 'I-2-1-5', fiscalYear: 2021 },
        sheet: `I-2-1-5 ${old.department}`,
        cells: { evaluation: 'D10' },
      },
    ],
    sheets: [],
    findings: [],
  };
  const run = async (withMapping: boolean) => {
    const target = await excelJsFactory.create();
    if (withMapping)
      await target.writeSheets([
        buildMappingSheet({
          note: '',
          from: '令和2年度',
          to: '令和3年度',
          items: [
            {
              previous: 'I-2-1-4',
              previousTitle: 'ボランティアセンターの活動支援と連携',
              next: 'I-2-1-5',
              nextTitle: 'ボランティア活動の推進',
              match: '対応表で指定',
              entries: 1,
            },
          ],
          added: [],
          departments: [],
          leftBehind: [],
        }),
      ]);
    const result = await withR2History(plan, source, target);
    return result.consolidation.findings.filter(
      (f) => f.code === UNCHANGED_FROM_LAST_YEAR_CODE && f.place.field === 'evaluation',
    );
  };

  it('pairs the item as the 対応表 says (総務課’s mapping), as rollover carried it', async () => {
    expect((await run(true)).map((f) => f.place.sheet)).toEqual([`I-2-1-5 ${old.department}`]);
    // Without the 対応表 nothing ties I-2-1-5 to last year's I-2-1-4.
    expect(await run(false)).toEqual([]);
  });
});
