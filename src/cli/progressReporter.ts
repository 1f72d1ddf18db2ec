import type { Progress } from '../workbook/port';
import type { OutStream } from './cliIo';

const BAR_WIDTH = 20;

export interface ProgressReporter {
  readonly progress: Progress;
  /** Ends the bar's line (TTY); call when the operation is over. */
  readonly end: () => void;
}

/** `[########------------] 3/8 総務課.xlsx を読み込み中`. */
export function progressBar(done: number, total: number, label: string): string {
  const filled = total > 0 ? Math.round((Math.min(done, total) / total) * BAR_WIDTH) : BAR_WIDTH;
  return `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${done}/${total} ${label}`;
}

/**
 * Progress on stderr: on a terminal, one bar redrawn in place; otherwise (a log, a pipe, CI) one line per
 * step, so nothing but plain lines ends up in a file.
 */
export function progressReporter(stream: OutStream): ProgressReporter {
  let drawn = false;
  let lastLabel = '';
  if (stream.isTTY)
    return {
      progress: ({ done, total, label }) => {
        stream.write(`\r${progressBar(done, total, label)}\x1b[K`);
        drawn = true;
      },
      end: () => {
        if (drawn) stream.write('\r\x1b[K');
        drawn = false;
      },
    };
  return {
    progress: ({ done, total, label }) => {
      if (label === lastLabel) return;
      lastLabel = label;
      stream.write(`${progressBar(done, total, label)}\n`);
    },
    end: () => undefined,
  };
}
