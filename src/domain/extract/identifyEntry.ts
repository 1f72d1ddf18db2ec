import { perObject } from '../memo';
import type { Severity } from '../finding';
import { formatFiscalYear } from '../fiscal/fiscalYear';
import { findItem, findItemByCode } from '../plan/findItem';
import { fullItemLabel, planItems } from '../plan/planItems';
import type { Plan, PlanItem } from '../plan/types';
import { normalizeKey } from '../text/normalizeKey';
import type { SheetMeta } from '../template/sheetMeta';
import type { DepartmentReading } from './readDepartmentCell';

export interface IdentityInput {
  /** The 取組項目 value as written. */
  readonly itemText: string;
  readonly departmentText: string;
  readonly department: DepartmentReading;
  /** From the year label (令和2年度), when there is one. */
  readonly yearLabel?: number;
  readonly meta?: SheetMeta;
  readonly plan?: Plan;
  /** The year the caller expects. */
  readonly fiscalYear?: number;
}

/** Which cell a note is about: the 取組項目 value, the 実践課 value, the year label or the metadata cell. */
export type IdentityPart = 'item' | 'department' | 'year' | 'meta';

export interface IdentityNote {
  readonly code: string;
  readonly severity: Severity;
  readonly part: IdentityPart;
  /** Japanese; the reader prefixes the sheet and cell. */
  readonly message: string;
}

export type Identification =
  | {
      readonly ok: true;
      readonly code: string;
      readonly department: string;
      readonly fiscalYear: number;
      /** True when neither a year label nor the metadata gave the year: it is the caller's expected year. */
      readonly yearAssumed: boolean;
      readonly identifiedBy: 'meta' | 'labels';
      /** The metadata's seq, when the metadata identified the entry. */
      readonly metaSeq?: number;
      readonly notes: readonly IdentityNote[];
    }
  | { readonly ok: false; readonly reason: string; readonly notes: readonly IdentityNote[] };

const note = (code: string, severity: Severity, part: IdentityPart, message: string): IdentityNote => ({
  code,
  severity,
  part,
  message,
});

/**
 * Who filed the form, for which item and year. The visible labels win: when they resolve (the 取組項目
 * label is in the plan, the 実践課 names one known department) and disagree with the metadata — a copied
 * sheet relabelled — the labels give code and department and a warning says so; the metadata's seq is then
 * not trusted. When a label does not resolve (no plan, unknown item, empty or ambiguous 実践課), the
 * metadata fills that part. Without either, the form cannot be identified.
 */
export function identifyEntry(input: IdentityInput): Identification {
  const { plan, meta, itemText } = input;
  const notes: IdentityNote[] = [];

  const labelItem =
    plan && itemText !== '' ? sameLabelAsMeta(plan, findItem(plan, itemText), meta) : undefined;
  const code = itemCodeOf(input, labelItem, notes);
  if (!code) {
    const reason = unknownItemReason(itemText, plan !== undefined);
    return { ok: false, reason, notes: [...notes, note('extract.unknown-item', 'error', 'item', reason)] };
  }

  const labelDepartment = labelDepartmentOf(input, notes);
  const department = (labelDepartment ?? meta?.department) || inferDepartment(input, labelItem, notes);
  if (!department) return unknownDepartment(input, notes);

  const mismatch =
    meta !== undefined &&
    ((labelItem !== undefined && labelItem.code !== meta.code) ||
      (labelDepartment !== undefined && labelDepartment !== meta.department));
  // The 体系 renumbered the item since the sheet was made (moved to another group): the sheet's code is no
  // item now, its title found the one it became, and the department is the same.
  const renumbered =
    mismatch &&
    plan !== undefined &&
    labelItem !== undefined &&
    department === meta.department &&
    findItemByCode(plan, meta.code) === undefined;
  if (renumbered)
    notes.push(
      note(
        'extract.item-renumbered',
        'info',
        'item',
        `この取組項目は、シートを作った後に体系で番号が変わりました（${meta.code} → ${code}）。体系の ${code} として読みました。`,
      ),
    );
  else if (mismatch)
    notes.push(
      note(
        'extract.meta-mismatch',
        'warning',
        'meta',
        `表示の取組項目・実践課（${code} ${department}）と、シートの識別情報（${meta.code} ${meta.department}）が違います。表示の内容で読みました。別のシートをコピーして書き換えた場合は、Suishin でシートを作り直してください。`,
      ),
    );

  const fiscalYear = input.yearLabel ?? meta?.fiscalYear ?? input.fiscalYear;
  if (fiscalYear === undefined) return unknownFiscalYear(notes);
  if (input.yearLabel !== undefined && input.fiscalYear !== undefined && input.yearLabel !== input.fiscalYear)
    notes.push(
      note(
        'extract.fiscal-year-mismatch',
        'warning',
        'year',
        `このシートは${formatFiscalYear(input.yearLabel)}ですが、確認している年度は${formatFiscalYear(input.fiscalYear)}です。年度が正しいか確認してください。`,
      ),
    );

  const byMeta = meta !== undefined && !mismatch;
  return {
    ok: true,
    code,
    department,
    fiscalYear,
    yearAssumed: input.yearLabel === undefined && meta?.fiscalYear === undefined,
    identifiedBy: byMeta ? 'meta' : 'labels',
    ...(byMeta && { metaSeq: meta.seq }),
    notes,
  };
}

