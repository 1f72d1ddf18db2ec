import type { FormDefinition } from '../entry/formDefinition';
import { fieldText, type Entry } from '../entry/types';
import { finding, type Finding } from '../finding';
import { formatAssignment } from '../plan/planItems';
import type { Plan, PlanItem } from '../plan/types';
import {
  mergeAllDepartments,
  sameValue,
  type Contribution,
  type MergeDisagreement,
} from './mergeAllDepartments';
import { entryText, retiredOf, type Candidate } from './selectEntries';
import type { LogRecord } from './types';

/** The finding on a 全課 item's 数値, 日付 or 選択 field that the departments filled differently. */
export const MERGE_DISAGREEMENT_CODE = 'consolidate.all-departments-differ';

/** An entry given its place in the master view: on its 体系 item, or flagged with the reason. */
export interface Placed {
  readonly entry: Entry;
  readonly candidate: Candidate;
  readonly planItem?: PlanItem;
  readonly flag?: string;
  readonly mergedFrom?: readonly string[];
  /**
   * A 全課 item's sheets merged into `entry`: each is checked as the sheet its department wrote, as 検証
   * checks it — the merged text is no one's, and a rule on it (a text too long, a date out of its period)
   * used to be laid at the coordinator's cells, or (without the coordinator's sheet) passed where a
   * department's own 検証 failed. Without the coordinator's sheet, `entry` is also checked for what the
   * item as a whole lacks (consolidateEntries).
   */
  readonly parts?: readonly Candidate[];
}

/**
 * The winning entries placed on their items, with a log record for each sheet: entries of items not in the
 * 体系, or of a department the item does not name, are flagged; a 全課 item's entries are merged into one.
 */
export function placeEntries(
  winners: readonly Candidate[],
  items: ReadonlyMap<string, PlanItem>,
  plan: Plan,
  form: FormDefinition,
): { placed: Placed[]; log: LogRecord[]; findings: Finding[] } {
  const own = placeWinners(winners, items);
  const all = placeAllDepartments(own.allGroups, items, plan, form);
  return { placed: [...own.placed, ...all.placed], log: [...own.log, ...all.log], findings: all.findings };
}

/** The log record of one received sheet. */
function sheetRecord(
  c: Candidate,
  outcome: LogRecord['outcome'],
  detail: string,
  keptText?: string,
): LogRecord {
  const e = c.received.entry;
  return {
    file: c.file,
    sheet: c.received.sheet,
    outcome,
    code: e.code,
    department: e.department,
    seq: e.seq,
    detail,
    ...(keptText !== undefined && { keptText }),
    ...retiredOf(c.received),
  };
}

/** Winning entries placed on their item (or flagged); entries of 全課 items are grouped by item for merging. */
function placeWinners(
  winners: readonly Candidate[],
  items: ReadonlyMap<string, PlanItem>,
): { placed: Placed[]; allGroups: Map<string, Candidate[]>; log: LogRecord[] } {
  const placed: Placed[] = [];
  const allGroups = new Map<string, Candidate[]>();
  const log: LogRecord[] = [];
  for (const candidate of winners) {
    const entry = candidate.received.entry;
    const planItem = items.get(entry.code);
    if (!planItem) {
      const flag = `取組項目 ${entry.code} は体系にありません。`;
      placed.push({ entry, candidate, flag });
      log.push(sheetRecord(candidate, 'flagged', flag));
    } else if (planItem.item.assignment.kind === 'all') {
      const group = allGroups.get(entry.code);
      if (group) group.push(candidate);
      else allGroups.set(entry.code, [candidate]);
    } else if (!planItem.item.assignment.departments.includes(entry.department)) {
      const flag = `${entry.department}はこの取組項目の実践課（${formatAssignment(planItem.item.assignment)}）ではありません。`;
      placed.push({ entry, candidate, planItem, flag });
      log.push(sheetRecord(candidate, 'flagged', flag));
    } else {
      placed.push({ entry, candidate, planItem });
      log.push(sheetRecord(candidate, 'consolidated', ''));
    }
  }
  return { placed, allGroups, log };
}

