import { boundedMemo } from '../memo';

/**
 * A matching key for labels and choices typed by people: `目 標`, `目　標` and `目標` share one key,
 * as do `前期 (4～9月)`, `前期（４〜９月）` and `前期(4~9月)`.
 *
 * Not for hierarchy tokens: NFKC turns `①` into `1` and loses the level, so parse tokens first
 * (see hierarchyToken.ts) and key only the words.
 */

// Every dash-like character people (and PDF extraction) use for a hyphen or a minus.
const DASHES = /[\u002D\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D\u30FC\uFF70]/g;
// Wave dashes and tildes: 〜 (U+301C), ～ (U+FF5E, NFKC → ~), 〰, ∼.
const WAVES = /[\u301C\u3030\u223C\uFF5E~]/g;
const KATAKANA = /[\u30A1-\u30FA\u30FD\u30FE]/;
const WHITESPACE = /[\s\u00A0\u2000-\u200B\u3000\uFEFF]+/g;

/**
 * Fold a dash after katakana to the long-vowel mark (センタ− → センター) and every other dash to "-"
 * (4ー9月 → 4-9月), so that words such as コンプライアンス or センター keep their spelling.
 */
function foldDashes(text: string): string {
  // One character for one: the character before a dash in the output is the one before it in the text,
  // or (when that was a dash too) its folded form, never katakana; and no dash is katakana.
  return text.replace(DASHES, (_dash, at: number) => (KATAKANA.test(text[at - 1] ?? '') ? '\u30FC' : '-'));
}

const HAS_DASH = /[\u002D\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D\u30FC\uFF70]/;

function computeKey(text: string): string {
  const nfkc = text.normalize('NFKC');
  const folded = (HAS_DASH.test(nfkc) ? foldDashes(nfkc) : nfkc).replace(WAVES, '~').replace(WHITESPACE, '');
  return folded.toLowerCase();
}

/**
 * Keys of short texts are remembered: the same labels (目標, 前期, 実践課 …) are keyed in every sheet of
 * every file of a batch. Long texts (answers) are rarely keyed twice and are not kept. The memo is bounded.
 */
const MEMO_TEXT_LENGTH = 200;
const memoKey = boundedMemo(computeKey, 20_000);

export function normalizeKey(text: string): string {
  return text.length > MEMO_TEXT_LENGTH ? computeKey(text) : memoKey(text);
}

/**
 * Characters NFKC keeps as they are and composes with nothing before them (ASCII but its spaces and controls,
 * kana, ・, CJK unified ideographs): a text starting with two of them keys starting with the first, unless it
 * is one the key folds (an upper-case letter).
 */
const keepsFirst = (code: number): boolean =>
  (code > 0x20 && code <= 0x7e && (code < 0x41 || code > 0x5a)) ||
  (code >= 0x3041 && code <= 0x3096) ||
  (code >= 0x30a1 && code <= 0x30fb) ||
  (code >= 0x4e00 && code <= 0x9fff);

/**
 * normalizeKey(text) when it may start with one of `words` (non-empty keys, `firsts` their first characters);
 * else its first character, a key that starts with none of them either, as the whole key does not. A text
 * (an answer, a sheet's metadata) is then not keyed whole only to learn that it is no header.
 */
export function keyUnlessNoneOf(text: string, firsts: ReadonlySet<string>): string {
  const first = text.charAt(0);
  if (
    text.length > 1 &&
    !firsts.has(first) &&
    keepsFirst(text.charCodeAt(0)) &&
    keepsFirst(text.charCodeAt(1))
  )
    return first;
  return normalizeKey(text);
}

/** Text with whitespace runs (full-width, NBSP) folded to one ASCII space and trimmed; words untouched. */
export function foldSpaces(text: string): string {
  return text.replace(WHITESPACE, ' ').trim();
}

/** Normalize line endings of multi-line cell text and trim trailing spaces on each line. */
export function normalizeCellText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\u3000\u00A0]+$/u, ''))
    .join('\n')
    .trim();
}
