import { describe, expect, it } from 'vitest';
import planJson from '../../../samples/r2/plan.json';
import { r2Sample } from '../sample/r2';
import { areNearDepartmentNames } from './nearDepartmentNames';
import { parsePlanGrid, type Grid } from './parsePlanGrid';
import { planToGrid } from './planToGrid';

const HEADER = ['基本項目', '推進項目', '取組項目', '実践課【とりまとめ課】'];
const near = (grid: Grid) =>
  parsePlanGrid(grid)
    .findings.filter((f) => f.code === 'plan.near-department-name')
    .map((f) => [f.severity, f.place.cell, f.message]);

describe('areNearDepartmentNames', () => {
  it.each<[string, string, boolean]>([
    ['建設課', '建設水道課', true],
    ['建設課', '建設室', true],
    ['保険福祉課', '保健福祉課', true],
    ['町民生課', '町民生活課', true],
    ['企画商工観光科', '企画商工観光課', true],
    ['総務課', '総務課', false],
    ['総務課', '税務課', false],
    ['町民課', '住民課', false],
    ['農業振興課', '教育振興課', false],
    ['保健福祉課', '町民生活課', false],
    ['ラベンダーハイツ', '総務課', false],
  ])('%s and %s → %s', (a, b, expected) => {
    expect(areNearDepartmentNames(a, b)).toBe(expected);
    expect(areNearDepartmentNames(b, a)).toBe(expected);
  });

  it('finds no two R2 departments near each other', () => {
    const names = r2Sample().plan.departments;
    const pairs = names.flatMap((a) =>
      names.filter((b) => areNearDepartmentNames(a, b)).map((b) => `${a}/${b}`),
    );
    expect(pairs).toEqual([]);
  });
});

describe('parsePlanGrid: a department written once beside a near name', () => {
  const rows = (...departments: string[]): string[][] => [
    HEADER,
    ['I 協働', '1 情報共有', '① 公開', ''],
    ...departments.map((d, i) => ['', '', `(${i + 1}) 取組${i + 1}`, d]),
  ];
  it.each<[string, Grid, (readonly [string, string, string])[]]>([
    [
      'warns at the mistyped 課, naming both names',
      rows('町民生活課 建設水道課', '建設水道課', '建設課'),
      [
        [
          'warning',
          'D5',
          '実践課「建設課」は体系でここだけに書かれ、よく似た「建設水道課」がほかにあります。',
        ],
      ],
    ],
    [
      'warns at the later of two names written once each',
      rows('保健福祉課', '総務課', '保険福祉課'),
      [['warning', 'D5', '「保険福祉課」は体系でここだけに書かれ、よく似た「保健福祉課」']],
    ],
    [
      'warns at the 実践課一覧 cell of a listed name written nowhere else',
      [...rows('建設水道課', '建設水道課'), ['実践課一覧', '建設水道課', '建設課']],
      [['warning', 'C5', '「建設課」は体系でここだけに書かれ、よく似た「建設水道課」']],
    ],
    ['no warning when each name is written twice', rows('建設課', '建設課', '建設水道課', '建設水道課'), []],
    ['no warning for 総務課 beside 全課【総務課】', rows('全課【総務課】', '総務課', '町民生活課'), []],
    [
      'no warning for different departments one character apart',
      rows('総務課', '税務課', '農業振興課 教育振興課'),
      [],
    ],
  ])('%s', (_name, grid, expected) => {
    const found = near(grid);
    expect(found.map(([severity, cell]) => [severity, cell])).toEqual(
      expected.map(([severity, cell]) => [severity, cell]),
    );
    found.forEach(([, , message], i) => expect(message).toContain(expected[i]?.[2]));
  });

  it.each<[string, Grid]>([
    ['the R2 sample 体系 as transcribed', planJson.grid],
    ['the R2 sample 体系 as Suishin writes it (with its 実践課一覧)', planToGrid(r2Sample().plan)],
  ])('gives no warning for %s', (_name, grid) => {
    expect(near(grid)).toEqual([]);
  });
});
