import { describe, expect, it } from 'vitest';
import { cellAddress } from '../cellAddress';
import { planItems } from '../plan/planItems';
import { r2Sample } from '../sample/r2';
import {
  buildTocSheet,
  emptyCountFormula,
  optionalStatusFormula,
  statusFormula,
  TOC_FIRST_ROW,
  TOC_HEADER_ROW,
  TOC_HEADERS,
  tocRowFor,
  type TocRow,
} from './buildTocSheet';
import { specCell } from './specToSnapshot';

const { plan } = r2Sample();
const [first, second] = planItems(plan);
if (!first || !second) throw new Error('sample');
const rows: TocRow[] = [
  tocRowFor(first, 1, 'I-1-1-1 総務課', '総務課'),
  tocRowFor(second, 2, "I-1-2-1 O'Neil (2)", '総務課'),
];
/** A 全課 item of R2 (総務課 compiles it): 建設水道課's part is optional, 総務課's own sheet is not. */
const allItem = planItems(plan).find((p) => p.item.assignment.kind === 'all')!;
const toc = buildTocSheet({ department: '総務課', fiscalYear: 2020, rows });

describe('tocRowFor', () => {
  it('lists the year-end required inputs of the standard form', () => {
    expect(rows[0]).toEqual({
      sheetName: 'I-1-1-1 総務課',
      code: 'I-1-1-1',
      label: '① 行政情報の公開と共有 (1) 効果的な情報発信手法の研究実施',
      seq: 1,
      requiredCells: ['D3', 'D4', 'D5', 'D7', 'D8', 'D9', 'D10'],
    });
  });
});

describe('a 全課 item', () => {
  const part = tocRowFor(allItem, 1, `${allItem.code} 建設水道課`, '建設水道課');
  const own = tocRowFor(allItem, 1, `${allItem.code} 総務課`, '総務課');
  const sheet = buildTocSheet({ department: '建設水道課', fiscalYear: 2020, rows: [part] });

  it("marks a contributing department's row optional, never the coordinator's", () => {
    expect(allItem.item.assignment).toMatchObject({ kind: 'all', coordinator: '総務課' });
    expect(part.optional).toBe(true);
    expect(own.optional).toBeUndefined();
  });

  it('says whether anything was written there instead of counting blanks as 未記入', () => {
    expect(specCell(sheet, TOC_FIRST_ROW, 5)?.value).toBe('—');
    expect(specCell(sheet, TOC_FIRST_ROW, 5)?.formula).toBeUndefined();
    const status = specCell(sheet, TOC_FIRST_ROW, 6)?.formula ?? '';
    expect(status).toBe(optionalStatusFormula(part));
    expect(status).toMatch(/^IF\(\(TRIM\('.+'!D3\)<>""\)\+.+=0,"任意（記入なし）","記入あり"\)$/);
    expect(status).not.toMatch(/未記入/);
  });
});

describe('emptyCountFormula and statusFormula', () => {
  it.each([
    [
      'quotes the sheet and trims each cell',
      { ...rows[0]!, requiredCells: ['C3', 'D7'] },
      `(TRIM('I-1-1-1 総務課'!C3)="")+(TRIM('I-1-1-1 総務課'!D7)="")`,
    ],
    [
      'doubles a quote in the sheet name',
      { ...rows[1]!, requiredCells: ['C3'] },
      `(TRIM('I-1-2-1 O''Neil (2)'!C3)="")`,
    ],
    ['counts nothing without required cells', { ...rows[0]!, requiredCells: [] }, '0'],
  ])('%s', (_name, row, formula) => expect(emptyCountFormula(row)).toBe(formula));

  it('says 記入済み or how many are missing', () =>
    expect(statusFormula('F4')).toBe('IF(F4=0,"記入済み","未記入 "&F4&" 項目")'));
});

describe('buildTocSheet', () => {
  it('titles the sheet with the year and department', () => {
    expect(specCell(toc, 0, 0)?.value).toBe('令和2年度 取組項目シート 目次（総務課）');
    expect(toc.name).toBe('目次');
  });

  it('writes the styled header row and freezes above the first entry', () => {
    expect(TOC_HEADERS.map((_, c) => specCell(toc, TOC_HEADER_ROW, c)?.value)).toEqual([...TOC_HEADERS]);
    expect(toc.styles[specCell(toc, TOC_HEADER_ROW, 0)?.style ?? '']).toMatchObject({
      bold: true,
      fill: '#DDEBF7',
    });
    expect(toc.frozen).toEqual({ rows: TOC_FIRST_ROW, columns: 0 });
  });

  it.each([
    [0, [1, 'I-1-1-1', '① 行政情報の公開と共有 (1) 効果的な情報発信手法の研究実施', 1, 'I-1-1-1 総務課']],
    [1, [2, 'I-1-2-1', rows[1]!.label, 2, "I-1-2-1 O'Neil (2)"]],
  ])('row %i: No, code, 取組項目, seq and sheet name', (i, values) => {
    expect([0, 1, 2, 3, 4].map((c) => specCell(toc, TOC_FIRST_ROW + i, c)?.value)).toEqual(values);
  });

  it('links each row to its sheet and counts its empty required cells live', () => {
    rows.forEach((r, i) => {
      const row = TOC_FIRST_ROW + i;
      expect(specCell(toc, row, 4)?.link).toEqual({ sheet: r.sheetName, cell: 'A1' });
      expect(specCell(toc, row, 5)?.formula).toBe(emptyCountFormula(r));
      expect(specCell(toc, row, 6)?.formula).toBe(statusFormula(cellAddress(row, 5)));
    });
  });

  it.each([
    ['No', 0],
    ['番号', 3],
    ['未記入', 5],
  ])('right-aligns the %s numbers, so 9 and 10 line up, with room on their right', (_name, column) => {
    rows.forEach((_, i) => {
      expect(toc.styles[specCell(toc, TOC_FIRST_ROW + i, column)?.style ?? '']).toMatchObject({
        horizontal: 'right',
        numberFormat: '0_ _ ',
      });
    });
  });

  it('is protected and prints one page wide, header row repeated', () => {
    expect(toc.protect).toBe(true);
    expect(toc.print).toMatchObject({
      paper: 'A4',
      fitToWidth: 1,
      titleRows: { from: TOC_HEADER_ROW, to: TOC_HEADER_ROW },
      area: { bottom: TOC_FIRST_ROW + 1, right: 6 },
    });
  });

  it('an empty list still makes a valid sheet', () => {
    const empty = buildTocSheet({ department: '教育振興課', fiscalYear: 2020, rows: [] });
    expect(empty.print?.area).toMatchObject({ bottom: TOC_HEADER_ROW });
    expect(empty.cells.some((c) => c.formula)).toBe(false);
  });
});

describe('目次 printed', () => {
  it('keeps room right of the numbers, so No 1 does not print against the code beside it (「1I-1-1-1」)', () => {
    const first = specCell(toc, TOC_FIRST_ROW, 0);
    const code = specCell(toc, TOC_FIRST_ROW, 1);
    expect(first?.value).toBe(1);
    expect(toc.styles[first!.style!]?.numberFormat).toBe('0_ _ ');
    expect(toc.styles[code!.style!]?.horizontal).toBe('left');
  });
});
