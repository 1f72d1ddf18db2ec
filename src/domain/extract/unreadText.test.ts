import { describe, expect, it } from 'vitest';
import { r2Sample } from '../sample/r2';
import { formatSheetMeta } from '../template/sheetMeta';
import { readEntrySheet } from './readEntrySheet';
import {
  insertRows,
  type Rows,
  seedLayout,
  setCell,
  sheetFromRows,
} from '../../../tests/helpers/sheetFromRows';

const plan = r2Sample().plan;
const FORM = {
  item: '① 地域支えあいの仕組みづくり (3) 自主防災組織への活動支援による地域防災力の向上',
  vision: '地域防災力の向上を図る。',
  goal: '・防災体制の充実',
  actions: '・備蓄品の整備',
  department: '総務課',
  firstHalf: '・7/19 研修',
  secondHalf: '・3/21 出前講座',
  achievement: '達成できた',
  evaluation: '計画どおり整備した。',
};
const ROWS = seedLayout(FORM);
const OTHER = seedLayout({ ...FORM, item: '② 町民の参画機会の拡充 (1) 各種委員等への登用状況の検証と改善' });
const META = formatSheetMeta({
  code: 'I-2-1-3',
  department: '総務課',
  seq: 1,
  fiscalYear: 2020,
  formId: 'suishin-standard',
  formVersion: 1,
});

const unread = (rows: Rows) => {
  const reading = readEntrySheet(sheetFromRows('防災', rows), { file: 'somu.xlsx', plan, fiscalYear: 2020 });
  return reading.entries
    .flatMap((e) => e.findings)
    .filter((f) => f.code === 'extract.unread-text')
    .map((f) => [f.place.cell, f.severity, f.message]);
};

describe('readEntrySheet: text no label reads is a warning at its cell, never dropped silently', () => {
  it.each<[string, Rows, readonly (readonly [string, string])[]]>([
    [
      'text typed in a row inserted inside the form',
      setCell(insertRows(ROWS, 3), 3, 2, '追記: 予算要求中'),
      [['C4', '「追記: 予算要求中」は、どの見出しの欄でもないため']],
    ],
    ['a second cell typed beside a value', setCell(ROWS, 1, 4, '補足あり'), [['E2', '「補足あり」']]],
    [
      'notes typed under the last form of the sheet',
      setCell([...ROWS, [], []], 10, 0, '※ 来年度は見直す'),
      [['A11', '「※ 来年度は見直す」']],
    ],
    [
      'a long text is quoted by its first 20 characters',
      setCell(insertRows(ROWS, 3), 3, 2, 'あ'.repeat(30)),
      [['C4', `「${'あ'.repeat(20)}…」`]],
    ],
    [
      'a memo typed in a row inserted above the form',
      setCell(insertRows(ROWS, 0), 0, 0, '担当：財政係 山田（内線 215）'),
      [['A1', '「担当：財政係 山田（内線 215）」は、どの見出しの欄でもないため']],
    ],
    [
      'a memo typed above the form beside its heading',
      [['I 協働によるまちづくり\u30002 協力体制の強化', '', '', '', '要確認'], ...ROWS],
      [['E1', '「要確認」']],
    ],
    [
      'a note typed between two forms, among their headings',
      [...ROWS, ['Ⅱ 効果的な行財政運営'], ['※ 後期は未確定'], ['１ 行財政手法の検証'], ...OTHER],
      [['A11', '「※ 後期は未確定」']],
    ],
    [
      'a memo above the form that starts like a heading but is none of the 体系',
      [['2 月末までに再提出'], ...ROWS],
      [['A1', '「2 月末までに再提出」']],
    ],
    ['nothing for the form as built', ROWS, []],
    [
      'nothing for the builder’s heading and metadata above the form',
      [['I 協働によるまちづくり\u30002 協力体制の強化', '', '', '', '', META], ...ROWS],
      [],
    ],
    [
      'nothing for the headings printed between two forms',
      [...ROWS, ['Ⅱ 効果的な行財政運営'], ['１ 行財政手法の検証'], ...OTHER],
      [],
    ],
    ['nothing for the metadata cell beside the form', setCell(ROWS, 0, 5, META), []],
    [
      'nothing for merged values an adapter repeated into covered cells',
      setCell(setCell(ROWS, 1, 3, FORM.vision), 8, 3, FORM.evaluation),
      [],
    ],
  ])('%s', (_name, rows, expected) => {
    const found = unread(rows);
    expect(found.map(([cell]) => cell)).toEqual(expected.map(([cell]) => cell));
    found.forEach(([, severity, message], i) => {
      expect(severity).toBe('warning');
      // The cell is the finding's place (every list shows it), not repeated in the message.
      expect(message).toContain(expected[i]?.[1]);
      expect(message).not.toContain('シートの');
    });
  });
});

describe('readEntrySheet without a 体系: headings are told by their numbering', () => {
  it.each<[string, Rows, readonly string[]]>([
    ['a heading above the form is not text to read', [['Ⅱ 効果的な行財政運営'], ...ROWS], []],
    ['a memo above the form is', [['担当：財政係 山田（内線 215）'], ...ROWS], ['A1']],
  ])('%s', (_name, rows, cells) => {
    const reading = readEntrySheet(sheetFromRows('防災', rows), { file: 'somu.xlsx', fiscalYear: 2020 });
    const found = [...reading.findings, ...reading.entries.flatMap((e) => e.findings)].filter(
      (f) => f.code === 'extract.unread-text',
    );
    expect(found.map((f) => f.place.cell)).toEqual(cells);
  });
});
