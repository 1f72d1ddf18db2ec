import { describe, expect, it } from 'vitest';
import { planItems } from '../domain/plan/planItems';
import { sampleById } from '../domain/sample/samples';
import { buildEntrySheet } from '../domain/template/buildEntrySheet';
import { MARK_FILLS } from './markFills';

/** Every fill an entry sheet of the sample's form uses: its styles' and its conditional formats'. */
function entrySheetFills(id: string): Set<string> {
  const sample = sampleById(id)!;
  const [item] = planItems(sample.plan);
  const sheet = buildEntrySheet({
    item: item!,
    department: sample.plan.departments[0]!,
    seq: 1,
    fiscalYear: sample.fiscalYear,
    ...(sample.form && { form: sample.form }),
    sheetName: 'x',
  });
  const fills = [
    ...Object.values(sheet.styles).map((s) => s.fill),
    ...sheet.conditionalFormats.map((c) => ('fill' in c ? c.fill : undefined)),
  ];
  return new Set(fills.filter((f): f is string => f !== undefined).map((f) => f.toUpperCase()));
}

describe('MARK_FILLS', () => {
  it.each(['r2', 'kpi'])(
    'are colours an entry sheet of the %s form never uses itself (a marked cell cannot pass for a heading)',
    (id) => {
      const own = entrySheetFills(id);
      expect(own.size).toBeGreaterThan(1);
      for (const [severity, fill] of Object.entries(MARK_FILLS))
        expect(own.has(fill.toUpperCase()), `${severity} ${fill}`).toBe(false);
    },
  );

  it('are three different colours', () => {
    expect(new Set(Object.values(MARK_FILLS)).size).toBe(3);
  });
});
