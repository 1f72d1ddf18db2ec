import { describe, expect, it } from 'vitest';
import { localStamp } from './localStamp';

describe('localStamp', () => {
  it('is the local time in ISO 8601 with the machine’s offset', () => {
    const stamp = localStamp(new Date(2021, 2, 31, 17, 5, 9));
    expect(stamp).toMatch(/^2021-03-31T17:05:09[+-]\d{2}:\d{2}$/);
    expect(new Date(stamp).getTime()).toBe(new Date(2021, 2, 31, 17, 5, 9).getTime());
  });
});
