import type { Entry } from '../entry/types';
import type { Finding } from '../finding';
import { findItemByCode } from '../plan/findItem';
import { formatAssignment, isAssigned } from '../plan/planItems';
import { entryFinding, type ValidationContext } from './context';

/** The item must be in the 体系, and the department must be one of its 実践課 (全課: any department). */
export function checkItemAssignment(entry: Entry, ctx: ValidationContext): Finding[] {
  if (!ctx.plan) return [];
  const found = findItemByCode(ctx.plan, entry.code);
  if (!found)
    return [
      entryFinding(
        'entry.unknown-item',
        'error',
        `取組項目 ${entry.code} は体系にありません。取組項目の欄を体系の表記と合わせてください。`,
        entry,
      ),
    ];
  if (!isAssigned(ctx.plan, found.item, entry.department))
    return [
      entryFinding(
        'entry.department-not-assigned',
        'error',
        `${entry.department}は取組項目 ${entry.code} の実践課（${formatAssignment(found.item.assignment)}）ではありません。実践課の欄か、取組項目を確認してください。`,
        entry,
      ),
    ];
  return [];
}
