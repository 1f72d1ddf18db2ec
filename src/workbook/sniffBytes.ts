/**
 * What a file's bytes look like, before any parser sees them: enough to tell a department *why* a file is
 * not a workbook we can read (an old .xls, a password-protected book, a CSV renamed to .xlsx…).
 */
export type ByteKind =
  | 'empty'
  /** OLE compound file (CFB) holding an encrypted OOXML package (a password-protected .xlsx). */
  | 'encrypted'
  /** OLE compound file with a `Workbook`/`Book` stream: Excel 97-2003 (.xls). */
  | 'xls'
  /** Neither a zip nor a CFB workbook: CSV, text, HTML, a PDF, random bytes, another CFB document. */
  | 'not-xlsx'
  /** A zip package whose parts include `xl/workbook.xml` (.xlsx, .xlsm, .xltx). */
  | 'xlsx'
  /** Another program's file a department sends instead (a PDF, a Word document, an .ods): see otherFormat. */
  | 'other-format'
  /** A zip package without `xl/workbook.xml` or any format otherFormat knows (a truncated or broken zip…). */
  | 'zip-without-workbook';

/** A file format sent in place of the workbook: what it is, and what the department does instead. */
export interface OtherFormat {
  /** 「Word の文書 (.docx)」. */
  readonly what: string;
  readonly fix: string;
}

const FILL_THE_WORKBOOK = '配布した取組項目シートのブック (.xlsx) に記入して、そのブックを提出してください。';
const SAVE_AS_XLSX =
  'Excel（または LibreOffice Calc）で開いて「名前を付けて保存」から Excel ブック (.xlsx) 形式で保存し直してください。';

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_SIGNATURES = [
  [0x50, 0x4b, 0x03, 0x04], // local file header
  [0x50, 0x4b, 0x05, 0x06], // end of central directory (empty zip)
];

const ascii = (text: string): number[] => Array.from(text, (c) => c.charCodeAt(0));
/** CFB directory entry names are UTF-16LE. */
const utf16le = (text: string): number[] => Array.from(text).flatMap((c) => [c.charCodeAt(0), 0]);

const startsWith = (bytes: Uint8Array, signature: readonly number[]): boolean =>
  bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);

function contains(bytes: Uint8Array, pattern: readonly number[]): boolean {
  const first = pattern[0];
  const last = bytes.length - pattern.length;
  for (let i = bytes.indexOf(first ?? 0); i !== -1 && i <= last; i = bytes.indexOf(first ?? 0, i + 1)) {
    let j = 1;
    while (j < pattern.length && bytes[i + j] === pattern[j]) j += 1;
    if (j === pattern.length) return true;
  }
  return false;
}

export function sniffBytes(bytes: Uint8Array): ByteKind {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, CFB_SIGNATURE)) {
    if (contains(bytes, utf16le('EncryptionInfo'))) return 'encrypted';
    if (contains(bytes, utf16le('Workbook')) || contains(bytes, utf16le('Book'))) return 'xls';
    return otherFormat(bytes) ? 'other-format' : 'not-xlsx';
  }
  if (ZIP_SIGNATURES.some((signature) => startsWith(bytes, signature))) {
    // Zip entry names are stored uncompressed in the local headers and the central directory.
    if (contains(bytes, ascii('xl/workbook.xml'))) return 'xlsx';
    return otherFormat(bytes) ? 'other-format' : 'zip-without-workbook';
  }
  return otherFormat(bytes) ? 'other-format' : 'not-xlsx';
}

/**
 * The formats departments send in place of the workbook, told by their signatures: a PDF (`%PDF-`); Word,
 * PowerPoint and Excel's binary book by their zip parts (`word/document.xml`, `ppt/presentation.xml`,
 * `xl/workbook.bin`); OpenDocument by its stored `mimetype`; Word 97-2003 by its `WordDocument` stream.
 */
export function otherFormat(bytes: Uint8Array): OtherFormat | undefined {
  if (startsWith(bytes, ascii('%PDF-'))) return { what: 'PDF', fix: FILL_THE_WORKBOOK };
  if (startsWith(bytes, CFB_SIGNATURE))
    return contains(bytes, utf16le('WordDocument'))
      ? { what: 'Word 97-2003 の文書 (.doc)', fix: FILL_THE_WORKBOOK }
      : undefined;
  if (!ZIP_SIGNATURES.some((signature) => startsWith(bytes, signature))) return undefined;
  if (contains(bytes, ascii('xl/workbook.bin')))
    return { what: 'Excel バイナリ ブック (.xlsb)', fix: SAVE_AS_XLSX };
  if (contains(bytes, ascii('application/vnd.oasis.opendocument.spreadsheet')))
    return {
      what: 'OpenDocument スプレッドシート (.ods)',
      fix: 'LibreOffice などで開いて「名前を付けて保存」から Excel 2007-365 (.xlsx) 形式で保存し直してください。',
    };
  if (contains(bytes, ascii('word/document.xml')))
    return { what: 'Word の文書 (.docx)', fix: FILL_THE_WORKBOOK };
  if (contains(bytes, ascii('ppt/presentation.xml')))
    return { what: 'PowerPoint のプレゼンテーション (.pptx)', fix: FILL_THE_WORKBOOK };
  if (contains(bytes, ascii('application/vnd.oasis.opendocument.text')))
    return { what: 'OpenDocument テキスト (.odt)', fix: FILL_THE_WORKBOOK };
  return undefined;
}
