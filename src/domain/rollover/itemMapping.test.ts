import { describe, expect, it } from 'vitest';
import { parseMapping } from './itemMapping';

const known = {
  previous: new Set(['I-1-1-1', 'I-2-1-4']),
  next: new Set(['I-1-1-1', 'I-2-1-2']),
  previousDepartments: new Set(['総務課', '産業振興課']),
  nextDepartments: new Set(['総務課', '産業観光課']),
};
const years = { from: '令和2年度', to: '令和3年度' };

describe('parseMapping (the 対応表 総務課 edited)', () => {
  it('reads previous → next, null or an empty next as no successor', () => {
    const r = parseMapping(
      JSON.stringify({
        items: [
          { previous: 'I-1-1-1', next: 'I-1-1-1' },
          { previous: 'I-2-1-4', next: '' },
        ],
      }),
      'mapping.json',
      known,
      years,
    );
    expect(r.ok && [...r.value.items]).toEqual([
      ['I-1-1-1', 'I-1-1-1'],
      ['I-2-1-4', null],
    ]);
    expect(r.ok && r.value.departments.size).toBe(0);
  });

  it('reads a list of codes as an item split in two or more', () => {
    const r = parseMapping(
      JSON.stringify({ items: [{ previous: 'I-1-1-1', next: ['I-1-1-1', ' I-2-1-2 '] }] }),
      'mapping.json',
      known,
      years,
    );
    expect(r.ok && [...r.value.items]).toEqual([['I-1-1-1', ['I-1-1-1', 'I-2-1-2']]]);
    const bad = parseMapping(
      JSON.stringify({ items: [{ previous: 'I-1-1-1', next: ['I-1-1-1', 'I-9-9-9'] }] }),
      'mapping.json',
      known,
      years,
    );
    expect(!bad.ok && bad.error).toContain(
      'items[0]（I-1-1-1）: 令和3年度の体系に取組項目「I-9-9-9」がありません。',
    );
  });

  it('reads departments previous → next (a department renamed), null as none', () => {
    const r = parseMapping(
      JSON.stringify({
        items: [],
        departments: [
          { previous: '産業振興課', next: ' 産業観光課 ' },
          { previous: '総務課', next: null },
        ],
      }),
      'mapping.json',
      known,
      years,
    );
    expect(r.ok && [...r.value.departments]).toEqual([
      ['産業振興課', '産業観光課'],
      ['総務課', null],
    ]);
  });

  it.each([
    ['not JSON', '{items:', '対応表「mapping.json」を JSON として読めません'],
    ['no items', '{}', '対応表「mapping.json」に items の一覧がありません'],
    [
      'an unknown previous code',
      '{"items":[{"previous":"IX-1-1-1","next":null}]}',
      'items[0]: 令和2年度に取組項目「IX-1-1-1」がありません。',
    ],
    [
      'an unknown next code',
      '{"items":[{"previous":"I-2-1-4","next":"I-9-9-9"}]}',
      'items[0]（I-2-1-4）: 令和3年度の体系に取組項目「I-9-9-9」がありません。',
    ],
    [
      'a code twice',
      '{"items":[{"previous":"I-1-1-1","next":null},{"previous":"I-1-1-1","next":null}]}',
      'items[1]: 「I-1-1-1」が二度書かれています。',
    ],
    [
      'an unknown previous department',
      '{"items":[],"departments":[{"previous":"農林課","next":null}]}',
      'departments[0]: 令和2年度の体系に課「農林課」がありません。',
    ],
    [
      'an unknown next department',
      '{"items":[],"departments":[{"previous":"産業振興課","next":"産業課"}]}',
      'departments[0]（産業振興課）: 令和3年度の体系に課「産業課」がありません。',
    ],
    [
      'departments that are not a list',
      '{"items":[],"departments":{"産業振興課":"産業観光課"}}',
      'departments は課の一覧（previous と next の組）で書いてください。',
    ],
  ])('refuses %s, naming the file and the entry', (_, text, message) => {
    const r = parseMapping(text, 'mapping.json', known, years);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain(message);
  });
});
