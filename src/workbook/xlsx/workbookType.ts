import { MASTER_READ_LIMITS } from '../readLimits';
import { readPackageUnder } from './readXlsxSnapshot';

export const CONTENT_TYPES = '[Content_Types].xml';

/** What the workbook part is, from [Content_Types].xml: a kind this writer keeps, or undefined (another, none). */
export function workbookKind(contentTypesXml: string): 'workbook' | 'macro-enabled' | undefined {
  const override = /<Override\b[^>]*"\/xl\/workbook\.xml"[^>]*>/.exec(contentTypesXml)?.[0] ?? '';
  const type = /ContentType="([^"]*)"/.exec(override)?.[1] ?? '';
  if (
    /^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.(sheet|template)\.main\+xml$/.test(type)
  )
    return 'workbook';
  if (/^application\/vnd\.ms-excel\.(sheet|template)\.macroEnabled\.main\+xml$/.test(type))
    return 'macro-enabled';
  return undefined;
}

/**
 * Whether saved workbook bytes are a macro-enabled workbook (.xlsm): its workbook part declared with the
 * macro-enabled content type. The own writer keeps an opened .xlsm as one (PackageWorkbookPort), and Excel
 * refuses to open such bytes under an .xlsx name, so a download is named after what the bytes are. Bytes it
 * cannot read are not macro-enabled. Read as every package is (readPackageUnder), [Content_Types].xml alone.
 */
export function isMacroEnabled(bytes: Uint8Array): boolean {
  const read = readPackageUnder(bytes, 'workbook', MASTER_READ_LIMITS, {
    first: [CONTENT_TYPES],
    scan: false,
  });
  const types = read.ok ? read.value.parts.get(CONTENT_TYPES) : undefined;
  return types !== undefined && workbookKind(new TextDecoder().decode(types)) === 'macro-enabled';
}
