import { foldSpaces } from '../text/normalizeKey';
import type { Assignment } from './types';

const ALL_RE = /^全\s*課\s*[【[［(（]\s*(.+?)\s*[】\]］)）]$/u;
const SEPARATORS = /[\s\u3000、，,・／/]+/u;

export type ParsedAssignment =
  | { readonly ok: true; readonly assignment: Assignment }
  | { readonly ok: false; readonly reason: 'empty' | 'all-without-coordinator' };

/**
 * The 実践課【とりまとめ課】 cell: `町民生活課 建設水道課`, `総務課、保健福祉課`, `全課【総務課】`.
 * Departments are separated by spaces (also full-width), `、`, `・`, `,` or `/`.
 */
export function parseDepartments(cell: string): ParsedAssignment {
  const text = foldSpaces(cell);
  if (text === '') return { ok: false, reason: 'empty' };
  const all = ALL_RE.exec(text);
  if (all?.[1]) return { ok: true, assignment: { kind: 'all', coordinator: foldSpaces(all[1]) } };
  if (/^全\s*課$/u.test(text)) return { ok: false, reason: 'all-without-coordinator' };
  const departments = [...new Set(text.split(SEPARATORS).filter((d) => d !== ''))];
  return { ok: true, assignment: { kind: 'departments', departments } };
}
