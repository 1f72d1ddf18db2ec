import { describe, expect, it } from 'vitest';
import { onceUntilFailure } from '../../src/taskpane/lazy';

describe('onceUntilFailure', () => {
  it('loads once while it succeeds, and again after a failure', async () => {
    let calls = 0;
    const load = onceUntilFailure(async () => {
      calls += 1;
      if (calls === 1) throw new Error('network');
      return calls;
    });
    await expect(load()).rejects.toThrow('network');
    expect(await load()).toBe(2);
    expect(await load()).toBe(2);
    expect(calls).toBe(2);
  });
});
