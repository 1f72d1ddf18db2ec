import { useCallback, useEffect, useReducer, useState } from 'react';
import { consolidate, type ConsolidateResult, type SourceInput } from '../../app/consolidate';
import { consolidationReport } from '../../app/consolidationReport';
import type { Consolidation, Outcome } from '../../domain/consolidation/types';
import type { Stage } from '../../domain/entry/formDefinition';
import { formatFiscalYear } from '../../domain/fiscal/fiscalYear';
import { localStamp } from '../../domain/fiscal/localStamp';
import type { Plan } from '../../domain/plan/types';
import { DEFAULT_PLAN_TITLE } from '../../domain/template/buildDepartmentWorkbook';
import { currentFiscalYear } from '../fiscal';
import { XLSX_MIME, type Host } from '../host';
import { useOperation } from '../hooks/useOperation';
import { masterFileName } from './masterFileName';

export { masterFileName };

export type FileStatus = 'waiting' | 'reading' | 'read' | 'done' | 'error';
export const FILE_STATUS_LABELS: Readonly<Record<FileStatus, string>> = {
  waiting: '待機',
  reading: '読込中',
  read: '読込済み',
  done: '集約済み',
  error: 'エラー',
};

export interface PickedFile {
  readonly id: string;
  readonly input: SourceInput;
  readonly status: FileStatus;
  /** Japanese: why a file was rejected, or what was taken from it. */
  readonly note?: string;
}

export type FilesAction =
  | { type: 'add'; inputs: readonly SourceInput[] }
  | { type: 'remove'; id: string }
  | { type: 'clear' }
  | { type: 'reading'; index: number }
  | { type: 'finished'; consolidation: Consolidation }
  | { type: 'failed' };

const idOf = (input: SourceInput): string => `${input.file}|${input.modified}|${input.bytes.length}`;
const TAKEN = new Set<Outcome>(['consolidated', 'merged', 'flagged', 'compiled-kept']);
/** Sheets that were read but not taken, in a few words (every one is in report.json with its reason). */
const NOT_TAKEN: Partial<Record<Outcome, string>> = {
  empty: '未記入',
  replaced: '新しいファイルに差し替え',
  duplicate: '重複',
  'not-entry': '取組項目シート以外',
  unreadable: '読み取れない',
};

export function filesReducer(files: readonly PickedFile[], action: FilesAction): readonly PickedFile[] {
  switch (action.type) {
    case 'add': {
      const known = new Set(files.map((f) => f.id));
      // The same file picked twice (or dropped again) is listed once.
      const fresh = action.inputs.flatMap((input) => {
        const id = idOf(input);
        if (known.has(id)) return [];
        known.add(id);
        return [{ id, input, status: 'waiting' as const }];
      });
      return [...files.map((f) => ({ id: f.id, input: f.input, status: 'waiting' as const })), ...fresh];
    }
    case 'remove':
      return files.filter((f) => f.id !== action.id);
    case 'clear':
      return [];
    case 'reading':
      return files.map((f, i) => ({
        ...f,
        status: i < action.index ? 'read' : i === action.index ? 'reading' : f.status,
      }));
    case 'finished':
      return files.map((f) => {
        const records = action.consolidation.log.filter((r) => r.file === f.input.file);
        const rejected = records.find((r) => r.outcome === 'rejected');
        if (rejected) return { ...f, status: 'error', note: rejected.detail };
        const taken = records.filter((r) => TAKEN.has(r.outcome)).length;
        const others = Object.entries(NOT_TAKEN).flatMap(([outcome, label]) => {
          const n = records.filter((r) => r.outcome === outcome).length;
          return n > 0 ? [`${label} ${n}`] : [];
        });
        return {
          ...f,
          status: 'done',
          note: `${taken} シートを集約${others.length > 0 ? `（${others.join('・')}）` : ''}`,
        };
      });
    case 'failed':
      return files.map((f) =>
        f.status === 'reading' || f.status === 'read' ? { ...f, status: 'waiting' } : f,
      );
  }
}

/** 集約: department files in, the master view of this workbook out, and what happened to every file. */
export function useConsolidateTab(
  host: Host,
  plan: Plan | undefined,
  planYear: number | undefined,
  planTitle: string | undefined,
  today: Date = new Date(),
) {
  const [files, dispatch] = useReducer(filesReducer, []);
  const [stage, setStage] = useState<Stage>('year-end');
  const [fiscalYear, setFiscalYear] = useState<number>(planYear ?? currentFiscalYear(today));
  const [result, setResult] = useState<ConsolidateResult | undefined>(undefined);
  // The 体系's own year (its title row) is the year being consolidated, once it has been read.
  useEffect(() => {
    if (planYear !== undefined) setFiscalYear(planYear);
  }, [planYear]);
  const op = useOperation();
  const reading = useOperation();

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
    const inputs = files.map((f) => f.input);
    void op.run(async (onProgress) => {
      reading.reset();
      const target =
        host.getSnapshot().port ??
        (await host.ensureWorkbook(`${formatFiscalYear(fiscalYear)}_全体計画.xlsx`));
      const factory = await host.loadFactory();
      try {
        const r = await consolidate(plan, inputs, {
          factory,
          target,
          stage,
          fiscalYear,
          stamp: localStamp(new Date()),
          title: planTitle ?? DEFAULT_PLAN_TITLE,
          onProgress: (p) => {
            if (p.done < inputs.length) dispatch({ type: 'reading', index: p.done });
            onProgress(p);
          },
        });
        dispatch({ type: 'finished', consolidation: r.consolidation });
        setResult(r);
        host.touch();
        const entries = r.consolidation.rows.filter((row) => row.status !== 'missing').length;
        const message = `${inputs.length} 個のファイルから ${entries} 件を「全体計画」に集約しました。${r.rejected > 0 ? `受け付けられなかったファイルが ${r.rejected} 個あります。` : ''}`;
        return r.rejected > 0 ? { intent: 'warning' as const, message } : message;
      } catch (e) {
        dispatch({ type: 'failed' });
        throw e;
      }
    }, '集約しています');
  }, [host, plan, files, stage, fiscalYear, planTitle, op, reading]);

  const downloadMaster = useCallback(async () => {
    const bytes = await host.saveCurrent?.();
    if (bytes) host.download?.(masterFileName(host.getSnapshot().name, fiscalYear), bytes, XLSX_MIME);
  }, [host, fiscalYear]);

  const downloadReport = useCallback(() => {
    if (!result) return;
    const json = JSON.stringify(consolidationReport(result.consolidation, result.viewFindings), null, 2);
    host.download?.('report.json', json, 'application/json');
  }, [host, result]);

  return {
    files,
    addFiles,
    removeFile: (id: string) => dispatch({ type: 'remove', id }),
    clearFiles: () => dispatch({ type: 'clear' }),
    stage,
    setStage,
    fiscalYear,
    setFiscalYear,
    result,
    state: op.state,
    readState: reading.state,
    run,
    downloadMaster: () => void downloadMaster(),
    downloadReport,
  };
}
