import { describe, expect, it } from 'vitest';
import { SHORT_FULL_FIELDS as full } from '../../../tests/helpers/testEntry';
import { STANDARD_FORM } from '../entry/formDefinition';
import { emptyFields, type Entry, type EntryFields } from '../entry/types';
import { MASTER_SHEET_NAME } from '../template/sheetName';
import {
  BLANK_ADVICE,
  DROPPED_ADVICE,
  DROPPED_BLANK_CODE,
  DROPPED_FROM_PREVIOUS_CODE,
  DROPPED_PART_CODE,
  droppedFromPrevious,
  droppedSummary,
} from './droppedFromPrevious';
import type { MasterRow } from './types';

const DEPARTMENTS = ['総務課', '保健福祉課', '教育振興課'];
const entry = (code: string, department: string, fields: Partial<EntryFields>): Entry => ({
  code,
  department,
  seq: 1,
  fiscalYear: 2020,
  fields: { ...emptyFields(), ...fields } as EntryFields,
});
const row = (e: Entry, status: MasterRow['status'] = 'submitted'): MasterRow => ({
  code: e.code,
  department: e.department,
  seq: e.seq,
  status,
  ...(status !== 'missing' && { entry: e }),
  findings: [],
});
const dropped = (previous: MasterRow[], placed: Parameters<typeof droppedFromPrevious>[1]) =>
  droppedFromPrevious(previous, placed, STANDARD_FORM, DEPARTMENTS);

describe('droppedFromPrevious', () => {
  const health = entry('I-2-1-1', '保健福祉課', full);
  const merged = entry('I-1-1-1', '総務課', {
    ...full,
    firstHalf: '【総務課】\n研修\n【保健福祉課】\n健診\n【教育振興課】\n講座',
  });

  it('names a row the master held that this run no longer has, on 全体計画', () => {
    const found = dropped(
      [row(health), row(merged)],
      [{ entry: merged, mergedFrom: ['総務課', '保健福祉課', '教育振興課'] }],
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      code: DROPPED_FROM_PREVIOUS_CODE,
      severity: 'warning',
      place: { sheet: MASTER_SHEET_NAME, code: 'I-2-1-1', department: '保健福祉課', seq: 1 },
    });
    expect(found[0]!.message).toContain('前回の集約で全体計画にあった I-2-1-1 保健福祉課 の記入が');
    expect(droppedSummary(found)?.rows).toEqual(['I-2-1-1 保健福祉課']);
  });

  it('names a 全課 part that left the merged text, not one that stands alone without its heading', () => {
    // 教育振興課 did not send again: its 【教育振興課】 part is gone.
    const found = dropped(
      [row(merged)],
      [
        {
          entry: {
            ...merged,
            fields: { ...merged.fields, firstHalf: '【総務課】\n研修\n【保健福祉課】\n健診' },
          },
          mergedFrom: ['総務課', '保健福祉課'],
        },
      ],
    );
    expect(found.map((f) => f.code)).toEqual([DROPPED_PART_CODE]);
    expect(found[0]!.message).toContain('前回の集約で統合した【教育振興課】の記入が');
    expect(droppedSummary(found)?.rows).toEqual(['I-1-1-1 の【教育振興課】']);
    // Only 保健福祉課 and 総務課 wrote this time, 保健福祉課's text standing without a heading: it is not gone.
    const alone = { ...merged, fields: { ...merged.fields, firstHalf: '健診' } };
    expect(
      droppedSummary(
        dropped(
          [
            row({
              ...merged,
              fields: { ...merged.fields, firstHalf: '【保健福祉課】\n健診\n【総務課】\n研修' },
            }),
          ],
          [{ entry: alone, mergedFrom: ['保健福祉課', '総務課'] }],
        ),
      ),
    ).toBeUndefined();
  });

  it('says a sheet that came back blank, not a file missing, and does not ask for last time’s file then', () => {
    const blankFor = new Map([
      ['I-2-1-1\u0000保健福祉課', { file: '保健福祉課_修正版.xlsx', sheet: 'I-2-1-1 保健福祉課' }],
    ]);
    const found = droppedFromPrevious(
      [row(health), row(merged)],
      [{ entry: merged, mergedFrom: DEPARTMENTS }],
      STANDARD_FORM,
      DEPARTMENTS,
      blankFor,
    );
    expect(found.map((f) => f.code)).toEqual([DROPPED_BLANK_CODE]);
    expect(found[0]!.message).toBe(
      `前回の集約で全体計画にあった I-2-1-1 保健福祉課 の記入が、今回のファイル「保健福祉課_修正版.xlsx」ではシート「I-2-1-1 保健福祉課」が空欄のため、全体計画から外れました（未提出）。${BLANK_ADVICE}`,
    );
    expect(droppedSummary(found)).toEqual({
      rows: ['I-2-1-1 保健福祉課（シートは空欄）'],
      advice: `シートが空欄で届いたものは、${BLANK_ADVICE}`,
    });
    // Both kinds: both pieces of advice.
    const both = droppedSummary([...found, ...dropped([row(entry('I-2-1-2', '教育振興課', full))], [])]);
    expect(both?.advice).toBe(`${DROPPED_ADVICE}シートが空欄で届いたものは、${BLANK_ADVICE}`);
  });

  it('names the coordinator’s own part too, when it did not send its sheet this time', () => {
    const without = {
      ...merged,
      fields: { ...merged.fields, firstHalf: '【保健福祉課】\n健診\n【教育振興課】\n講座' },
    };
    const found = dropped([row(merged)], [{ entry: without, mergedFrom: ['保健福祉課', '教育振興課'] }]);
    expect(droppedSummary(found)?.rows).toEqual(['I-1-1-1 の【総務課】']);
  });

  it('says nothing of rows that were 未提出 or blank (a template), or that this run gives again', () => {
    const blank = entry('I-2-1-2', '教育振興課', {});
    expect(dropped([row(blank), row(entry('I-2-1-3', '総務課', full), 'missing')], [])).toEqual([]);
    expect(dropped([row(health)], [{ entry: { ...health, fields: { ...full, vision: '変えた' } } }])).toEqual(
      [],
    );
  });
});
