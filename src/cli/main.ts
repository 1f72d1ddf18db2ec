import { EXIT, println, processIo, type CliIo, type ExitCode } from './cliIo';
import { usageError } from './reportError';
import { OVERVIEW, showUsage, type CommandName } from './usage';

type Command = (args: readonly string[], io: CliIo) => Promise<ExitCode>;

/**
 * Each command's module, loaded when it runs: a command starts without loading the others (nor ExcelJS,
 * which only some of them need), since every module the CLI loads is TypeScript compiled as it loads.
 */
const COMMANDS: Readonly<Record<CommandName, () => Promise<Command>>> = {
  build: async () => (await import('./commands/buildCommand')).buildCommand,
  extract: async () => (await import('./commands/extractCommand')).extractCommand,
  validate: async () => (await import('./commands/validateCommand')).validateCommand,
  plan: async () => (await import('./commands/planCommand')).planCommand,
  form: async () => (await import('./commands/formCommand')).formCommand,
  consolidate: async () => (await import('./commands/consolidateCommand')).consolidateCommand,
  publish: async () => (await import('./commands/publishCommand')).publishCommand,
  rollover: async () => (await import('./commands/rolloverCommand')).rolloverCommand,
  demo: async () => (await import('./commands/demoCommand')).demoCommand,
};

const isCommand = (name: string): name is CommandName => Object.hasOwn(COMMANDS, name);

/**
 * The `suishin` command line: `argv` without node and the script. Returns the exit code; writes only to
 * `io` (tests run it in-process with buffers). An unexpected failure is a short Japanese message, never a
 * stack trace (set SUISHIN_DEBUG=1 to see one).
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<ExitCode> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    println(io.stderr, OVERVIEW);
    return EXIT.unusable;
  }
  if (first === '--help' || first === '-h') {
    println(io.stdout, OVERVIEW);
    return EXIT.ok;
  }
  if (first === 'help') {
    const topic = rest[0];
    if (topic !== undefined && isCommand(topic)) return showUsage(io, topic);
    println(io.stdout, OVERVIEW);
    return EXIT.ok;
  }
  if (!isCommand(first))
    return usageError(
      io,
      undefined,
      first.startsWith('-')
        ? `不明なオプション「${first}」です。コマンドを先に書いてください。`
        : `不明なコマンド「${first}」です。`,
    );
  try {
    const command = await COMMANDS[first]();
    return await command(rest, io);
  } catch (error) {
    println(
      io.stderr,
      `エラー: 予期しない問題で処理を中断しました（${error instanceof Error ? error.message : String(error)}）。`,
    );
    println(
      io.stderr,
      '入力ファイルを確かめて、解決しない場合はこのメッセージを添えて担当者に連絡してください。',
    );
    if (process.env.SUISHIN_DEBUG) println(io.stderr, error instanceof Error ? (error.stack ?? '') : '');
    return EXIT.unusable;
  }
}
