/**
 * Request size accounting. Excel on the web refuses a request over 5 MB; the adapter estimates what each
 * piece of work adds to a request (office.js sends every property set or method call as an action with its
 * object path, plus the arguments as JSON) and packs work into syncs of at most `CHUNK_BYTES`.
 */
export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;
export const CHUNK_BYTES = 4 * 1024 * 1024;
/**
 * One property set or method call, with the object path and `Instantiate` action office.js sends for each
 * new proxy it touches: measured ≈ 280 bytes on average over R2's sheets, rounded up for a margin.
 */
export const ACTION_BYTES = 320;

/** UTF-8 size of a string (Japanese text is 3 bytes a character). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

/** Bytes a request spends on `actions` commands carrying `data` as arguments. */
export const estimateBytes = (actions: number, ...data: readonly unknown[]): number =>
  actions * ACTION_BYTES +
  data.reduce<number>((sum, d) => sum + (d === undefined ? 0 : utf8Bytes(JSON.stringify(d))), 0);

/** Consecutive items packed into chunks of at most `budget` bytes (an item over budget gets a chunk of its own). */
export function packChunks<T extends { readonly bytes: number }>(
  items: readonly T[],
  budget = CHUNK_BYTES,
  firstBytes = 0,
): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let size = firstBytes;
  for (const item of items) {
    if (current.length > 0 && size + item.bytes > budget) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += item.bytes;
  }
  if (current.length > 0 || chunks.length === 0) chunks.push(current);
  return chunks;
}
