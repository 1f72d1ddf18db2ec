import { useCallback, useState } from 'react';
import type { RolloverResult } from '../../app/rollover';
import type { FormDefinition } from '../../domain/entry/formDefinition';
import { formatFiscalYear } from '../../domain/fiscal/fiscalYear';
import { planItems } from '../../domain/plan/planItems';
import type { Plan } from '../../domain/plan/types';
import { XLSX_MIME, type Host } from '../host';
import { useOperation } from '../hooks/useOperation';
import { onceUntilFailure, zipFiles } from '../lazy';
import { samePlan } from './samePlan';

/** The names `suishin rollover` writes (src/cli/commands/rolloverCommand.ts, buildCommand.ts). */
export const ROLLOVER_FILES = { master: '全体計画.xlsx', mapping: 'mapping.json' } as const;

/** The use case and its readers: a chunk of their own, fetched when a master is first picked. */
export const loadRollover = onceUntilFailure(
  () => import(/* webpackChunkName: "rollover" */ './rolloverRun'),
);

/** Last year's master as picked: its year and 体系 once read, or why it cannot be used. */
export interface PickedMaster {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly fiscalYear?: number;
  readonly plan?: Plan;
  readonly error?: string;
}

export interface RolloverOptions {
  readonly fiscalYear: number | undefined;
  readonly printReference: boolean;
  /** Next year's 体系 is the open workbook's (and its 様式), not the master's. */
  readonly useOpenPlan: boolean;
}

/** A finished rollover and the lines of its summary that are notes, not the 対応表. */
export interface RolloverShown {
  readonly result: RolloverResult;
  readonly notes: readonly string[];
  /** The master and 体系 it was made from, in one sentence. */
  readonly source: string;
}

/**
 * シート作成's 「前年度の全体計画から作成（引継ぎ）」: last year's master picked, next year's department
 * workbooks, 全体計画 template and 対応表 made by `rollover` (the use case the CLI runs), then handed over
 * as the build tab hands department files over: downloads in file mode, new workbooks in Excel.
 */
