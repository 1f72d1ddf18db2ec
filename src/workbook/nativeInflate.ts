/**
 * The platform's own raw-DEFLATE inflater, where there is one that answers synchronously: Node's zlib (the
 * CLI, the tests, the benchmarks). The browser and the pane's worker have none (DecompressionStream is a
 * stream of promises, and the reader is synchronous), so there fflate inflates every part. zipPackage.ts
 * uses it for parts small enough to inflate in one go; its answer is the one fflate's one-shot inflate gives
 * (zipPackage.test.ts and the hostile corpus check both).
 *
 * Found through process.getBuiltinModule (Node ≥ 20.16), not an import: the same module goes into the
 * pane's bundle, where there is no `node:zlib` to import and no `process`.
 */

/** A part's bytes, `over` when it expands past `limit` (nothing past the limit is kept), `bad` when broken. */
export type RawInflater = (data: Uint8Array, limit: number) => Uint8Array | 'over' | 'bad';

type Zlib = typeof import('node:zlib');

function nodeInflater(): RawInflater | undefined {
  if (typeof process === 'undefined' || typeof process.getBuiltinModule !== 'function') return undefined;
  const zlib = process.getBuiltinModule('node:zlib') as Zlib | undefined;
  if (zlib === undefined) return undefined;
  return (data, limit) => {
    try {
      // maxOutputLength is checked after each chunk zlib writes: a bomb stops one chunk past the limit.
      const out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(limit, 1) + 1 });
      return out.length > limit ? 'over' : new Uint8Array(out.buffer, out.byteOffset, out.length);
    } catch (error) {
      return (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'over' : 'bad';
    }
  };
}

let native: RawInflater | undefined = nodeInflater();

/** The platform's inflater, or undefined where fflate does it all. */
export const nativeInflater = (): RawInflater | undefined => native;

/**
 * Read as a platform without one does (`undefined`: fflate only), or with Node's again (`'platform'`): for
 * the tests of both ways and the benchmark of the pane's path in Node.
 */
export function useNativeInflater(choice: 'platform' | undefined): void {
  native = choice === 'platform' ? nodeInflater() : undefined;
}
