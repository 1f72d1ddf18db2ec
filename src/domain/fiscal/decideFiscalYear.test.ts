import { describe, expect, it } from 'vitest';
import { decideFiscalYear, yearCarrier, type YearDecision, type YearQuestion } from './decideFiscalYear';

const R2 = 2020;
const R3 = 2021;
const R4 = 2022;

describe('decideFiscalYear', () => {
  it.each<[string, YearQuestion, YearDecision]>([
    [
      'the named year wins, and the files of other years are listed',
      {
        explicit: R3,
        fallback: R2,
        carriers: [
          { file: 'a.xlsx', years: [R3] },
          { file: 'b.xlsx', years: [R2] },
        ],
      },
      { kind: 'explicit', fiscalYear: R3, others: [{ fiscalYear: R2, files: ['b.xlsx'] }] },
    ],
    [
      'with no year named, the one year every file carries is used even when the default says otherwise',
      {
        fallback: R2,
        carriers: [
          { file: 'a.xlsx', years: [R3] },
          { file: 'b.xlsx', years: [R3] },
          { file: 'c.xlsx', years: [] },
        ],
      },
      { kind: 'inferred', fiscalYear: R3, fallback: R2 },
    ],
    [
      'files that carry no year leave the default',
      { fallback: R2, carriers: [{ file: 'a.xlsx', years: [] }] },
      { kind: 'default', fiscalYear: R2 },
    ],
    [
      'no default and no year on any file decide nothing',
      { carriers: [{ file: 'a.xlsx', years: [] }] },
      { kind: 'none' },
    ],
    [
      'disagreeing files with the default among their years use the default',
      {
        fallback: R3,
        carriers: [
          { file: 'a.xlsx', years: [R3] },
          { file: 'b.xlsx', years: [R2] },
          { file: 'c.xlsx', years: [R3] },
        ],
      },
      {
        kind: 'mixed',
        fiscalYear: R3,
        byYear: [
          { fiscalYear: R3, files: ['a.xlsx', 'c.xlsx'] },
          { fiscalYear: R2, files: ['b.xlsx'] },
        ],
      },
    ],
    [
      'disagreeing files without the default among their years are undecided, listed by year',
      {
        fallback: R2,
        carriers: [
          { file: 'a.xlsx', years: [R3] },
          { file: 'b.xlsx', years: [R4, R3] },
        ],
      },
      {
        kind: 'undecided',
        byYear: [
          { fiscalYear: R3, files: ['a.xlsx', 'b.xlsx'] },
          { fiscalYear: R4, files: ['b.xlsx'] },
        ],
        fallback: R2,
      },
    ],
  ])('%s', (_name, question, decision) => {
    expect(decideFiscalYear(question)).toEqual(decision);
  });

  it('counts only the years written on the sheets, not the years assumed for sheets without one', () => {
    const entries = [
      { entry: { fiscalYear: R3 } },
      { entry: { fiscalYear: R2 }, yearAssumed: true },
      { entry: { fiscalYear: R3 } },
    ];
    expect(yearCarrier('a.xlsx', entries)).toEqual({ file: 'a.xlsx', years: [R3] });
  });
});
