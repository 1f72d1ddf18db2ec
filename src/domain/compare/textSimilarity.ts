/**
 * Comparing what departments wrote: the same text (after normalization), a near copy (character-trigram
 * similarity, or equal once dates and numbers are masked), or a different text. The rules built on it:
 * unchanged from last year, 前期 = 後期, near-duplicate sheets.
 *
 * Cost: a text is prepared once (`textProfile`: normalized, masked and its trigram counts, linear in its
 * length); comparing two profiles is linear in the smaller one (a Map lookup per trigram), and skips the
 * trigram count when the lengths alone rule out a near match.
 */

/** Texts at least this similar (trigram Dice coefficient) are near copies. */
export const NEAR_SIMILARITY = 0.9;

/** What a masked date, year or number reads as in `maskedForCompare` (a character no answer uses). */
export const MASK = '〓';

/**
 * Equal-once-masked counts only when the masked text keeps at least this many other characters: `7/16` and
 * `8/20` are not "the same text with the dates changed", `・研修会 7/16` and `・研修会 8/20` are.
 */
export const MIN_MASKED_CONTENT = 4;

// Middle dots: ・ (U+30FB), ･ (U+FF65, NFKC → ・ already), · • ‧ ∙ ⋅.
const MIDDLE_DOTS = /[\u00B7\u2022\u2027\u2219\u22C5\uFF65]/g;
// Dash-like characters (not ー U+30FC, the long-vowel mark, which is a letter).
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const WAVES = /[\u301C\u3030\u223C\uFF5E]/g;
const OPENING = /[【〔［[〈《｛{〘〖]/g;
const CLOSING = /[】〕］\]〉》｝}〙〗]/g;
const OPENING_QUOTES = /[『“‘]/g;
const CLOSING_QUOTES = /[』”’]/g;
const WHITESPACE = /[\s\u00A0\u2000-\u200B\u3000\uFEFF]+/g;
// 句読点 and their variants (、 ， , ､ 。 ． . ｡), except a point or comma inside a number (1.5, 1,000).
const STOPS = /[、､。｡]|(?<!\d)[.,]|[.,](?!\d)/g;

/** NFKC (full/half width), then one form for each punctuation variant; spacing and 句読点 are kept. */
function fold(text: string): string {
  return text
    .normalize('NFKC')
    .replace(MIDDLE_DOTS, '・')
    .replace(DASHES, '-')
    .replace(WAVES, '~')
    .replace(OPENING, '(')
    .replace(CLOSING, ')')
    .replace(OPENING_QUOTES, '「')
    .replace(CLOSING_QUOTES, '」')
    .toLowerCase();
}

const strip = (folded: string): string => folded.replace(WHITESPACE, '').replace(STOPS, '');

/**
 * The text as compared: NFKC (全角/半角 folded: `２０２０` = `2020`, `ｶﾀｶﾅ` = `カタカナ`), one form per
 * punctuation variant (・/･/•, dashes, wave dashes, brackets 【〔［ → `(`, quotes 『“ → 「), Latin letters in
 * lower case, and no whitespace, line breaks or 句読点 (、。，．): re-wrapping a line or ending a sentence
 * with 。 does not make a text new.
 */
export const normalizeForCompare = (text: string): string => strip(fold(text));

// Years: 令和2年度, 令和元年, 平成31年度, R2, R3年度, H31, 2020年度, 2020年.
const ERA_YEAR = /(?:令和|平成|昭和)\s*(?:元|\d{1,2})\s*年度?/g;
const LETTER_YEAR = /(?<![a-z])[rh]\s*(?:元|\d{1,2})(?:\s*年度?)?(?![a-z\d])/g;
const WESTERN_YEAR = /(?<!\d)\d{4}\s*年度?/g;
// Dates: 7/16, 2020/7/16, (10/8.9) → (〓.9), 7月16日, 7月, 16日.
const SLASH_DATE = /(?<!\d)\d{1,4}(?:\s*\/\s*\d{1,2}){1,2}(?!\d)/g;
const KANJI_DATE = /(?<!\d)(?:\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|\d{1,2}\s*日)/g;
const NUMBER = /\d+(?:[.,]\d+)*/g;
const MASK_RUN = new RegExp(`${MASK}+`, 'g');

const maskDates = (folded: string): string =>
  folded
    .replace(ERA_YEAR, MASK)
    .replace(LETTER_YEAR, MASK)
    .replace(WESTERN_YEAR, MASK)
    .replace(SLASH_DATE, MASK)
    .replace(KANJI_DATE, MASK);

const finishMasked = (masked: string): string => strip(masked).replace(MASK_RUN, MASK);

/**
 * `normalizeForCompare` with every year, date and number replaced by `MASK` (a run of them by one):
 * `7/16`, `7月16日`, `R2`, `令和2年度`, `2020年`, `30名` → `〓`, `〓`, `〓`, `〓`, `〓`, `〓名`.
 * Two texts equal here differ at most in their dates and numbers.
 */
export const maskedForCompare = (text: string): string =>
  finishMasked(maskDates(fold(text)).replace(NUMBER, MASK));

/** Like `maskedForCompare`, masking only years and dates (`30名` stays). */
export const datesMaskedForCompare = (text: string): string => finishMasked(maskDates(fold(text)));

/** A text prepared for many comparisons: build once per text, compare with `compareProfiles`. */
export interface TextProfile {
  readonly normalized: string;
  readonly masked: string;
  readonly datesMasked: string;
  /**
   * Character trigrams of `normalized`, with their counts: built on first use, since most comparisons end on
   * the length bound or on equality without them (a consolidation compares every entry's 前期 with its 後期).
   */
  readonly grams: ReadonlyMap<number | string, number>;
  /** Number of trigrams (with repeats): the size of the multiset. */
  readonly gramCount: number;
}

