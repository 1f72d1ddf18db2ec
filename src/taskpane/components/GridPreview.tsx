import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { cellAddress, columnLetters, parseCellAddress } from '../../domain/cellAddress';
import { cellText, isColumnHidden, type SheetSnapshot } from '../../domain/extract/snapshot';

const useStyles = makeStyles({
  root: {
    marginTop: tokens.spacingVerticalXS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    overflowX: 'auto',
  },
  caption: {
    textAlign: 'left',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  address: { display: 'block', fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  /** The whole value of the cell: the grid below can only show its beginning. */
  value: {
    display: '-webkit-box',
    WebkitLineClamp: 3,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    color: tokens.colorNeutralForeground1,
  },
  empty: { color: tokens.colorNeutralForeground3 },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    tableLayout: 'fixed',
    fontSize: tokens.fontSizeBase100,
    lineHeight: tokens.lineHeightBase100,
  },
  head: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
    padding: '2px',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    textAlign: 'center',
  },
  rowHead: { width: '28px' },
  /** The cell's column gets the room: it is what the finding is about. */
  targetColumn: { width: '34%' },
  cell: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: '2px 4px',
    height: '20px',
    verticalAlign: 'top',
    maxWidth: '0',
  },
  /** Two lines of a cell, then an ellipsis (labels like 評価・検証 wrap instead of being cut at 320 px). */
  clamp: {
    display: '-webkit-box',
    WebkitLineClamp: 2,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
    overflowWrap: 'anywhere',
  },
  target: {
    outline: `2px solid ${tokens.colorPaletteRedBorder2}`,
    outlineOffset: '-2px',
    backgroundColor: tokens.colorPaletteRedBackground1,
  },
});

const ROWS_AROUND = 3;
/** More columns to the left: a form's labels are there (R2: 目標の達成 in A, the value in D). */
const COLUMNS_BEFORE = 3;
const COLUMNS_AFTER = 2;

/** A read-only window of a sheet around one cell, the cell outlined: file mode has no Excel to select in. */
export function GridPreview({ sheet, cell }: { sheet: SheetSnapshot; cell: string }) {
  const s = useStyles();
  const at = parseCellAddress(cell);
  if (!at) return null;
  const rows = range(Math.max(0, at.row - ROWS_AROUND), at.row + ROWS_AROUND);
  const columns = columnsAround(sheet, at.column, COLUMNS_BEFORE, COLUMNS_AFTER);
  const value = cellText(sheet.values[at.row]?.[at.column]);
  return (
    <div className={s.root}>
      <table className={s.table} aria-label={`シート「${sheet.name}」のセル ${cell} 付近`}>
        <caption className={s.caption}>
          <span className={s.address}>
            {sheet.name}!{cellAddress(at.row, at.column)}
          </span>
          {value.trim() === '' ? (
            <span className={mergeClasses(s.value, s.empty)}>（空欄）</span>
          ) : (
            <span className={s.value} title={value}>
              {value}
            </span>
          )}
        </caption>
        <colgroup>
          <col className={s.rowHead} />
          {columns.map((c) => (
            <col key={c} className={c === at.column ? s.targetColumn : undefined} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th className={mergeClasses(s.head, s.rowHead)} aria-hidden="true" />
            {columns.map((c) => (
              <th key={c} scope="col" className={s.head}>
                {columnLetters(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r}>
              <th scope="row" className={mergeClasses(s.head, s.rowHead)}>
                {r + 1}
              </th>
              {columns.map((c) => {
                const text = cellText(sheet.values[r]?.[c]);
                const isTarget = r === at.row && c === at.column;
                return (
                  <td
                    key={c}
                    className={mergeClasses(s.cell, isTarget && s.target)}
                    title={text || undefined}
                    aria-current={isTarget ? 'true' : undefined}
                  >
                    <div className={s.clamp}>{text}</div>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Excel's last column (XFD), 0-based. */
const LAST_COLUMN = 16383;

/**
 * The cell's column, up to `before` columns left of it and `after` right of it that Excel shows: hidden
 * ones (Suishin's metadata column F, a department's own) are left out, as in the sheet, so the letters skip
 * them too.
 */
export function columnsAround(sheet: SheetSnapshot, column: number, before: number, after: number): number[] {
  const left: number[] = [];
  for (let c = column - 1; c >= 0 && left.length < before; c--)
    if (!isColumnHidden(sheet, c)) left.unshift(c);
  const right: number[] = [];
  for (let c = column + 1; c <= LAST_COLUMN && right.length < after; c++)
    if (!isColumnHidden(sheet, c)) right.push(c);
  return [...left, column, ...right];
}

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);
