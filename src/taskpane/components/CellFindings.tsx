import type { Finding } from '../../domain/finding';
import type { CellSelection } from '../hooks/useCellSelection';
import type { HostMode } from '../host';
import { FindingList } from './FindingList';
import { GridPreview } from './GridPreview';
import { useSharedStyles } from './styles';

export interface CellFindingsProps {
  /** The list's accessible name (体系の問題, 様式の問題). */
  readonly label: string;
  readonly findings: readonly Finding[];
  readonly mode: HostMode;
  /** Said after the hint in Excel, where the sheet is edited in place. */
  readonly excelNote?: string;
  readonly selection: CellSelection | undefined;
  readonly onSelectFinding: (finding: Finding, key: string) => void;
}

/**
 * Findings that point at cells of the open workbook: in Excel a click selects the cell, in file mode it shows
 * the sheet around it. One list for the 体系's and the 様式's problems.
 */
export function CellFindings(props: CellFindingsProps) {
  const shared = useSharedStyles();
  return (
    <>
      <span className={shared.hint}>
        {props.mode === 'excel'
          ? `クリックすると、直すセルを選択します。${props.excelNote ?? ''}`
          : 'クリックすると、直すセルの周りを表示します。'}
      </span>
      <FindingList
        label={props.label}
        findings={props.findings}
        onSelect={props.onSelectFinding}
        selectedKey={props.selection?.key}
        previews={props.mode === 'file'}
        preview={
          props.selection?.snapshot && (
            <GridPreview sheet={props.selection.snapshot} cell={props.selection.cell} />
          )
        }
      />
    </>
  );
}
