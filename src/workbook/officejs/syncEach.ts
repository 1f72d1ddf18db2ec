/**
 * Queue each batch of work and sync it, in order. The only place a sync runs inside a loop, and only for
 * work that was cut into payload-sized chunks (~4 MB each): never one sync per sheet or per cell.
 */
export async function syncEach<T>(
  context: Excel.RequestContext,
  batches: readonly T[],
  queue: (batch: T, index: number) => void,
  after?: (batch: T, index: number) => void,
): Promise<void> {
  for (const [index, batch] of batches.entries()) {
    queue(batch, index);
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per ≤ 4 MB chunk (DESIGN.md: chunk to respect the 5 MB limit)
    await context.sync();
    after?.(batch, index);
  }
}
