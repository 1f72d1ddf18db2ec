import { describe, expect, it } from 'vitest';
import { STANDARD_FORM } from '../entry/formDefinition';
import { placedMessage } from '../finding';
import {
  FORM_SHEET_HEADER as HEADER,
  KPI_FORM_ROWS as KPI_ROWS,
  type FormSheetRow as Row,
} from '../../../tests/helpers/formSheetRows';
import { buildFormSheet } from './buildFormSheet';
import { parseFormGrid } from './parseFormSheet';
import { specToSnapshot } from '../template/specToSnapshot';

const grid = (rows: readonly Row[], header: Row = HEADER, above: readonly Row[] = [['様式：指標シート']]) => [
  ...above,
  header,
  ...rows,
];
const parse = (rows: readonly Row[], header?: Row, above?: readonly Row[]) =>
  parseFormGrid(grid(rows, header, above), { file: '体系.xlsx' });

describe('parseFormGrid', () => {
  it('reads a form: kinds, choices, formula, judge, 集計, 年度欄, 見出し, title, and adds the 判定理由 field', () => {
    const { form, findings } = parse(KPI_ROWS);
    expect(findings).toEqual([]);
    expect(form.id).toBe('yoshiki');
    expect(form.version).toMatch(/^[0-9a-f]{8}$/);
    expect(form.title).toBe('指標シート');
    expect(form.fields.map((f) => [f.key, f.kind, f.inYearBand, f.heading ?? '', f.requiredFrom])).toEqual([
      ['indicator', 'text', false, '', 'plan'],
      ['target', 'number', true, '指標', 'plan'],
      ['actual', 'number', true, '指標', 'year-end'],
      ['rate', 'computed', true, '指標', 'optional'],
      ['grade', 'choice', true, '', 'year-end'],
      ['gradeReason', 'text', true, '', 'optional'],
      ['evaluation', 'text', false, '', 'year-end'],
    ]);
    const rate = form.fields[3];
    expect(rate?.formula).toEqual({
      text: '実績値 / 目標値',
      expression: {
        kind: 'binary',
        op: '/',
        left: { kind: 'field', key: 'actual' },
        right: { kind: 'field', key: 'target' },
      },
    });
    const grade = form.fields[4];
    expect(grade?.choices).toEqual(['A', 'B', 'C', 'D']);
    expect(grade?.tally).toBe(true);
    expect(grade?.judge?.rules.map((r) => [r.field, r.value, r.choice])).toEqual([
      ['rate', 1, 'A'],
      ['rate', 0.8, 'B'],
      ['rate', 0.5, 'C'],
    ]);
    expect(grade?.judge?.otherwise).toBe('D');
    expect(form.fields[5]).toMatchObject({ label: '判定理由', reasonFor: 'grade', aliases: ['判定理由'] });
    expect(form.fields[0]).toMatchObject({
      maxLength: 100,
      guidance: '何で測るかを書きます。',
      aliases: ['成果指標'],
    });
    // The R2 label 評価・検証 reads R2's legacy spellings too.
    expect(form.fields[6]?.aliases).toEqual(STANDARD_FORM.fields[6]?.aliases);
  });

  it('finds the header by name in any order below title rows, ignores extra columns, and without 年度欄 puts every field in the band', () => {
    const header = ['備考', 'キー', '項目', '必須の時期', '種類', '引継ぎ', '選択肢'];
    const { form, findings } = parse(
      [
        ['memo', 'goal', '目標', '計画', '文章', '○', null],
        [null, 'result', '結果', '年度末', '選択', null, '順調、おおむね順調、課題あり'],
      ],
      header,
      [['令和3年度'], [], ['様式']],
    );
    expect(findings).toEqual([]);
    expect(form.title).toBe('取組項目シート');
    expect(form.fields.map((f) => [f.key, f.label, f.inYearBand, f.choices ?? []])).toEqual([
      ['goal', '目標', true, []],
      ['result', '結果', true, ['順調', 'おおむね順調', '課題あり']],
    ]);
  });

  it('gives the same version to the same fields and another to changed fields', () => {
    const a = parse(KPI_ROWS).form;
    const b = parse(KPI_ROWS, HEADER, [['様式：別の題']]).form;
    const changed = KPI_ROWS.map((r) =>
      r[2] === 'grade' ? r.map((c, i) => (i === 4 ? 'A、B、C、D、E' : c)) : r,
    );
    expect(b.version).toBe(a.version);
    expect(parse(changed).form.version).not.toBe(a.version);
  });

  it('names a second judged field 「<項目>の判定理由」', () => {
    const rows: Row[] = [
      ...KPI_ROWS,
      [
        null,
        '総合',
        'overall',
        '選択',
        'A、B',
        '任意',
        null,
        null,
        null,
        '達成率 >= 1 → A、それ以外 → B',
        null,
        null,
      ],
    ];
    const labels = parse(rows)
      .form.fields.filter((f) => f.reasonFor)
      .map((f) => f.label);
    expect(labels).toEqual(['評価の判定理由', '総合の判定理由']);
  });

  it('names the broken row a 計算式 or 判定 depends on, not 「様式の項目にありません」 (実績値 typed 数字)', () => {
    const rows = KPI_ROWS.map((r) => (r[2] === 'actual' ? r.map((c, i) => (i === 3 ? '数字' : c)) : r));
    const actualRow = KPI_ROWS.findIndex((r) => r[2] === 'actual') + 3;
    const rateRow = KPI_ROWS.findIndex((r) => r[2] === 'rate') + 3;
    const messages = parse(rows).findings.map((f) => `${f.code} ${placedMessage(f)}`);
    expect(messages).toContain(
      `form.formula-invalid 「様式」シートのI${rateRow}: 「達成率」の計算式が読む「実績値」の行（${actualRow}行目）に誤りがあるため、この行も使いません。先に「実績値」の行を直してください。`,
    );
    expect(messages.find((m) => m.startsWith('form.judge-invalid'))).toContain(
      `「評価」の判定が読む「達成率」の行（${rateRow}行目）に誤りがあります（先に「達成率」の行を直してください）。この判定は使いません。`,
    );
    expect(messages.join('\n')).not.toContain('様式の項目にありません');
  });

  const broken = (row: Row): { findings: string[]; keys: string[] } => {
    const { form, findings } = parse([...KPI_ROWS, row]);
    return {
      findings: findings.map((f) => `${f.code} ${f.place.cell} ${f.message}`),
      keys: form.fields.map((f) => f.key),
    };
  };
  const KEYS = ['indicator', 'target', 'actual', 'rate', 'grade', 'gradeReason', 'evaluation'];

  it.each([
    ['empty 項目', [null, null, 'x', '文章', null, '計画'], 'form.label-missing B9 「項目」が空です', KEYS],
    ['empty キー', [null, '備考', null, '文章', null, '計画'], 'form.key-missing C9', KEYS],
    [
      'キー not ASCII',
      [null, '備考', 'びこう', '文章', null, '計画'],
      'form.key-invalid C9 「備考」のキー「びこう」は英字と数字だけ',
      KEYS,
    ],
    [
      'キー duplicated',
      [null, '備考', 'target', '文章', null, '計画'],
      'form.key-duplicate C9 キー「target」は4行目にも',
      KEYS,
    ],
    ['項目 duplicated', [null, '目 標値', 'target2', '文章', null, '計画'], 'form.label-duplicate B9', KEYS],
    [
      'unknown 種類',
      [null, '備考', 'note', '記述', null, '計画'],
      'form.kind-unknown D9 「備考」の種類「記述」は使えません',
      KEYS,
    ],
    ['unknown 必須の時期', [null, '備考', 'note', '文章', null, '後期'], 'form.requirement-unknown F9', KEYS],
    ['選択 without 選択肢', [null, '区分', 'kubun', '選択', null, '計画'], 'form.choices-missing E9', KEYS],
    [
      '選択肢 twice',
      [null, '区分', 'kubun', '選択', '甲、乙、甲', '計画'],
      'form.choices-duplicate E9',
      KEYS,
    ],
    [
      '選択肢 separated by 「・」',
      [null, '方向性', 'direction', '選択', '拡充・継続・縮小・廃止', '年度末'],
      'form.choices-one E9 「方向性」の選択肢が「拡充・継続・縮小・廃止」の1つだけになっています。選択肢は「、」で区切ってください（例:「拡充、継続、縮小、廃止」）。この行は使いません。',
      KEYS,
    ],
    ['計算 without 計算式', [null, '差', 'diff', '計算', null, '任意'], 'form.formula-missing I9', KEYS],
    [
      '計算 naming an unknown 項目',
      [null, '差', 'diff', '計算', null, '任意', null, null, '実績 - 目標値'],
      'form.formula-invalid I9 「差」の計算式の「実績」は様式の項目にありません',
      KEYS,
    ],
    [
      '計算 over a 文章 field',
      [null, '差', 'diff', '計算', null, '任意', null, null, '評価・検証 - 目標値'],
      'form.formula-invalid I9 「差」の計算式が読む「評価・検証」は数値でも計算でもありません',
      KEYS,
    ],
    [
      '項目 the sheet writes itself',
      [null, '実 践 課', 'dept', '文章', null, '任意'],
      'form.label-reserved B9',
      KEYS,
    ],
    [
      '判定 on a 文章 field',
      [null, '備考', 'note', '文章', null, '任意', null, null, null, '達成率 >= 1 → A'],
      'form.judge-not-choice J9',
      [...KEYS, 'note'],
    ],
    [
      '判定 naming an unknown choice',
      [null, '総合', 'overall', '選択', 'A、B', '任意', null, null, null, '達成率 >= 1 → S'],
      'form.judge-invalid J9 「総合」の判定の「S」はこの項目の選択肢',
      [...KEYS, 'overall'],
    ],
    [
      '判定 on a 文章 field read',
      [null, '総合', 'overall', '選択', 'A、B', '任意', null, null, null, '評価・検証 >= 1 → A'],
      'form.judge-invalid J9',
      [...KEYS, 'overall'],
    ],
    [
      '集計 on a 文章 field',
      [null, '備考', 'note', '文章', null, '任意', null, null, null, null, '○'],
      'form.tally-not-choice K9',
      [...KEYS, 'note'],
    ],
    [
      '集計 on two fields',
      [null, '総合', 'overall', '選択', 'A、B', '任意', null, null, null, null, '○'],
      'form.tally-twice K9 集計の○は一つの項目にだけ付けます（7行目の「評価」を集計します）',
      [...KEYS, 'overall'],
    ],
    [
      '年度欄 after a gap',
      [null, '補足', 'extra', '文章', null, '任意', null, null, null, null, null, '○'],
      'form.year-band-split L9',
      [...KEYS, 'extra'],
    ],
    [
      '文字数の目安 not a number',
      [null, '補足', 'extra', '文章', null, '任意', '約100'],
      'form.max-length-invalid G9 「補足」の文字数の目安「約100」',
      [...KEYS, 'extra'],
    ],
  ] as const)('%s: a finding naming the cell, and the rest still read', (_name, row, expected, keys) => {
    const { findings, keys: read } = broken(row as Row);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toContain(expected);
    expect(read).toEqual(keys);
  });

  it('reports 見出し rows that are not consecutive and reads the stray one without its 見出し', () => {
    const rows: Row[] = KPI_ROWS.map((r) => (r[2] === 'actual' ? r.map((c, i) => (i === 0 ? null : c)) : r));
    const { form, findings } = parse(rows);
    expect(findings.map((f) => `${f.code} ${f.place.cell}`)).toEqual(['form.heading-split A6']);
    expect(form.fields.map((f) => f.heading ?? '')).toEqual(['', '指標', '', '', '', '', '']);
  });

  it('spreads a merged 見出し over the rows it covers', () => {
    const rows = KPI_ROWS.map((r) =>
      r[2] === 'actual' || r[2] === 'rate' ? r.map((c, i) => (i === 0 ? null : c)) : r,
    );
    const merged = parseFormGrid(grid(rows), { merges: [{ top: 3, left: 0, bottom: 5, right: 0 }] });
    expect(merged.findings).toEqual([]);
    expect(merged.form).toEqual(parse(KPI_ROWS).form);
  });

  it('leaves out 計算 fields whose formulas go round in a loop', () => {
    const rows: Row[] = [
      [null, '目標値', 'target', '数値', null, '計画'],
      [null, '甲', 'a', '計算', null, '任意', null, null, '乙 * 2'],
      [null, '乙', 'b', '計算', null, '任意', null, null, '甲 / 2 + 目標値'],
      [null, '丙', 'c', '計算', null, '任意', null, null, '目標値 * 2'],
    ];
    const { form, findings } = parse(rows);
    expect(findings.map((f) => `${f.code} ${f.place.cell}`)).toEqual([
      'form.formula-invalid I4',
      'form.formula-invalid I5',
    ]);
    expect(findings[0]?.message).toContain('循環');
    expect(form.fields.map((f) => f.key)).toEqual(['target', 'c']);
  });

  it('reads the R2 form written by hand as the built-in form, keeping a field it withholds from 公表', () => {
    const rows = specToSnapshot(buildFormSheet(STANDARD_FORM)).values;
    const column = rows[1]?.indexOf('公表') ?? -1;
    const edited = rows.map((r, i) =>
      r[1] === '評価・検証' ? r.map((c, j) => (j === column ? '×' : c)) : i === 0 ? ['様式'] : r,
    );
    const { form, findings } = parseFormGrid(edited);
    expect(findings).toEqual([]);
    expect(form).toMatchObject({ id: 'suishin-standard', version: 1, title: '取組項目シート' });
    expect(form.fields.map((f) => f.published !== false)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
      false,
    ]);
    expect({ ...form, fields: form.fields.map(({ published: _p, ...f }) => f) }).toEqual(STANDARD_FORM);
  });

  it('reads 文字数の目安 written as text with 全角 digits', () => {
    const rows: Row[] = [[null, '備考', 'note', '文章', null, '任意', '１，２００字']];
    expect(parse(rows).form.fields[0]?.maxLength).toBe(1200);
  });

  it('says which required columns are missing and reads the rest', () => {
    const { form, findings } = parse([['目標', 'goal']], ['項目', 'キー']);
    expect(findings.map((f) => `${f.code} ${f.place.cell} ${f.message}`)).toEqual([
      'form.column-missing A2 見出しの行に「種類」「必須の時期」の列がありません。種類は文章、必須の時期は任意として読みます。',
    ]);
    expect(form.fields).toMatchObject([
      { key: 'goal', kind: 'text', requiredFrom: 'optional', inYearBand: true },
    ]);
  });

  it.each([
    ['no header row', [['様式'], ['なにか', 'ほか']], 'form.header-missing'],
    [
      'no usable field',
      [
        ['項目', 'キー', '種類', '必須の時期'],
        ['目標', '目標', '文章', '計画'],
      ],
      'form.key-invalid',
    ],
  ])('falls back to the built-in form with an error when there is %s', (_name, rows, code) => {
    const { form, findings } = parseFormGrid(rows, { sheet: '様式（取組項目）', file: 'a.xlsx' });
    expect(form).toBe(STANDARD_FORM);
    expect(findings.map((f) => f.code)).toContain(code);
    expect(findings.some((f) => f.severity === 'error')).toBe(true);
    expect(findings[0]?.place).toMatchObject({ file: 'a.xlsx', sheet: '様式（取組項目）' });
    expect(placedMessage(findings[0]!)).toMatch(/^「様式（取組項目）」シートの[A-Z]+\d+: /u);
  });

  it('keeps the form when only a computed field it names was broken (a formula naming a left-out field is left out too)', () => {
    const rows: Row[] = [
      [null, '目標値', 'target', '数値', null, '計画'],
      [null, '差', 'diff', '計算', null, '任意', null, null, '目標値 - 未知'],
      [null, '率', 'ratio', '計算', null, '任意', null, null, '差 / 目標値'],
    ];
    const { form, findings } = parse(rows);
    expect(findings.map((f) => `${f.code} ${f.place.cell}`)).toEqual([
      'form.formula-invalid I4',
      'form.formula-invalid I5',
    ]);
    expect(form.fields.map((f) => f.key)).toEqual(['target']);
  });
});
