/** Where the CLI writes and what it asks of its environment: process streams in `bin/`, buffers in tests. */
export interface OutStream {
  write(text: string): unknown;
  /** A terminal: progress is drawn as one updating bar instead of one line per step. */
  readonly isTTY?: boolean;
}

export interface CliIo {
  readonly stdout: OutStream;
  readonly stderr: OutStream;
  /** Relative paths in arguments are resolved against this. */
  readonly cwd: string;
  readonly now: () => Date;
}

export const processIo = (): CliIo => ({
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  now: () => new Date(),
});

/** Exit codes: 0 done, 1 done but the input has errors (or was rejected), 2 unusable input or usage. */
export const EXIT = { ok: 0, findings: 1, unusable: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export const println = (stream: OutStream, text = ''): void => {
  stream.write(`${text}\n`);
};

/** `--json` output: the only thing on stdout. */
export const printJson = (io: CliIo, value: unknown): void => {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
};

/** The worse of two exit codes. */
export const worst = (a: ExitCode, b: ExitCode): ExitCode => (a > b ? a : b);
