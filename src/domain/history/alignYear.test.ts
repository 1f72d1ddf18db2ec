import { describe, expect, it } from 'vitest';
import { editItems, r3Reorganised, rowsOf } from '../../../tests/helpers/reorganisedPlan';
import { STANDARD_FORM } from '../entry/formDefinition';
import { r2Sample } from '../sample/r2';
import { alignYear } from './alignYear';
import { buildHistory, type HistoryYear } from './yearHistory';

const r2 = r2Sample();

describe('alignYear: last year’s rows under this year’s codes and names', () => {
  const past: HistoryYear = {
    fiscalYear: 2020,
    source: 'master-R2.xlsx',
    plan: r2.plan,
    form: STANDARD_FORM,
    rows: rowsOf(r2.plan, r2.entries, 2020),
  };
  const plan = r3Reorganised();
  const aligned = alignYear(past, plan);
  const at = (code: string, department: string) =>
    aligned.rows.filter((r) => r.code === code && r.department === department);

  it('moves a renumbered item’s rows to its new code, so the new item on the old code has no past', () => {
    const moved = at('II-1-3-3', '町民生活課');
    expect(moved.length).toBe(
      r2.entries.filter((e) => e.code === 'II-1-3-2' && e.department === '町民生活課').length,
    );
    expect(moved[0]?.entry?.code).toBe('II-1-3-3');
    expect(moved[0]?.planItem?.item.title).toBe('行政サービスの制限、債権管理、徴収対策');
    expect(at('II-1-3-2', '町民生活課')).toEqual([]);

    const history = buildHistory([
      aligned,
      { fiscalYear: 2021, source: 'この集約', plan, form: STANDARD_FORM, rows: rowsOf(plan, [], 2021) },
    ]);
    const item = (code: string) =>
      history.items.find((i) => i.code === code && i.department === '町民生活課');
    expect(item('II-1-3-2')?.years.map((y) => y.status)).toEqual(['absent', 'missing']);
    expect(item('II-1-3-3')?.years.map((y) => y.status)).toEqual(['entry', 'missing']);
    // The past year's row says what it was then.
    expect(item('II-1-3-3')?.years[0]?.label).toMatch(
      /行政サービスの制限、債権管理、徴収対策（当時 II-1-3-2）$/,
    );
  });

  it('puts a renamed department’s rows under its new name', () => {
    const own = r2.entries.filter((e) => e.department === '企画商工観光課');
    expect(own.length).toBeGreaterThan(0);
    for (const e of own) expect(at(e.code, '産業観光課').length, e.code).toBeGreaterThan(0);
    expect(aligned.rows.some((r) => r.department === '企画商工観光課')).toBe(false);
    expect(at(own[0]!.code, '産業観光課')[0]?.formerly).toBe('企画商工観光課');
  });

  it('keeps a removed item’s code, and marks an old code this year gives to another item with its year', () => {
    expect(at('I-2-1-4', '保健福祉課').length).toBe(1);
    // II-1-3-1 is gone and II-1-3-2 moved onto its code: last year's II-1-3-1 has no successor, and its code
    // now names another item.
    const swapped = editItems(r2.plan, (i) =>
      i.code === 'II-1-3-1' ? [] : i.code === 'II-1-3-2' ? [{ ...i, code: 'II-1-3-1', number: 1 }] : [i],
    );
    const rows = alignYear(past, swapped).rows;
    const somu = (code: string) => rows.filter((r) => r.code === code && r.department === '総務課');
    expect(somu('II-1-3-1（令和2年度）')).toHaveLength(1);
    expect(somu('II-1-3-1')).toEqual([]);
    expect(rows.filter((r) => r.code === 'II-1-3-1' && r.department === '町民生活課').length).toBeGreaterThan(
      0,
    );
  });
});