export function useRollover(
  host: Host,
  openPlan: Plan | undefined,
  openForm: FormDefinition | undefined,
  openTitle: string | undefined,
) {
  const [master, setMaster] = useState<PickedMaster>();
  const [options, setOptions] = useState<RolloverOptions>({
    fiscalYear: undefined,
    printReference: false,
    useOpenPlan: false,
  });
  const [mapping, setMapping] = useState<{ readonly name: string; readonly text: string }>();
  const [shown, setShown] = useState<RolloverShown>();
  const op = useOperation();
  const deliverOp = useOperation();

  const pick = useCallback(
    (file: File) =>
      void op.run(async () => {
        setShown(undefined);
        setMapping(undefined);
        const [input] = await host.readFiles([file]);
        if (!input) return { intent: 'warning', message: 'ファイルを読み込めませんでした。' };
        const { readPastMaster } = await loadRollover();
        const read = await readPastMaster(input.bytes, input.file, '前年度の全体計画');
        if (!read.ok) {
          setMaster({ name: input.file, bytes: input.bytes, error: read.error });
          return { intent: 'warning', message: read.error };
        }
        const { fiscalYear, plan } = read.value;
        setMaster({ name: input.file, bytes: input.bytes, fiscalYear, plan });
        setOptions((o) => ({ ...o, fiscalYear: fiscalYear + 1 }));
        return {
          intent: 'info',
          message: `「${input.file}」は${formatFiscalYear(fiscalYear)}の全体計画です（記入 ${read.value.rows.filter((r) => r.entry).length} 行）。年度を選んで作成してください。`,
        };
      }, '前年度の全体計画を読み込んでいます'),
    [host, op],
  );

  /** The open workbook's 体系 can be next year's when there is one and it is not the master's own. */
  const openPlanDiffers = Boolean(openPlan && master?.plan && !samePlan(openPlan, master.plan));
  const useOpen = options.useOpenPlan && openPlanDiffers;

  const run = useCallback(
    (withMapping = mapping) => {
      const fiscalYear = options.fiscalYear;
      if (!master?.plan || fiscalYear === undefined) return;
      void op.run(async (onProgress) => {
        setShown(undefined);
        const { rollover, buildMasterTemplateFile, mappingSummary } = await loadRollover();
        const factory = await host.loadFactory();
        const workbook = host.getSnapshot().name ?? '開いているブック';
        const plan =
          useOpen && openPlan
            ? {
                // The 体系 (and 様式) as the pane read them, written as a 体系 workbook for the use case.
                bytes: await buildMasterTemplateFile(factory, {
                  plan: openPlan,
                  fiscalYear,
                  ...(openTitle !== undefined && { title: openTitle }),
                  ...(openForm && { form: openForm }),
                }),
                file: workbook,
              }
            : undefined;
        const made = await rollover({
          master: { bytes: master.bytes, file: master.name },
          fiscalYear,
          ...(plan && { plan }),
          ...(withMapping && { mapping: { text: withMapping.text, file: withMapping.name } }),
          ...(options.printReference && { printReference: true }),
          factory,
          onProgress,
        });
        if (!made.ok) throw new Error(made.error);
        const r = made.value;
        const notes = r.summary.slice(mappingSummary(r.mapping).length);
        setShown({
          result: r,
          notes,
          source: `${formatFiscalYear(r.lastYear)}の全体計画「${master.name}」から、${useOpen ? `開いているブック「${workbook}」の体系` : '前年度と同じ体系'}で${withMapping ? `、対応表「${withMapping.name}」のとおりに` : ''}作成しました。`,
        });
        const sheets = r.files.reduce((n, f) => n + f.sheets, 0);
        return `${formatFiscalYear(r.nextYear)}の ${r.files.length} 課のブック（計 ${sheets} シート）を作りました。引き継いだ記入 ${r.starting.length} 件。下の「作成したファイル」から受け取ってください。`;
      }, '前年度から引き継いでいます');
    },
    [host, master, options, mapping, useOpen, openPlan, openForm, openTitle, op],
  );

  /** An edited mapping.json: kept, and the rollover made again by it. */
  const pickMapping = useCallback(
    async (file: File) => {
      const [input] = await host.readFiles([file]);
      if (!input) return;
      const picked = { name: input.file, text: new TextDecoder().decode(input.bytes) };
      setMapping(picked);
      run(picked);
    },
    [host, run],
  );
  const clearMapping = useCallback(() => {
    setMapping(undefined);
    setShown(undefined);
  }, []);

  const year = shown ? formatFiscalYear(shown.result.nextYear) : '';
  /** Hand one workbook over: a download in file mode, a new workbook window in Excel. */
  const deliver = useCallback(
    async (fileName: string, bytes: Uint8Array) => {
      if (host.download) host.download(fileName, bytes, XLSX_MIME);
      else await host.createWorkbook?.(bytes);
    },
    [host],
  );
  const canDeliver = host.download !== undefined || host.createWorkbook !== undefined;

  const deliverDepartments = useCallback(
    (which: 'each' | 'zip' | string) => {
      const files = shown?.result.files ?? [];
      void deliverOp.run(async (onProgress) => {
        if (which === 'zip') {
          const zip = await zipFiles(files.map((f) => ({ name: f.fileName, bytes: f.bytes })));
          const name = `${year}_課別シート_引継ぎ.zip`;
          host.download?.(name, zip, 'application/zip');
          return `${files.length} 課のブックを「${name}」にまとめてダウンロードしました。`;
        }
        const chosen = which === 'each' ? files : files.filter((f) => f.department === which);
        for (const [i, f] of chosen.entries()) {
          onProgress({ done: i, total: chosen.length, label: `${f.department}のブック` });
          await deliver(f.fileName, f.bytes);
        }
        return host.download
          ? `${chosen.map((f) => f.fileName).join('、')} をダウンロードしました。`
          : `${chosen.map((f) => f.department).join('、')}のブックを Excel で開きました。それぞれ「${year}」の名前を付けて保存し、各課に配布してください。`;
      }, '課のブックを渡しています');
    },
    [shown, deliverOp, deliver, host, year],
  );
  const deliverMaster = useCallback(() => {
    const bytes = shown?.result.masterTemplate;
    if (!bytes) return;
    void deliverOp.run(async () => {
      await deliver(`${year}_${ROLLOVER_FILES.master}`, bytes);
      return host.download
        ? `${year}_${ROLLOVER_FILES.master} をダウンロードしました（体系・全体計画のひな形・対応表のシート）。`
        : `${year}の全体計画のひな形（体系・全体計画・対応表のシート）を Excel で開きました。名前を付けて保存してください。`;
    });
  }, [shown, deliverOp, deliver, host, year]);
  const downloadMapping = useCallback(() => {
    if (!shown || !host.download) return;
    host.download(ROLLOVER_FILES.mapping, shown.result.mappingJson, 'application/json');
  }, [shown, host]);

  return {
    master,
    options,
    setOptions,
    openPlanDiffers,
    openPlanItems: openPlan ? planItems(openPlan).length : 0,
    mapping,
    shown,
    state: op.state,
    deliverState: deliverOp.state,
    canDeliver,
    canDownload: host.download !== undefined,
    pick,
    run: () => run(),
    pickMapping: (file: File) => void pickMapping(file),
    clearMapping,
    deliverDepartments,
    deliverMaster,
    downloadMapping,
  };
}
