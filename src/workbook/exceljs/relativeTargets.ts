import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

/**
 * ExcelJS finds a sheet's tables, comments and their drawings by the relative target Excel writes
 * (`../tables/table1.xml`); an absolute target (`/xl/tables/table1.xml`, as openpyxl writes, valid in OPC)
 * makes its load throw, and the file looked corrupt. Such a package is rewritten with relative targets
 * before ExcelJS sees it; any other package is passed on as it is, without a copy.
 */

/** Relationship parts of the workbook's parts (not the package's own `_rels/.rels`). */
const PART_RELS = /^xl\/(?:.+\/)?_rels\/[^/]+\.rels$/;
const ABSOLUTE_TARGET = /\bTarget\s*=\s*["']\//;

/** `to` (a path from the package root) relative to the folder `from`: xl/worksheets → ../tables/table1.xml. */
export function relativePath(from: string, to: string): string {
  const source = from.split('/').filter(Boolean);
  const target = to.split('/').filter(Boolean);
  let common = 0;
  while (common < source.length && common < target.length - 1 && source[common] === target[common]) common++;
  return [...source.slice(common).map(() => '..'), ...target.slice(common)].join('/');
}

/** `xl/worksheets/_rels/sheet1.xml.rels` → `xl/worksheets`: the folder its targets are relative to. */
const sourceFolder = (relsPart: string): string => relsPart.replace(/\/?_rels\/[^/]+$/, '');

/** A relationships part with its internal absolute targets made relative (external links are left alone). */
export function relativeTargets(xml: string, folder: string): string {
  return xml.replace(/<Relationship\b[^>]*>/g, (element) =>
    /\bTargetMode\s*=\s*["']External["']/.test(element)
      ? element
      : element.replace(
          /\bTarget\s*=\s*(["'])\/([^"']*)\1/,
          (_, quote: string, path: string) => `Target=${quote}${relativePath(folder, path)}${quote}`,
        ),
  );
}

/**
 * The package as ExcelJS can load it. Call after checkPackage: the rewrite inflates every part (level 1 to
 * compress again, as the bytes only go to ExcelJS). Throws on a zip fflate cannot read, as ExcelJS would.
 */
export function withRelativeTargets(bytes: Uint8Array): Uint8Array {
  const rels = unzipSync(bytes, { filter: ({ name }) => PART_RELS.test(name) });
  const absolute = Object.entries(rels).filter(([, data]) => ABSOLUTE_TARGET.test(strFromU8(data)));
  if (absolute.length === 0) return bytes;
  const files = unzipSync(bytes);
  for (const [name, data] of absolute)
    files[name] = strToU8(relativeTargets(strFromU8(data), sourceFolder(name)));
  return zipSync(files, { level: 1 });
}
