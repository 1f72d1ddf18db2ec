import { useCallback, useState } from 'react';
import type { SheetSnapshot } from '../../domain/extract/snapshot';
import type { Finding } from '../../domain/finding';
import { errorMessage } from '../errors';
import type { Host } from '../host';

export interface CellSelection {
  readonly key: string;
  readonly sheet: string;
  readonly cell: string;
  /** File mode: the sheet, for a read-only preview around the cell. */
  readonly snapshot?: SheetSnapshot;
}

/**
 * Go to a finding's cell: in Excel, select it; in file mode there is no Excel to select in, so the cell
 * also becomes the saved file's active cell and the pane shows the sheet around it.
 */
export function useCellSelection(host: Host) {
  const [selection, setSelection] = useState<CellSelection | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);

  const select = useCallback(
    async (finding: Finding, key: string) => {
      const { sheet, cell } = finding.place;
      const port = host.getSnapshot().port;
      if (!port || sheet === undefined || cell === undefined) return;
      setError(undefined);
      try {
        await port.selectCell(sheet, cell);
        const snapshot = host.mode === 'file' ? (await port.readSnapshot([sheet])).sheets[0] : undefined;
        setSelection({ key, sheet, cell, ...(snapshot && { snapshot }) });
      } catch (e) {
        setError(errorMessage(e).message);
      }
    },
    [host],
  );
  const clear = useCallback(() => setSelection(undefined), []);
  return { selection, error, select, clear };
}
