/**
 * Bounds on what a department file may make us read, checked on the raw bytes before any parser runs.
 * A department workbook of text is well under 1 MB; these limits leave a wide margin and stop zip bombs
 * (a small file that expands to gigabytes) and absurd files before they cost memory.
 */
export const READ_LIMITS = {
  /** The file itself. */
  maxFileBytes: 30 * 1024 * 1024,
  /** The sum of the sizes the zip declares for its parts once expanded. */
  maxUncompressedBytes: 200 * 1024 * 1024,
  /** Parts in the package (sheets, styles, drawings…). */
  maxZipEntries: 5_000,
  /** One part may not expand more than this many times its compressed size (XML compresses ~10-20×). */
  maxCompressionRatio: 200,
} as const;

export type LimitBreach =
  | { readonly kind: 'file-size'; readonly bytes: number }
  | { readonly kind: 'uncompressed-size'; readonly bytes: number }
  | { readonly kind: 'entries'; readonly count: number }
  | { readonly kind: 'ratio'; readonly entry: string; readonly ratio: number };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/**
 * Check a zip package against READ_LIMITS using its central directory (no inflation). Undefined when
 * within limits or when the bytes are not a readable zip (the parser then reports it as corrupt).
 */
export function checkReadLimits(bytes: Uint8Array, limits: typeof READ_LIMITS = READ_LIMITS): LimitBreach | undefined {
  if (bytes.length > limits.maxFileBytes) return { kind: 'file-size', bytes: bytes.length };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 22 + 65535 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--)
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  if (eocd < 0) return undefined;
  const count = view.getUint16(eocd + 10, true);
  if (count > limits.maxZipEntries) return { kind: 'entries', count };
  let offset = view.getUint32(eocd + 16, true);
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL) return undefined;
    const compressed = view.getUint32(offset + 20, true);
    const uncompressed = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extra = view.getUint16(offset + 30, true);
    const comment = view.getUint16(offset + 32, true);
    total += uncompressed;
    if (total > limits.maxUncompressedBytes) return { kind: 'uncompressed-size', bytes: total };
    if (uncompressed > 1024 * 1024 && uncompressed / Math.max(compressed, 1) > limits.maxCompressionRatio) {
      const entry = new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
      return { kind: 'ratio', entry, ratio: Math.round(uncompressed / Math.max(compressed, 1)) };
    }
    offset += 46 + nameLength + extra + comment;
  }
  return undefined;
}

const mb = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`;

/** Japanese detail for the rejection message: what was too large and what the limit is. */
export function describeBreach(b: LimitBreach, limits: typeof READ_LIMITS = READ_LIMITS): string {
  switch (b.kind) {
    case 'file-size':
      return `ファイルの大きさが ${mb(b.bytes)} あります（上限 ${mb(limits.maxFileBytes)}）。`;
    case 'uncompressed-size':
      return `展開すると ${mb(b.bytes)} を超えます（上限 ${mb(limits.maxUncompressedBytes)}）。`;
    case 'entries':
      return `ファイル内の部品が ${b.count} 個あります（上限 ${limits.maxZipEntries} 個）。`;
    case 'ratio':
      return `ファイル内の「${b.entry}」が異常に高い圧縮率（${b.ratio} 倍）で、展開すると非常に大きくなります。`;
  }
}
