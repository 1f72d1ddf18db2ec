import { afterEach, describe, expect, it } from 'vitest';
import { createFakeExcel, installFakeExcel, type FakeExcel } from './fakeExcel';

let fake: FakeExcel & { uninstall(): void };
const install = (options?: Parameters<typeof createFakeExcel>[0]) =>
  (fake = installFakeExcel(createFakeExcel(options)));
afterEach(() => fake?.uninstall());

const codeOf = async (promise: Promise<unknown>): Promise<string | undefined> =>
  promise.then(
    () => undefined,
    (e: unknown) => (e as { code?: string }).code,
  );

describe('fake Excel: load/sync semantics', () => {
  it('throws PropertyNotLoaded for a property never loaded, and for one loaded but not yet synced', async () => {
    install();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      // The point of this test is reading too early, which office-addins' rules rightly flag.
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
      expect(() => sheet.name).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      sheet.load('name');
      // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read
      expect(() => sheet.name).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(sheet.name).toBe('Sheet1');
    });
  });

  it('applies queued writes only at sync', async () => {
    install();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['あ']];
      expect(fake.value('Sheet1', 'A1')).toBeNull();
      await context.sync();
      expect(fake.value('Sheet1', 'A1')).toBe('あ');
    });
  });

  it('reads what a load saw at its place in the batch: read before write in one sync', async () => {
    install();
    await Excel.run(async (context) => {
      const fill = context.workbook.worksheets.getItem('Sheet1').getRange('B2').format.fill;
      fill.color = '#FFFF00';
      await context.sync();
      fill.load('color');
      fill.color = '#FFC7CE';
      await context.sync();
      expect(fill.color).toBe('#FFFF00'); // the load ran before the write
      const again = context.workbook.worksheets.getItem('Sheet1').getRange('B2').format.fill;
      again.load('color');
      await context.sync();
      expect(again.color).toBe('#FFC7CE');
    });
    await Excel.run(async (context) => {
      const cell = context.workbook.worksheets.getItem('Sheet1').getRange('B2');
      const fill = cell.format.fill.load('color');
      cell.format.fill.clear();
      await context.sync();
      expect(fill.color).toBe('#FFC7CE');
      expect(fake.fill('Sheet1', 'B2')).toBeNull();
    });
  });

  it('reports null objects after sync', async () => {
    install();
    await Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('どこにもない');
      const present = context.workbook.worksheets.getItemOrNullObject('sheet1');
      // eslint-disable-next-line office-addins/call-sync-before-read -- reading too early is the point
      expect(() => missing.isNullObject).toThrow();
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      const empty = present.getUsedRangeOrNullObject(true).load('address');
      await context.sync();
      expect(empty.isNullObject).toBe(true);
    });
  });

  it('syncs pending commands when the batch returns, and refuses objects used after Excel.run', async () => {
    install();
    let leaked: Excel.Range | undefined;
    await Excel.run(async (context) => {
      leaked = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
      leaked.values = [[1]];
    });
    expect(fake.value('Sheet1', 'A1')).toBe(1);
    expect(fake.stats.syncs).toBe(1);
    expect(() => {
      if (leaked) leaked.values = [[2]];
    }).toThrow(expect.objectContaining({ code: 'InvalidRequestContext' }));
  });
});

describe('fake Excel: how Excel interprets written values', () => {
  const write = async (input: unknown, numberFormat?: string) => {
    install();
    await Excel.run(async (context) => {
      const cell = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
      if (numberFormat) cell.numberFormat = [[numberFormat]];
      cell.values = [[input]];
      await context.sync();
    });
    return { value: fake.value('Sheet1', 'A1'), formula: fake.formula('Sheet1', 'A1') };
  };

  it.each([
    ['=1+1 becomes a formula', '=1+1', { value: null, formula: '=1+1' }],
    [
      'a HYPERLINK formula shows its text',
      '=HYPERLINK("#\'目次\'!A1","目次へ")',
      { value: '目次へ', formula: '=HYPERLINK("#\'目次\'!A1","目次へ")' },
    ],
    ['text starting with - becomes a formula', '-（なし）', { value: null, formula: '=-（なし）' }],
    ['text starting with + becomes a formula', '+81 0155', { value: null, formula: '=+81 0155' }],
    ['numeric text becomes a number', '0012', { value: 12, formula: undefined }],
    ['a percentage becomes a number', '50%', { value: 0.5, formula: undefined }],
    ['TRUE becomes a boolean', 'true', { value: true, formula: undefined }],
    ['an ISO date becomes a date serial', '2020-04-01', { value: 43922, formula: undefined }],
    ["a leading ' forces text", "'=1+1", { value: '=1+1', formula: undefined }],
  ])('without a text format, %s', async (_, input, expected) => {
    expect(await write(input)).toEqual(expected);
  });

  it.each([['=SUM(A1:A3)'], ['0012'], ['-（なし）'], ['+81 0155-00-0000'], ['@総務課']])(
    'with the text format @ set first, %s stays text',
    async (text) => {
      expect(await write(text, '@')).toEqual({ value: text, formula: undefined });
    },
  );

  it('leaves a cell unchanged for null and clears it for empty text', async () => {
    install();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1:B1');
      range.values = [['a', 'b']];
      range.values = [[null, '']];
      const read = range.load('values');
      await context.sync();
      expect(read.values).toEqual([['a', '']]);
    });
  });
});

