/**
 * Which names in a folder of returned department files are workbooks to read — one rule for the CLI (a folder
 * on the command line, `--watch`) and the pane (「フォルダーを開く」).
 */
export type FileNameKind =
  /**
   * .xlsx / .xlsm: read it. Also what a department sends in place of its workbook — .xls, .xlsb, .ods saved in
   * another format, a PDF or a Word document of it — read to be refused with what to send instead (受付不可
   * for the department its name names, on its 未提出 rows), not left out unseen.
   */
  | 'workbook'
  /** Excel's `~$総務課.xlsx` (written beside a workbook while it is open) or LibreOffice's `.~lock.総務課.xlsx#`. */
  | 'lock'
  /** Another program's temporary or shadow file: `~WRL0001.tmp`, `*.tmp`, macOS's `._総務課.xlsx`. */
  | 'temp'
  /** Anything else (a memo, an image): not read, named in the note. */
  | 'other';

const WORKBOOK = /\.(xlsx|xlsm|xls|xlsb|ods|pdf|docx?)$/i;
const LOCK = /^~\$|^\.~lock\..*#$/;
const TEMP = /^~|^\._|\.tmp$/i;

export function fileNameKind(name: string): FileNameKind {
  if (LOCK.test(name)) return 'lock';
  if (TEMP.test(name)) return 'temp';
  return WORKBOOK.test(name) ? 'workbook' : 'other';
}

/** Why a file in a folder was not read, in Japanese. */
export const SKIPPED_LABELS: Readonly<Record<Exclude<FileNameKind, 'workbook'>, string>> = {
  lock: 'Excel などがブックを開いている間に作るロックファイル',
  temp: '一時ファイル',
  other: 'Excel ブックではないファイル',
};

export interface SkippedFile {
  /** The path in the folder (`提出/~$総務課.xlsx`). */
  readonly path: string;
  readonly kind: Exclude<FileNameKind, 'workbook'>;
}

const LISTED = 3;
const nameOf = (path: string): string =>
  path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);

/**
 * What was left out of a folder and why, in one sentence, every kind's first names given:
 * `読まなかったファイル: ~$総務課.xlsx（…ロックファイル）、報告.docx（Excel ブックではないファイル）。` A PDF
 * or Word file is often a department's return in the wrong form: 総務課 sees its name.
 */
export function skippedNote(skipped: readonly SkippedFile[]): string | undefined {
  const parts: string[] = [];
  for (const kind of ['lock', 'temp', 'other'] as const) {
    const names = skipped.filter((s) => s.kind === kind).map((s) => nameOf(s.path));
    if (names.length > 0)
      parts.push(
        `${names.slice(0, LISTED).join('、')}${names.length > LISTED ? ` ほか ${names.length - LISTED} 個` : ''}（${SKIPPED_LABELS[kind]}）`,
      );
  }
  return parts.length > 0 ? `読まなかったファイル: ${parts.join('、')}。` : undefined;
}
