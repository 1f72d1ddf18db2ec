import type { SheetSnapshot } from '../../domain/extract/snapshot';
import { allTags, corrupt, excelJsXmlDecode, findTag } from './xmlScan';

interface SheetEntry {
  readonly name: string;
  readonly id: number;
  readonly state: string | undefined;
  readonly rId: string | undefined;
}

export interface WorkbookXml {
  readonly sheets: readonly SheetEntry[];
  readonly date1904: boolean;
}

/** A worksheet of the package: its name and visibility, its part and that part's relationships part. */
export interface SheetPart {
  readonly name: string;
  readonly visibility: SheetSnapshot['visibility'];
  readonly part: string;
  readonly relsPart: string | undefined;
}

/** xl/workbook.xml: the `<sheet>` list and the 1904 date system (ExcelJS: only `date1904="1"`). */
export function parseWorkbookXml(xml: string): WorkbookXml {
  const sheets = allTags(xml, 'sheet').map((tag) => ({
    // ExcelJS decodes the name a second time (sheet-xform.js), and fails on a sheet without one.
    name: excelJsXmlDecode(tag.attributes.name ?? corrupt('a <sheet> without a name')),
    id: parseInt(tag.attributes.sheetId ?? '', 10),
    state: tag.attributes.state,
    rId: tag.attributes['r:id'],
  }));
  return { sheets, date1904: findTag(xml, 'workbookPr')?.tag.attributes.date1904 === '1' };
}

/** A relationships part: Id → Target (a later duplicate Id wins; a relationship may lack its Target). */
export function parseRelationships(xml: string): Map<string, string | undefined> {
  const targets = new Map<string, string | undefined>();
  for (const tag of allTags(xml, 'Relationship'))
    if (tag.attributes.Id !== undefined) targets.set(tag.attributes.Id, tag.attributes.Target);
  return targets;
}

/** The worksheet parts ExcelJS loads (xlsx.js matches this anywhere in the entry name) and their relationships. */
const WORKSHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml/;
const WORKSHEET_RELS = /xl\/worksheets\/_rels\/sheet(\d+)[.]xml.rels/;

/** ExcelJS's rules for a loaded sheet's name (Worksheet `set name`), each a failed load. */
function checkName(name: string, taken: { has(lowerCaseName: string): boolean }): void {
  if (name === '' || name === 'History' || /[*?:/\\[\]]/.test(name) || /(^')|('$)/.test(name))
    corrupt(`sheet name ${name}`);
  // ExcelJS truncates a long name, then finds the truncated name already taken by the sheet itself.
  if (name.length > 31) corrupt(`sheet name longer than 31 characters: ${name}`);
  if (taken.has(name.toLowerCase())) corrupt(`duplicate sheet name ${name}`);
}

/**
 * The sheets ExcelJS would load, in tab order (workbook.ts `worksheets`): a `<sheet>` whose relationship
 * targets a worksheet part in the package (chart sheets and dangling ones are skipped); when two `<sheet>`s
 * share a part the last names it, when two share a sheetId the later part wins; a sheetId below 1 is dropped.
 * `entries` are the package's part names in zip order, without a leading `/`.
 */
export function resolveSheets(
  workbook: WorkbookXml,
  rels: ReadonlyMap<string, string | undefined>,
  entries: readonly string[],
): SheetPart[] {
  const parts = new Set(entries.filter((e) => WORKSHEET_PART.test(e)));
  const owner = new Map<string, SheetEntry>();
  for (const sheet of workbook.sheets) {
    if (sheet.rId === undefined || !rels.has(sheet.rId)) continue;
    const target = rels.get(sheet.rId) ?? corrupt(`relationship ${sheet.rId} has no Target`);
    const part = `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`;
    if (parts.has(part)) owner.set(part, sheet);
  }
  const relsOf = new Map<string, string>();
  for (const e of entries) {
    const n = WORKSHEET_RELS.exec(e)?.[1];
    if (n !== undefined) relsOf.set(n, e);
  }
  const byId = new Map<number, SheetPart>();
  // The lower-case names of the sheets in byId, counted (a later part replaces a sheetId's earlier one): a
  // master has thousands of sheets, so names are not collected again for every sheet.
  const taken = new Map<string, number>();
  const count = (name: string, delta: number) => {
    const key = name.toLowerCase();
    const n = (taken.get(key) ?? 0) + delta;
    if (n > 0) taken.set(key, n);
    else taken.delete(key);
  };
  for (const part of parts) {
    const sheet = owner.get(part);
    if (!sheet) continue;
    checkName(sheet.name, taken);
    if (!(sheet.id >= 0)) continue;
    const n = WORKSHEET_PART.exec(part)?.[1] ?? '';
    const visibility = sheet.state === 'hidden' || sheet.state === 'veryHidden' ? sheet.state : 'visible';
    const replaced = byId.get(sheet.id);
    if (replaced) count(replaced.name, -1);
    byId.set(sheet.id, { name: sheet.name, visibility, part, relsPart: relsOf.get(n) });
    count(sheet.name, 1);
  }
  // Tab order: where a sheetId first appears in workbook.xml.
  const firstIndex = new Map<number, number>();
  workbook.sheets.forEach((s, i) => {
    if (!firstIndex.has(s.id)) firstIndex.set(s.id, i);
  });
  const order = (id: number) => firstIndex.get(id) ?? -1;
  return [...byId.entries()]
    .filter(([id]) => id >= 1)
    .sort(([a], [b]) => order(a) - order(b))
    .map(([, sheet]) => sheet);
}
