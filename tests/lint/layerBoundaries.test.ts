// Proves that the layer boundaries of DESIGN.md are lint errors, not promises: each case lints a few lines of
// code as if they lived at a (virtual) path in the repository, using the real eslint.config.js.
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

type Case = Readonly<{
  name: string;
  filePath: string;
  code: string;
  /** rule id that must report at least one error; `null` means the file must lint with no errors at all */
  expectRule: string | null;
}>;

const cases: readonly Case[] = [
  {
    name: 'domain importing exceljs fails',
    filePath: 'src/domain/plan/bad.ts',
    code: "import ExcelJS from 'exceljs';\nexport const wb = new ExcelJS.Workbook();\n",
    expectRule: 'no-restricted-imports',
  },
  {
    name: 'domain importing exceljs types only still fails',
    filePath: 'src/domain/plan/bad.ts',
    code: "import type { Workbook } from 'exceljs';\nexport type W = Workbook;\n",
    expectRule: 'no-restricted-imports',
  },
  {
    name: 'domain importing react fails',
    filePath: 'src/domain/plan/bad.ts',
    code: "import { useState } from 'react';\nexport const hook = useState;\n",
    expectRule: 'no-restricted-imports',
  },
  {
    name: 'domain importing @fluentui/react-components fails',
    filePath: 'src/domain/plan/bad.ts',
    code: "import { Button } from '@fluentui/react-components';\nexport const B = Button;\n",
    expectRule: 'no-restricted-imports',
  },
  {
    name: 'domain importing node:fs fails',
    filePath: 'src/domain/plan/bad.ts',
    code: "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
    expectRule: 'no-restricted-imports',
  },
  {
    name: 'domain importing a bare Node built-in (path) fails',
    filePath: 'src/domain/plan/bad.ts',
    code: "import path from 'path';\nexport const join = path.join;\n",
    expectRule: 'no-restricted-imports',
  },
  {
    name: 'domain importing the workbook layer by relative path fails',
    filePath: 'src/domain/plan/bad.ts',
    code: "import type { WorkbookPort } from '../../workbook/port';\nexport type P = WorkbookPort;\n",
    expectRule: 'no-restricted-imports',
  },
  {
    name: 'domain using Excel.run fails',
    filePath: 'src/domain/plan/bad.ts',
    code: 'export const go = () => Excel.run(async () => undefined);\n',
    expectRule: 'no-restricted-globals',
  },
  {
    name: 'domain using document fails',
    filePath: 'src/domain/plan/bad.ts',
    code: 'export const title = () => document.title;\n',
    expectRule: 'no-restricted-globals',
  },
  {
    name: 'domain using process fails',
    filePath: 'src/domain/plan/bad.ts',
    code: 'export const cwd = () => process.cwd();\n',
    expectRule: 'no-restricted-globals',
  },
  {
    name: 'a pure domain file lints clean',
    filePath: 'src/domain/plan/good.ts',
    code: [
      "import type { Finding } from '../finding';",
      'export const normalize = (s: string): string => s.normalize("NFKC").trim();',
      'export function count(findings: readonly Finding[]): number {',
      '  return findings.length;',
      '}',
      '',
    ].join('\n'),
    expectRule: null,
  },
  {
    name: 'a domain test may read fixtures with node:fs',
    filePath: 'src/domain/plan/good.test.ts',
    code: "import { readFileSync } from 'node:fs';\nexport const read = (p: string) => readFileSync(p, 'utf8');\n",
    expectRule: null,
  },
  {
    name: 'the Office.js adapter may use Excel.run',
    filePath: 'src/workbook/officejs/x.ts',
    code: [
      'export async function sheetNames(): Promise<string[]> {',
      '  return await Excel.run(async (context) => {',
      '    const sheets = context.workbook.worksheets.load("items/name");',
      '    await context.sync();',
      '    return sheets.items.map((sheet) => sheet.name);',
      '  });',
      '}',
      '',
    ].join('\n'),
    expectRule: null,
  },
  {
    name: 'the Office.js adapter is checked by eslint-plugin-office-addins',
    filePath: 'src/workbook/officejs/x.ts',
    code: [
      'export async function touch(): Promise<void> {',
      '  await Excel.run(async (context) => {',
      '    for (const name of ["a", "b"]) {',
      '      context.workbook.worksheets.add(name);',
      '      await context.sync();',
      '    }',
      '  });',
      '}',
      '',
    ].join('\n'),
    expectRule: 'office-addins/no-context-sync-in-loop',
  },
  {
    name: 'workbook code outside exceljs/ importing exceljs fails',
    filePath: 'src/workbook/port.ts',
    code: "import type { Workbook } from 'exceljs';\nexport type W = Workbook;\n",
    expectRule: 'no-restricted-imports',
  },
  {
    name: 'the ExcelJS adapter may import exceljs',
    filePath: 'src/workbook/exceljs/x.ts',
    code: "import ExcelJS from 'exceljs';\nexport const create = () => new ExcelJS.Workbook();\n",
    expectRule: null,
  },
  {
    name: 'workbook importing the app layer fails',
    filePath: 'src/workbook/exceljs/x.ts',
    code: "import { build } from '../../app/build';\nexport const b = build;\n",
    expectRule: 'no-restricted-imports',
  },
  {
    name: 'app importing exceljs fails',
    filePath: 'src/app/x.ts',
    code: "import ExcelJS from 'exceljs';\nexport const wb = new ExcelJS.Workbook();\n",
    expectRule: 'no-restricted-imports',
  },
  {
    name: 'app importing the task pane fails',
    filePath: 'src/app/x.ts',
    code: "import { App } from '../taskpane/App';\nexport const A = App;\n",
    expectRule: 'no-restricted-imports',
  },
  {
    name: 'app using Office fails',
    filePath: 'src/app/x.ts',
    code: 'export const host = () => Office.context.host;\n',
    expectRule: 'no-restricted-globals',
  },
  {
    name: 'a task pane component using Excel fails',
    filePath: 'src/taskpane/components/X.tsx',
    code: 'export const X = () => <button onClick={() => Excel.run(async () => undefined)}>go</button>;\n',
    expectRule: 'no-restricted-globals',
  },
  {
    name: 'the composition root may wait for Office.onReady',
    filePath: 'src/taskpane/index.tsx',
    code: 'void Office.onReady(() => undefined);\n',
    expectRule: null,
  },
  {
    name: 'the composition root still may not call Excel.run',
    filePath: 'src/taskpane/index.tsx',
    code: 'void Excel.run(async () => undefined);\n',
    expectRule: 'no-restricted-globals',
  },
  {
    name: 'tests may import exceljs directly',
    filePath: 'tests/readers/x.test.ts',
    code: "import ExcelJS from 'exceljs';\nexport const wb = new ExcelJS.Workbook();\n",
    expectRule: null,
  },
  {
    name: 'production code importing the Office.js fake from tests/ fails',
    filePath: 'src/workbook/officejs/x.ts',
    code: "import { createFakeExcel } from '../../../tests/officejs/fake/fakeExcel';\nexport const f = createFakeExcel;\n",
    expectRule: 'no-restricted-syntax',
  },
  {
    name: 'production code re-exporting from tests/ fails',
    filePath: 'src/workbook/contract/x.ts',
    code: "export * from '../../../tests/contract/describeWorkbookPortContract';\n",
    expectRule: 'no-restricted-syntax',
  },
  {
    name: 'the task pane lazy-loading a module from tests/ fails',
    filePath: 'src/taskpane/x.ts',
    code: "export const load = () => import('../../tests/officejs/fake/fakeExcel');\n",
    expectRule: 'no-restricted-syntax',
  },
  {
    name: 'a test file under src/ may use the fake from tests/',
    filePath: 'src/workbook/officejs/x.test.ts',
    code: "import { createFakeExcel } from '../../../tests/officejs/fake/fakeExcel';\nexport const f = createFakeExcel;\n",
    expectRule: null,
  },
  {
    name: 'domain code importing a test helper from tests/helpers fails',
    filePath: 'src/domain/extract/x.ts',
    code: "import { sheetFromRows } from '../../../tests/helpers/sheetFromRows';\nexport const s = sheetFromRows;\n",
    expectRule: 'no-restricted-syntax',
  },
  {
    name: 'a domain test may build its sheets with a helper from tests/helpers',
    filePath: 'src/domain/extract/x.test.ts',
    code: "import { sheetFromRows } from '../../../tests/helpers/sheetFromRows';\nexport const s = sheetFromRows;\n",
    expectRule: null,
  },
  {
    name: 'a workbook test may build packages with a helper from tests/helpers',
    filePath: 'src/workbook/xlsx/x.test.ts',
    code: "import { xlsxPackage } from '../../../tests/helpers/xlsxPackage';\nexport const p = xlsxPackage;\n",
    expectRule: null,
  },
  {
    name: 'production code may import its own test-free contract cases',
    filePath: 'src/taskpane/x.ts',
    code: "import { PORT_CASES } from '../workbook/contract/portCases';\nexport const cases = PORT_CASES;\n",
    expectRule: null,
  },
];

describe('layer boundaries are lint errors (eslint.config.js)', () => {
  let eslint: ESLint;
  beforeAll(() => {
    eslint = new ESLint({ cwd: repoRoot });
  });

  it.each(cases)('$name', async ({ filePath, code, expectRule }) => {
    expect(await eslint.isPathIgnored(filePath), 'virtual path must not be ignored').toBe(false);
    const [result] = await eslint.lintText(code, { filePath });
    const errors = (result?.messages ?? []).filter((m) => m.severity === 2);
    const summary = errors.map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);
    if (expectRule === null) {
      expect(summary).toEqual([]);
    } else {
      expect(
        summary.some((line) => line.startsWith(`${expectRule}: `)),
        summary.join('\n'),
      ).toBe(true);
      if (expectRule.startsWith('no-restricted-')) {
        expect(errors.find((m) => m.ruleId === expectRule)?.message).toMatch(/\(DESIGN\.md layers\)$/);
      }
    }
  });
});
