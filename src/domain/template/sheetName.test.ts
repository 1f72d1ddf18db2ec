import { describe, expect, it } from 'vitest';
import {
  entrySheetName,
  isValidSheetName,
  quoteSheetName,
  sanitizeSheetName,
  sheetRef,
  SheetNameSet,
  uniqueSheetName,
} from './sheetName';

const LONG = '上富良野町まちづくり推進課地域振興協働推進班防災担当';

describe('entrySheetName', () => {
  it.each([
    ['code and department', { code: 'I-1-1-1', department: '総務課', seq: 1 }, [], 'I-1-1-1 総務課'],
    [
      'seq 2 gets a suffix',
      { code: 'II-1-3-2', department: '町民生活課', seq: 2 },
      [],
      'II-1-3-2 町民生活課 (2)',
    ],
    [
      'a facility name',
      { code: 'II-1-4-1', department: 'ラベンダーハイツ', seq: 1 },
      [],
      'II-1-4-1 ラベンダーハイツ',
    ],
    [
      'a long department is cut to 31',
      { code: 'II-2-4-2', department: LONG, seq: 1 },
      [],
      'II-2-4-2 上富良野町まちづくり推進課地域振興協働推進班',
    ],
    [
      'a long department keeps the seq whole',
      { code: 'II-2-4-2', department: LONG, seq: 12 },
      [],
      'II-2-4-2 上富良野町まちづくり推進課地域振興 (12)',
    ],
    [
      'a taken name gets ~2',
      { code: 'I-1-1-1', department: '総務課', seq: 1 },
      ['I-1-1-1 総務課'],
      'I-1-1-1 総務課~2',
    ],
    [
      'taken is compared ignoring case',
      { code: 'I-1-1-1', department: 'abc', seq: 1 },
      ['i-1-1-1 ABC'],
      'I-1-1-1 abc~2',
    ],
    [
      'cut names that collide stay unique',
      { code: 'II-2-4-2', department: `${LONG}・第二`, seq: 1 },
      ['II-2-4-2 上富良野町まちづくり推進課地域振興協働推進班'],
      'II-2-4-2 上富良野町まちづくり推進課地域振興協働推~2',
    ],
    [
      'forbidden characters become full-width',
      { code: 'I-1-1-1', department: '総務/企画:課?', seq: 1 },
      [],
      'I-1-1-1 総務／企画：課？',
    ],
    ['a trailing quote is dropped', { code: 'I-1-1-1', department: "総務課'", seq: 1 }, [], 'I-1-1-1 総務課'],
  ])('%s', (_name, key, taken, expected) => {
    const name = entrySheetName(key, taken);
    expect(name).toBe(expected);
    expect(isValidSheetName(name)).toBe(true);
  });

  it('never takes 目次', () => {
    expect(entrySheetName({ code: 'I-1-1-1', department: '総務課', seq: 1 }, [])).not.toBe('目次');
  });
});

describe('sanitizeSheetName and uniqueSheetName', () => {
  it.each([
    ['brackets and backslash', '[体系]\\*', '［体系］＼＊'],
    ['leading and trailing quotes', "'目次'", '目次'],
    ['line breaks and tabs fold to a space', '体系\n\t表', '体系 表'],
    ['nothing left', "''", 'Sheet'],
  ])('sanitizes %s', (_name, raw, expected) => expect(sanitizeSheetName(raw)).toBe(expected));

  it.each([
    ['free name', '体系', [], '体系'],
    ['History is reserved', 'history', [], 'history~2'],
    ['counts up past taken suffixes', '体系', ['体系', '体系~2'], '体系~3'],
    ['a 31-character name is cut for its suffix', 'x'.repeat(31), ['x'.repeat(31)], `${'x'.repeat(29)}~2`],
  ])('%s', (_name, head, taken, expected) => {
    expect(uniqueSheetName(head, taken)).toBe(expected);
    expect(uniqueSheetName(head, new SheetNameSet(taken))).toBe(expected);
  });

  it('compares names in a SheetNameSet as Excel does: case and width folded', () => {
    const taken = new SheetNameSet(['Report', '報告 Ｉ-1']);
    expect(uniqueSheetName('REPORT', taken)).toBe('REPORT~2');
    expect(uniqueSheetName('報告 I-1', taken)).toBe('報告 I-1~2');
    taken.add('REPORT~2');
    expect(uniqueSheetName('report', taken)).toBe('report~3');
  });

  it('never splits a surrogate pair when cutting', () => {
    const name = uniqueSheetName(`${'a'.repeat(30)}𠮷`, []);
    expect(name).toBe('a'.repeat(30));
  });
});

describe('quoteSheetName', () => {
  it.each([
    ['plain name', 'I-1-1-1 総務課', "'I-1-1-1 総務課'"],
    ['a quote is doubled', "I-1-1-1 O'Neil", "'I-1-1-1 O''Neil'"],
  ])('%s', (_name, sheet, quoted) => expect(quoteSheetName(sheet)).toBe(quoted));

  it('makes a cell reference', () => expect(sheetRef('目次', 'C3')).toBe("'目次'!C3"));
});
