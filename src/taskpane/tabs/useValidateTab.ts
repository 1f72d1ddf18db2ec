import { paneStage, stageMismatch } from '../../domain/validation/stageMismatch';
import { useCallback, useEffect, useState } from 'react';
import { cellMarks } from '../../app/cellMarks';
import { openFormInWorkbook } from '../../app/openPlan';
import type { ValidationResult } from '../../app/validateWorkbook';
import type { FormDefinition, Stage } from '../../domain/entry/formDefinition';
import type { Plan } from '../../domain/plan/types';
import type { Host } from '../host';
import { validateOn } from '../offload';
import { useCellSelection } from '../hooks/useCellSelection';
import { useOperation } from '../hooks/useOperation';

/**
 * 検証: run every rule of the stage on this workbook, go to cells, mark and unmark them on the sheets. The
 * sheets are read by the workbook's 様式 (`form`) when it has one.
 */
export function useValidateTab(
  host: Host,
  plan: Plan | undefined,
  workbookName: string | undefined,
  revision: number,
  form?: FormDefinition,
) {
  const [stage, setStage] = useState<Stage>('plan');
  const [result, setResult] = useState<ValidationResult | undefined>(undefined);
  const [stale, setStale] = useState(false);
  const op = useOperation();
  const marks = useOperation();
  const selection = useCellSelection(host);

  // The workbook's own 様式 (a department workbook's hidden one), which its sheets are validated by: the stage
  // hints name its fields before the first 検証 (the 体系's form, else R2's, otherwise).
  const [ownForm, setOwnForm] = useState<FormDefinition | undefined>(undefined);
  useEffect(() => {
    let current = true;
    const port = host.getSnapshot().port;
    if (!port) setOwnForm(undefined);
    else
      void openFormInWorkbook(port).then(
        (f) => current && setOwnForm(f),
        () => current && setOwnForm(undefined),
      );
    return () => {
      current = false;
    };
  }, [host, workbookName, revision]);

  // A different workbook or a write by the pane makes the shown result out of date.
  useEffect(() => setStale(true), [revision]);
  // Another workbook's result is not this one's at all: it goes (its cells are not this workbook's to colour).
  // Only when the workbook itself changes (selection and marks are stable operation handles).
  useEffect(() => {
    setResult(undefined);
    selection.clear();
    marks.reset();
  }, [workbookName]);

  const validate = useCallback(() => {
    void op.run(async (onProgress) => {
      const port = host.getSnapshot().port;
      if (!port) throw new Error('ブックが開かれていません。体系タブでブックを開いてください。');
      selection.clear();
      marks.reset();
      const r = await validateOn(
        port,
        { file: workbookName ?? 'このブック', stage, ...(plan && { plan }), ...(form && { form }) },
        onProgress,
      );
      setResult(r);
      setStale(false);
      const { summary } = r;
      if (summary.entries === 0)
        return {
          intent: 'warning' as const,
          message:
            'このブックには取組項目シートがありません。各課が記入したブック（シート作成タブで作ったブック）を開いて検証してください。',
        };
      // The stage chosen against what the sheets hold (計画 chosen in March): said after the counts.
      const mismatch = stageMismatch(
        r.extraction.entries.map((e) => e.entry),
        r.form,
        stage,
        { what: '検証', how: paneStage },
      );
      const then = mismatch ? ` ${mismatch}` : '';
      return summary.errors === 0 && summary.warnings === 0
        ? {
            intent: mismatch ? ('info' as const) : ('success' as const),
            message: `${summary.stageLabel}の検証: ${summary.entries} 件すべて問題ありません。${then}`,
          }
        : {
            intent: summary.errors > 0 ? ('warning' as const) : ('info' as const),
            message: `${summary.stageLabel}の検証: ${summary.entries} 件中 ${summary.complete} 件が完了、エラー ${summary.errors} 件・警告 ${summary.warnings} 件があります。${then}`,
          };
    }, '検証しています');
  }, [host, plan, workbookName, stage, op, marks, selection, form]);

  const mark = useCallback(() => {
    const port = host.getSnapshot().port;
    if (!port || !result) return;
    const toMark = cellMarks(result.findings);
    void marks.run(async () => {
      await port.markCells(toMark);
      // Several findings can name one cell (two rules about one field): it is coloured once, counted once.
      const cells = new Set(toMark.map((m) => `${m.sheet}!${m.cell}`)).size;
      const marked = `${cells} か所のセルに色を付けました（エラー: 赤、警告: 黄、情報: 紫）。`;
      // In file mode the colours are in the pane's copy: they reach a file only when it is downloaded.
      return host.mode === 'file'
        ? `${marked}色は、上の［作業中のブックをダウンロード］で保存するブックに付きます。`
        : marked;
    });
  }, [host, result, marks]);

  const clear = useCallback(() => {
    const port = host.getSnapshot().port;
    if (!port) return;
    void marks.run(async () => {
      await port.clearMarks();
      return 'セルの色を元に戻しました。';
    });
  }, [host, marks]);

  return {
    /** The form the workbook's sheets are read by: its own 様式, else the 体系's (undefined: R2's). */
    form: ownForm ?? form,
    stage,
    setStage,
    result,
    stale,
    state: op.state,
    markState: marks.state,
    validate,
    mark,
    clear,
    selection,
  };
}
