import { unzipSync } from 'fflate';

const decoder = new TextDecoder();

/** A part name as ExcelJS keys it: without one leading `/`. */
const partName = (name: string): string => (name.startsWith('/') ? name.slice(1) : name);

/**
 * Inflate only the parts `wanted` picks, as UTF-8 text, keyed by part name; `names` lists every file part of
 * the package in zip order. fflate, not JSZip: faster for the few parts a snapshot needs. Call only
 * after checkPackage has bounded what the parts may expand to. Throws on a zip fflate cannot read.
 */
export function unzipText(
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
): { readonly names: string[]; readonly parts: Map<string, string> } {
  const names: string[] = [];
  const files = unzipSync(bytes, {
    filter: ({ name }) => {
      if (name.endsWith('/')) return false;
      names.push(partName(name));
      return wanted(partName(name));
    },
  });
  const parts = new Map<string, string>();
  for (const [name, data] of Object.entries(files)) parts.set(partName(name), decoder.decode(data));
  return { names, parts };
}
