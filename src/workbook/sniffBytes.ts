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
  /** A zip package without `xl/workbook.xml` (.xlsb, .ods, .docx, a truncated or broken zip…). */
  | 'zip-without-workbook';

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
    return 'not-xlsx';
  }
  if (ZIP_SIGNATURES.some((signature) => startsWith(bytes, signature))) {
    // Zip entry names are stored uncompressed in the local headers and the central directory.
    return contains(bytes, ascii('xl/workbook.xml')) ? 'xlsx' : 'zip-without-workbook';
  }
  return 'not-xlsx';
}
