import { describe, expect, it } from 'vitest';
import { STANDARD_FORM, type FormDefinition } from '../entry/formDefinition';
import { planItems } from '../plan/planItems';
import { r2Sample } from '../sample/r2';
import { buildEntrySheet } from '../template/buildEntrySheet';
import { entryLayout } from '../template/entryLayout';
import { estimateRowHeight } from '../template/rowHeight';
import { FONT_SIZE } from '../template/templateStyles';
import { specToSnapshot } from '../template/specToSnapshot';
import { buildFormSheet, FORM_HEADER_ROW } from './buildFormSheet';
import { parseFormGrid } from './parseFormSheet';
import { kpiFormFromRows as kpiForm } from '../../../tests/helpers/formSheetRows';

const roundTrip = (form: FormDefinition) => parseFormGrid(specToSnapshot(buildFormSheet(form)).values);

const item = planItems(r2Sample().plan)[0];
if (!item) throw new Error('the R2 sample has items');
const entrySheet = (form: FormDefinition) =>
  buildEntrySheet({
    item,
    department: '総務課',
    seq: 1,
    fiscalYear: 2020,
    sheetName: 'I-1-1-1 総務課',
    form,
  });

describe('buildFormSheet', () => {
  it('writes the R2 form as a 様式 sheet that reads back as the built-in form, with the same entry sheets', () => {
    const { form, findings } = roundTrip(STANDARD_FORM);
    expect(findings).toEqual([]);
    expect(form).toEqual(STANDARD_FORM);
    expect(form.id).toBe('suishin-standard');
    expect(form.version).toBe(1);
    expect(entryLayout(form)).toEqual(entryLayout(STANDARD_FORM));
    expect(entrySheet(form)).toEqual(entrySheet(STANDARD_FORM));
  });

  it('round-trips another form: fields, formula, judge, 判定理由, version and the entry sheets', () => {
    const kpi = kpiForm();
    const { form, findings } = roundTrip(kpi);
    expect(findings).toEqual([]);
    expect(form).toEqual(kpi);
    expect(entrySheet(form)).toEqual(entrySheet(kpi));
  });

  it('lays out a title, the header and one row per field (not the implied 判定理由), with dropdowns below', () => {
    const kpi = kpiForm();
    const spec = buildFormSheet(kpi);
    const { values } = specToSnapshot(spec);
    expect(values[0]?.[0]).toBe('様式：指標シート');
    expect(values[FORM_HEADER_ROW]).toEqual([
      '見出し',
      '項目',
      'キー',
      '種類',
      '選択肢',
      '必須の時期',
      '文字数の目安',
      '記入の手引き',
      '計算式',
      '判定',
      '集計',
      '年度欄',
      '公表',
      '引継ぎ',
    ]);
    expect(values.slice(FORM_HEADER_ROW + 1).map((r) => r[1])).toEqual([
      '成果指標',
      '目標値',
      '実績値',
      '達成率',
      '評価',
      '評価・検証',
    ]);
    expect(values[FORM_HEADER_ROW + 5]?.[4]).toBe('A、B、C、D');
    expect(spec.protect).toBe(false);
    const lists = spec.validations.flatMap((v) =>
      v.kind === 'list' ? [[v.range.left, v.values.join('/')]] : [],
    );
    expect(lists).toEqual([
      [3, '文章/選択/数値/割合/金額/日付/計算'],
      [5, '計画/前期/年度末/任意'],
      [10, '○'],
      [11, '○'],
      [12, '○/×'],
      [13, '○/参考'],
    ]);
    for (const v of spec.validations) expect(v.range.bottom).toBeGreaterThan(FORM_HEADER_ROW + 6 + 10);
    expect(spec.columnWidths).toHaveLength(14);
    expect(spec.print).toMatchObject({ paper: 'A4', orientation: 'landscape', fitToWidth: 1 });
  });
});

describe('the 様式 sheet header', () => {
  it('is tall enough for a header that wraps in its narrow column (文字数の目安 prints whole)', () => {
    const spec = buildFormSheet(STANDARD_FORM);
    const header = spec.cells.filter((c) => c.row === FORM_HEADER_ROW);
    const needed = Math.max(
      ...header.map((c) =>
        estimateRowHeight(String(c.value), {
          widthChars: spec.columnWidths[c.column] ?? 8,
          fontSize: FONT_SIZE,
        }),
      ),
    );
    expect(needed).toBeGreaterThan(20);
    expect(spec.rowHeights[FORM_HEADER_ROW]).toBeGreaterThanOrEqual(needed);
  });
});
