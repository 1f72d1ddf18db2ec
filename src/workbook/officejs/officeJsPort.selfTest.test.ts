import { afterEach, describe, expect, it } from 'vitest';
import { PORT_CASES } from '../contract/portCases';
import { runPortCases } from '../contract/runPortCases';
import { installFresh, type InstalledFake } from '../../../tests/officejs/testPort';
import { OfficeJsPort } from './officeJsPort';

let fake: InstalledFake | undefined;
afterEach(() => fake?.uninstall());

describe('the self-test (自己診断) on the Office.js port, as the pane runs it in Excel', () => {
  // Below ExcelApi 1.13 merged areas cannot be read: the self-test shows it, as it would in Excel 2019.
  it.each([
    ['1.17', []],
    ['1.13', []],
    ['1.8', ['returns merges, with the value in the top-left cell and the covered cells empty']],
  ] as const)(
    'on ExcelApi %s fails exactly %j and leaves only the user’s sheet',
    async (excelApi, failing) => {
      fake = installFresh(excelApi);
      const port = new OfficeJsPort();
      const results = await runPortCases(port);
      expect(results.filter((r) => !r.ok).map((r) => r.name)).toEqual(failing);
      expect(results).toHaveLength(PORT_CASES.length);
      expect(fake.state.sheets.map((s) => s.name)).toEqual(['Sheet1']);
    },
  );
});
