import type { ZipWriter } from 'exceljs/lib/utils/zip-stream.js';

type Append = ZipWriter['append'] & { readonly utf8?: true };

/**
 * ExcelJS 4.4.0 in Node hands each XML part to JSZip as a string, and JSZip encodes a string in 16 KB
 * pieces: a character outside the BMP (an emoji, or 𠮷 of 𠮷田) that falls on a piece boundary is cut in
 * two and written as two U+FFFD — silently, and only in Node (in the browser ExcelJS encodes with TextEncoder
 * first). This makes Node do what the browser does: the part is UTF-8 encoded whole before JSZip sees it.
 * The import is skipped by bundlers (`webpackIgnore`) and never runs outside Node.
 */
let patched: Promise<void> | undefined;

export function utf8ZipWriter(): Promise<void> {
  const node =
    typeof process !== 'undefined' &&
    process.versions?.node !== undefined &&
    !(process as { browser?: boolean }).browser;
  if (!node) return Promise.resolve();
  patched ??= import(/* webpackIgnore: true */ 'exceljs/lib/utils/zip-stream.js').then((module) => {
    const proto = (module.ZipWriter ?? module.default.ZipWriter).prototype;
    const original = proto.append as Append;
    if (original.utf8) return;
    const encoder = new TextEncoder();
    const append: Append = Object.assign(
      function (this: ZipWriter, data: unknown, options: { name: string; base64?: boolean }) {
        return original.call(
          this,
          typeof data === 'string' && !options.base64 ? encoder.encode(data) : data,
          options,
        );
      },
      { utf8: true as const },
    );
    proto.append = append;
  });
  return patched;
}
