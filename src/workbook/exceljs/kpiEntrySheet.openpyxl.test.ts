import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KPI_FORM, kpiSheet } from '../../../tests/helpers/kpiForm';
import { entryLayout, inputAddress, inputFor } from '../../domain/template/entryLayout';
import { writeXlsx } from '../xlsx/writeXlsx';
import { excelJsFactory } from './excelJsFactory';

/**
 * A 指標 form's entry sheet written to a file and opened by an independent reader (openpyxl, through
 * Debian's python): the 計算 cell is a formula with its percentage format, numbers and dates are real
 * numbers and dates with their formats, and the decimal / date / list rules are in the file. Both writers
 * (ExcelJS and the own spec writer) are checked the same way.
 */
const PYTHON = '/usr/bin/python3';
const hasOpenpyxl =
  existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import openpyxl'], { encoding: 'utf8' }).status === 0;

const SCRIPT = String.raw`
import json, sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['KPI']
cells = json.loads(sys.argv[2])
out = {}
for key, addr in cells.items():
    c = ws[addr]
    v = c.value
    out[key] = {
        'value': v.isoformat() if isinstance(v, (datetime.date, datetime.datetime)) else v,
        'type': type(v).__name__,
        'format': c.number_format,
        'locked': c.protection.locked,
        'align': c.alignment.horizontal,
        'fill': c.fill.fgColor.rgb if c.fill and c.fill.fill_type == 'solid' else None,
    }
rules = []
for dv in ws.data_validations.dataValidation:
    rules.append({'type': dv.type, 'operator': dv.operator, 'sqref': str(dv.sqref),
                  'formula1': dv.formula1, 'formula2': dv.formula2, 'allowBlank': dv.allow_blank,
                  'errorStyle': dv.errorStyle, 'prompt': dv.prompt})
print(json.dumps({'cells': out, 'rules': rules, 'protected': ws.protection.sheet}, ensure_ascii=False))
`;

const sheet = kpiSheet();
const layout = entryLayout(KPI_FORM);
const at = (key: string) => inputAddress(inputFor(layout, key));
const keys = ['target', 'actual', 'rate', 'rating', 'checked', 'evaluation'] as const;
const dir = mkdtempSync(join(tmpdir(), 'suishin-kpi-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Read {
  cells: Record<
    string,
    { value: unknown; type: string; format: string; locked: boolean; align: string; fill: string | null }
  >;
  rules: {
    type: string;
    operator: string | null;
    sqref: string;
    formula1: string;
    formula2: string | null;
    errorStyle: string;
    prompt: string | null;
  }[];
  protected: boolean;
}

function readWithOpenpyxl(bytes: Uint8Array, name: string): Read {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const cells = Object.fromEntries(keys.map((k) => [k, at(k)]));
  const r = spawnSync(PYTHON, ['-c', SCRIPT, file, JSON.stringify(cells)], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as Read;
}

const writers: [string, () => Promise<Uint8Array>][] = [
  [
    'ExcelJS',
    async () => (await excelJsFactory.create({ sheets: [sheet], properties: { title: 'KPI' } })).toBuffer(),
  ],
  ['the spec writer', () => writeXlsx({ sheets: [sheet], properties: { title: 'KPI' } })],
];

describe.skipIf(!hasOpenpyxl).each(writers)(
  'a 指標 entry sheet written by %s, read by openpyxl',
  (name, write) => {
    it('holds the 計算 formula, real numbers and dates with their formats, and the kind rules', async () => {
      const read = readWithOpenpyxl(await write(), `${name}.xlsx`);
      const { target, actual, rate, rating, checked } = read.cells as Record<string, Read['cells'][string]>;
      expect(rate).toMatchObject({
        value: `=IFERROR(IF(OR(${at('actual')}="",${at('target')}=""),"",${at('actual')}/${at('target')}),"")`,
        format: '0.0%',
        locked: true,
        fill: 'FFF2F2F2',
      });
      expect(target).toMatchObject({
        value: 100,
        type: 'int',
        format: 'General',
        locked: false,
        align: 'right',
      });
      expect(actual).toMatchObject({ value: 90, type: 'int' });
      expect(checked).toMatchObject({ value: '2021-03-31T00:00:00', type: 'datetime', format: 'yyyy/m/d' });
      expect(rating).toMatchObject({ value: 'A', format: '@' });
      expect(read.protected).toBe(true);

      const ruleAt = (key: string) => read.rules.find((r) => r.sqref === at(key));
      expect(ruleAt('target')).toMatchObject({
        type: 'decimal',
        formula1: '-1000000000000000',
        formula2: '1000000000000000',
        errorStyle: 'stop',
      });
      expect(ruleAt('target')?.operator ?? 'between').toBe('between');
      expect(ruleAt('checked')).toMatchObject({ type: 'date', formula1: '367', formula2: '2958465' });
      expect(ruleAt('rating')).toMatchObject({ type: 'list', formula1: '"S,A,B,C"' });
      expect(ruleAt('rating')?.prompt).toContain('判定の目安');
      // The 計算 cell: no rule (type none), only its input message.
      expect(ruleAt('rate')).toMatchObject({
        type: null,
        prompt: expect.stringContaining('自動で計算されます'),
      });
      expect(ruleAt('evaluation')).toMatchObject({ type: 'textLength' });
    });
  },
);