describe('fake Excel: limits, errors and requirement sets', () => {
  it('counts syncs and request bytes, and refuses a request over 5 MB', async () => {
    install();
    const big = 'あ'.repeat(1_000_000); // 3 MB in UTF-8
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A1').values = [[big.slice(0, 30_000)]];
      await context.sync();
      for (const [i, address] of ['A2', 'A3'].entries())
        sheet.getRange(address).format.font.name = `${i}${big}`;
      await expect(context.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    });
    expect(fake.stats.syncs).toBe(2);
    expect(fake.stats.requestBytes[0]).toBeGreaterThan(90_000);
    expect(fake.stats.requestBytes[1]).toBeGreaterThan(5 * 1024 * 1024);
  });

  it('refuses to read or write more than 5 million cells at once', async () => {
    install();
    const code = await codeOf(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A:E').load('values');
        await context.sync();
      }),
    );
    expect(code).toBe('RangeExceedsLimit');
  });

  it('fails the next sync with a given code, once', async () => {
    install();
    fake.failNextSync('InvalidOperationInCellEditMode');
    const run = () => Excel.run(async (context) => void (await context.sync()));
    expect(await codeOf(run())).toBe('InvalidOperationInCellEditMode');
    expect(await codeOf(run())).toBeUndefined();
  });

  it('fails batches while a cell is being edited unless they ask Excel to wait', async () => {
    install();
    fake.setCellEditMode(true);
    expect(await codeOf(Excel.run(async (context) => void (await context.sync())))).toBe(
      'InvalidOperationInCellEditMode',
    );
    expect(
      await codeOf(Excel.run({ delayForCellEdit: true }, async (context) => void (await context.sync()))),
    ).toBeUndefined();
  });

  it('models requirement sets: APIs newer than the host fail with ApiNotFound', async () => {
    install();
    fake.setExcelApi('1.8');
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.8')).toBe(true);
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.9')).toBe(false);
    const code = await codeOf(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').pageLayout.orientation = 'Landscape';
        await context.sync();
      }),
    );
    expect(code).toBe('ApiNotFound');
  });

  it('denies writing locked cells of a protected sheet, but not unlocked ones', async () => {
    install();
    const run = (address: string) =>
      codeOf(
        Excel.run(async (context) => {
          context.workbook.worksheets.getItem('Sheet1').getRange(address).values = [['x']];
          await context.sync();
        }),
      );
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('B1').format.protection.locked = false;
      sheet.protection.protect({ allowFormatRows: true });
      await context.sync();
    });
    expect(await run('A1')).toBe('AccessDenied');
    expect(await run('B1')).toBeUndefined();
  });

  it('refuses to delete a very hidden sheet or the last visible one', async () => {
    install({ sheets: ['A', 'B'] });
    const run = (batch: (context: Excel.RequestContext) => void) =>
      codeOf(Excel.run(async (context) => void (batch(context), await context.sync())));
    expect(await run((c) => (c.workbook.worksheets.getItem('B').visibility = 'VeryHidden'))).toBeUndefined();
    expect(await run((c) => c.workbook.worksheets.getItem('B').delete())).toBe('InvalidOperation');
    expect(await run((c) => c.workbook.worksheets.getItem('A').delete())).toBe('InvalidOperation');
  });

  it('records Excel.createWorkbook calls (ExcelApi 1.8)', async () => {
    install();
    await Excel.createWorkbook(btoa('PK\u0003\u0004rest'));
    expect(fake.state.createdWorkbooks).toHaveLength(1);
    await expect(Excel.createWorkbook('not base64!')).rejects.toMatchObject({ code: 'InvalidArgument' });
  });
});

