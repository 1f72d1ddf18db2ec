import { inputFields, type FieldKey, type FormDefinition } from '../entry/formDefinition';
import { fieldText, type EntryFields } from '../entry/types';
import { normalizeCellText } from '../text/normalizeKey';

/** One field a resubmission changed, each side shortened around the change. */
export interface FieldChange {
  readonly key: FieldKey;
  readonly label: string;
  /** The older text around the change ('' when the field was empty). */
  readonly before: string;
  /** The newer text around the change ('' when the field was emptied). */
  readonly after: string;
}

export interface ShortenOptions {
  /** Unchanged characters kept on each side of the change (default 20). */
  readonly context?: number;
  /** The changed part of each side is cut to this many characters, keeping its start and end (default 60). */
  readonly maxChanged?: number;
}

const ELLIPSIS = '…';

function cutMiddle(chars: readonly string[], max: number): string {
  if (chars.length <= max) return chars.join('');
  const head = Math.ceil(max / 2);
  return chars.slice(0, head).join('') + ELLIPSIS + chars.slice(chars.length - (max - head)).join('');
}

/**
 * Both texts with their common start and end trimmed to `context` characters, and to the changed line
 * (「…」 where text was left out), so the change stands out: `…を行ったほか、新型コロナ…` / `…を行ったほか、感染症対策…`. Counted by code point,
 * so no character is split. A change longer than `maxChanged` keeps its start and end around 「…」.
 */
export function shortenAroundChange(
  before: string,
  after: string,
  options: ShortenOptions = {},
): { before: string; after: string } {
  const context = options.context ?? 20;
  const maxChanged = options.maxChanged ?? 60;
  const a = Array.from(before);
  const b = Array.from(after);
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  )
    suffix++;
  // The context stops at a line break: the change's own line reads better than the end of the one before.
  let from = Math.max(0, prefix - context);
  const lineStart = prefix > 0 ? a.lastIndexOf('\n', prefix - 1) : -1;
  if (lineStart >= from) from = lineStart + 1;
  const lead = (from > 0 ? ELLIPSIS : '') + a.slice(from, prefix).join('');
  const side = (chars: readonly string[]): string => {
    const end = chars.length - suffix;
    let to = Math.min(chars.length, end + context);
    const lineEnd = chars.indexOf('\n', end);
    if (lineEnd !== -1 && lineEnd < to) to = lineEnd;
    const tail = chars.slice(end, to).join('') + (to < chars.length ? ELLIPSIS : '');
    return lead + cutMiddle(chars.slice(prefix, end), maxChanged) + tail;
  };
  return { before: side(a), after: side(b) };
}

/**
 * The fields (in form order, 計算 fields left out) whose text differs between an older and a newer submission
 * of one entry, for 集約ログ and report.json. Line endings and trailing spaces are not changes
 * (normalizeCellText); any other difference is, spacing included: this is what the department typed.
 */
export function diffEntries(
  older: EntryFields,
  newer: EntryFields,
  form: FormDefinition,
  options: ShortenOptions = {},
): FieldChange[] {
  const out: FieldChange[] = [];
  for (const def of inputFields(form)) {
    const before = normalizeCellText(fieldText(older, def.key));
    const after = normalizeCellText(fieldText(newer, def.key));
    if (before !== after)
      out.push({ key: def.key, label: def.label, ...shortenAroundChange(before, after, options) });
  }
  return out;
}

const shown = (text: string): string => (text === '' ? '（空欄）' : `「${text.replace(/\n/g, '⏎')}」`);

/** `「目標」 「…旧…」→「…新…」` (（空欄） for an empty side, ⏎ for a line break): one line per change. */
export const formatFieldChange = (c: FieldChange): string =>
  `「${c.label}」 ${shown(c.before)}→${shown(c.after)}`;

/** The changes as one 集約ログ text: `変更: 「目標」 …→…／「評価・検証」 …→…`, or 変更なし. */
export const formatFieldChanges = (changes: readonly FieldChange[]): string =>
  changes.length === 0 ? '変更なし' : `変更: ${changes.map(formatFieldChange).join('／')}`;
