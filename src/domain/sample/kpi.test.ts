import { describe, expect, it } from 'vitest';
import formJson from '../../../samples/kpi/form.json';
import { inputFields, tallyChoices, tallyField } from '../entry/formDefinition';
import { fieldText } from '../entry/types';
import { evaluateFormula } from '../form/formula';
import { proposeChoice } from '../form/judge';
import { parseFormGrid } from '../form/parseFormSheet';
import { planItems } from '../plan/planItems';
import { kpiSample } from './kpi';
import { r2Sample } from './r2';
import { DEFAULT_SAMPLE_ID, sampleById, sampleIds, samples } from './samples';

const sample = kpiSample();
const items = planItems(sample.plan);
const allItems = items.filter((p) => p.item.assignment.kind === 'all');
/** The sheets that become rows of their own: all but the 全課 parts of departments other than the coordinator. */
const owned = sample.entries.filter((e) => e.code !== allItems[0]?.code || e.department === '企画課');

describe('the kpi sample (こもれび町, fictional)', () => {
  it('says it is fictional in its town and title', () => {
    expect(sample.town).toContain('架空');
    expect(sample.title).toContain('架空');
    expect(sample.planTitle).toContain('架空');
  });

  it('reads its 様式 through the 様式 parser with no error findings', () => {
    const parsed = parseFormGrid(formJson.grid, { sheet: '様式' });
    expect(parsed.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(sample.form).toEqual(parsed.form);
  });

  it('has the 指標 form: 数値 基準値・目標値・実績値, 達成率 computed, 判定 S/A/B/C counted, with its 判定理由', () => {
    const kinds = Object.fromEntries(sample.form.fields.map((f) => [f.label, f.kind]));
    expect(kinds).toEqual({
      取組の概要: 'text',
      成果指標: 'text',
      基準値: 'number',
      目標値: 'number',
      実績値: 'number',
      達成率: 'computed',
      判定: 'choice',
      判定理由: 'text',
      評価: 'text',
    });
    expect(tallyField(sample.form)?.key).toBe('rating');
    expect(tallyChoices(sample.form)).toEqual(['S', 'A', 'B', 'C']);
    expect(sample.form.fields.find((f) => f.key === 'ratingReason')?.reasonFor).toBe('rating');
  });

  it('has 15–25 items, 6–10 departments and one 全課 item', () => {
    expect(items.length).toBeGreaterThanOrEqual(15);
    expect(items.length).toBeLessThanOrEqual(25);
    expect(sample.plan.departments.length).toBeGreaterThanOrEqual(6);
    expect(sample.plan.departments.length).toBeLessThanOrEqual(10);
    expect(sample.plan.basics.length).toBeGreaterThanOrEqual(2);
    expect(allItems.map((p) => p.item.assignment)).toEqual([{ kind: 'all', coordinator: '企画課' }]);
  });

  it('has 20–40 entries over 6–10 departments, each on an item its department owes', () => {
    expect(sample.entries.length).toBeGreaterThanOrEqual(20);
    expect(sample.entries.length).toBeLessThanOrEqual(40);
    const departments = new Set(sample.entries.map((e) => e.department));
    expect(departments.size).toBeGreaterThanOrEqual(6);
    expect(departments.size).toBeLessThanOrEqual(10);
    for (const e of sample.entries) {
      const item = items.find((p) => p.code === e.code)?.item;
      expect(item, e.code).toBeDefined();
      if (item?.assignment.kind === 'departments')
        expect(item.assignment.departments, `${e.code} ${e.department}`).toContain(e.department);
      expect(e.fiscalYear).toBe(sample.fiscalYear);
    }
  });

  it('has several departments contributing text to the 全課 item; the coordinator alone gives the 指標 and 判定', () => {
    const code = allItems[0]?.code;
    const parts = sample.entries.filter((e) => e.code === code);
    expect(parts.map((e) => e.department)).toEqual(['企画課', '税務課', '住民課', '健康福祉課', '教育課']);
    for (const e of parts) {
      expect(fieldText(e.fields, 'summary'), e.department).not.toBe('');
      expect(fieldText(e.fields, 'evaluation'), e.department).not.toBe('');
      const numbers = ['indicator', 'baseline', 'target', 'actual', 'rating'].map((k) =>
        fieldText(e.fields, k),
      );
      expect(
        numbers.every((v) => v !== ''),
        e.department,
      ).toBe(e.department === '企画課');
    }
  });

  it('fills only the form’s input fields, numbers as numbers and no computed 達成率', () => {
    const keys = new Set(inputFields(sample.form).map((f) => f.key));
    for (const e of sample.entries) {
      for (const key of Object.keys(e.fields))
        expect(keys, `${e.code} ${e.department} ${key}`).toContain(key);
      for (const f of sample.form.fields.filter((d) => d.kind === 'number')) {
        const text = fieldText(e.fields, f.key);
        if (text !== '') expect(Number.isFinite(Number(text)), `${e.code} ${f.label} ${text}`).toBe(true);
      }
    }
  });

  it('rates some entries S, A, B and C, leaves one blank, and differs from the proposal twice (once with a reason)', () => {
    const rating = (e: (typeof sample.entries)[number]) => fieldText(e.fields, 'rating');
    const counts = new Map<string, number>();
    for (const e of owned) counts.set(rating(e), (counts.get(rating(e)) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual({ S: 5, A: 9, B: 7, C: 3, '': 1 });

    const judge = sample.form.fields.find((f) => f.key === 'rating')?.judge;
    const rate = sample.form.fields.find((f) => f.key === 'rate')?.formula?.expression;
    expect(judge && rate).toBeTruthy();
    const differing = owned.filter((e) => {
      if (rating(e) === '') return false;
      const value = evaluateFormula(rate!, (key) => Number(fieldText(e.fields, key)));
      return proposeChoice(judge!, (key) => (key === 'rate' ? value : undefined)) !== rating(e);
    });
    expect(
      differing.map((e) => `${e.code} ${e.department} ${fieldText(e.fields, 'ratingReason') !== ''}`),
    ).toEqual(['I-1-2-2 教育課 false', 'III-2-2-1 総務課 true']);
  });

  it('leaves one or two entries partly blank (未記入 shows)', () => {
    const partly = owned.filter((e) =>
      ['actual', 'rating', 'evaluation'].some((k) => fieldText(e.fields, k) === ''),
    );
    expect(partly.map((e) => `${e.code} ${e.department}`)).toEqual(['I-2-1-1 建設課', 'II-3-1-2 産業振興課']);
  });
});

describe('the sample registry', () => {
  it('lists r2 (the default) and kpi, and picks by id', () => {
    expect(sampleIds()).toEqual(['r2', 'kpi']);
    expect(DEFAULT_SAMPLE_ID).toBe('r2');
    expect(samples().map((s) => s.id)).toEqual(['r2', 'kpi']);
    expect(sampleById('kpi')).toBe(kpiSample());
    expect(sampleById('r2')).toBe(r2Sample());
    expect(sampleById('r3')).toBeUndefined();
  });

  it('keeps the R2 sample on the built-in R2 form and plan title', () => {
    expect(r2Sample().form.id).toBe('suishin-standard');
    expect(r2Sample().planTitle).toBe('町政運営推進プラン');
  });
});
