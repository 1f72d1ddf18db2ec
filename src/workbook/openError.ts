import type { OpenError } from './port';
import { otherFormat, sniffBytes, type ByteKind } from './sniffBytes';

type Code = OpenError['code'];

const MESSAGES: Readonly<Record<Code, (file: string) => string>> = {
  'file.empty': (f) => `「${f}」は空のファイル (0 バイト) です。保存し直したファイルを選んでください。`,
  'file.xls': (f) =>
    `「${f}」は Excel 97-2003 形式 (.xls) です。Excel（または LibreOffice Calc）で開いて「名前を付けて保存」から Excel ブック (.xlsx) 形式で保存し直してください。`,
  'file.encrypted': (f) =>
    `「${f}」はパスワードで保護されています。パスワードを解除して保存し直してください。`,
  'file.not-xlsx': (f) =>
    `「${f}」は Excel ブック (.xlsx) ではありません (CSV やテキストなど)。Excel（または LibreOffice Calc）で開いて「名前を付けて保存」から Excel ブック (.xlsx) 形式で保存し直してください。`,
  'file.other-format': (f) => `「${f}」は Excel ブック (.xlsx) ではありません。`,
  'file.corrupt': (f) =>
    `「${f}」を Excel ブックとして読み込めませんでした。ファイルが壊れている可能性があります。Excel で開けるか確かめて、保存し直してください。`,
  'file.too-large': (f) =>
    `「${f}」は大きすぎて読み込めません。不要なシートや画像を削除して保存し直してください。`,
};

const REFUSED: Readonly<Record<Exclude<ByteKind, 'xlsx'>, OpenError['code']>> = {
  empty: 'file.empty',
  encrypted: 'file.encrypted',
  xls: 'file.xls',
  'not-xlsx': 'file.not-xlsx',
  'other-format': 'file.other-format',
  'zip-without-workbook': 'file.corrupt',
};

/**
 * Why bytes are not an .xlsx package every opener refuses before parsing (sniffBytes), or undefined for an
 * .xlsx: 「「報告.docx」は Excel ブック (.xlsx) ではありません。Word の文書 (.docx) です。配布した…」.
 */
export function refusalOf(bytes: Uint8Array, file: string): OpenError | undefined {
  const kind = sniffBytes(bytes);
  if (kind === 'xlsx') return undefined;
  const other = kind === 'other-format' ? otherFormat(bytes) : undefined;
  return openError(REFUSED[kind], file, other && `${other.what} です。${other.fix}`);
}

/** An `OpenError` with its Japanese message naming the file. */
export const openError = (code: Code, file: string, detail?: string): OpenError => ({
  code,
  file,
  message: detail ? `${MESSAGES[code](file)}${detail}` : MESSAGES[code](file),
});
