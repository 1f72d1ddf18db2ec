import type { Assignment } from '../plan/types';
import { foldSpaces } from '../text/normalizeKey';

/**
 * The 実践課 cell of one department's sheet: the department itself (`町民生活課`, not the item's whole
 * list), `全課【総務課】` for the coordinator's sheet of a 全課 item as the seed prints it, and
 * `保健福祉課（全課【総務課】）` for another department's part of a 全課 item.
 */
export function formatDepartmentCell(assignment: Assignment, department: string): string {
  if (assignment.kind === 'departments') return department;
  const all = `全課【${assignment.coordinator}】`;
  return department === assignment.coordinator ? all : `${department}（${all}）`;
}

/**
 * The department a 実践課 cell names (the inverse of formatDepartmentCell): `全課【総務課】` → 総務課,
 * `保健福祉課（全課【総務課】）` → 保健福祉課, anything else as written (spaces folded).
 */
export function parseDepartmentCell(text: string): string {
  const t = foldSpaces(text);
  const part = /^(.+?)\s*[(（]\s*全課\s*[【[]\s*(.+?)\s*[】\]]\s*[)）]$/u.exec(t);
  if (part?.[1]) return part[1];
  const all = /^全課\s*[【[]\s*(.+?)\s*[】\]]$/u.exec(t);
  return all?.[1] ?? t;
}

/** Does a 実践課 cell mark another department's part of a 全課 item (`保健福祉課（全課【総務課】）`)? */
export function isContributionCell(text: string): boolean {
  return /^(.+?)\s*[(（]\s*全課\s*[【[]\s*(.+?)\s*[】\]]\s*[)）]$/u.test(foldSpaces(text));
}
