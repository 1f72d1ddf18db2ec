import { useCallback, useEffect, useReducer, useState } from 'react';
import { consolidate, type ConsolidateResult } from '../../app/consolidate';
import { consolidationReport } from '../../app/consolidationReport';
import type { Stage } from '../../domain/entry/formDefinition';
import { formatFiscalYear } from '../../domain/fiscal/fiscalYear';
import { localStamp } from '../../domain/fiscal/localStamp';
import type { Plan } from '../../domain/plan/types';
import { DEFAULT_PLAN_TITLE } from '../../domain/template/buildDepartmentWorkbook';
import { currentFiscalYear } from '../fiscal';
import { XLSX_MIME, type Host } from '../host';
import { useOperation } from '../hooks/useOperation';
import { consolidationCounts, consolidationMessage } from './consolidationCounts';
import { masterFileName } from './masterFileName';
import { filesReducer, sourceInput } from './pickedFiles';

export { masterFileName };

export { FILE_STATUS_LABELS, filesReducer, type FileStatus, type PickedFile } from './pickedFiles';

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
    const ids = files.map((f) => f.id);
    const inputs = files.map(sourceInput);
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
            const id = ids[p.done];
            if (id !== undefined) dispatch({ type: 'reading', id });
            onProgress(p);
          },
        });
        dispatch({ type: 'finished', consolidation: r.consolidation });
        setResult(r);
        host.touch();
        return consolidationMessage(consolidationCounts(r));
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
