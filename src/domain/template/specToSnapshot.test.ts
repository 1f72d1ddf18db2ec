import { describe, expect, it } from 'vitest';
import type { SheetSpec } from './sheetSpec';
import { range } from './sheetSpec';
import { specToSnapshot } from './specToSnapshot';

const spec: SheetSpec = {
  name: 's',
  cells: [
    { row: 0, column: 0, value: 'a' },
    { row: 2, column: 2, value: 3 },
    { row: 2, column: 3, formula: 'C3+1' },
    { row: 3, column: 0, style: 'x' },
  ],
  styles: {},
  merges: [range(0, 0, 0, 1)],
  columnWidths: [],
  rowHeights: {},
  validations: [],
  conditionalFormats: [],
  protect: false,
};

describe('specToSnapshot', () => {
  it('lays values out in a grid, marks formulas without a value, keeps merges', () => {
    expect(specToSnapshot(spec)).toEqual({
      name: 's',
      visibility: 'visible',
      values: [['a'], [], [null, null, 3, null], [null]],
      merges: [range(0, 0, 0, 1)],
      formulaCells: ['D3'],
    });
  });
});
