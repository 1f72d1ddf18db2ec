import { readDepartmentFile } from '../app/readDepartmentFile';
import type { WorkbookSnapshot } from '../domain/extract/snapshot';
import { finding, type Finding } from '../domain/finding';
import { err, ok, type Result } from '../domain/result';
import type { InputPath } from './expandInputs';
import { readInputFile } from './readInputFile';

export interface ReadFile {
  readonly snapshot: WorkbookSnapshot;
  readonly modified: number;
}

/**
 * Read one input workbook (readDepartmentFile: the one reader, nothing left open). A file that cannot be used
 * becomes an error finding placed at the file, with the Japanese reason (not found, a CSV renamed .xlsx, an
 * .xls, password-protected, broken).
 */
export async function readWorkbookFile(input: InputPath): Promise<Result<ReadFile, Finding>> {
  const read = await readInputFile(input.path, input.display);
  if (!read.ok) return err(finding('file.unreadable', 'error', read.error, { file: input.display }));
  const snapshot = await readDepartmentFile(read.value.bytes, input.display);
  if (!snapshot.ok)
    return err(finding(snapshot.error.code, 'error', snapshot.error.message, { file: input.display }));
  return ok({ snapshot: snapshot.value, modified: read.value.modified });
}
