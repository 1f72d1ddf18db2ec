/** Eras by their first day (和暦 dates): a date belongs to the latest era that started on or before it. */
const ERAS: ReadonlyArray<{ readonly name: string; readonly start: string }> = [
  { name: '令和', start: '2019-05-01' },
  { name: '平成', start: '1989-01-08' },
];

/**
 * A run stamp (ISO 8601 as localStamp writes it, `2026-12-02T11:49:03+09:00`) as 総務課 reads it on paper:
 * `令和8年12月2日 11:49`, the wall-clock time the stamp was taken at. Text that is not such a stamp is
 * returned as it is. Only printed sheets use this; report.json and the metadata keep the ISO stamp.
 */
export function formatStamp(stamp: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(stamp);
  if (!m) return stamp;
  const [, y, mo, d, hh, mm] = m as unknown as [string, string, string, string, string, string];
  const day = `${y}-${mo}-${d}`;
  const era = ERAS.find((e) => day >= e.start);
  const n = era ? Number(y) - Number(era.start.slice(0, 4)) + 1 : 0;
  const date = era ? `${era.name}${n === 1 ? '元' : n}年` : `${Number(y)}年`;
  return `${date}${Number(mo)}月${Number(d)}日 ${Number(hh)}:${mm}`;
}
