/**
 * A text's length in characters as people count them (code points: 𠮷 is one), as `[...text].length` counts
 * it — a lone surrogate counts as one too — without building the array (texts of every entry are measured).
 */
export function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++, n++) if (text.codePointAt(i)! > 0xffff) i++;
  return n;
}
