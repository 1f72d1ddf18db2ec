import { unzipSync } from 'fflate';

/**
 * Whether saved workbook bytes are a macro-enabled workbook (.xlsm): its workbook part declared with the
 * macro-enabled content type. The own writer keeps an opened .xlsm as one (PackageWorkbookPort), and Excel
 * refuses to open such bytes under an .xlsx name, so a download is named after what the bytes are. Bytes it
 * cannot read are not macro-enabled.
 */
export function isMacroEnabled(bytes: Uint8Array): boolean {
  try {
    const types = unzipSync(bytes, {
      filter: ({ name }) => name === '[Content_Types].xml' || name === '/[Content_Types].xml',
    });
    const xml = new TextDecoder().decode(Object.values(types)[0] ?? new Uint8Array(0));
    const workbook = /<Override\b[^>]*"\/xl\/workbook\.xml"[^>]*>/.exec(xml)?.[0] ?? '';
    return /ContentType="application\/vnd\.ms-excel\.(sheet|template)\.macroEnabled\.main\+xml"/.test(
      workbook,
    );
  } catch {
    return false;
  }
}
