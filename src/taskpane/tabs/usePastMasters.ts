import { useCallback, useMemo, useState } from 'react';
import { readPastMaster } from '../../app/pastMaster';
import type { HistoryYear } from '../../domain/history/yearHistory';
import { formatFiscalYear } from '../../domain/fiscal/fiscalYear';
import type { Host } from '../host';
import { useOperation } from '../hooks/useOperation';

/** A past year's master picked for the 推移 sheet: read by its own 体系 and 様式, or why it cannot be used. */
export interface PastMaster {
  readonly id: string;
  readonly name: string;
  readonly year?: HistoryYear;
  readonly error?: string;
}

/**
 * 集約's 「過去の集約ファイルを追加」: past years' masters read with readPastMaster (as `consolidate --history`
 * does). A file of a year already added replaces it; a file that is no consolidated master stays listed with
 * its reason and is not used.
 */
export function usePastMasters(host: Host) {
  const [masters, setMasters] = useState<readonly PastMaster[]>([]);
  const op = useOperation();
  const add = useCallback(
    (picked: File[]) =>
      void op.run(async () => {
        const inputs = await host.readFiles(picked);
        const read: PastMaster[] = [];
        for (const input of inputs) {
          const year = await readPastMaster(input.bytes, input.file);
          read.push(
            year.ok
              ? { id: input.id, name: input.file, year: year.value }
              : { id: input.id, name: input.file, error: year.error },
          );
        }
        setMasters((before) => {
          const years = new Set(read.flatMap((m) => (m.year ? [m.year.fiscalYear] : [])));
          const kept = before.filter((m) => !m.year || !years.has(m.year.fiscalYear));
          const added = read.filter(
            (m, i) => !m.year || !read.slice(i + 1).some((n) => n.year?.fiscalYear === m.year!.fiscalYear),
          );
          return [...kept, ...added].sort(
            (a, b) => (a.year?.fiscalYear ?? Infinity) - (b.year?.fiscalYear ?? Infinity),
          );
        });
        const usable = read.filter((m) => m.year);
        if (usable.length === 0)
          return { intent: 'warning', message: '過去の集約ファイルとして使えるファイルがありません。' };
        return `${usable.map((m) => formatFiscalYear(m.year!.fiscalYear)).join('・')}の集約ファイルを追加しました。次の集約で「推移」シートを書きます。`;
      }, '過去の集約ファイルを読み込んでいます'),
    [host, op],
  );
  const remove = useCallback((id: string) => setMasters((before) => before.filter((m) => m.id !== id)), []);
  const years = useMemo(() => masters.flatMap((m) => (m.year ? [m.year] : [])), [masters]);
  /** Files listed with the reason they cannot be used: the consolidation says it left them out. */
  const unusable = useMemo(() => masters.flatMap((m) => (m.error ? [m.name] : [])), [masters]);
  return { masters, years, unusable, add, remove, state: op.state };
}