describe('fake Excel: behaviours of real Excel the adapter must survive (README.md cites each)', () => {
  const LINK = '=HYPERLINK("#A1","目次へ")';

  it.each([
    ['a formula written while calculation is suspended shows its old value', true, false, null],
    ['…until application.calculate recalculates it', true, true, '目次へ'],
    ['a formula written with calculation running shows its result at once', false, false, '目次へ'],
  ])('%s', async (_, suspend, calculate, expected) => {
    install();
    await Excel.run(async (context) => {
      if (suspend) context.application.suspendApiCalculationUntilNextSync();
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').formulas = [[LINK]];
      await context.sync();
      if (calculate) context.application.calculate('Recalculate' as Excel.CalculationType);
      await context.sync();
    });
    expect(fake.value('Sheet1', 'A1')).toBe(expected);
    expect(fake.formula('Sheet1', 'A1')).toBe(LINK);
  });

  it.each(['throw', 'null'] as const)('past the cell limit, values %s', async (behaviour) => {
    install();
    fake.limits.rangeCells = 4;
    fake.limits.pastCellLimit = behaviour;
    const read = Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1:C3').load('values');
      await context.sync();
      return range.values;
    });
    if (behaviour === 'null') await expect(read).resolves.toBeNull();
    else expect(await codeOf(read)).toBe('RangeExceedsLimit');
  });

  it.each([
    ['adding a sheet', (c: Excel.RequestContext) => void c.workbook.worksheets.add('新')],
    ['deleting a sheet', (c: Excel.RequestContext) => c.workbook.worksheets.getItem('Sheet2').delete()],
    [
      'renaming a sheet',
      (c: Excel.RequestContext) => void (c.workbook.worksheets.getItem('Sheet2').name = '改'),
    ],
    [
      'hiding a sheet',
      (c: Excel.RequestContext) =>
        void (c.workbook.worksheets.getItem('Sheet2').visibility = 'Hidden' as Excel.SheetVisibility),
    ],
  ])('a protected workbook structure refuses %s with AccessDenied', async (_, act) => {
    install({ sheets: ['Sheet1', 'Sheet2'] });
    await Excel.run(async (context) => {
      context.workbook.protection.protect();
      await context.sync();
    });
    expect(await codeOf(Excel.run(async (context) => act(context)))).toBe('AccessDenied');
    expect(fake.state.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['Sheet1', 'Visible'],
      ['Sheet2', 'Visible'],
    ]);
  });

  it('protecting a protected sheet, or unprotecting an unprotected one, fails with AccessDenied (office-js#6784)', async () => {
    install();
    const protection = (act: 'protect' | 'unprotect') =>
      Excel.run(async (context) => context.workbook.worksheets.getItem('Sheet1').protection[act]());
    expect(await codeOf(protection('unprotect'))).toBe('AccessDenied');
    expect(await codeOf(protection('protect'))).toBeUndefined();
    expect(await codeOf(protection('protect'))).toBe('AccessDenied');
    expect(await codeOf(protection('unprotect'))).toBeUndefined();
  });

  it.each([
    ['activate', (ws: Excel.Worksheet) => ws.activate()],
    ['select', (ws: Excel.Worksheet) => ws.getRange('A1').select()],
    ['freezePanes', (ws: Excel.Worksheet) => ws.freezePanes.freezeRows(1)],
  ])(
    '%s fails with GeneralException once Excel.createWorkbook gave the focus to another workbook',
    async (_, act) => {
      install();
      const run = () => Excel.run(async (context) => act(context.workbook.worksheets.getItem('Sheet1')));
      expect(await codeOf(run())).toBeUndefined();
      await Excel.createWorkbook();
      expect(await codeOf(run())).toBe('GeneralException');
    },
  );

  it('setting a rule over part of another validated range fails unless the range is cleared first (office-js#2594)', async () => {
    install();
    const rule = { list: { inCellDropDown: true, source: 'a,b' } };
    const set = (clear: boolean) =>
      Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('Sheet1');
        // eslint-disable-next-line office-addins/load-object-before-read -- dataValidation is a navigation property, not a loaded value
        const part = sheet.getRange('B5:B10').dataValidation;
        // eslint-disable-next-line office-addins/load-object-before-read -- dataValidation is a navigation property, not a loaded value
        const whole = sheet.getRange('B1:B10').dataValidation;
        part.prompt = { showPrompt: true, title: 't', message: 'm' };
        await context.sync();
        if (clear) whole.clear();
        whole.rule = rule;
      });
    expect(await codeOf(set(false))).toBe('InvalidArgument');
    expect(await codeOf(set(true))).toBeUndefined();
  });

  it('failSyncAt(k) fails exactly the k-th sync from now, before its commands run', async () => {
    install();
    fake.failSyncAt(1, 'GeneralException');
    const write = (value: string) =>
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[value]];
      });
    expect(await codeOf(write('一'))).toBeUndefined();
    expect(await codeOf(write('二'))).toBe('GeneralException');
    expect(await codeOf(write('三'))).toBeUndefined();
    expect(fake.value('Sheet1', 'A1')).toBe('三');
  });
});
