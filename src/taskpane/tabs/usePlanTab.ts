import { useCallback } from 'react';
import { formatFiscalYear } from '../../domain/fiscal/fiscalYear';
import type { Plan } from '../../domain/plan/types';
import { currentFiscalYear } from '../fiscal';
import type { Host } from '../host';
import { loadR2Sample } from '../lazy';
import { useCellSelection } from '../hooks/useCellSelection';
import { useOperation } from '../hooks/useOperation';

const EMPTY_PLAN: Plan = { basics: [], departments: [] };

/** The sheet builders are needed only when inserting: they stay out of the first screen's chunk. */
const loadMasterTemplate = () => import(/* webpackChunkName: "master-template" */ './masterTemplate');

/** 体系 tab: insert the R2 sample or an empty 体系 (with an empty 全体計画), and go to problem cells. */
export function usePlanTab(host: Host) {
  const insert = useOperation();
  const selection = useCellSelection(host);

  const write = useCallback(
    (what: 'sample' | 'template') =>
      insert.run(async (onProgress) => {
        const [sample, { buildMasterTemplate, DEFAULT_PLAN_TITLE, PLAN_SHEET_NAME }] = await Promise.all([
          what === 'sample' ? loadR2Sample() : undefined,
          loadMasterTemplate(),
        ]);
        const fiscalYear = sample?.fiscalYear ?? currentFiscalYear();
        const spec = buildMasterTemplate({
          plan: sample?.plan ?? EMPTY_PLAN,
          fiscalYear,
          title: DEFAULT_PLAN_TITLE,
        });
        const port = await host.ensureWorkbook(`${formatFiscalYear(fiscalYear)}_全体計画.xlsx`);
        const existing = new Set((await port.listSheets()).map((s) => s.name));
        // Never overwrite a sheet the user already has (an existing 全体計画 holds consolidated work).
        const fresh = spec.sheets.filter((s) => !existing.has(s.name));
        await port.writeSheets(fresh, onProgress);
        host.touch();
        const kept = existing.has(PLAN_SHEET_NAME)
          ? '「体系」シートは既にあるため上書きしませんでした。見出し（基本項目・推進項目・取組項目・実践課【とりまとめ課】）を確認してください。'
          : '';
        const what2 = sample
          ? `${sample.town}「${sample.title}」${formatFiscalYear(fiscalYear)} の体系`
          : '空の体系';
        return `${what2}を挿入しました（${fresh.map((s) => `「${s.name}」`).join('') || 'シートなし'}）。${kept}`;
      }, '体系を挿入しています'),
    [host, insert],
  );

  return {
    insertState: insert.state,
    insertSample: () => void write('sample'),
    insertTemplate: () => void write('template'),
    selection,
  };
}
