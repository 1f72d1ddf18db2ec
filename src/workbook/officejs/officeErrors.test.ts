import { describe, expect, it } from 'vitest';
import { FakeOfficeError } from '../../../tests/officejs/fake/errors';
import {
  OFFICE_ERROR_MESSAGES,
  officeErrorMessage,
  OfficeOperationError,
  toOfficeOperationError,
} from './officeErrors';

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/u;

describe('officeErrorMessage: OfficeExtension.Error codes → what the task pane says', () => {
  it.each([
    ['InvalidOperationInCellEditMode', 'セルの編集を終えてから、もう一度実行してください'],
    ['AccessDenied', 'シートの保護を解除してから'],
    ['ApiNotFound', 'この Excel では使えない機能です。Microsoft 365 の Excel で開いてください。'],
    ['UnsupportedFeature', 'この Excel では使えない機能です。'],
    ['NotImplemented', 'この Excel では使えない機能です。'],
    ['RequestPayloadSizeLimitExceeded', 'データが大きすぎて'],
    ['ResponsePayloadSizeLimitExceeded', 'データが大きすぎて'],
    ['RangeExceedsLimit', 'データが大きすぎて'],
    ['ItemNotFound', 'シートが見つからなくなりました'],
    ['ItemAlreadyExists', '同じ名前のシートまたはテーブル'],
    ['ActivityLimitReached', 'Excel との通信が'],
    ['InvalidOrTimedOutSession', '作業ウィンドウを閉じて開き直してください'],
    ['SomethingNew', 'Excel の操作に失敗しました（SomethingNew）'],
  ])('%s', (code, expected) => {
    const error = new FakeOfficeError(code);
    expect(officeErrorMessage(error)).toContain(expected);
    const mapped = toOfficeOperationError(error);
    expect(mapped).toBeInstanceOf(OfficeOperationError);
    expect(mapped).toMatchObject({ code, message: officeErrorMessage(error), cause: error });
  });

  it('has a Japanese message for every mapped code', () => {
    for (const message of Object.values(OFFICE_ERROR_MESSAGES)) expect(message).toMatch(JAPANESE);
  });

  it('recognises office.js errors by name without office.js loaded, and leaves other errors alone', () => {
    const plain = new Error('Invariant failed: x');
    expect(toOfficeOperationError(plain)).toBe(plain);
    expect(
      toOfficeOperationError({ name: 'RichApi.Error', code: 'AccessDenied', message: 'x' }),
    ).toMatchObject({ code: 'AccessDenied' });
    expect(officeErrorMessage(plain)).toMatch(JAPANESE);
    const already = new OfficeOperationError('AccessDenied');
    expect(toOfficeOperationError(already)).toBe(already);
  });
});