/** The item's code: the label's item, else the metadata's (with a warning when a plan could not place the label). */
function itemCodeOf(
  input: IdentityInput,
  labelItem: PlanItem | undefined,
  notes: IdentityNote[],
): string | undefined {
  const { plan, meta, itemText } = input;
  if (labelItem?.code) return labelItem.code;
  if (!meta) return undefined;
  if (plan)
    notes.push(
      note(
        'extract.unknown-item',
        'warning',
        'item',
        `取組項目「${itemText}」が体系にないため、シートの識別情報（${meta.code}）で読みました。取組項目の欄を体系の表記に合わせてください。`,
      ),
    );
  return meta.code;
}

/** A plan's departments as a set, made once per plan. */
const departmentsOf = perObject((plan: Plan): ReadonlySet<string> => new Set(plan.departments));

/** The department the 実践課 label names, when it names one the plan knows (or no metadata can stand in). */
function labelDepartmentOf(input: IdentityInput, notes: IdentityNote[]): string | undefined {
  const { plan, meta } = input;
  const d = input.department;
  if (d.kind === 'one') {
    const known = !plan || departmentsOf(plan).has(d.department);
    if (!known)
      notes.push(
        note(
          'extract.unknown-department',
          'warning',
          'department',
          `実践課「${d.department}」は体系の課にありません${meta ? `。シートの識別情報の「${meta.department}」で読みました` : ''}。課の名前を体系の表記に合わせてください。`,
        ),
      );
    return known || !meta ? d.department : undefined;
  }
  if (d.kind === 'ambiguous')
    notes.push(
      note(
        'extract.ambiguous-department',
        meta ? 'warning' : 'error',
        'department',
        `実践課「${input.departmentText}」から、どの課のシートか決められません${meta ? `。シートの識別情報の「${meta.department}」で読みました` : ''}。このシートの課を1つだけ入力してください（全課の取組は「保健福祉課（全課【総務課】）」のように）。`,
      ),
    );
  return undefined;
}

/** An empty 実践課 on an item of one department (or a 全課 item): that department, with a warning. */
function inferDepartment(
  input: IdentityInput,
  labelItem: PlanItem | undefined,
  notes: IdentityNote[],
): string | undefined {
  if (input.department.kind !== 'empty' || !input.plan || !labelItem) return undefined;
  const a = labelItem.item.assignment;
  const only = a.kind === 'all' ? a.coordinator : a.departments.length === 1 ? a.departments[0] : undefined;
  if (only)
    notes.push(
      note(
        'extract.department-inferred',
        'warning',
        'department',
        `実践課が空欄のため、体系の実践課「${only}」のシートとして読みました。実践課を入力してください。`,
      ),
    );
  return only;
}

function unknownDepartment(input: IdentityInput, notes: IdentityNote[]): Identification {
  const d = input.department;
  const reason =
    d.kind === 'ambiguous'
      ? `実践課「${input.departmentText}」から、どの課のシートか決められないため、読めませんでした。`
      : '実践課が空欄のため、どの課のシートか決められず、読めませんでした。';
  if (d.kind === 'empty')
    notes.push(
      note('extract.unknown-department', 'error', 'department', `${reason}実践課を入力してください。`),
    );
  return { ok: false, reason, notes };
}

function unknownFiscalYear(notes: readonly IdentityNote[]): Identification {
  const reason = '年度（例: 令和2年度）が見つからないため、読めませんでした。';
  return {
    ok: false,
    reason,
    notes: [
      ...notes,
      note(
        'extract.unknown-fiscal-year',
        'error',
        'year',
        `${reason}年度の欄に「令和2年度」のように入力してください。`,
      ),
    ],
  };
}

/**
 * Two items can print the same 取組項目 label (the same ① group and (1) item, under different 推進項目): the
 * label then cannot tell them apart and findItem gives the first. When the metadata names the other one,
 * which prints exactly this label too, the label agrees with the metadata: take the metadata's item.
 */
function sameLabelAsMeta(
  plan: Plan,
  found: PlanItem | undefined,
  meta: SheetMeta | undefined,
): PlanItem | undefined {
  if (!found || !meta || found.code === meta.code) return found;
  const claimed = planItems(plan).find((p) => p.code === meta.code);
  return claimed && normalizeKey(fullItemLabel(claimed)) === normalizeKey(fullItemLabel(found))
    ? claimed
    : found;
}

function unknownItemReason(itemText: string, hasPlan: boolean): string {
  if (itemText === '')
    return '取組項目が空欄のため、どの取組のシートか決められず、読めませんでした。取組項目を入力してください。';
  return hasPlan
    ? `取組項目「${itemText}」が体系にないため、読めませんでした。取組項目の欄を体系の表記（例「① 行政情報の公開と共有 (1) 効果的な情報発信手法の研究実施」）に合わせてください。`
    : `取組項目「${itemText}」を照らし合わせる体系がなく、シートの識別情報もないため、読めませんでした。体系のシートを含めるか、体系を指定して読み直してください。`;
}
