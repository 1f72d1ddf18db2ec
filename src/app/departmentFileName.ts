/**
 * Which names in a folder of returned department files are workbooks to read — one rule for the CLI (a folder
 * on the command line, `--watch`) and the pane (「フォルダーを開く」).
 */
export type FileNameKind =
  /** .xlsx / .xlsm: read it. */
  | 'workbook'
  /** Excel's `~$総務課.xlsx` (written beside a workbook while it is open) or LibreOffice's `.~lock.総務課.xlsx#`. */
  | 'lock'
  /** Another program's temporary or shadow file: `~WRL0001.tmp`, `*.tmp`, macOS's `._総務課.xlsx`. */
  | 'temp'
  /** Anything else (a PDF, a memo): not a workbook, not worth a note each. */
  | 'other';

const WORKBOOK = /\.(xlsx|xlsm)$/i;
const LOCK = /^~\$|^\.~lock\..*#$/;
const TEMP = /^~|^\._|\.tmp$/i;

export function fileNameKind(name: string): FileNameKind {
  if (LOCK.test(name)) return 'lock';
  if (TEMP.test(name)) return 'temp';
  return WORKBOOK.test(name) ? 'workbook' : 'other';
}

/** Why a lock or temporary file was not read, in Japanese. */
export const SKIPPED_LABELS: Readonly<Record<'lock' | 'temp', string>> = {
  lock: 'Excel などがブックを開いている間に作るロックファイル',
  temp: '一時ファイル',
};
