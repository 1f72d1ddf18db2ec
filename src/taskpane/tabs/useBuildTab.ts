import { useCallback, useEffect, useMemo, useReducer } from 'react';
import { buildDepartmentFiles, buildIntoWorkbook } from '../../app/buildWorkbooks';
import { formatFiscalYear } from '../../domain/fiscal/fiscalYear';
import type { FormDefinition } from '../../domain/entry/formDefinition';
import type { Plan } from '../../domain/plan/types';
import { currentFiscalYear } from '../fiscal';
import { XLSX_MIME, type Host } from '../host';
import { zipFiles } from '../lazy';
import { useOperation } from '../hooks/useOperation';

/** Where the built sheets go. */
export type BuildTarget = 'this-workbook' | 'new-workbooks' | 'download-each' | 'download-zip';

export interface BuildForm {
  readonly fiscalYear: number;
  /** Departments the user unticked: a new 体系 starts with all of its departments chosen. */
  readonly excluded: readonly string[];
  readonly target: BuildTarget;
}

/** The chosen departments, in 体系 order. */
export const chosenDepartments = (form: BuildForm, plan: Plan | undefined): readonly string[] =>
  (plan?.departments ?? []).filter((d) => !form.excluded.includes(d));

export type BuildFormAction =
  | { type: 'year'; fiscalYear: number }
  | { type: 'toggle'; department: string; on: boolean }
  | { type: 'all' }
  | { type: 'none'; departments: readonly string[] }
  | { type: 'target'; target: BuildTarget };

export function buildFormReducer(state: BuildForm, action: BuildFormAction): BuildForm {
  switch (action.type) {
    case 'year':
      return { ...state, fiscalYear: action.fiscalYear };
    case 'toggle':
      return {
        ...state,
        excluded: action.on
          ? state.excluded.filter((d) => d !== action.department)
          : [...new Set([...state.excluded, action.department])],
      };
    case 'all':
      return { ...state, excluded: [] };
    case 'none':
      return { ...state, excluded: action.departments };
    case 'target':
      return { ...state, target: action.target };
  }
}

/**
 * Between two downloads handed to the browser: Chromium drops most of a burst of them (headless, 2026-12: of 40
 * handed over at once, 10 arrived; with 50 ms between them, 22). With 100 ms all 60 of a test arrived: three
 * times that leaves room for a busy PC, at 12 s for 40 departments.
 */
export const DOWNLOAD_GAP_MS = 300;

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The targets this host offers, in the order shown. */
export function buildTargets(host: Host, hasWorkbook: boolean): BuildTarget[] {
  return [
    ...(hasWorkbook ? (['this-workbook'] as const) : []),
    ...(host.createWorkbook ? (['new-workbooks'] as const) : []),
    ...(host.download ? (['download-each', 'download-zip'] as const) : []),
  ];
}

/**
 * シート作成: build the chosen departments' sheets into this workbook, or one workbook per department, by the
 * workbook's 様式 (`form`; the built-in R2 form when it has none).
 */
export function useBuildTab(
  host: Host,
  plan: Plan | undefined,
  hasWorkbook: boolean,
  today: Date = new Date(),
  form?: FormDefinition,
  /** The 体系's year (its sheet's 令和N年度): the year built unless the user picks another, as in 集約. */
  planYear?: number,
) {
  const targets = useMemo(() => buildTargets(host, hasWorkbook), [host, hasWorkbook]);
  const [choice, dispatch] = useReducer(buildFormReducer, undefined, () => ({
    fiscalYear: planYear ?? currentFiscalYear(today),
    excluded: [],
    target: targets[0] ?? 'this-workbook',
  }));
  useEffect(() => {
    if (planYear !== undefined) dispatch({ type: 'year', fiscalYear: planYear });
  }, [planYear]);
  const op = useOperation();
  const departments = chosenDepartments(choice, plan);
  useEffect(() => {
    if (targets.length > 0 && !targets.includes(choice.target))
      dispatch({ type: 'target', target: targets[0]! });
  }, [targets, choice.target]);

  const build = useCallback(() => {
    if (!plan) return;
    const options = { plan, fiscalYear: choice.fiscalYear, departments, ...(form && { form }) };
    const year = formatFiscalYear(choice.fiscalYear);
    void op.run(async (onProgress) => {
      if (choice.target === 'this-workbook') {
        const port = host.getSnapshot().port;
        if (!port) throw new Error('ブックが開かれていません。先に体系タブでブックを開いてください。');
        const written = await buildIntoWorkbook(port, options, onProgress);
        host.touch();
        return written === 0
          ? `作成するシートはありませんでした（${year}の選んだ課のシートはすべてこのブックにあります）。`
          : `${year}の取組項目シートを ${written} 枚作成しました。`;
      }
      const factory = await host.loadFactory();
      const files = await buildDepartmentFiles(factory, options, (p) =>
        onProgress({ ...p, total: p.total + 1 }),
      );
      const sheets = files.reduce((n, f) => n + f.sheets, 0);
      switch (choice.target) {
        case 'new-workbooks':
          for (const [i, file] of files.entries()) {
            onProgress({
              done: i,
              total: files.length,
              label: `${file.department}のブックを Excel で開いています`,
            });
            await host.createWorkbook?.(file.bytes);
          }
          return `${files.length} 課のブック（計 ${sheets} シート）を Excel で開きました。それぞれ「${year}」の名前を付けて保存し、各課に配布してください。`;
        case 'download-each':
          // One at a time, a pause between them, as sites that offer many files do.
          for (const [i, file] of files.entries()) {
            onProgress({
              done: i,
              total: files.length,
              label: `「${file.fileName}」をダウンロードしています（${i + 1} / ${files.length}）`,
            });
            if (i > 0) await pause(DOWNLOAD_GAP_MS);
            host.download?.(file.fileName, file.bytes, XLSX_MIME);
          }
          // The page only hands the files over: the browser may ask first, or hold some back.
          return `${files.length} 個のブック（計 ${sheets} シート）を 1 つずつブラウザーに渡しました。ブラウザーが「複数のファイルのダウンロード」を許可するか尋ねたら、許可してください。届かないブックがあるときは、「課ごとのブックを .zip にまとめてダウンロード」なら 1 つのファイルで届きます。渡したブック: ${files.map((f) => f.fileName).join('、')}`;
        case 'download-zip': {
          onProgress({ done: files.length, total: files.length + 1, label: 'ZIP にまとめています' });
          const zip = await zipFiles(files.map((f) => ({ name: f.fileName, bytes: f.bytes })));
          const name = `${year}_課別シート.zip`;
          host.download?.(name, zip, 'application/zip');
          return `${files.length} 課のブック（計 ${sheets} シート）を「${name}」にまとめてダウンロードしました。`;
        }
      }
    }, 'シートを作成しています');
  }, [host, plan, choice, departments, op, form]);

  return { form: choice, departments, dispatch, targets, state: op.state, build };
}
