import { describe, expect, it } from 'vitest';
import { consolidationReport } from '../app/consolidationReport';
import { consolidateEntries } from '../domain/consolidation/consolidateEntries';
import type { SourceFile } from '../domain/consolidation/types';
import { STANDARD_FORM, type FormDefinition, type Stage } from '../domain/entry/formDefinition';
import { r2Sample } from '../domain/sample/r2';
import { formatConsolidationSummary } from './formatConsolidationSummary';

const { plan, entries } = r2Sample();
const sources: SourceFile[] = plan.departments.map((d, i) => ({
  kind: 'read',
  file: `${d}.xlsx`,
  modified: i,
  entries: entries
    .filter((e) => e.department === d)
    .map((entry) => ({ entry, sheet: `${entry.code} ${d}`, cells: {} })),
  sheets: entries.filter((e) => e.department === d).map((e) => ({ sheet: `${e.code} ${d}`, kind: 'entry' })),
  findings: [],
}));

const summaryOf = (
  form: FormDefinition,
  files: readonly SourceFile[] = sources,
  stage: Stage = 'year-end',
): string[] => {
  const consolidation = consolidateEntries(plan, files, {
    stamp: '2021-04-20T09:00:00+09:00',
    fiscalYear: 2020,
    stage,
    form,
  });
  return formatConsolidationSummary(
    {
      kind: 'done',
      exitCode: 0,
      result: {
        consolidation,
        viewFindings: [],
        rejected: 0,
        year: { kind: 'explicit', fiscalYear: 2020, others: [] },
      },
      report: consolidationReport(consolidation),
      masterWritten: true,
      masterCreated: false,
    },
    { out: 'master.xlsx', stage },
  );
};

/** The sample's sources with these fields of every entry overwritten. */
const withFields = (fields: Readonly<Record<string, string>>): SourceFile[] =>
  sources.map((s) =>
    s.kind === 'read'
      ? {
          ...s,
          entries: s.entries.map((e) => ({
            ...e,
            entry: { ...e.entry, fields: { ...e.entry.fields, ...fields } },
          })),
        }
      : s,
  );

describe('formatConsolidationSummary', () => {
  it("names the 集計 field's choices with their counts (R2 as before)", () => {
    expect(summaryOf(STANDARD_FORM)).toContain(
      '  目標の達成: 達成できた 23、一部達成できた 13、達成できなかった 1、未記入 0',
    );
  });

  it('says, before 年度末, that the 集計 field is not filled yet: 0 % is as planned', () => {
    const blank = withFields({ achievement: '' });
    const noYearEnd = withFields({ achievement: '', secondHalf: '', evaluation: '' });
    const lines = summaryOf(STANDARD_FORM, blank, 'first-half');
    expect(lines[0]).toContain('（令和2年度・前期、集約日時');
    expect(lines).toContain(
      '  目標の達成: 達成できた 0、一部達成できた 0、達成できなかった 0、未記入 37（「目標の達成」は年度末に記入する欄のため、前期の集約では未記入でも構いません。）',
    );
    expect(summaryOf(STANDARD_FORM).join('\n')).not.toContain('未記入でも構いません');
    // A 年度末 run over sheets that hold no 年度末 text at all says which stage they fit.
    expect(summaryOf(STANDARD_FORM, noYearEnd)).toContain(
      '  時期: どのシートにも年度末に書く欄（「後期 (10～3月)」・「目標の達成」・「評価・検証」）の記入がありません。前期の集約であれば、--stage first-half を指定してください。',
    );
  });

  it("counts the entries against all of 全体計画's rows, the 未提出 rows included", () => {
    expect(summaryOf(STANDARD_FORM)).toContain(
      '  取組項目: 37 件（全体計画 37 行のうち未提出の 0 行を除く）',
    );
    // Without 建設水道課's file: its 3 items are 未提出 rows of 全体計画.
    expect(
      summaryOf(
        STANDARD_FORM,
        sources.filter((s) => s.file !== '建設水道課.xlsx'),
      ),
    ).toContain('  取組項目: 34 件（全体計画 37 行のうち未提出の 3 行を除く）');
  });

  it('follows a form with another scale', () => {
    const form: FormDefinition = {
      ...STANDARD_FORM,
      fields: STANDARD_FORM.fields.map((f) =>
        f.key === 'achievement' ? { ...f, label: '進捗', choices: ['順調', 'おおむね順調', '課題あり'] } : f,
      ),
    };
    // The R2 sample's choices are none of these: every entry is 未記入 under this scale.
    expect(summaryOf(form)).toContain('  進捗: 順調 0、おおむね順調 0、課題あり 0、未記入 37');
  });

  it('says there is nothing to count without a 集計 field', () => {
    const form = { ...STANDARD_FORM, fields: STANDARD_FORM.fields.filter((f) => f.kind !== 'choice') };
    expect(summaryOf(form)).toContain('  達成状況: 様式に「集計」の選択欄がないため数えていません');
  });
});
