import { afterEach, beforeEach, describe } from 'vitest';
import { describeWorkbookPortContract } from '../../../tests/contract/describeWorkbookPortContract';
import { installFresh, portWith, type InstalledFake } from '../../../tests/officejs/testPort';

let fake: InstalledFake;
afterEach(() => fake.uninstall());

// Merged areas are readable from ExcelApi 1.13 on; officeJsPort.fallbacks.test.ts covers older hosts.
describe.each([
  ['Microsoft 365 (ExcelApi 1.17)', '1.17'],
  ['ExcelApi 1.13', '1.13'],
])('%s', (_, excelApi) => {
  beforeEach(() => {
    fake = installFresh(excelApi);
  });
  describeWorkbookPortContract('Office.js (in-memory Excel)', (spec) => portWith(fake, spec), {
    fillOf: async (_port, sheet, cell) => fake.fill(sheet, cell),
  });
});
