import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

/** The workbook part's content type of an .xlsm. */
export const XLSM_TYPE = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';

/**
 * Test helper: a saved workbook made macro-enabled part by part: `vbaProject` as xl/vbaProject.bin, its
 * relationship from workbook.xml, the .bin content type, and the workbook part declared as `workbookType`
 * (an .xlsm's by default; an .xltm's for a macro-enabled template).
 */
export function withVbaProject(
  bytes: Uint8Array,
  vbaProject: Uint8Array,
  workbookType: string = XLSM_TYPE,
): Uint8Array {
  const parts = unzipSync(bytes);
  const text = (name: string) => (parts[name] ? strFromU8(parts[name]) : '');
  parts['[Content_Types].xml'] = strToU8(
    text('[Content_Types].xml')
      .replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', workbookType)
      .replace(
        '<Default ',
        '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default ',
      ),
  );
  parts['xl/_rels/workbook.xml.rels'] = strToU8(
    text('xl/_rels/workbook.xml.rels').replace(
      '</Relationships>',
      '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
    ),
  );
  parts['xl/vbaProject.bin'] = vbaProject;
  return zipSync(parts);
}
