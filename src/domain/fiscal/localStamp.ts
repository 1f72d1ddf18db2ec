const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, '0');

/**
 * The machine's local time as ISO 8601 with its offset: `2021-03-31T17:05:09+09:00`. The run stamp 総務課 reads
 * in the master (集約日時): a town hall's clock, not UTC, in the CLI and the task pane alike.
 */
export function localStamp(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`
  );
}