/**
 * The multiset of character trigrams (by code point). A text shorter than 3 characters has one gram, itself,
 * so it matches only an equal text; the empty text has none. A trigram of BMP characters is keyed by one
 * number (c0·2³² + c1·2¹⁶ + c2, exact in a double), others by their string.
 */
function trigrams(normalized: string): { grams: Map<number | string, number>; count: number } {
  const chars = Array.from(normalized);
  const grams = new Map<number | string, number>();
  if (chars.length === 0) return { grams, count: 0 };
  if (chars.length < 3) return { grams: grams.set(normalized, 1), count: 1 };
  const codes = chars.map((c) => c.codePointAt(0)!);
  for (let i = 0; i + 3 <= codes.length; i++) {
    const [c0, c1, c2] = [codes[i]!, codes[i + 1]!, codes[i + 2]!];
    const gram =
      c0 < 0x10000 && c1 < 0x10000 && c2 < 0x10000
        ? c0 * 2 ** 32 + c1 * 2 ** 16 + c2
        : chars[i]! + chars[i + 1]! + chars[i + 2]!;
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return { grams, count: codes.length - 2 };
}

export function textProfile(text: string): TextProfile {
  const folded = fold(text);
  const normalized = strip(folded);
  const dates = maskDates(folded);
  const length = Array.from(normalized).length;
  let grams: ReadonlyMap<number | string, number> | undefined;
  return {
    normalized,
    masked: finishMasked(dates.replace(NUMBER, MASK)),
    datesMasked: finishMasked(dates),
    get grams() {
      return (grams ??= trigrams(normalized).grams);
    },
    gramCount: length === 0 ? 0 : length < 3 ? 1 : length - 2,
  };
}

/**
 * The Dice coefficient of the two texts' trigram multisets, 2·|A∩B| / (|A| + |B|), from 0 to 1. Multisets,
 * not sets, so that a text repeated twice is not "the same" as the text once. Empty texts have similarity 0
 * with everything (even another empty text): there is nothing to compare.
 */
export function profileSimilarity(a: TextProfile, b: TextProfile): number {
  if (a.gramCount === 0 || b.gramCount === 0) return 0;
  const [small, large] = a.grams.size <= b.grams.size ? [a, b] : [b, a];
  let shared = 0;
  for (const [gram, n] of small.grams) shared += Math.min(n, large.grams.get(gram) ?? 0);
  return (2 * shared) / (a.gramCount + b.gramCount);
}

/** Trigram Dice similarity of two texts after `normalizeForCompare` (see `profileSimilarity`). */
export const trigramSimilarity = (a: string, b: string): number =>
  profileSimilarity(textProfile(a), textProfile(b));

export type TextComparison =
  | { readonly kind: 'same' }
  | {
      readonly kind: 'near';
      /** Trigram Dice similarity of the normalized texts. */
      readonly similarity: number;
      /** The texts are equal once dates and numbers are masked (`maskedForCompare`). */
      readonly onlyDatesChanged: boolean;
      /** With `onlyDatesChanged`: also equal with only years and dates masked (no other number changed). */
      readonly onlyYearsAndDates?: boolean;
    }
  | { readonly kind: 'different' };

const content = (masked: string): number => Array.from(masked.replaceAll(MASK, '')).length;

/**
 * `same`: equal after `normalizeForCompare` and not empty (an empty text is never the same text as anything).
 * `near`: trigram similarity ≥ `NEAR_SIMILARITY`, or equal once dates and numbers are masked (with at least
 * `MIN_MASKED_CONTENT` other characters). `different`: anything else.
 */
export function compareProfiles(a: TextProfile, b: TextProfile): TextComparison {
  if (a.normalized === '' || b.normalized === '') return { kind: 'different' };
  if (a.normalized === b.normalized) return { kind: 'same' };
  if (a.masked === b.masked && content(a.masked) >= MIN_MASKED_CONTENT)
    return {
      kind: 'near',
      similarity: profileSimilarity(a, b),
      onlyDatesChanged: true,
      onlyYearsAndDates: a.datesMasked === b.datesMasked,
    };
  // Dice can reach at most 2·min / (|A| + |B|): lengths too far apart cannot be near.
  const bound = (2 * Math.min(a.gramCount, b.gramCount)) / (a.gramCount + b.gramCount);
  if (bound < NEAR_SIMILARITY) return { kind: 'different' };
  const similarity = profileSimilarity(a, b);
  return similarity >= NEAR_SIMILARITY
    ? { kind: 'near', similarity, onlyDatesChanged: false }
    : { kind: 'different' };
}

/** `compareProfiles` of two texts; prepare profiles once instead when one text meets many. */
export const compareTexts = (a: string, b: string): TextComparison =>
  compareProfiles(textProfile(a), textProfile(b));

/**
 * Rules compare only texts with at least this many characters once normalized: なし, 特になし, 該当なし and
 * 実績なし repeat from sheet to sheet and year to year without being copies.
 */
export const MIN_COMPARED_LENGTH = 5;

/** Long enough for a rule to call it a copy (see `MIN_COMPARED_LENGTH`). */
export const isComparable = (p: TextProfile): boolean =>
  Array.from(p.normalized).length >= MIN_COMPARED_LENGTH;

/** `same` or `near`. */
export const isCopy = (c: TextComparison): c is Exclude<TextComparison, { kind: 'different' }> =>
  c.kind !== 'different';
