import { STANDARD_FORM, type FormDefinition } from '../domain/entry/formDefinition';
import type { Entry } from '../domain/entry/types';
import { buildFormSheet } from '../domain/form/buildFormSheet';
import { formatFiscalYear } from '../domain/fiscal/fiscalYear';
import type { Plan } from '../domain/plan/types';
import { buildDepartmentWorkbook, DEFAULT_PLAN_TITLE } from '../domain/template/buildDepartmentWorkbook';
import { buildMasterTemplate } from '../domain/template/buildMasterTemplate';
import type { SheetSpec, WorkbookSpec } from '../domain/template/sheetSpec';
import type { FileWorkbookFactory, Progress, WorkbookPort } from '../workbook/port';
import { yieldToHost } from './yieldToHost';

export interface BuildOptions {
  readonly plan: Plan;
  readonly fiscalYear: number;
  /** Only these departments (default: every department of the plan). */
  readonly departments?: readonly string[];
  /** Pre-fill the sheets from these entries (the demo; next year's carry-over). */
  readonly entries?: readonly Entry[];
  readonly title?: string;
  /** The form the sheets follow: the 体系 workbook's 様式 (default: the built-in R2 form). */
  readonly form?: FormDefinition;
  /** Last year's values for the 前年度 column (rollover), keyed by this year's code, department and seq. */
  readonly previous?: readonly Entry[];
  /** Print the 前年度 column too. */
  readonly printReference?: boolean;
}

export interface BuiltFile {
  readonly department: string;
  /** `<課>.xlsx` */
  readonly fileName: string;
  readonly bytes: Uint8Array;
  /** The sheets a person sees: the 目次 and the 取組項目 sheets (not the hidden 様式). */
  readonly sheets: number;
}

/** The department names to build for, or the unknown names when some are not in the plan. */
export function selectDepartments(
  plan: Plan,
  wanted?: readonly string[],
): { ok: true; departments: readonly string[] } | { ok: false; unknown: readonly string[]; message: string } {
  if (!wanted || wanted.length === 0) return { ok: true, departments: plan.departments };
  const unknown = wanted.filter((d) => !plan.departments.includes(d));
  return unknown.length > 0
    ? {
        ok: false,
        unknown,
        message: `体系にない課です: ${unknown.join('、')}（体系の課: ${plan.departments.join('、')}）`,
      }
    : { ok: true, departments: plan.departments.filter((d) => wanted.includes(d)) };
}

export const departmentFileName = (department: string): string =>
  `${department.replace(/[\\/:*?"<>|]/g, '_')}.xlsx`;

function departmentSpecs(
  options: BuildOptions,
  departments: readonly string[],
): { department: string; spec: WorkbookSpec }[] {
  return departments.map((department) => ({
    department,
    spec: buildDepartmentWorkbook({
      plan: options.plan,
      department,
      fiscalYear: options.fiscalYear,
      title: options.title ?? DEFAULT_PLAN_TITLE,
      ...(options.entries && { entries: options.entries }),
      ...(options.form && { form: options.form }),
      ...(options.previous && { previous: options.previous }),
      ...(options.printReference && { printReference: true }),
    }),
  }));
}

/** One workbook per department (目次 + its 取組項目 sheets in 体系 order), as .xlsx bytes. */
export async function buildDepartmentFiles(
  factory: FileWorkbookFactory,
  options: BuildOptions,
  onProgress?: Progress,
): Promise<BuiltFile[]> {
  const selected = selectDepartments(options.plan, options.departments);
  if (!selected.ok) throw new Error(`Unknown departments: ${selected.unknown.join(', ')}`);
  const specs = departmentSpecs(options, selected.departments);
  const out: BuiltFile[] = [];
  for (const [i, { department, spec }] of specs.entries()) {
    onProgress?.({
      done: i,
      total: specs.length,
      label: `${department}のブックを作成中（${formatFiscalYear(options.fiscalYear)}）`,
    });
    // One task per department: the page paints its progress where the build runs on its own thread.
    await yieldToHost();
    const workbook = await factory.create(spec);
    const bytes = await workbook.toBuffer();
    await workbook.close();
    // The sheets a person sees (目次 and entry sheets): a hidden 様式 travels along uncounted.
    const sheets = spec.sheets.filter((s) => (s.visibility ?? 'visible') === 'visible').length;
    out.push({ department, fileName: departmentFileName(department), bytes, sheets });
  }
  onProgress?.({ done: specs.length, total: specs.length, label: '作成しました' });
  return out;
}

/** Build the chosen departments' sheets into an open workbook (the task pane in Excel): one write. */
export async function buildIntoWorkbook(
  port: WorkbookPort,
  options: BuildOptions,
  onProgress?: Progress,
): Promise<number> {
  const selected = selectDepartments(options.plan, options.departments);
  if (!selected.ok) throw new Error(`Unknown departments: ${selected.unknown.join(', ')}`);
  const existing = new Set((await port.listSheets()).map((s) => s.name));
  const sheets = departmentSpecs(options, selected.departments).flatMap(({ spec }) =>
    // The 目次 of one department only makes sense in its own workbook: in a shared one, keep entry sheets.
    selected.departments.length > 1 ? spec.sheets.filter((s) => s.name !== '目次') : spec.sheets,
  );
  // Each department's spec carries the same hidden 様式 (a form other than R2's): written once, and not at
  // all when the workbook has its 様式 already (the one the form was read from).
  const fresh = sheets.filter(
    (s, i) => !existing.has(s.name) && sheets.findIndex((t) => t.name === s.name) === i,
  );
  await port.writeSheets(fresh, onProgress);
  return fresh.length;
}

/**
 * 総務課's master workbook: the editable 体系 sheet and an empty 全体計画; with a form other than the built-in
 * one, its 様式 sheet after the 体系, so that the master keeps the form its sheets are read by.
 */
export async function buildMasterTemplateFile(
  factory: FileWorkbookFactory,
  options: {
    plan: Plan;
    fiscalYear: number;
    title?: string;
    form?: FormDefinition;
    /** Sheets after the master's own (a rollover's 対応表). */
    extraSheets?: readonly SheetSpec[];
  },
): Promise<Uint8Array> {
  const spec = buildMasterTemplate({
    plan: options.plan,
    fiscalYear: options.fiscalYear,
    title: options.title ?? DEFAULT_PLAN_TITLE,
  });
  const form = options.form;
  const withForm =
    form && form !== STANDARD_FORM
      ? {
          ...spec,
          sheets: [spec.sheets[0], buildFormSheet(form), ...spec.sheets.slice(1)].filter(
            (s) => s !== undefined,
          ),
        }
      : spec;
  const workbook = await factory.create(
    options.extraSheets ? { ...withForm, sheets: [...withForm.sheets, ...options.extraSheets] } : withForm,
  );
  const bytes = await workbook.toBuffer();
  await workbook.close();
  return bytes;
}
