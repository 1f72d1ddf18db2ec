import { describe, expect, it } from 'vitest';
import { KPI_FILLED, KPI_FORM } from '../../../tests/helpers/kpiForm';
import {
  dateCellText,
  fieldNumbers,
  isoDateToSerial,
  plainNumberText,
  readDate,
  readNumber,
  serialToIsoDate,
} from './fieldValue';

describe('readNumber', () => {
  it.each([
    ['', { kind: 'empty' }],
    ['  ', { kind: 'empty' }],
    ['100', { kind: 'number', value: 100 }],
    ['１００', { kind: 'number', value: 100 }],
    ['1,200', { kind: 'number', value: 1200 }],
    ['１，２００．５', { kind: 'number', value: 1200.5 }],
    ['12,345,678', { kind: 'number', value: 12345678 }],
    ['-3', { kind: 'number', value: -3 }],
    ['－３', { kind: 'number', value: -3 }],
    ['＋3', { kind: 'number', value: 3 }],
    ['85%', { kind: 'number', value: 0.85 }],
    ['８５．５％', { kind: 'number', value: 0.855 }],
    ['.5', { kind: 'number', value: 0.5 }],
    ['約100', { kind: 'invalid' }],
    ['100件', { kind: 'invalid' }],
    ['1,00', { kind: 'invalid' }],
    ['1e3', { kind: 'invalid' }],
    ['百', { kind: 'invalid' }],
    ['-', { kind: 'invalid' }],
  ])('%j → %j', (raw, expected) => expect(readNumber(raw)).toEqual(expected));
});

describe('plainNumberText', () => {
  it.each([
    [100, '100'],
    [0, '0'],
    [-0, '0'],
    [1200.5, '1200.5'],
    [0.1 + 0.2, '0.3'],
    [1e21, '1000000000000000000000'],
    [1.5e-7, '0.00000015'],
    [-42.125, '-42.125'],
    [123456789012, '123456789012'],
  ])('%d → %s', (n, text) => expect(plainNumberText(n)).toBe(text));
  it('reads back as the same number', () => {
    for (const n of [3.14159, 1e21, 2.5e-9, -7, 123456.789])
      expect(readNumber(plainNumberText(n))).toEqual({ kind: 'number', value: n });
  });
});

describe('readDate', () => {
  it.each([
    ['', { kind: 'empty' }],
    ['2021-04-01', { kind: 'date', iso: '2021-04-01' }],
    ['2021-04-01T09:30:00', { kind: 'date', iso: '2021-04-01' }],
    ['2021/4/1', { kind: 'date', iso: '2021-04-01' }],
    ['２０２１／４／１', { kind: 'date', iso: '2021-04-01' }],
    ['2021年4月1日', { kind: 'date', iso: '2021-04-01' }],
    ['20210401', { kind: 'date', iso: '2021-04-01' }],
    ['44287', { kind: 'date', iso: '2021-04-01' }],
    ['R3.4.1', { kind: 'date', iso: '2021-04-01' }],
    ['r3/4/1', { kind: 'date', iso: '2021-04-01' }],
    ['令和3年4月1日', { kind: 'date', iso: '2021-04-01' }],
    ['令和元年5月1日', { kind: 'date', iso: '2019-05-01' }],
    ['H31.4.30', { kind: 'date', iso: '2019-04-30' }],
    ['2021/2/30', { kind: 'invalid' }],
    ['2021/13/1', { kind: 'invalid' }],
    ['4月1日', { kind: 'invalid' }],
    ['来年度', { kind: 'invalid' }],
    ['R3.4', { kind: 'invalid' }],
  ])('%j → %j', (raw, expected) => expect(readDate(raw)).toEqual(expected));

  it('converts serials both ways, across Excel’s 1900-02-29', () => {
    for (const [serial, iso] of [
      [1, '1900-01-01'],
      [59, '1900-02-28'],
      [61, '1900-03-01'],
      [44287, '2021-04-01'],
    ] as const) {
      expect(serialToIsoDate(serial)).toBe(iso);
      expect(isoDateToSerial(iso)).toBe(serial);
    }
    expect(serialToIsoDate(60)).toBeUndefined();
    expect(serialToIsoDate(0)).toBeUndefined();
  });
});

describe('dateCellText', () => {
  it.each([
    ['2020-09-30', '2020/9/30'],
    ['2021-04-01', '2021/4/1'],
    ['2020-09-30T09:30:00', '2020/9/30 9:30'],
    ['2020-09-30T17:05:30', '2020/9/30 17:05:30'],
    ['1899-12-30T09:30:00', '9:30'],
    ['1899-12-30', undefined],
    ['2020/9/30', undefined],
    ['2020-09-30 について', undefined],
    ['令和2年9月30日', undefined],
    ['100', undefined],
  ])('%j → %j', (value, expected) => expect(dateCellText(value)).toBe(expected));
});

describe('fieldNumbers', () => {
  it('reads 数値 fields and computes 計算 fields from them, never from the 計算 text', () => {
    const value = fieldNumbers(KPI_FORM, { ...KPI_FILLED, rate: '12345' });
    expect(value('target')).toBe(100);
    expect(value('actual')).toBe(90);
    expect(value('rate')).toBeCloseTo(0.9);
    expect(value('indicator')).toBeUndefined();
    expect(value('nope')).toBeUndefined();
  });
  it('leaves a 計算 field undefined while an operand is missing, unreadable or a divisor is 0', () => {
    expect(fieldNumbers(KPI_FORM, { ...KPI_FILLED, actual: '' })('rate')).toBeUndefined();
    expect(fieldNumbers(KPI_FORM, { ...KPI_FILLED, actual: '約90' })('rate')).toBeUndefined();
    expect(fieldNumbers(KPI_FORM, { ...KPI_FILLED, target: '0' })('rate')).toBeUndefined();
    expect(fieldNumbers(KPI_FORM, { ...KPI_FILLED, target: '１，０００' })('rate')).toBeCloseTo(0.09);
  });
});
