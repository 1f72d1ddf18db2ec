import { codePointLength } from '../text/codePointLength';

/**
 * Comparing what departments wrote: the same text (after normalization), a near copy (character-trigram
 * similarity, or equal once dates and numbers are masked), or a different text. The rules built on it:
 * unchanged from last year, 前期 = 後期, near-duplicate sheets.
 *
 * Cost: a text is prepared once (`textProfile`: normalized, linear in its length; masked and its sorted
 * trigrams when first needed); comparing two profiles is linear in their lengths (one merge of the sorted
 * trigrams), and skips the trigrams when the lengths alone rule out a near match.
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
const MIDDLE_DOTS = '\u00B7\u2022\u2027\u2219\u22C5\uFF65';
// Dash-like characters (not ー U+30FC, the long-vowel mark, which is a letter).
const DASHES = '\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D';
const WAVES = '\u301C\u3030\u223C\uFF5E';
const OPENING = '【〔［[〈《｛{〘〖';
const CLOSING = '】〕］]〉》｝}〙〗';
const OPENING_QUOTES = '『“‘';
const CLOSING_QUOTES = '』”’';
/** Each punctuation variant → its one form. No form is itself a variant, so one pass does them all. */
const FOLDS = new Map<string, string>(
  (
    [
      [MIDDLE_DOTS, '・'],
      [DASHES, '-'],
      [WAVES, '~'],
      [OPENING, '('],
      [CLOSING, ')'],
      [OPENING_QUOTES, '「'],
      [CLOSING_QUOTES, '」'],
    ] as const
  ).flatMap(([variants, form]) => Array.from(variants, (v) => [v, form] as const)),
);
const VARIANTS = new RegExp(
  `[${[...FOLDS.keys()].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]`,
  'g',
);
const WHITESPACE = /[\s\u00A0\u2000-\u200B\u3000\uFEFF]+/g;
// 句読点 and their variants (、 ， , ､ 。 ． . ｡), except a point or comma inside a number (1.5, 1,000).
const STOPS = /[、､。｡]|(?<!\d)[.,]|[.,](?!\d)/g;

/** NFKC (full/half width), then one form for each punctuation variant; spacing and 句読点 are kept. */
function fold(text: string): string {
  return text
    .normalize('NFKC')
    .replace(VARIANTS, (c) => FOLDS.get(c) ?? c)
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
  /** Length of `normalized` in code points. */
  readonly length: number;
  readonly masked: string;
  readonly datesMasked: string;
  /**
   * Character trigrams of `normalized`, with their repeats: built on first use, since most comparisons end on
   * the length bound or on equality without them (a consolidation compares every entry's 前期 with its 後期).
   */
  readonly grams: Trigrams;
  /** Number of trigrams (with repeats): the size of the multiset. */
  readonly gramCount: number;
}

/**
 * The multiset of character trigrams (by code point). A text shorter than 3 characters has one gram, itself,
 * so it matches only an equal text; the empty text has none. A trigram of BMP characters is keyed by one
 * number (c0·2³² + c1·2¹⁶ + c2, exact in a double), kept with its repeats in a sorted array (two multisets
 * meet in one merge, without a map per text); other grams (astral characters, a short text) by their string,
 * with their counts.
 */
export interface Trigrams {
  readonly numbers: Float64Array;
  readonly strings: ReadonlyMap<string, number>;
}

const NO_STRINGS: ReadonlyMap<string, number> = new Map();

function trigrams(normalized: string): Trigrams {
  const codes: number[] = [];
  for (let i = 0; i < normalized.length; i++) {
    const code = normalized.codePointAt(i)!;
    codes.push(code);
    if (code > 0xffff) i++;
  }
  if (codes.length === 0) return { numbers: new Float64Array(0), strings: NO_STRINGS };
  if (codes.length < 3) return { numbers: new Float64Array(0), strings: new Map([[normalized, 1]]) };
  const numbers = new Float64Array(codes.length - 2);
  let n = 0;
  let strings: Map<string, number> | undefined;
  for (let i = 0; i + 3 <= codes.length; i++) {
    const c0 = codes[i]!;
    const c1 = codes[i + 1]!;
    const c2 = codes[i + 2]!;
    if (c0 < 0x10000 && c1 < 0x10000 && c2 < 0x10000) numbers[n++] = c0 * 2 ** 32 + c1 * 2 ** 16 + c2;
    else {
      const gram = String.fromCodePoint(c0, c1, c2);
      strings ??= new Map();
      strings.set(gram, (strings.get(gram) ?? 0) + 1);
    }
  }
  return { numbers: numbers.subarray(0, n).sort(), strings: strings ?? NO_STRINGS };
}

