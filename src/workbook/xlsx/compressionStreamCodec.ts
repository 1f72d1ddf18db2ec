import type { ZipCodec } from './zipWriter';

/** Raw DEFLATE of a whole part through the platform's CompressionStream, read back as one array. */
async function deflateRaw(data: Uint8Array): Promise<Uint8Array> {
  const stream = new CompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  // Written while it is read: the stream's queue would otherwise hold the write back.
  const written = writer.write(data as Uint8Array<ArrayBuffer>).then(() => writer.close());
  written.catch(() => undefined); // reported by the await below, once the reading has stopped
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
  }
  await written;
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/**
 * The platform's own DEFLATE, where it has one for raw DEFLATE: `CompressionStream('deflate-raw')` (Chromium,
 * Edge's WebView2 and Safari 16.4+ in the pane; Node 20 as a global). Native code, much faster than fflate's
 * JavaScript DEFLATE on a master's sheets; asynchronous, so the zip writer awaits each part. Undefined where it
 * is missing or does not know 'deflate-raw' (the caller falls back to fflate's own DEFLATE).
 */
export function compressionStreamCodec(): ZipCodec | undefined {
  if (typeof CompressionStream !== 'function') return undefined;
  try {
    new CompressionStream('deflate-raw');
  } catch {
    return undefined;
  }
  return { deflateRaw };
}
