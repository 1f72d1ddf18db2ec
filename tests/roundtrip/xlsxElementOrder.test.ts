import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildDepartmentFiles } from '../../src/app/buildWorkbooks';
import { consolidate } from '../../src/app/consolidate';
import { readDepartmentFile } from '../../src/app/readDepartmentFile';
import { r2Sample } from '../../src/domain/sample/r2';
import { DEFAULT_PLAN_TITLE } from '../../src/domain/template/buildDepartmentWorkbook';
import { buildMasterTemplate } from '../../src/domain/template/buildMasterTemplate';
import type { FileWorkbookFactory } from '../../src/workbook/port';
import { PackageWorkbookPort } from '../../src/workbook/xlsx/packageWorkbookPort';
import { SpecWorkbookPort } from '../../src/workbook/xlsx/specWorkbookPort';
import { STYLESHEET_ORDER } from '../../src/workbook/xlsx/xlsxTables';

/**
 * Excel asks 「修復しますか」 when a part's elements are out of the order its schema gives, or lack a
 * required attribute. Every part the own writer emits is checked here against ECMA-376 Part 1 (sml.xsd):
 * the worksheet's children against CT_Worksheet (§18.3.1.99), workbook.xml's against CT_Workbook
 * (§18.2.27; the same sequence as openpyxl's packaging/workbook.py WorkbookPackage.__elements__), styles.xml's
 * against CT_Stylesheet (§18.8.39; openpyxl's styles/stylesheet.py Stylesheet.__elements__). The workbooks:
 * the R2 department workbooks and a consolidated master, written by the spec writer, that master
 * consolidated again in its package after a first write (styles appended to the old ones), and a department
 * workbook whose own sheets are marked in its package (their XML changed in place).
 */

const CT_WORKSHEET = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'sheetData',
  'sheetCalcPr',
  'sheetProtection',
  'protectedRanges',
  'scenarios',
  'autoFilter',
  'sortState',
  'dataConsolidate',
  'customSheetViews',
  'mergeCells',
  'phoneticPr',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];
/** The only CT_Worksheet child that may repeat (maxOccurs="unbounded"). */
const REPEATABLE = new Set(['conditionalFormatting']);

const CT_WORKBOOK = [
  'fileVersion',
  'fileSharing',
  'workbookPr',
  'workbookProtection',
  'bookViews',
  'sheets',
  'functionGroups',
  'externalReferences',
  'definedNames',
  'calcPr',
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'smartTagPr',
  'smartTagTypes',
  'webPublishing',
  'fileRecoveryPr',
  'webPublishObjects',
  'extLst',
];

/** Required attributes (use="required" in sml.xsd) of elements the writer emits. */
const REQUIRED: Readonly<Record<string, readonly string[]>> = {
  sheet: ['name', 'sheetId', 'r:id'],
  workbookView: [],
  sheetView: ['workbookViewId'],
  pane: [],
  col: ['min', 'max'],
  mergeCell: ['ref'],
  dataValidation: ['sqref'],
  conditionalFormatting: ['sqref'],
  cfRule: ['type', 'priority'],
  pageMargins: ['left', 'right', 'top', 'bottom', 'header', 'footer'],
  tablePart: ['r:id'],
  definedName: ['name'],
  numFmt: ['numFmtId', 'formatCode'],
  cellStyle: ['xfId'],
  c: ['r'],
  table: ['id', 'ref', 'displayName'],
  tableColumn: ['id', 'name'],
};

interface Element {
  readonly name: string;
  readonly attributes: ReadonlySet<string>;
  readonly depth: number;
}

/** The elements of an XML part in document order, with their depth (the root is depth 0). */
function elements(xml: string): Element[] {
  const out: Element[] = [];
  let depth = 0;
  for (const m of xml.matchAll(
    /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g,
  )) {
    const [, closing, name, attrs, selfClosing] = m;
    if (closing) {
      depth--;
      continue;
    }
    out.push({
      name: name!,
      attributes: new Set([...attrs!.matchAll(/([\w:.-]+)\s*=/g)].map((a) => a[1]!)),
      depth,
    });
    if (!selfClosing) depth++;
  }
  expect(depth).toBe(0);
  return out;
}

/** What is wrong with the root's children against a schema sequence, and with required attributes. */
function problems(
  part: string,
  xml: string,
  order: readonly string[],
  repeatable = new Set<string>(),
): string[] {
  const all = elements(xml);
  const children = all.filter((e) => e.depth === 1).map((e) => e.name);
  const found: string[] = [];
  let last = -1;
  children.forEach((name, i) => {
    const at = order.indexOf(name);
    if (at < 0) found.push(`${part}: <${name}> is not a child the schema allows`);
    else if (at < last || (at === last && !repeatable.has(name)))
      found.push(`${part}: <${name}> after <${children[i - 1]}>`);
    last = Math.max(last, at);
  });
  for (const e of all)
    for (const attribute of REQUIRED[e.name] ?? [])
      if (!e.attributes.has(attribute)) found.push(`${part}: <${e.name}> without ${attribute}`);
  return found;
}

