import type { WorkbookSnapshot } from '../domain/extract/snapshot';
import type { Result } from '../domain/result';
import type { OpenError } from '../workbook/port';
import { readXlsxSnapshot } from '../workbook/xlsx/readXlsxSnapshot';

/**
 * Read a department file: its .xlsx / .xlsm bytes → the snapshot of every sheet, or the reason it cannot be
 * read (empty, .xls, encrypted, not a workbook, broken, past the read limits), in Japanese naming the file.
 * The one reader (readXlsxSnapshot) for every command and the pane's worker; nothing stays open afterwards.
 * Extract and validate then work on the snapshot (readSnapshot, validateSnapshot), consolidate on readSource.
 */
export const readDepartmentFile = (
  bytes: Uint8Array,
  file: string,
  /** Only these sheets (all when omitted). */
  sheets?: readonly string[],
): Promise<Result<WorkbookSnapshot, OpenError>> => readXlsxSnapshot(bytes, file, sheets ? { sheets } : {});
