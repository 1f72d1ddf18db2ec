/**
 * Split an Excel header/footer string (`&L左&C中央&R右`, the form specs and files use) into the left, centre
 * and right sections Office.js sets separately. Codes inside a section (`&P`, `&N`, `&&`) are kept as they are;
 * `&&` is a literal `&`, never a section switch.
 */
export interface HeaderFooterSections {
  readonly left: string;
  readonly center: string;
  readonly right: string;
}

export function splitHeaderFooter(text: string): HeaderFooterSections {
  const parts: Record<'L' | 'C' | 'R', string> = { L: '', C: '', R: '' };
  let section: 'L' | 'C' | 'R' = 'C'; // text before any section code is centred, as in Excel
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] ?? '';
    const next = text[i + 1] ?? '';
    if (ch === '&' && (next === 'L' || next === 'C' || next === 'R')) {
      section = next;
      i += 1;
    } else if (ch === '&' && next !== '') {
      parts[section] += ch + next;
      i += 1;
    } else parts[section] += ch;
  }
  return { left: parts.L, center: parts.C, right: parts.R };
}
