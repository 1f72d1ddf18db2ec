export interface DateMention {
  readonly month: number;
  readonly day: number;
  /** The date as written, e.g. `10/8` or `10月27日`. */
  readonly text: string;
  readonly index: number;
}

// Full-width digits and slash → ASCII, one character for one, so indices stay valid.
const asciiDigits = (s: string): string =>
  s.replace(/[０-９／]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

const SLASH_DATE = /(?<![\d/.])(\d{1,2})\/(\d{1,2})(?![\d/]|\s*(?:相当|程度|以上|以下|の負担))/g;
const KANJI_DATE = /(?<!\d)(\d{1,2})月(\d{1,2})日/g;

/**
 * Calendar dates written in progress text: `7/16`, `(10/8.9)`, `11/20、1/28`, `10月27日`.
 * A bare month (`10月以降に`) is not a date: it is often a plan, not a report.
 */
export function datesInText(text: string): readonly DateMention[] {
  // A date needs a slash or 月: most text has neither, and is not scanned (nor its digits converted).
  const slash = text.includes('/') || text.includes('／');
  const kanji = text.includes('月');
  if (!slash && !kanji) return [];
  const s = asciiDigits(text);
  const out: DateMention[] = [];
  for (const re of slash ? (kanji ? [SLASH_DATE, KANJI_DATE] : [SLASH_DATE]) : [KANJI_DATE])
    for (const m of s.matchAll(re)) {
      const month = Number(m[1]);
      const day = Number(m[2]);
      if (month >= 1 && month <= 12 && day >= 1 && day <= 31)
        out.push({ month, day, text: text.slice(m.index, m.index + m[0].length), index: m.index });
    }
  return out.sort((a, b) => a.index - b.index);
}
