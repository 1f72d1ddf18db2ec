import type { DataValidation, Worksheet } from 'exceljs';

/**
 * ExcelJS 4.4.0 members that exist at runtime but not in its type declarations. Every such access goes
 * through here, so an upgrade has one file to re-check (see node_modules/exceljs/lib/doc/worksheet.js).
 */
interface WorksheetInternals {
  /** lib/doc/data-validations.js: `add(address, rule)` stores the rule under the address (a cell or a range). */
  readonly dataValidations: {
    add(address: string, validation: DataValidation): void;
    readonly model: Readonly<Record<string, DataValidation | undefined>>;
  };
  /** Tab position: `workbook.worksheets` sorts by it; ExcelJS has no "move sheet". */
  orderNo: number;
  /** Merged ranges keyed by their top-left address, 1-based. Cheaper than `ws.model.merges` (which serialises every row). */
  readonly _merges: Readonly<
    Record<string, { top: number; left: number; bottom: number; right: number } | undefined>
  >;
}

export const internals = (ws: Worksheet): WorksheetInternals => ws as unknown as WorksheetInternals;
