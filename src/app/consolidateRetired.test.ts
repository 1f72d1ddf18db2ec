import { describe, expect, it } from 'vitest';
import { KPI_FIELDS, KPI_FILLED, KPI_FORM } from '../../tests/helpers/kpiForm';
import { buildMasterView, LOG_SHEET_NAME } from '../domain/consolidation/buildMasterView';
import { consolidateEntries } from '../domain/consolidation/consolidateEntries';
import type { FormDefinition } from '../domain/entry/formDefinition';
import { extractWorkbook } from '../domain/extract/extractWorkbook';
import { planItems } from '../domain/plan/planItems';
import { r2Sample } from '../domain/sample/r2';
import { buildEntrySheet } from '../domain/template/buildEntrySheet';
import { FIRST_DATA_ROW } from '../domain/template/buildTableSheet';
import { entryLayout, inputAddress, inputFor } from '../domain/template/entryLayout';
import { specToSnapshot } from '../domain/template/specToSnapshot';
import { consolidationReport } from './consolidationReport';
import { toSourceFile } from './consolidate';

const { plan } = r2Sample();
// I-2-1-3 is 総務課's own item.
const item = planItems(plan).find((p) => p.code === 'I-2-1-3')!;
/** The next 様式 version: 確認日 removed. */
const V2: FormDefinition = {
  ...KPI_FORM,
  version: 'v2',
  fields: KPI_FIELDS.filter((f) => f.key !== 'checked'),
};

describe('a sheet built from an older 様式 version, consolidated with the current one', () => {
  const v1 = specToSnapshot(
    buildEntrySheet({
      item,
      department: '総務課',
      seq: 1,
      fiscalYear: 2020,
      form: KPI_FORM,
      sheetName: 'I-2-1-3 総務課',
      fields: { ...KPI_FILLED, checked: '2021-03-31' },
    }),
  );
  // A date cell reads back as ISO text through every adapter (specToSnapshot keeps the serial).
  const input = inputFor(entryLayout(KPI_FORM), 'checked');
  const at = inputAddress(input);
  const values = v1.values.map((r) => [...r]);
  values[input.range.top]![input.range.left] = '2021-03-31';
  const source = toSourceFile(
    { file: '総務課.xlsx', modified: 1 },
    extractWorkbook(
      { sheets: [{ ...v1, values }] },
      { file: '総務課.xlsx', plan, form: V2, fiscalYear: 2020 },
    ),
  );
  const c = consolidateEntries(plan, [source], {
    stamp: '2021-04-20T09:00:00+09:00',
    fiscalYear: 2020,
    stage: 'year-end',
    form: V2,
  });

  it('keeps the field the current form lacks in 集約ログ, under its sheet, with its text', () => {
    expect(c.log).toEqual([
      expect.objectContaining({
        sheet: 'I-2-1-3 総務課',
        outcome: 'consolidated',
        retired: [{ key: 'checked', label: '確認日', cell: at, text: '2021-03-31' }],
      }),
    ]);
    const log = buildMasterView({ consolidation: c, title: 't' }).sheets.find(
      (s) => s.name === LOG_SHEET_NAME,
    )!;
    const cell = (r: number, col: number) => log.cells.find((x) => x.row === r && x.column === col)?.value;
    expect([2, 6, 7].map((col) => cell(FIRST_DATA_ROW + 1, col))).toEqual([
      '集約',
      `現在の様式にない欄「確認日」（キー checked）の記入を保管しました（${at}）。`,
      '2021-03-31',
    ]);
  });

  it('writes it into report.json with the sheet', () => {
    expect(consolidationReport(c).inputs[0]?.sheets[0]).toMatchObject({
      outcome: 'consolidated',
      retired: [{ key: 'checked', text: '2021-03-31' }],
    });
  });
});
