import { describe, expect, it } from 'vitest';
import { cellAddress, parseCellAddress } from '../cellAddress';
import { ACHIEVEMENT_CHOICES, STANDARD_FORM } from '../entry/formDefinition';
import { planItems } from '../plan/planItems';
import { r2Sample } from '../sample/r2';
import { buildEntrySheet, ENTRY_COLUMN_WIDTHS, MIN_TEXT_ROW_HEIGHT } from './buildEntrySheet';
import { entryLayout, inputAddress } from './entryLayout';
import { parseSheetMeta } from './sheetMeta';
import type { SheetSpec } from './sheetSpec';

/** What one 409pt row of column D (60 wide, 10.5pt) shows: 22 lines of about 28 full-width characters. */
const ROW_SHOWS = 620;
import { specCell } from './specToSnapshot';

const { plan, entries } = r2Sample();
const item = (code: string) => {
  const found = planItems(plan).find((p) => p.code === code);
  if (!found) throw new Error(code);
  return found;
};
const build = (
  code: string,
  department: string,
  extra: Partial<Parameters<typeof buildEntrySheet>[0]> = {},
) =>
  buildEntrySheet({
    item: item(code),
    department,
    seq: 1,
    fiscalYear: 2020,
    sheetName: `${code} ${department}`,
    ...extra,
  });

const at = (sheet: SheetSpec, address: string) => {
  const p = parseCellAddress(address);
  return p && specCell(sheet, p.row, p.column);
};
const styleAt = (sheet: SheetSpec, address: string) => sheet.styles[at(sheet, address)?.style ?? ''];

