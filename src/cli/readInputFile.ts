import { readFileSync, statSync } from 'node:fs';
import { err, ok, type Result } from '../domain/result';

export interface InputFile {
  /** The bytes as read. */
  readonly bytes: Uint8Array;
  /** Last-modified time (ms since epoch). */
  readonly modified: number;
}

/** Japanese text for a file-system error on `display` (the path as the user wrote it). */
export function fileSystemMessage(error: unknown, display: string): string {
  const code = (error as { code?: unknown }).code;
  switch (code) {
    case 'ENOENT':
      return `「${display}」が見つかりません。ファイル名と場所を確かめてください。`;
    case 'EISDIR':
      return `「${display}」はフォルダーです。ファイルを指定してください。`;
    case 'EACCES':
    case 'EPERM':
      return `「${display}」を読み書きする権限がありません。`;
    case 'EBUSY':
      return `「${display}」はほかのプログラムが使用中です。Excel で開いていれば閉じてください。`;
    case 'EEXIST':
      return `「${display}」という名前のファイルがあるため、そこにフォルダーを作れません。出力先には別のフォルダー名を指定してください。`;
    case 'ENOTDIR':
      return `「${display}」の途中に、フォルダーではなくファイルの名前があります。場所を確かめてください。`;
    case 'ENOSPC':
      return `「${display}」を書き込めません。ディスクの空き容量が足りません。`;
    case 'EROFS':
      return `「${display}」は書き込みできない場所です。別の場所を指定してください。`;
    default:
      return `「${display}」を読み書きできませんでした（${typeof code === 'string' ? code : String(error)}）。`;
  }
}

/**
 * A file's bytes and modified time, or a Japanese reason naming the file. Read synchronously: the CLI does one
 * thing at a time, and reading a batch with fs/promises (chunks through the thread pool) was slower than with
 * readFileSync (bench/RESULTS.md).
 */
export async function readInputFile(path: string, display: string): Promise<Result<InputFile, string>> {
  try {
    const info = statSync(path);
    if (info.isDirectory()) return err(`「${display}」はフォルダーです。ファイルを指定してください。`);
    return ok({ bytes: new Uint8Array(readFileSync(path)), modified: info.mtimeMs });
  } catch (error) {
    return err(fileSystemMessage(error, display));
  }
}
