import { finding, type Finding } from '../domain/finding';
import { err, ok, type Result } from '../domain/result';
import { excelJsFactory } from '../workbook/exceljs/excelJsFactory';
import type { FileWorkbookPort } from '../workbook/port';
import type { InputPath } from './expandInputs';
import { readInputFile } from './readInputFile';

export interface OpenedFile {
  readonly port: FileWorkbookPort;
  readonly modified: number;
}

/**
 * Read and open one input workbook. A file that cannot be used becomes an error finding placed at the
 * file, with the Japanese reason (not found, a CSV renamed .xlsx, an .xls, password-protected, broken).
 */
export async function openWorkbookFile(input: InputPath): Promise<Result<OpenedFile, Finding>> {
  const read = await readInputFile(input.path, input.display);
  if (!read.ok) return err(finding('file.unreadable', 'error', read.error, { file: input.display }));
  const opened = await excelJsFactory.open(read.value.bytes, input.display);
  if (!opened.ok)
    return err(finding(opened.error.code, 'error', opened.error.message, { file: input.display }));
  return ok({ port: opened.value, modified: read.value.modified });
}
