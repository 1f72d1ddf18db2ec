import { useCallback } from 'react';
import type { ConsolidateResult } from '../../app/consolidate';
import type { Stage } from '../../domain/entry/formDefinition';
import type { Plan } from '../../domain/plan/types';
import { DEFAULT_PLAN_TITLE } from '../../domain/template/buildDepartmentWorkbook';
import { useOperation } from '../hooks/useOperation';
import { XLSX_MIME, type Host } from '../host';

/**
 * 集約's 「公開用に書き出す」: the report for the town's website and the open data from the master, by the
 * same use case as `suishin publish` (in file mode from the open master's bytes, as that command reads a
 * master file; in Excel from the consolidation just made). In file mode the three files download; in Excel, where a
 * pane cannot download, the open data opens as a new workbook (ExcelApi 1.8), and the report and CSV are left
 * to file mode or the CLI, as the message says. Errors in what was published (the use case's `warning`, checked
 * by the stage 集約 uses) come first in a warning, as `suishin publish` prints them. Undefined `run` when the
 * host can do neither.
 */
export function usePublish(
  host: Host,
  plan: Plan | undefined,
  planTitle: string | undefined,
  result: ConsolidateResult | undefined,
  stage: Stage = 'year-end',
  /** The open workbook is a master consolidated before (file mode): it can be published without a run. */
  openMaster = false,
) {
  const op = useOperation();
  const canWrite = host.download !== undefined || host.createWorkbook !== undefined;
  const run = useCallback(() => {
    if (!plan) return;
    void op.run(async () => {
      // Its own chunk: the report and the open data writer load when first asked for.
      const { publish, PUBLISHED_FILES } = await import(
        /* webpackChunkName: "publish" */ '../../app/publish'
      );
      // In file mode, the master as it now stands (the consolidation just written, and whatever 総務課
      // corrected in 全体計画 since), read as `suishin publish` reads a master file. Excel gives no bytes:
      // there, the consolidation just made.
      const bytes = await host.saveCurrent?.();
      if (!bytes && !result) throw new Error('公開する全体計画がありません。先に集約してください。');
      const made = await publish(
        bytes
          ? { kind: 'master', bytes, file: host.getSnapshot().name ?? '全体計画.xlsx' }
          : {
              kind: 'consolidation',
              consolidation: result!.consolidation,
              plan,
              title: planTitle ?? DEFAULT_PLAN_TITLE,
            },
        { stage },
      );
      if (!made.ok) return { intent: 'warning', message: made.error };
      const { html, csv, xlsx, document: doc, notes, warning } = made.value;
      const counted = `取組項目 ${doc.entries.length} 件、公表する項目 ${doc.fields.length}。`;
      const noted = notes.length > 0 ? ` ${notes.join(' ')}` : '';
      const warned = (message: string, intent: 'success' | 'info') =>
        warning.length > 0
          ? { intent: 'warning' as const, message: [...warning.map((l) => l.trim()), message].join('\n') }
          : { intent, message };
      if (host.download) {
        host.download(PUBLISHED_FILES.html, html, 'text/html');
        host.download(PUBLISHED_FILES.csv, csv, 'text/csv');
        host.download(PUBLISHED_FILES.xlsx, xlsx, XLSX_MIME);
        return warned(
          `${PUBLISHED_FILES.html}・${PUBLISHED_FILES.csv}・${PUBLISHED_FILES.xlsx} を書き出しました（${counted}）${noted}`,
          'success',
        );
      }
      await host.createWorkbook?.(xlsx);
      return warned(
        `オープンデータ（${PUBLISHED_FILES.xlsx} の内容）を新しいブックで開きました（${counted}）。報告書 (${PUBLISHED_FILES.html}) と ${PUBLISHED_FILES.csv} は、ブラウザーで開く Suishin（ファイルモード）か suishin publish で書き出せます。${noted}`,
        'info',
      );
    }, '公開用のファイルを作っています');
  }, [host, plan, planTitle, result, stage, op]);
  const canPublish = result !== undefined || (openMaster && host.saveCurrent !== undefined);
  return { run: canWrite && plan && canPublish ? run : undefined, state: op.state };
}
