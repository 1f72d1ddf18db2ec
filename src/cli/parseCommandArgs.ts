import { parseArgs, type ParseArgsConfig } from 'node:util';
import { err, ok, type Result } from '../domain/result';

export type ParsedArgs<T extends ParseArgsConfig> = ReturnType<typeof parseArgs<T>>;

const quoted = (message: string): string => /'([^']+)'/.exec(message)?.[1] ?? '';
/** `--out <value>` in Node's message → `--out`. */
const optionName = (message: string): string => quoted(message).split(' ')[0] ?? '';

/** Node's parseArgs errors, in Japanese. */
function argumentError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `不明なオプション「${optionName(message)}」です。`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /missing/i.test(message)
        ? `オプション「${optionName(message)}」に値を指定してください。`
        : `オプション「${optionName(message)}」には値を付けられません。`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `余分な引数「${quoted(message)}」があります。`;
    default:
      return `引数を読み取れませんでした: ${message}`;
  }
}

/**
 * node:util parseArgs (strict: unknown options are refused) with its errors as Japanese text; the caller
 * prints it with the command's usage hint and exits 2.
 */
export function parseCommandArgs<T extends ParseArgsConfig>(config: T): Result<ParsedArgs<T>, string> {
  try {
    return ok(parseArgs<T>(config));
  } catch (error) {
    return err(argumentError(error));
  }
}
