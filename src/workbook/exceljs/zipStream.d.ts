/** The one ExcelJS internal Suishin touches (utf8ZipWriter.ts): the class that hands parts to JSZip. */
declare module 'exceljs/lib/utils/zip-stream.js' {
  export class ZipWriter {
    append(data: unknown, options: { name: string; base64?: boolean }): void;
  }
  const zipStream: { ZipWriter: typeof ZipWriter };
  export default zipStream;
}
