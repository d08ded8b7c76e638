import { MAX_ATTEMPTS, nextAttemptAt, RETRY_DELAYS_MS } from './retry';

describe('nextAttemptAt', () => {
  const at = new Date('2026-12-07T10:00:00Z');
  const middle = () => 0.5;

  it('should follow the schedule of the specification, past a day in all', () => {
    const waits = RETRY_DELAYS_MS.map(
      (_, i) => nextAttemptAt(i + 1, at, middle)!.getTime() - at.getTime(),
    );
    expect(waits).toEqual([
      5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000,
    ]);
    expect(waits.reduce((a, b) => a + b, 0)).toBeGreaterThan(24 * 3_600_000);
    expect(MAX_ATTEMPTS).toBe(8);
  });

  it('should end after the last attempt', () => {
    expect(nextAttemptAt(MAX_ATTEMPTS, at, middle)).toBeUndefined();
    expect(nextAttemptAt(MAX_ATTEMPTS + 5, at, middle)).toBeUndefined();
  });

  it('should spread each wait by at most a tenth either way', () => {
    const low = nextAttemptAt(5, at, () => 0)!.getTime() - at.getTime();
    const high = nextAttemptAt(5, at, () => 0.999999)!.getTime() - at.getTime();
    expect(low).toBe(18_000_000 * 0.9);
    expect(high).toBeLessThanOrEqual(18_000_000 * 1.1);
    expect(high).toBeGreaterThan(18_000_000 * 1.09);
  });

  it('should refuse a count of failed attempts that is not a whole number from 1', () => {
    for (const failed of [0, -1, 1.5, Number.NaN]) {
      expect(() => nextAttemptAt(failed, at)).toThrow(/whole number from 1/);
    }
  });
});