/** Grams the two multisets share, repeats counted: Σ min(count in a, count in b). */
function sharedGrams(a: Trigrams, b: Trigrams): number {
  let shared = 0;
  const [x, y] = [a.numbers, b.numbers];
  for (let i = 0, j = 0; i < x.length && j < y.length;) {
    const [u, v] = [x[i]!, y[j]!];
    if (u === v) {
      shared++;
      i++;
      j++;
    } else if (u < v) i++;
    else j++;
  }
  const [small, large] = a.strings.size <= b.strings.size ? [a.strings, b.strings] : [b.strings, a.strings];
  for (const [gram, n] of small) shared += Math.min(n, large.get(gram) ?? 0);
  return shared;
}

export function textProfile(text: string): TextProfile {
  const folded = fold(text);
  return new LazyProfile(folded, strip(folded));
}

/**
 * A class, not an object literal with getters: a consolidation makes profiles of every entry's texts, and a
 * class's getters are shared instead of made for each. The masked forms are built on first use: only when
 * the normalized texts differ (the years-and-dates one only when the masked ones are equal); the trigrams
 * only past the length bound; a text too short to compare (isComparable) needs none of them.
 */
class LazyProfile implements TextProfile {
  readonly length: number;
  readonly gramCount: number;
  private dates: string | undefined;
  private maskedText: string | undefined;
  private datesMaskedText: string | undefined;
  private gramsOf: Trigrams | undefined;

  constructor(
    private readonly folded: string,
    readonly normalized: string,
  ) {
    this.length = codePointLength(normalized);
    this.gramCount = this.length === 0 ? 0 : this.length < 3 ? 1 : this.length - 2;
  }

  get masked(): string {
    return (this.maskedText ??= finishMasked((this.dates ??= maskDates(this.folded)).replace(NUMBER, MASK)));
  }

  get datesMasked(): string {
    return (this.datesMaskedText ??= finishMasked((this.dates ??= maskDates(this.folded))));
  }

  get grams(): Trigrams {
    return (this.gramsOf ??= trigrams(this.normalized));
  }
}

/**
 * The Dice coefficient of the two texts' trigram multisets, 2·|A∩B| / (|A| + |B|), from 0 to 1. Multisets,
 * not sets, so that a text repeated twice is not "the same" as the text once. Empty texts have similarity 0
 * with everything (even another empty text): there is nothing to compare.
 */
export function profileSimilarity(a: TextProfile, b: TextProfile): number {
  if (a.gramCount === 0 || b.gramCount === 0) return 0;
  return (2 * sharedGrams(a.grams, b.grams)) / (a.gramCount + b.gramCount);
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

const content = (masked: string): number => codePointLength(masked.replaceAll(MASK, ''));

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

/**
 * `compareProfiles` for a rule that does not count texts differing only in dates and numbers (前期 = 後期: a
 * recurring activity reported with each half's dates): `same`, or `near` with `onlyDatesChanged` false, as
 * compareProfiles gives them; undefined for what it calls `different` or `near` with `onlyDatesChanged`.
 * The masked forms are compared last, only for texts near by their trigrams: most pairs end on the lengths.
 */
export function copiedBeyondDates(
  a: TextProfile,
  b: TextProfile,
): Extract<TextComparison, { kind: 'same' } | { kind: 'near' }> | undefined {
  if (a.normalized === '' || b.normalized === '') return undefined;
  if (a.normalized === b.normalized) return { kind: 'same' };
  const bound = (2 * Math.min(a.gramCount, b.gramCount)) / (a.gramCount + b.gramCount);
  if (bound < NEAR_SIMILARITY) return undefined;
  const similarity = profileSimilarity(a, b);
  if (similarity < NEAR_SIMILARITY) return undefined;
  if (a.masked === b.masked && content(a.masked) >= MIN_MASKED_CONTENT) return undefined;
  return { kind: 'near', similarity, onlyDatesChanged: false };
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
export const isComparable = (p: TextProfile): boolean => p.length >= MIN_COMPARED_LENGTH;

/** `same` or `near`. */
export const isCopy = (c: TextComparison): c is Exclude<TextComparison, { kind: 'different' }> =>
  c.kind !== 'different';
