import { describe, expect, it } from 'vitest';
import { formatSheetMeta, parseMetaFieldCells, parseSheetMeta } from './sheetMeta';

const meta = {
  code: 'I-1-1-1',
  department: '総務課;=%',
  seq: 2,
  fiscalYear: 2021,
  formId: 'kpi',
  formVersion: 'a1b2',
};

describe('sheet metadata', () => {
  it('round-trips the identity, and the field cells separately', () => {
    const text = formatSheetMeta({
      ...meta,
      fieldCells: [
        { key: 'target', cell: 'D5' },
        { key: 'odd,key:x', cell: 'D6' },
      ],
    });
    expect(text).toContain(';fields=target:D5,odd%2ckey%3ax:D6');
    expect(parseSheetMeta(text)).toEqual(meta);
    expect(parseMetaFieldCells(text)).toEqual([
      { key: 'target', cell: 'D5' },
      { key: 'odd,key:x', cell: 'D6' },
    ]);
  });
  it('still parses metadata written before the field list', () => {
    const old = 'suishin:entry;v=1;code=I-1-1-1;department=総務課;seq=1;year=2020;form=suishin-standard@1';
    expect(parseSheetMeta(old)).toMatchObject({ code: 'I-1-1-1', formVersion: 1 });
    expect(parseMetaFieldCells(old)).toBeUndefined();
  });
  it('skips a malformed item and ignores text that is not metadata', () => {
    expect(parseMetaFieldCells(`${formatSheetMeta(meta)};fields=a:D3,b:nowhere,:D4`)).toEqual([
      { key: 'a', cell: 'D3' },
    ]);
    expect(parseMetaFieldCells('fields=a:D3')).toBeUndefined();
  });
});
