/**
 * Errors of the Office.js adapter. Every failure of an Excel batch is rethrown as an `OfficeOperationError`
 * carrying the `OfficeExtension.Error` code and a Japanese message a person can act on; nothing is logged
 * and swallowed here. Errors that are not Excel's (a broken invariant: a bug) pass through unchanged.
 */
export class OfficeOperationError extends Error {
  override readonly name = 'OfficeOperationError';

  constructor(
    /** The `OfficeExtension.Error` code (`InvalidOperationInCellEditMode`, `AccessDenied`, …). */
    readonly code: string,
    message: string = messageFor(code),
    options?: { readonly cause?: unknown },
  ) {
    super(message, options);
  }
}

const CELL_EDIT = 'セルの編集を終えてから、もう一度実行してください（Enter キーで入力を確定できます）。';
const PROTECTED =
  'シートの保護を解除してから、もう一度実行してください。ブックが読み取り専用で開かれている場合は、「編集を有効にする」を選んでください。';
const NOT_SUPPORTED = 'この Excel では使えない機能です。Microsoft 365 の Excel で開いてください。';
const TOO_LARGE =
  'データが大きすぎて、Excel に一度に送れませんでした。一度に扱うシートを減らして、もう一度実行してください。';
const NOT_FOUND =
  '操作の途中でシートが見つからなくなりました。シートが削除されたり名前が変わったりしていないか確認して、もう一度実行してください。';
const EXISTS = '同じ名前のシートまたはテーブルがすでにあります。名前を変えてから、もう一度実行してください。';
const CONNECTION = 'Excel との通信がうまくいきませんでした。しばらく待ってから、もう一度実行してください。';
const SESSION = 'Excel との接続が切れました。作業ウィンドウを閉じて開き直してください。';

/** `OfficeExtension.Error` codes → the message shown in the task pane. */
export const OFFICE_ERROR_MESSAGES: Readonly<Record<string, string>> = {
  InvalidOperationInCellEditMode: CELL_EDIT,
  AccessDenied: PROTECTED,
  ApiNotFound: NOT_SUPPORTED,
  NotImplemented: NOT_SUPPORTED,
  UnsupportedFeature: NOT_SUPPORTED,
  UnsupportedOperation: NOT_SUPPORTED,
  UnsupportedSheet: NOT_SUPPORTED,
  RequestPayloadSizeLimitExceeded: TOO_LARGE,
  ResponsePayloadSizeLimitExceeded: TOO_LARGE,
  RangeExceedsLimit: TOO_LARGE,
  OperationCellsExceedLimit: TOO_LARGE,
  ItemNotFound: NOT_FOUND,
  InvalidReference: NOT_FOUND,
  ItemAlreadyExists: EXISTS,
  ActivityLimitReached: CONNECTION,
  ConnectionFailure: CONNECTION,
  Timeout: CONNECTION,
  RequestAborted: CONNECTION,
  InvalidOrTimedOutSession: SESSION,
  InvalidRequestContext: SESSION,
};

function messageFor(code: string): string {
  return (
    OFFICE_ERROR_MESSAGES[code] ??
    `Excel の操作に失敗しました（${code}）。もう一度実行しても解決しない場合は、ブックを開き直してください。`
  );
}

/** An `OfficeExtension.Error` (office.js names it `RichApi.Error`), recognised without needing office.js loaded. */
export function isOfficeError(error: unknown): error is { readonly code: string; readonly message: string } {
  if (typeof error !== 'object' || error === null || typeof (error as { code?: unknown }).code !== 'string')
    return false;
  if ((error as { name?: unknown }).name === 'RichApi.Error') return true;
  return typeof OfficeExtension !== 'undefined' && error instanceof OfficeExtension.Error;
}

/** The error to rethrow: Excel's errors become `OfficeOperationError`s; anything else is returned as is. */
export function toOfficeOperationError(error: unknown): unknown {
  if (error instanceof OfficeOperationError || !isOfficeError(error)) return error;
  return new OfficeOperationError(error.code, messageFor(error.code), { cause: error });
}

/** The Japanese message for any error of an Excel operation (the generic one when it is not Excel's). */
export function officeErrorMessage(error: unknown): string {
  if (error instanceof OfficeOperationError) return error.message;
  if (isOfficeError(error)) return messageFor(error.code);
  return 'Excel の操作中に予期しないエラーが発生しました。もう一度実行しても解決しない場合は、担当者に連絡してください。';
}