describe('buildEntrySheet', () => {
  const blank = build('I-1-1-1', '総務課');

  it.each([
    ['A1', 'I 協働によるまちづくり　1 積極的な情報共有'],
    ['A2', '取組項目'],
    ['D2', '① 行政情報の公開と共有 (1) 効果的な情報発信手法の研究実施'],
    ['A3', '目指す姿'],
    ['A4', '令和2年度'],
    ['B4', '目標'],
    ['B5', '取組内容'],
    ['B6', '実践課'],
    ['D6', '全課【総務課】'],
    ['B7', '進捗状況'],
    ['C7', '前期 (4～9月)'],
    ['C8', '後期 (10～3月)'],
    ['B9', '目標の達成'],
    ['A10', '評価・検証'],
  ])('writes %s = %s', (address, value) => expect(at(blank, address)?.value).toBe(value));

  it.each([
    ['the coordinator of a 全課 item', 'I-1-1-1', '総務課', '全課【総務課】'],
    ['another department of a 全課 item', 'I-1-1-1', '保健福祉課', '保健福祉課（全課【総務課】）'],
    ['one of several named departments', 'I-2-1-1', '建設水道課', '建設水道課'],
  ])('writes 実践課 for %s', (_name, code, department, text) =>
    expect(at(build(code, department), 'D6')?.value).toBe(text),
  );

  it('leaves every input empty and unlocked, text-formatted, wrapped, top-left', () => {
    for (const input of entryLayout().inputs) {
      const address = inputAddress(input);
      expect(at(blank, address)?.value, address).toBeUndefined();
      expect(styleAt(blank, address), address).toMatchObject({
        locked: false,
        numberFormat: '@',
        wrap: true,
        vertical: 'top',
        horizontal: 'left',
        border: true,
      });
    }
  });

  it('locks every other cell of the form: labels, heading, 取組項目, 実践課', () => {
    const inputCells = new Set(
      entryLayout().inputs.flatMap((i) => [
        cellAddress(i.range.top, i.range.left),
        cellAddress(i.range.bottom, i.range.right),
      ]),
    );
    const others = blank.cells.filter((c) => !inputCells.has(cellAddress(c.row, c.column)));
    expect(others.length).toBeGreaterThan(20);
    for (const c of others)
      expect(blank.styles[c.style ?? '']?.locked, cellAddress(c.row, c.column)).toBe(true);
  });

  it('shades, bolds, centres and borders the labels', () => {
    for (const address of ['A2', 'A4', 'B7', 'C7', 'A10'])
      expect(styleAt(blank, address), address).toMatchObject({
        bold: true,
        fill: '#DDEBF7',
        horizontal: 'center',
        border: true,
        locked: true,
      });
  });

  it('styles every cell of a merged region, so borders and locks hold across it', () => {
    for (const m of blank.merges)
      for (let row = m.top; row <= m.bottom; row++)
        for (let column = m.left; column <= m.right; column++)
          expect(specCell(blank, row, column)?.style, cellAddress(row, column)).toBeDefined();
  });

  it('hides the metadata column and its cell parses back', () => {
    expect(blank.hiddenColumns).toEqual([5]);
    expect(parseSheetMeta(String(at(blank, 'F1')?.value))).toEqual({
      code: 'I-1-1-1',
      department: '総務課',
      seq: 1,
      fiscalYear: 2020,
      formId: STANDARD_FORM.id,
      formVersion: STANDARD_FORM.version,
    });
  });

  it('offers the three choices as a dropdown that refuses anything else', () => {
    const list = blank.validations.find((v) => v.kind === 'list');
    expect(list).toMatchObject({
      range: { top: 8, left: 3, bottom: 8, right: 3 },
      values: [...ACHIEVEMENT_CHOICES],
      allowBlank: true,
      prompt: { title: '目標の達成' },
      error: {
        style: 'stop',
        message: '「達成できた」「一部達成できた」「達成できなかった」から選んでください。',
      },
    });
  });

  it('warns (softly) at each text field’s length limit, or at what one Excel row shows when that is less, with the field’s guidance as prompt', () => {
    const lengths = blank.validations.filter((v) => v.kind === 'textLength');
    expect(
      lengths.map((v) => [
        cellAddress(v.range.top, v.range.left),
        v.kind === 'textLength' && v.max,
        v.error.style,
      ]),
    ).toEqual([
      // 目指す姿・目標: the form's 600. The others' 800 and 1000 are more than a 409pt row of D shows.
      ['D3', 600, 'warning'],
      ['D4', 600, 'warning'],
      ['D5', ROW_SHOWS, 'warning'],
      ['D7', ROW_SHOWS, 'warning'],
      ['D8', ROW_SHOWS, 'warning'],
      ['D10', ROW_SHOWS, 'warning'],
    ]);
    expect(ROW_SHOWS).toBeGreaterThanOrEqual(600);
    expect(ROW_SHOWS).toBeLessThan(800);
    expect(lengths[2]?.error.message).toContain(`表示できるのは約${ROW_SHOWS}文字`);
    expect(lengths[0]?.error.message).toContain('600文字までを目安に');
    for (const v of blank.validations) {
      // The R2 form has no 計算 field, so every rule has an error alert (ValidationSpec 'prompt' has none).
      if (v.kind === 'prompt') throw new Error(`a prompt-only rule on the R2 form at ${v.range.top}`);
      expect([...(v.prompt?.title ?? '')].length).toBeLessThanOrEqual(32);
      expect([...v.error.title].length).toBeLessThanOrEqual(32);
      expect([...v.error.message].length).toBeLessThanOrEqual(255);
    }
    expect(lengths[0]?.prompt?.message).toBe(STANDARD_FORM.fields[0]?.guidance);
  });

  it('marks every input required by year-end with the blank fill', () => {
    expect(
      blank.conditionalFormats.map(
        (c) => c.kind === 'blank' && `${cellAddress(c.range.top, c.range.left)} ${c.fill}`,
      ),
    ).toEqual(['D3', 'D4', 'D5', 'D7', 'D8', 'D9', 'D10'].map((a) => `${a} #FCE4D6`));
  });

  it("leaves a department's part of a 全課 item unpainted (it may stay blank), not the coordinator's sheet", () => {
    const all = planItems(plan).find((p) => p.item.assignment.kind === 'all')!;
    expect(all.item.assignment).toMatchObject({ coordinator: '総務課' });
    expect(build(all.code, '建設水道課').conditionalFormats).toEqual([]);
    expect(build(all.code, '総務課').conditionalFormats).toEqual(blank.conditionalFormats);
  });

  it('is protected and prints on A4 portrait, one page wide, with header and page numbers', () => {
    expect(blank.protect).toBe(true);
    expect(blank.print).toMatchObject({
      paper: 'A4',
      orientation: 'portrait',
      fitToWidth: 1,
      area: { top: 0, left: 0, bottom: 9, right: 3 },
      header: '&LI-1-1-1 総務課&R令和2年度',
      footer: '&C&P / &N',
      centerHorizontally: true,
    });
  });

  it.each([
    ['seq 2 is named in the header', { seq: 2 }, '保健福祉課', '&LI-1-1-1 保健福祉課 (2)&R令和2年度'],
    ['an & in a name is doubled', {}, 'A&B課', '&LI-1-1-1 A&&B課&R令和2年度'],
  ])('%s', (_name, extra, department, header) =>
    expect(build('I-1-1-1', department, extra).print?.header).toBe(header),
  );

  it('fits A–D on A4 portrait at 100% with 0.5" margins (about 95 characters)', () => {
    expect(ENTRY_COLUMN_WIDTHS.slice(0, 4).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(95);
  });

  it.each([
    ['blank', {}],
    ['pre-filled', { fields: entries.find((e) => e.code === 'I-1-1-1')?.fields ?? {} }],
  ])(
    'lets the row of every text input grow with its text (%s): only the text rows are auto-height',
    (_n, extra) => expect(build('I-1-1-1', '総務課', extra).autoHeightRows).toEqual([2, 3, 4, 6, 7, 9]),
  );

  it('starts empty text inputs with room to write, and long text with the lines it needs', () => {
    for (const row of [2, 3, 4, 6, 7, 9])
      expect(blank.rowHeights[row]).toBeGreaterThanOrEqual(MIN_TEXT_ROW_HEIGHT);
    const long = 'あ'.repeat(400);
    const filled = build('I-1-1-1', '総務課', { fields: { vision: long, firstHalf: long } });
    expect(filled.rowHeights[2]).toBeGreaterThan(blank.rowHeights[2] ?? 0);
    expect(filled.rowHeights[6]).toBe(filled.rowHeights[2]); // every input is one cell of column D
  });

  it('writes pre-filled fields as literal values, never formulas', () => {
    const sheet = build('I-1-1-1', '総務課', {
      fields: { vision: '=HYPERLINK("x")', goal: '', achievement: '達成できた' },
    });
    expect(at(sheet, 'D3')).toMatchObject({ value: '=HYPERLINK("x")' });
    expect(at(sheet, 'D4')?.value).toBeUndefined();
    expect(at(sheet, 'D9')?.value).toBe('達成できた');
    expect(sheet.cells.some((c) => c.formula !== undefined)).toBe(false);
  });

  it('pre-fills a seed entry exactly, multi-line text included', () => {
    const entry = entries.find((e) => e.code === 'I-2-1-3');
    if (!entry) throw new Error('sample');
    const sheet = build(entry.code, entry.department, { fields: entry.fields });
    expect(entryLayout().inputs.map((i) => at(sheet, inputAddress(i))?.value)).toEqual(
      STANDARD_FORM.fields.map((f) => entry.fields[f.key]),
    );
  });
});
