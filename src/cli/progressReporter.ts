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
 * One bar for several operations run one after another, each of the same number of steps (the demo's 配布
 * then 記入 of the same department files): phase `i`'s progress continues where phase `i - 1` ended
 * instead of starting the bar again, and its label says which phase it is.
 */
export function progressPhases(
  progress: Progress,
  phases: number,
): (phase: number, name: string) => Progress {
  return (phase, name) =>
    ({ done, total, label }) => {
      // A phase's "done" step is the next phase's first: drawn once, by the next phase.
      if (done >= total && phase < phases - 1) return;
      progress({ done: phase * total + done, total: phases * total, label: `${name}: ${label}` });
    };
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
