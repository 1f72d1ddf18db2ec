import { useCallback, useEffect, useReducer, useState } from 'react';
import {
  consolidateSources,
  masterYearProblem,
  targetProblem,
  decideRunYear,
  readSources,
  type ConsolidateResult,
} from '../../app/consolidate';
import { consolidationReport } from '../../app/consolidationReport';
import type { FormDefinition, Stage } from '../../domain/entry/formDefinition';
import { decidedYear, type YearDecision, type YearFiles } from '../../domain/fiscal/decideFiscalYear';
import { formatFiscalYear } from '../../domain/fiscal/fiscalYear';
import { localStamp } from '../../domain/fiscal/localStamp';
import { skippedYearsNote, type HistoryYear } from '../../domain/history/yearHistory';
import type { Plan } from '../../domain/plan/types';
import { DEFAULT_PLAN_TITLE } from '../../domain/template/buildDepartmentWorkbook';
import { currentFiscalYear } from '../fiscal';
import type { Progress } from '../../workbook/port';
import { XLSX_MIME, type Host } from '../host';
import { useOperation } from '../hooks/useOperation';
import { useFolder } from '../folder/useFolder';
import { consolidationCounts, consolidationMessage } from './consolidationCounts';
import { isMacroEnabled } from '../../workbook/xlsx/workbookType';
import { masterFileName } from './masterFileName';
import { filesReducer, sourceInput } from './pickedFiles';

export { masterFileName };

export { FILE_STATUS_LABELS, filesReducer, type FileStatus, type PickedFile } from './pickedFiles';

const LISTED = 5;
/** `令和3年度: a.xlsx、b.xlsx ほか 4 件`. */
const filesOfYear = (y: YearFiles): string =>
  `${formatFiscalYear(y.fiscalYear)}: ${y.files.slice(0, LISTED).join('、')}${
    y.files.length > LISTED ? ` ほか ${y.files.length - LISTED} 件` : ''
  }`;
const WRONG_YEAR_NOTE =
  'ほかの年度のシートは「年度違い」として集約していません（集約ログに内容を残しています）。';

/**
 * Which year a pane run consolidated and why, as the CLI's summary says it: the 年度 the user chose, the
 * year written in the files, or the 年度 list's year when the files carry none or disagree.
 */
export function yearNote(d: YearDecision): string {
  switch (d.kind) {
    case 'explicit':
      return `${formatFiscalYear(d.fiscalYear)}で集約しました（「年度」で選んだ年度）。${
        d.others.length === 0
          ? ''
          : `ほかの年度のシートがあるファイル: ${d.others.map(filesOfYear).join('／')}。${WRONG_YEAR_NOTE}`
      }`;
    case 'inferred':
      return `ファイルに書かれた年度で集約しました（${formatFiscalYear(d.fiscalYear)}）。${
        d.fallback !== undefined && d.fallback !== d.fiscalYear
          ? `「年度」に表示していた${formatFiscalYear(d.fallback)}とは違います。`
          : ''
      }`;
    case 'default':
      return `ファイルに年度が書かれていないため、「年度」の${formatFiscalYear(d.fiscalYear)}で集約しました。`;
    case 'mixed':
      return `ファイルの年度が揃っていないため、「年度」の${formatFiscalYear(d.fiscalYear)}で集約しました。ファイルの年度: ${d.byYear
        .map(filesOfYear)
        .join('／')}。${WRONG_YEAR_NOTE}別の年度で集約するときは「年度」を選んでください。`;
    case 'undecided':
      return `ファイルの年度が揃っていないため、どの年度として集約するか決められません（${d.byYear
        .map(filesOfYear)
        .join(
          '／',
        )}）。「年度」で集約する年度を選んでから、もう一度集約してください。全体計画は変更していません。`;
    case 'none':
      return '';
  }
}

