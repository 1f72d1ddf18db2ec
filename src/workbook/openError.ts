import type { OpenError } from './port';

type Code = OpenError['code'];

const MESSAGES: Readonly<Record<Code, (file: string) => string>> = {
  'file.empty': (f) => `「${f}」は空のファイル (0 バイト) です。保存し直したファイルを選んでください。`,
  'file.xls': (f) =>
    `「${f}」は Excel 97-2003 形式 (.xls) です。Excel で開いて「名前を付けて保存」から .xlsx 形式で保存し直してください。`,
  'file.encrypted': (f) =>
    `「${f}」はパスワードで保護されています。パスワードを解除して保存し直してください。`,
  'file.not-xlsx': (f) =>
    `「${f}」は Excel ブック (.xlsx) ではありません (CSV やテキストなど)。Excel で開いて「名前を付けて保存」から .xlsx 形式で保存し直してください。`,
  'file.corrupt': (f) =>
    `「${f}」を Excel ブックとして読み込めませんでした。ファイルが壊れている可能性があります。Excel で開けるか確かめて、保存し直してください。`,
  'file.too-large': (f) =>
    `「${f}」は大きすぎて読み込めません。不要なシートや画像を削除して保存し直してください。`,
};

/** An `OpenError` with its Japanese message naming the file. */
export const openError = (code: Code, file: string, detail?: string): OpenError => ({
  code,
  file,
  message: detail ? `${MESSAGES[code](file)}${detail}` : MESSAGES[code](file),
});
