import { parseDepartments } from '../plan/parseDepartments';
import { foldSpaces } from '../text/normalizeKey';

/** What the 実践課 cell of a sheet says about whose sheet it is. */
export type DepartmentReading =
  | { readonly kind: 'empty' }
  /**
   * One department: written alone, as the coordinator of `全課【総務課】`, or as a contributor to a 全課
   * item (`保健福祉課（全課【総務課】）`).
   */
  | { readonly kind: 'one'; readonly department: string }
  /** Several departments (`総務課 保健福祉課`), or `全課` without its coordinator: whose sheet is unclear. */
  | { readonly kind: 'ambiguous'; readonly departments: readonly string[] };

// `保健福祉課（全課【総務課】）`: a department's own part of a 全課 item.
const CONTRIBUTOR_RE = /^(.+?)\s*[（(]\s*(全\s*課.*)[)）]$/u;

export function readDepartmentCell(text: string): DepartmentReading {
  const folded = foldSpaces(text);
  if (folded === '') return { kind: 'empty' };
  const contributor = CONTRIBUTOR_RE.exec(folded);
  if (contributor?.[1] && parseDepartments(contributor[2] ?? '').ok)
    return readDepartmentCell(contributor[1]);
  const parsed = parseDepartments(folded);
  if (!parsed.ok) return { kind: 'ambiguous', departments: [] };
  const a = parsed.assignment;
  if (a.kind === 'all') return { kind: 'one', department: a.coordinator };
  const [only] = a.departments;
  return a.departments.length === 1 && only !== undefined
    ? { kind: 'one', department: only }
    : { kind: 'ambiguous', departments: a.departments };
}
