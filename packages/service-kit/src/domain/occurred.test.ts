import { CLOCK_SKEW_MS, DomainError, occurredAt } from './index';

const now = new Date('2025-03-12T09:00:00Z');

function refusal(action: () => unknown): DomainError {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('occurredAt', () => {
  it('should be the server time when the user gives none', () => {
    expect(occurredAt('startedAt', undefined, now)).toBe(now);
    expect(occurredAt('startedAt', null, now)).toBe(now);
  });

  it('should keep a past moment the user gives', () => {
    const given = new Date('2016-11-10T10:00:00+03:00');

    expect(occurredAt('startedAt', given, now)).toBe(given);
  });

  it('should accept a moment a clock running slightly fast calls now', () => {
    const given = new Date(now.getTime() + CLOCK_SKEW_MS);

    expect(occurredAt('startedAt', given, now)).toBe(given);
  });

  it('should refuse a moment in the future, naming the field', () => {
    const error = refusal(() =>
      occurredAt('startedAt', new Date(now.getTime() + CLOCK_SKEW_MS + 1), now),
    );

    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'startedAt' } });
    expect(error.message).toBe(
      'startedAt: must not be in the future (now is 2025-03-12T09:00:00.000Z)',
    );
  });

  it('should refuse a moment before what it follows, naming both', () => {
    const started = new Date('2016-11-10T10:00:00Z');
    const error = refusal(() =>
      occurredAt('concludedAt', new Date('2016-11-10T09:59:59Z'), now, {
        at: started,
        what: 'the start of the sitting',
      }),
    );

    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'concludedAt' } });
    expect(error.message).toBe(
      'concludedAt: must not be before the start of the sitting (2016-11-10T10:00:00.000Z)',
    );
  });

  it('should accept the very moment of what it follows', () => {
    const started = new Date('2016-11-10T10:00:00Z');

    expect(occurredAt('concludedAt', started, now, { at: started, what: 'the start' })).toBe(
      started,
    );
  });

  it('should refuse an invalid date', () => {
    expect(refusal(() => occurredAt('at', new Date('nonsense'), now)).details).toEqual({
      field: 'at',
    });
  });
});
