const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/u;

/**
 * The message to show for a failed operation. The adapters' errors (OfficeOperationError, OpenError)
 * carry Japanese messages a person can act on: show them as they are. Anything else is a bug or an
 * unexpected platform error: say so in Japanese and keep the original text as a detail for support.
 */
export function errorMessage(error: unknown): { readonly message: string; readonly detail?: string } {
  const text = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  if (text !== '' && JAPANESE.test(text)) return { message: text };
  return {
    message:
      '予期しないエラーが発生しました。もう一度試しても解決しない場合は、この表示を担当者に伝えてください。',
    ...(text !== '' && { detail: text }),
  };
}
