import { describe, expect, it } from 'vitest';
import { KPI_FORM } from '../../../tests/helpers/kpiForm';
import {
  CONSOLIDATE_OPTIONS as OPTIONS,
  formEntry,
  readSource,
  receivedEntry,
} from '../../../tests/helpers/kpiSources';
import { buildMasterView } from '../consolidation/buildMasterView';
import { consolidateEntries } from '../consolidation/consolidateEntries';
import type { MasterRow } from '../consolidation/types';
import type { SheetSnapshot } from '../extract/snapshot';
import { r2Sample } from '../sample/r2';
import { specToSnapshot } from '../template/specToSnapshot';
import { publishDocument } from './publishDocument';
import { readMasterRows } from './readMasterRows';
import { renderReportHtml } from './renderReportHtml';

const { plan } = r2Sample();
const FILLED = {
  indicator: '防災訓練の参加者数',
  baseline: '80',
  target: '１，２００',
  actual: '900',
  rating: 'B',
  checked: '令和3年3月31日',
  evaluation: '目標には届かなかった。\n来年度は周知を強める。',
};
const kpi = (code: string, department: string, fields: Partial<Record<string, string>>) =>
  receivedEntry(formEntry(code, department, fields));
const consolidation = consolidateEntries(
  plan,
  [
    readSource('総務課.xlsx', [kpi('I-2-1-3', '総務課', FILLED), kpi('IX-9-9-9', '総務課', FILLED)]),
    // A choice typed full-width is published as the choice it is counted as, from the master or not.
    readSource('町民生活課.xlsx', [
      kpi('I-1-2-1', '町民生活課', { ...FILLED, actual: '1300', rating: 'Ｓ' }),
    ]),
    // A sheet returned blank: 未提出, and publication says the sheet came blank, from the master or not.
    readSource('建設水道課.xlsx', [kpi('I-2-1-1', '建設水道課', {})]),
  ],
  { ...OPTIONS, form: KPI_FORM },
);
const master = (): SheetSnapshot =>
  specToSnapshot(buildMasterView({ consolidation, title: '町政運営推進プラン' }).sheets[0]!);
const documentOf = (rows: readonly MasterRow[]) =>
  publishDocument({ title: '町政運営推進プラン', fiscalYear: 2020, plan, form: KPI_FORM, rows });

describe('readMasterRows', () => {
  it('reads back from 全体計画 the document the consolidation itself gives: values, 未提出, 要確認 left out', () => {
    const read = readMasterRows(master(), plan, KPI_FORM);
    if (!read.ok) throw new Error(read.error);
    expect(read.value.fiscalYear).toBe(2020);
    expect(read.value.missingColumns).toEqual([]);
    expect(read.value.rows.map((r) => r.status)).toEqual(consolidation.rows.map((r) => r.status));
    const fromMaster = documentOf(read.value.rows);
    expect(fromMaster).toEqual(documentOf(consolidation.rows));
    expect(fromMaster.leftOut).toBe(1);
    const entry = fromMaster.entries.find((e) => e.planItem.code === 'I-2-1-3')!;
    expect(entry.values).toMatchObject({ target: 1200, actual: 900, rate: 0.75, checked: '2021-03-31' });
    expect(fromMaster.entries.find((e) => e.planItem.code === 'I-1-2-1')!.values.rating).toBe('S');
    expect(
      fromMaster.entries.find((e) => e.planItem.code === 'I-2-1-1' && e.department === '建設水道課'),
    ).toMatchObject({ status: 'missing', blankSheet: true });
    expect(renderReportHtml(fromMaster)).toContain(
      '<strong>建設水道課</strong>: この取組項目のシートは空欄のまま届きました（未提出）。',
    );
  });

  it('finds the columns by their headers when 総務課 inserted a column and rows above the table', () => {
    const sheet = master();
    const edited: SheetSnapshot = {
      ...sheet,
      values: [['メモ'], ...sheet.values.map((row) => [row[0] ?? null, 'メモ欄', ...row.slice(1)])],
    };
    const read = readMasterRows(edited, plan, KPI_FORM);
    if (!read.ok) throw new Error(read.error);
    expect(documentOf(read.value.rows)).toEqual(documentOf(consolidation.rows));
  });

  it('names the sheet when it holds no 全体計画 table, and the fields it has no column for', () => {
    expect(
      readMasterRows({ ...master(), name: '集計', values: [['表題'], ['a', 'b']] }, plan, KPI_FORM),
    ).toEqual({
      ok: false,
      error:
        '「集計」シートに見出しの行（取組項目コード・実践課 …）が見つかりません。集約した全体計画のブックを指定してください。',
    });
    const sheet = master();
    const header = sheet.values.findIndex((r) => r.includes('取組項目コード'));
    const dropped = sheet.values[header]!.indexOf('確認日');
    const withoutDate: SheetSnapshot = {
      ...sheet,
      values: sheet.values.map((r) => r.filter((_, c) => c !== dropped)),
    };
    const read = readMasterRows(withoutDate, plan, KPI_FORM);
    expect(read.ok && read.value.missingColumns).toEqual(['確認日']);
  });
});