/** 集約: department files in, the master view of this workbook out, and what happened to every file. */
export function useConsolidateTab(
  host: Host,
  plan: Plan | undefined,
  planYear: number | undefined,
  planTitle: string | undefined,
  today: Date = new Date(),
  /** Past years' masters (「過去の集約ファイルを追加」): the master gets a 推移 sheet over them. */
  history: readonly HistoryYear[] = [],
  /** The 体系 workbook's 様式 (default: the built-in R2 form): the files are read and the master built by it. */
  form?: FormDefinition,
  /** Past files listed under 過去の集約ファイル that cannot be used (a template, a department's workbook). */
  unusablePast: readonly string[] = [],
) {
  const [files, dispatch] = useReducer(filesReducer, []);
  const [stage, setStage] = useState<Stage>('year-end');
  const [fiscalYear, setFiscalYear] = useState<number>(planYear ?? currentFiscalYear(today));
  // Until the user picks a 年度, the files decide the year (as the CLI without --year); the list's year is
  // then only the default for files that carry none.
  const [yearChosen, setYearChosen] = useState(false);
  const chooseFiscalYear = useCallback((year: number) => {
    setYearChosen(true);
    setFiscalYear(year);
  }, []);
  const [result, setResult] = useState<ConsolidateResult | undefined>(undefined);
  // The 体系's own year (its title row) is the year being consolidated, once it has been read.
  useEffect(() => {
    if (planYear !== undefined) setFiscalYear(planYear);
  }, [planYear]);
  const op = useOperation();
  const reading = useOperation();
  const folder = useFolder(host, files, dispatch);

  const addFiles = useCallback(
    (picked: File[]) =>
      void reading.run(async () => {
        const inputs = await host.readFiles(picked);
        dispatch({ type: 'add', inputs });
        return `${inputs.length} 個のファイルを追加しました。`;
      }),
    [host, reading],
  );

  const run = useCallback(() => {
    if (!plan || files.length === 0) return;
    const ids = files.map((f) => f.id);
    const inputs = files.map(sourceInput);
    void op.run(async (onProgress) => {
      reading.reset();
      const progress: Progress = (p) => {
        const id = ids[p.done];
        if (id !== undefined) dispatch({ type: 'reading', id });
        onProgress(p);
      };
      try {
        const factory = await host.loadFactory();
        const read = await readSources(plan, inputs, {
          factory,
          fiscalYear,
          onProgress: progress,
          ...(form && { form }),
        });
        // Decided over the files just read, as the CLI does: nothing is read twice to learn their year.
        const year = decideRunYear(read, yearChosen ? { explicit: fiscalYear } : { fallback: fiscalYear });
        const used = decidedYear(year);
        if (used === undefined) {
          dispatch({ type: 'failed' });
          setResult(undefined);
          return { intent: 'warning', message: yearNote(year) };
        }
        const open = host.getSnapshot();
        const target = open.port ?? (await host.ensureWorkbook(`${formatFiscalYear(used)}_全体計画.xlsx`));
        // The open workbook is a department's (its 取組項目 sheets, no 全体計画): refused as the CLI's --out is.
        const openName = open.name ?? '開いているブック';
        const problem = open.port
          ? await targetProblem(target, openName, { plan, ...(form && { form }) })
          : undefined;
        if (problem) {
          dispatch({ type: 'failed' });
          setResult(undefined);
          return {
            intent: 'warning',
            message: `${problem}全体計画のブック（または体系のブック）を開いてから集約してください。`,
          };
        }
        // The open master holds another year's 全体計画 (令和4年度's, given 令和3年度's returns): refused too.
        const held = open.port ? await masterYearProblem(target, openName, used) : {};
        if (held.problem) {
          dispatch({ type: 'failed' });
          setResult(undefined);
          return {
            intent: 'warning',
            message: `${held.problem}${
              // The 年度 list still shows the open master's year: say where the other one came from.
              year.kind === 'inferred' && used !== fiscalYear
                ? `（${formatFiscalYear(used)}は、ファイルに書かれた年度です。）`
                : ''
            }${formatFiscalYear(used)}の全体計画のブック（シート作成タブの「前年度の全体計画から作成（引継ぎ）」で作るひな形、または体系のブック）を開いてから集約してください。`,
          };
        }
        const r = await consolidateSources(plan, read, year, {
          target,
          ...(held.master && { previousMaster: held.master }),
          stage,
          fiscalYear: used,
          stamp: localStamp(new Date()),
          title: planTitle ?? DEFAULT_PLAN_TITLE,
          onProgress: progress,
          ...(form && { form }),
          ...(history.length > 0 && { history }),
        });
        dispatch({ type: 'finished', consolidation: r.consolidation });
        setResult(r);
        // The list shows the year used; it stays the files' choice until the user picks one.
        setFiscalYear(used);
        host.touch();
        const outcome = consolidationMessage(consolidationCounts(r));
        // A past file listed with its reason is left out of 推移: the result says so, not only the list.
        const unused =
          unusablePast.length === 0
            ? ''
            : `過去の集約ファイル${unusablePast.map((n) => `「${n}」`).join('')}は使えないため、推移に含めていません（理由は「過去の集約ファイル（推移）」の一覧にあります）。`;
        if (history.length === 0)
          return unused === '' ? outcome : { intent: 'warning', message: `${outcome.message}${unused}` };
        // As the CLI's summary: which years the 推移 sheet shows.
        const years = [...new Set([...history.map((h) => h.fiscalYear), used])].sort((a, b) => a - b);
        return {
          ...outcome,
          ...(unused !== '' && { intent: 'warning' as const }),
          message: `${outcome.message}「推移」シートに${years.map(formatFiscalYear).join('・')}の推移を書きました。${skippedYearsNote(years) ?? ''}${unused}`,
        };
      } catch (e) {
        dispatch({ type: 'failed' });
        throw e;
      }
    }, '集約しています');
  }, [host, plan, files, stage, fiscalYear, yearChosen, planTitle, history, form, unusablePast, op, reading]);

  const downloadMaster = useCallback(async () => {
    const bytes = await host.saveCurrent?.();
    const year = (result && decidedYear(result.year)) ?? fiscalYear;
    if (bytes)
      host.download?.(masterFileName(host.getSnapshot().name, year, isMacroEnabled(bytes)), bytes, XLSX_MIME);
  }, [host, result, fiscalYear]);

  const downloadReport = useCallback(() => {
    if (!result) return;
    const json = JSON.stringify(consolidationReport(result.consolidation, result.viewFindings), null, 2);
    host.download?.('report.json', json, 'application/json');
  }, [host, result]);

  return {
    files,
    addFiles,
    folder,
    removeFile: (id: string) => dispatch({ type: 'remove', id }),
    clearFiles: () => dispatch({ type: 'clear' }),
    stage,
    setStage,
    fiscalYear,
    setFiscalYear: chooseFiscalYear,
    result,
    state: op.state,
    readState: reading.state,
    run,
    downloadMaster: () => void downloadMaster(),
    downloadReport,
  };
}
