import { OfficeOperationError } from './officeErrors';

/**
 * A workbook whose structure is protected refuses to add, delete, rename, move, hide or unhide sheets
 * (ExcelApi 1.7 `workbook.protection.protected`: "Specifies if the workbook is protected"; Excel.WorkbookProtection
 * reference). Checked in the first sync of every operation that changes sheets, so that nothing is half done
 * and the user is told what to do instead of a bare AccessDenied.
 */
export const STRUCTURE_PROTECTED_MESSAGE =
  'ブックの構成が保護されているため、シートを追加・削除できません。［校閲］タブの［ブックの保護］をクリックして保護を解除し（パスワードを聞かれたら入力してください）、もう一度実行してください。';

/** Queue the read of the workbook's protection (ExcelApi 1.7, below the adapter's minimum 1.8). */
export const queueStructureCheck = (context: Excel.RequestContext): Excel.WorkbookProtection =>
  context.workbook.protection.load('protected');

/** After the sync: throw the Japanese "unprotect the workbook" error when the structure is protected. */
export function checkWorkbookStructure(protection: Excel.WorkbookProtection): void {
  if (protection.protected) throw new OfficeOperationError('AccessDenied', STRUCTURE_PROTECTED_MESSAGE);
}
