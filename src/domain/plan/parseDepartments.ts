import { foldSpaces } from '../text/normalizeKey';
import type { Assignment } from './types';

const ALL_RE = /^全\s*課\s*[【[［(（]\s*(.+?)\s*[】\]］)）]$/u;
const SEPARATORS = /[\s\u3000、，,／/]+/u;
/** 「・」 (and its half-width form) separates departments only between whole department names. */
const MIDDLE_DOT = /[・･]/u;
/** How the name of a municipal department or office ends (総務課, 企画室, 教育委員会, 給食センター …). */
const OFFICE_SUFFIX = /(課|室|局|係|部|所|センター|館|園|場|署|会)$/u;
const OPENING = /[（(【［[]/gu;
const CLOSING = /[）)】］\]]/gu;
const balanced = (s: string): boolean => (s.match(OPENING)?.length ?? 0) === (s.match(CLOSING)?.length ?? 0);

export type ParsedAssignment =
  | {
      readonly ok: true;
      readonly assignment: Assignment;
      /**
       * Names read whole although they hold a 「・」 (子ども・子育て支援課, 町民生活課（戸籍・住民係）): the
       * reader says so, since 「・」 also separates departments (総務課・保健福祉課).
       */
      readonly dotted?: readonly string[];
    }
  | { readonly ok: false; readonly reason: 'empty' | 'all-without-coordinator' };

/**
 * A run joined by 「・」: several departments when every part before the last is a department name by itself
 * (総務課・保健福祉課, 総務課・ラベンダーハイツ); otherwise one name (子ども・子育て支援課: 「子ども」 is not a
 * department; 町民生活課（戸籍・住民係）: the dot is inside brackets).
 */
function splitDotted(run: string): { readonly names: readonly string[]; readonly whole: boolean } {
  if (!MIDDLE_DOT.test(run)) return { names: [run], whole: false };
  const parts = run.split(MIDDLE_DOT).map((p) => p.trim());
  const separate =
    parts.every((p) => p !== '' && balanced(p)) && parts.slice(0, -1).every((p) => OFFICE_SUFFIX.test(p));
  return separate ? { names: parts, whole: false } : { names: [run], whole: true };
}

/**
 * The 実践課【とりまとめ課】 cell: `町民生活課 建設水道課`, `総務課、保健福祉課`, `全課【総務課】`.
 * Departments are separated by spaces (also full-width), `、`, `,` or `/`, and by `・` between whole
 * department names (splitDotted).
 */
export function parseDepartments(cell: string): ParsedAssignment {
  const text = foldSpaces(cell);
  if (text === '') return { ok: false, reason: 'empty' };
  const all = ALL_RE.exec(text);
  if (all?.[1]) return { ok: true, assignment: { kind: 'all', coordinator: foldSpaces(all[1]) } };
  if (/^全\s*課$/u.test(text)) return { ok: false, reason: 'all-without-coordinator' };
  const names: string[] = [];
  const dotted: string[] = [];
  for (const run of text.split(SEPARATORS)) {
    if (run === '') continue;
    const split = splitDotted(run);
    names.push(...split.names);
    if (split.whole) dotted.push(run);
  }
  const departments = [...new Set(names)];
  return {
    ok: true,
    assignment: { kind: 'departments', departments },
    ...(dotted.length > 0 && { dotted: [...new Set(dotted)] }),
  };
}