function check(bytes: Uint8Array): { sheets: number; problems: string[] } {
  const zip = unzipSync(bytes);
  const found: string[] = [];
  let sheets = 0;
  for (const [name, data] of Object.entries(zip)) {
    const xml = strFromU8(data);
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) {
      sheets++;
      found.push(...problems(name, xml, CT_WORKSHEET, REPEATABLE));
    } else if (name === 'xl/workbook.xml') found.push(...problems(name, xml, CT_WORKBOOK));
    else if (name === 'xl/styles.xml') found.push(...problems(name, xml, [...STYLESHEET_ORDER]));
    else if (/^xl\/tables\/[^/]+\.xml$/.test(name)) found.push(...problems(name, xml, TABLE_ORDER));
  }
  return { sheets, problems: found };
}

/** CT_Table's children (§18.5.1.2). */
const TABLE_ORDER = ['autoFilter', 'sortState', 'tableColumns', 'tableStyleInfo', 'extLst'];

const { plan, fiscalYear } = r2Sample();
const specFactory: FileWorkbookFactory = {
  create: (spec) => SpecWorkbookPort.create(spec),
  open: () => Promise.reject(new Error('not used')),
};

describe('the own writer emits every part in schema order, with the required attributes', () => {
  it('the schema order checker finds an element out of order and a missing attribute', () => {
    const bad =
      '<worksheet><sheetData/><cols><col min="1"/></cols><pageMargins left="1"/><mergeCells><mergeCell/></mergeCells></worksheet>';
    expect(problems('bad.xml', bad, CT_WORKSHEET)).toEqual([
      'bad.xml: <cols> after <sheetData>',
      'bad.xml: <mergeCells> after <pageMargins>',
      'bad.xml: <col> without max',
      'bad.xml: <pageMargins> without right',
      'bad.xml: <pageMargins> without top',
      'bad.xml: <pageMargins> without bottom',
      'bad.xml: <pageMargins> without header',
      'bad.xml: <pageMargins> without footer',
      'bad.xml: <mergeCell> without ref',
    ]);
  });

  it('department workbooks, a new master, that master updated in its package, and marks on kept sheets', async () => {
    const departments = await buildDepartmentFiles(specFactory, { plan, fiscalYear });
    const sources = departments.map((f) => ({ file: f.fileName, modified: 0, bytes: f.bytes }));
    const options = {
      readSnapshot: readDepartmentFile,
      factory: specFactory,
      stage: 'year-end' as const,
      fiscalYear,
      stamp: '2021-03-31T17:05:09',
      title: DEFAULT_PLAN_TITLE,
    };
    const master = await SpecWorkbookPort.create(
      buildMasterTemplate({ plan, fiscalYear, title: DEFAULT_PLAN_TITLE }),
    );
    await consolidate(plan, sources, { ...options, target: master });
    await master.markCells([{ sheet: '全体計画', cell: 'B5', severity: 'error' }]);
    const first = await master.toBuffer();
    const opened = await PackageWorkbookPort.open(first, 'master.xlsx');
    if (!opened.ok || !opened.value) throw new Error('the master did not open');
    await consolidate(plan, sources, { ...options, target: opened.value });
    const again = await opened.value.toBuffer();
    // A department workbook opened as it is, its own sheets marked (a cell it has, one it lacks, a row it
    // lacks) and a cell chosen: those sheets' XML changed in place, new cell formats appended to styles.xml.
    const department = await PackageWorkbookPort.open(departments[0]!.bytes, departments[0]!.fileName);
    if (!department.ok || !department.value) throw new Error('the department workbook did not open');
    const sheetNames = (await department.value.listSheets()).map((s) => s.name);
    await department.value.markCells(
      sheetNames.flatMap((sheet) => [
        { sheet, cell: 'B3', severity: 'error' as const },
        { sheet, cell: 'AA3', severity: 'warning' as const },
        { sheet, cell: 'C400', severity: 'info' as const },
      ]),
    );
    await department.value.selectCell(sheetNames[1]!, 'D9');
    const marked = await department.value.toBuffer();
    const markedParts = unzipSync(marked);
    const originalParts = unzipSync(departments[0]!.bytes);
    const changed = Object.keys(originalParts).filter(
      (p) => /^xl\/worksheets\//.test(p) && strFromU8(originalParts[p]!) !== strFromU8(markedParts[p]!),
    );
    expect(changed.length).toBe(sheetNames.length);

    let sheets = 0;
    for (const bytes of [...departments.map((d) => d.bytes), first, again, marked]) {
      const result = check(bytes);
      expect(result.problems).toEqual([]);
      sheets += result.sheets;
    }
    expect(sheets).toBeGreaterThan(50);
  }, 120_000);
});
