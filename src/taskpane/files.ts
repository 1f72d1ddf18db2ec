import type { SourceInput } from '../app/consolidate';

async function bytesOf(file: File): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function') return new Uint8Array(await file.arrayBuffer());
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error(`「${file.name}」を読み込めませんでした。`));
    reader.readAsArrayBuffer(file);
  });
}

/**
 * A picked or dropped file: the use cases' input (name, last-modified time, bytes) and what tells it apart
 * from another file of the same name.
 */
export interface PickedInput extends SourceInput {
  /** Unique on this page: two files of the same name, or one file picked twice, never share an id. */
  readonly id: string;
  /** Where it was picked from, when the browser says (a picked folder's relative path); else its name. */
  readonly path: string;
  readonly size: number;
}

let picks = 0;
const nextId = (): string => `picked-${++picks}`;

/** Picked or dropped files → inputs, each with an id of its own. */
export async function readPickedFiles(files: readonly File[]): Promise<PickedInput[]> {
  return Promise.all(
    files.map(async (file) => ({
      id: nextId(),
      file: file.name,
      path: file.webkitRelativePath || file.name,
      size: file.size,
      modified: file.lastModified,
      bytes: await bytesOf(file),
    })),
  );
}

/** Offer bytes or text as a download through a temporary object URL. */
export function browserDownload(fileName: string, data: Uint8Array | string, mime: string): void {
  const part: BlobPart = typeof data === 'string' ? data : (data.slice().buffer as ArrayBuffer);
  const url = URL.createObjectURL(new Blob([part], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** Bytes → base64, in slices (String.fromCharCode on a whole workbook would overflow the stack). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const slice = 0x8000;
  for (let i = 0; i < bytes.length; i += slice)
    binary += String.fromCharCode(...bytes.subarray(i, i + slice));
  return btoa(binary);
}
