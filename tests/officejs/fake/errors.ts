/**
 * The fake's `OfficeExtension.Error`: what office.js rejects a failed `context.sync()` with. `code` is one of
 * `OfficeExtension.ErrorCodes` / `Excel.ErrorCodes` (e.g. `ItemNotFound`, `AccessDenied`,
 * `InvalidOperationInCellEditMode`, `RequestPayloadSizeLimitExceeded`), `name` is office.js's `RichApi.Error`.
 */
export class FakeOfficeError extends Error {
  override readonly name = 'RichApi.Error';
  readonly debugInfo: { readonly code: string; readonly message: string; readonly errorLocation?: string };

  constructor(
    readonly code: string,
    message: string = DEFAULT_MESSAGES[code] ?? code,
    errorLocation?: string,
  ) {
    super(message);
    this.debugInfo = { code, message, ...(errorLocation !== undefined && { errorLocation }) };
  }
}

/** The messages Excel (English UI) gives for the codes the fake raises. */
const DEFAULT_MESSAGES: Readonly<Record<string, string>> = {
  AccessDenied: 'The cell or chart you are trying to change is protected and therefore read-only.',
  ApiNotFound:
    'The API you are trying to use could not be found. It may be available in a newer version of Excel.',
  GeneralException: 'There was an internal error while processing the request.',
  InvalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  InvalidOperation: 'The operation attempted is invalid on the object.',
  InvalidOperationInCellEditMode:
    'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.',
  InvalidReference: 'This reference is not valid for the current operation.',
  InvalidRequestContext: 'Cannot use the object across different request contexts.',
  ItemAlreadyExists: 'The resource being created already exists.',
  ItemNotFound: 'The requested resource doesn’t exist.',
  PropertyNotLoaded:
    'The property is not available. Before reading the property’s value, call the load method on the containing object and call "context.sync()" on the associated request context.',
  RangeExceedsLimit: 'The cell count in the range has exceeded the maximum supported number.',
  RequestPayloadSizeLimitExceeded: 'The request payload size has exceeded the limit.',
  ResponsePayloadSizeLimitExceeded: 'The response payload size has exceeded the limit.',
};

export const fail = (code: string, message?: string): never => {
  throw new FakeOfficeError(code, message);
};
