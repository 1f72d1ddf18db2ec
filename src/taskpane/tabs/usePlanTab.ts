import { useCallback } from 'react';
import { formatFiscalYear } from '../../domain/fiscal/fiscalYear';
import type { Plan } from '../../domain/plan/types';
import type { SheetSpec } from '../../domain/template/sheetSpec';
import { currentFiscalYear } from '../fiscal';
import type { Host } from '../host';
import { loadSample } from '../lazy';
import { useCellSelection } from '../hooks/useCellSelection';
import { useOperation, type Outcome } from '../hooks/useOperation';

const EMPTY_PLAN: Plan = { basics: [], departments: [] };

/** The built-in samples the 体系 tab offers, by id (src/domain/sample/samples.ts), with their buttons' labels. */
export const SAMPLE_CHOICES: readonly { readonly id: string; readonly label: string }[] = [
  { id: 'r2', label: 'サンプル（R2 上富良野町）を挿入' },
  { id: 'kpi', label: 'サンプル（指標 こもれび町）を挿入' },
];

/** The sheet builders are needed only when inserting: they stay out of the first screen's chunk. */
const loadMasterTemplate = () => import(/* webpackChunkName: "master-template" */ './masterTemplate');

/** `sheets` with `extra` placed right after the sheet named `after` (at the end when there is none). */
const placeAfter = (sheets: readonly SheetSpec[], after: string, extra: SheetSpec): SheetSpec[] => {
  const at = sheets.findIndex((s) => s.name === after);
  return at < 0 ? [...sheets, extra] : [...sheets.slice(0, at + 1), extra, ...sheets.slice(at + 1)];
};

/**
 * 体系 tab: insert a sample (its 体系, 全体計画 and 様式), an empty 体系 (with an empty 全体計画), or the R2
 * form as a 様式 sheet to edit; go to problem cells. Existing sheets are never overwritten.
 */
export function usePlanTab(host: Host) {
  const insert = useOperation();
  const selection = useCellSelection(host);

  const write = useCallback(
    (sampleId: string | undefined) =>
      insert.run(async (onProgress) => {
        const [sample, t] = await Promise.all([
          sampleId === undefined ? undefined : loadSample(sampleId),
          loadMasterTemplate(),
        ]);
        if (sampleId !== undefined && !sample) throw new Error(`サンプル「${sampleId}」はありません。`);
        const fiscalYear = sample?.fiscalYear ?? currentFiscalYear();
        const spec = t.buildMasterTemplate({
          plan: sample?.plan ?? EMPTY_PLAN,
          fiscalYear,
          title: sample?.planTitle ?? t.DEFAULT_PLAN_TITLE,
        });
        // A sample comes with its form as a 様式 sheet beside its 体系, for 総務課 to start from.
        const sheets = sample
          ? placeAfter(spec.sheets, t.PLAN_SHEET_NAME, t.buildFormSheet(sample.form))
          : spec.sheets;
        const port = await host.ensureWorkbook(`${formatFiscalYear(fiscalYear)}_全体計画.xlsx`);
        const existing = new Set((await port.listSheets()).map((s) => s.name));
        // Never overwrite a sheet the user already has (an existing 全体計画 holds consolidated work).
        const fresh = sheets.filter((s) => !existing.has(s.name));
        await port.writeSheets(fresh, onProgress);
        host.touch();
        const kept = [
          existing.has(t.PLAN_SHEET_NAME) &&
            '「体系」シートは既にあるため上書きしませんでした。見出し（基本項目・推進項目・取組項目・実践課【とりまとめ課】）を確認してください。',
          sample && existing.has(t.FORM_SHEET_NAME) && '「様式」シートは既にあるため上書きしませんでした。',
        ]
          .filter(Boolean)
          .join('');
        const what = sample
          ? `${sample.town}「${sample.title}」${formatFiscalYear(fiscalYear)} の体系`
          : '空の体系';
        return `${what}を挿入しました（${fresh.map((s) => `「${s.name}」`).join('') || 'シートなし'}）。${kept}`;
      }, '体系を挿入しています'),
    [host, insert],
  );

  /** 「様式を挿入」: the R2 form as a 様式 sheet to edit; refused when the workbook has a 様式 sheet already. */
  const writeForm = useCallback(
    () =>
      insert.run(async (onProgress): Promise<string | Outcome> => {
        const t = await loadMasterTemplate();
        const port = await host.ensureWorkbook(`${formatFiscalYear(currentFiscalYear())}_全体計画.xlsx`);
        // Any sheet the reader would take for the 様式 (findFormSheet: its name mentions 様式) is kept as it is.
        const clash = (await port.listSheets()).find((s) =>
          t.normalizeKey(s.name).includes(t.FORM_SHEET_NAME),
        );
        if (clash)
          return {
            intent: 'warning',
            message: `このブックには既に「${clash.name}」シートがあるため、様式を挿入しませんでした（上書きはしません）。作り直すときは、そのシートの名前を変えるか削除してから挿入してください。`,
          };
        await port.writeSheets([t.buildFormSheet(t.STANDARD_FORM)], onProgress);
        host.touch();
        return '標準の様式（R2 上富良野町）を「様式」シートとして挿入しました。項目を直して「再読み込み」を押すと、シート作成と検証がこの様式に従います。';
      }, '様式を挿入しています'),
    [host, insert],
  );

  return {
    insertState: insert.state,
    insertSample: (id: string) => void write(id),
    insertTemplate: () => void write(undefined),
    insertForm: () => void writeForm(),
    selection,
  };
}