/** Each 全課 item's entries merged into the coordinator's one (or the coordinator's compiled sheet kept). */
function placeAllDepartments(
  allGroups: ReadonlyMap<string, readonly Candidate[]>,
  items: ReadonlyMap<string, PlanItem>,
  plan: Plan,
  form: FormDefinition,
): { placed: Placed[]; log: LogRecord[]; findings: Finding[] } {
  const placed: Placed[] = [];
  const log: LogRecord[] = [];
  const findings: Finding[] = [];
  const record = (c: Candidate, outcome: LogRecord['outcome'], detail: string, keptText?: string) =>
    log.push(sheetRecord(c, outcome, detail, keptText));
  for (const [code, group] of allGroups) {
    const planItem = items.get(code)!;
    const coordinator = planItem.item.assignment.kind === 'all' ? planItem.item.assignment.coordinator : '';
    const contributions: Contribution[] = group.map((c) => ({
      department: c.received.entry.department,
      entry: c.received.entry,
    }));
    const merged = mergeAllDepartments(coordinator, contributions, plan.departments, form);
    const own = group.find((c) => c.received.entry.department === coordinator);
    const lead = own ?? group[0]!;
    if (merged.kind === 'compiled') {
      for (const c of group)
        if (c === own) record(c, 'consolidated', `${coordinator}が集約済みのシートをそのまま採用しました。`);
        else
          record(
            c,
            'compiled-kept',
            `${coordinator}の集約済みシートを採用したため、このシートは統合していません（内容は下に保存）。`,
            entryText(c.received.entry, form),
          );
      placed.push({ entry: merged.entry, candidate: lead, planItem });
    } else if (group.every((c) => c === own)) {
      record(lead, 'consolidated', '');
      placed.push({
        entry: group.length === 1 ? lead.received.entry : merged.entry,
        candidate: lead,
        planItem,
      });
    } else {
      for (const c of group)
        if (c === own) record(c, 'consolidated', coordinatorDetail(coordinator, merged.departments));
        else record(c, 'merged', contributionDetail(c.received.entry, coordinator, merged, form));
      placed.push({
        entry: merged.entry,
        candidate: lead,
        planItem,
        mergedFrom: merged.departments,
        parts: group,
      });
    }
    if (merged.kind === 'merged')
      findings.push(
        ...merged.disagreements.map((d) =>
          // At the coordinator's cell, where the whole value goes; without its sheet, at the cell of a sheet
          // that gave one of the values (not one that may have given none).
          disagreementFinding(
            d,
            code,
            coordinator,
            own ?? group.find((c) => c.received.entry.department === d.values[0]?.department) ?? lead,
          ),
        ),
      );
  }
  return { placed, log, findings };
}

/**
 * 全課, the coordinator's record: whose text was merged under 【課名】 headings (merged.departments, those
 * that wrote text), or that no other department wrote any.
 */
const coordinatorDetail = (coordinator: string, writers: readonly string[]): string =>
  writers.some((d) => d !== coordinator)
    ? `他課の記入を【課名】の見出しで統合しました（${writers.filter((d) => d !== coordinator).join('、')}）。`
    : '他課のシートに文章の記入はなく、このシートの文章をそのまま載せました。';

/**
 * 全課, a contribution's record: under its 【課名】 heading if it wrote text (one that only chose 目標の
 * 達成 is not said to be), and the values of it that did not stand.
 */
function contributionDetail(
  contribution: Entry,
  coordinator: string,
  merged: { readonly entry: Entry; readonly departments: readonly string[] },
  form: FormDefinition,
): string {
  // 全体計画's row of the coordinator, not its sheet: the coordinator may have sent none.
  const how = merged.departments.includes(contribution.department)
    ? `全体計画の${coordinator}の行に【${contribution.department}】の見出しで統合しました。`
    : `全体計画の${coordinator}の行に統合しました（文章の記入はありません）。`;
  return `全課の取組として${how}${valuesNotTaken(contribution, merged.entry, form)}`;
}

/**
 * 全課: the 選択, 数値 and 日付 values of a contribution that the merged entry does not hold (the
 * coordinator's value stood, a worse choice was taken, or the departments differed), said in its log
 * record so that none is lost: a department's 目標の達成 is one value, not text to merge under a heading.
 */
function valuesNotTaken(contribution: Entry, merged: Entry, form: FormDefinition): string {
  const differing = form.fields.filter((f) => {
    if (f.kind !== 'choice' && f.kind !== 'number' && f.kind !== 'date') return false;
    const own = fieldText(contribution.fields, f.key);
    return own.trim() !== '' && !sameValue(f, own, fieldText(merged.fields, f.key));
  });
  return differing.length === 0
    ? ''
    : `統合後の値と違うこのシートの値: ${differing.map((f) => `${f.label}「${fieldText(contribution.fields, f.key).trim()}」`).join('、')}。`;
}

/** 全課: a value the departments gave differently, left blank, with every department's value in the message. */
function disagreementFinding(
  d: MergeDisagreement,
  code: string,
  coordinator: string,
  at: Candidate,
): Finding {
  const cell = at.received.cells[d.key];
  const values = d.values.map((v) => `【${v.department}】${v.text}`).join('、');
  return finding(
    MERGE_DISAGREEMENT_CODE,
    'warning',
    d.taken === undefined
      ? `全課の取組 ${code} の「${d.label}」は課によって値が違うため、全体計画では空欄にしました（${values}）。${coordinator}のシートに全体の値を書いてください。`
      : `全課の取組 ${code} の「${d.label}」は課によって違うため、全体計画ではいちばん低い「${d.taken}」にしました（${values}）。${coordinator}のシートで全体の「${d.label}」を選んでください。`,
    {
      file: at.file,
      sheet: at.received.sheet,
      ...(cell !== undefined && { cell }),
      code,
      department: coordinator,
      seq: 1,
      field: d.key,
    },
  );
}
