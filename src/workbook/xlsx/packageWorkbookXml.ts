import type { WrittenSheet } from './sheetXml';
import { xmlText } from './xmlParts';
import { decodeAttribute, findTag } from './xmlScan';

/**
 * The package parts PackageWorkbookPort rewrites as text: workbook.xml (sheet list, defined names, the tab
 * it opens on, recalculation) and [Content_Types].xml.
 */

/** Where a sheet of the new list stood in the old workbook.xml (what its defined names' localSheetId count). */
export type SheetPosition =
  | { readonly kind: 'kept'; readonly oldIndex: number }
  | { readonly kind: 'spec'; readonly replaced?: { readonly oldIndex: number } };

/** Where each `<sheet` element of the `<sheets>` list starts. */
export function sheetTagStarts(xml: string, from: number, to: number): number[] {
  const starts: number[] = [];
  for (
    let found = findTag(xml, 'sheet', from);
    found && found.lt < to;
    found = findTag(xml, 'sheet', found.tag.end)
  )
    starts.push(found.lt);
  return starts;
}

export function printDefinedNames(w: WrittenSheet, index: number): string[] {
  return [
    ...(w.printArea
      ? [`<definedName name="_xlnm.Print_Area" localSheetId="${index}">${xmlText(w.printArea)}</definedName>`]
      : []),
    ...(w.printTitles
      ? [
          `<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${xmlText(w.printTitles)}</definedName>`,
        ]
      : []),
  ];
}

/** CT_Workbook's children after definedNames, in schema order (ECMA-376 Part 1, §18.2.27). */
const AFTER_DEFINED_NAMES = [
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

/**
 * workbook.xml with the new sheet list; the old defined names renumbered to the sheets' new positions (those
 * of deleted sheets, and the print names of sheets written again, dropped; the written sheets' print names
 * added); the file opening on `active`; and a full recalculation on load (new formulas carry no results).
 */
export function rewriteWorkbookXml(
  xml: string,
  how: {
    sheetTags: readonly string[];
    entries: readonly SheetPosition[];
    printNames: readonly string[];
    active: number;
  },
): string {
  const sheets = findTag(xml, 'sheets')!;
  const sheetsEnd = xml.indexOf('</sheets>', sheets.tag.end) + '</sheets>'.length;
  let out = `${xml.slice(0, sheets.lt)}<sheets>${how.sheetTags.join('')}</sheets>${xml.slice(sheetsEnd)}`;

  const newIndex = new Map<number, { index: number; written: boolean }>();
  how.entries.forEach((e, index) => {
    if (e.kind === 'kept') newIndex.set(e.oldIndex, { index, written: false });
    else if (e.replaced) newIndex.set(e.replaced.oldIndex, { index, written: true });
  });
  const kept: string[] = [];
  const names = findTag(out, 'definedNames');
  let namesStart = -1;
  let namesEnd = -1;
  if (names) {
    namesStart = names.lt;
    namesEnd = names.tag.selfClosing
      ? names.tag.end + 1
      : out.indexOf('</definedNames>', names.tag.end) + '</definedNames>'.length;
    const inner = out.slice(names.tag.end + 1, namesEnd);
    for (const m of inner.matchAll(/<definedName\b([^>]*?)(\/>|>([\s\S]*?)<\/definedName>)/g)) {
      const attrs = m[1]!;
      const local = /\slocalSheetId="(\d+)"/.exec(attrs);
      if (!local) {
        kept.push(m[0]);
        continue;
      }
      const moved = newIndex.get(Number(local[1]));
      const name = decodeAttribute(/\sname="([^"]*)"/.exec(attrs)?.[1] ?? '');
      if (!moved) continue;
      if (moved.written && /^_xlnm\.(Print_Area|Print_Titles)$/i.test(name)) continue;
      kept.push(m[0].replace(/\slocalSheetId="\d+"/, ` localSheetId="${moved.index}"`));
    }
  }
  const all = [...kept, ...how.printNames];
  const block = all.length > 0 ? `<definedNames>${all.join('')}</definedNames>` : '';
  if (names) out = `${out.slice(0, namesStart)}${block}${out.slice(namesEnd)}`;
  else if (block) {
    const next = AFTER_DEFINED_NAMES.map((tag) => findTag(out, tag)?.lt).find((lt) => lt !== undefined);
    const at = next ?? out.lastIndexOf('</workbook>');
    out = `${out.slice(0, at)}${block}${out.slice(at)}`;
  }

  const view = findTag(out, 'workbookView');
  if (view) {
    let tag = out.slice(view.lt, view.tag.end + 1).replace(/\s(activeTab|firstSheet)="\d*"/g, '');
    tag = tag.replace(/^<workbookView\b/, `<workbookView activeTab="${how.active}"`);
    out = `${out.slice(0, view.lt)}${tag}${out.slice(view.tag.end + 1)}`;
  }
  const calc = findTag(out, 'calcPr');
  if (calc) {
    const tag = out
      .slice(calc.lt, calc.tag.end + 1)
      .replace(/\sfullCalcOnLoad="[^"]*"/, '')
      .replace(/^<calcPr\b/, '<calcPr fullCalcOnLoad="1"');
    out = `${out.slice(0, calc.lt)}${tag}${out.slice(calc.tag.end + 1)}`;
  } else {
    const next = AFTER_DEFINED_NAMES.slice(1)
      .map((t) => findTag(out, t)?.lt)
      .find((lt) => lt !== undefined);
    const at = next ?? out.lastIndexOf('</workbook>');
    out = `${out.slice(0, at)}<calcPr fullCalcOnLoad="1"/>${out.slice(at)}`;
  }
  return out;
}

/** [Content_Types].xml without the parts dropped, with the parts added. */
export function contentTypes(
  xml: string,
  dropped: ReadonlySet<string>,
  added: readonly { part: string; type: string }[],
): string {
  const kept = xml.replace(/<Override\b[^>]*?\/>/g, (tag) => {
    const name = /\sPartName="([^"]*)"/.exec(tag)?.[1];
    return name !== undefined && dropped.has(decodeAttribute(name).replace(/^\//, '')) ? '' : tag;
  });
  const overrides = added
    .map((a) => `<Override PartName="/${xmlText(a.part)}" ContentType="${a.type}"/>`)
    .join('');
  return kept.replace('</Types>', `${overrides}</Types>`);
}
