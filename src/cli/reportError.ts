import type { Finding } from '../domain/finding';
import { EXIT, println, type CliIo, type ExitCode, type OutStream } from './cliIo';
import { formatPlace, SEVERITY_LABELS } from './formatFindings';
import { helpHint, type CommandName } from './usage';

/** A wrong command line: the reason and where to find the usage; exit 2. */
export function usageError(io: CliIo, command: CommandName | undefined, message: string): ExitCode {
  println(io.stderr, `エラー: ${message}`);
  println(io.stderr, helpHint(command));
  return EXIT.unusable;
}

/** Input that cannot be used (a file that cannot be opened, a 体系 with errors); exit 2. */
export function unusableInput(io: CliIo, message: string): ExitCode {
  println(io.stderr, `エラー: ${message}`);
  return EXIT.unusable;
}

/** 体系 findings with file, sheet and cell: `エラー  体系.xlsx 「体系」 D12  取組項目「…」に実践課がありません。`. */
export function printPlanFindings(stream: OutStream, findings: readonly Finding[]): void {
  for (const f of findings) {
    const place = formatPlace(f.place, { withFile: true });
    println(stream, `${SEVERITY_LABELS[f.severity]}  ${place === '' ? '' : `${place}  `}${f.message}`);
  }
}
