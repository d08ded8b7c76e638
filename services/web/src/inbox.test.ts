import { mayUseInbox, readsInternal, type Claims } from './auth/claims';
import { fileBlob } from './documents';
import { byUrgency, daysLeftWords, todayIn } from './inbox';
import { calendarDay, dayRange } from './labels';
import { pathOf, routeOf } from './routes';

describe('the addressee inbox', () => {
  it('should put the overdue first, then the fewest days left, then requests with no running deadline, keeping the API order among equals', () => {
    const requests = [
      { id: 'answered', overdue: false, daysRemaining: null },
      { id: 'ten', overdue: false, daysRemaining: 10 },
      { id: 'late-1', overdue: true, daysRemaining: -1 },
      { id: 'two', overdue: false, daysRemaining: 2 },
      { id: 'late-5', overdue: true, daysRemaining: -5 },
      { id: 'two-older', overdue: false, daysRemaining: 2 },
    ];
    expect(byUrgency(requests).map((r) => r.id)).toEqual([
      'late-5',
      'late-1',
      'two',
      'two-older',
      'ten',
      'answered',
    ]);
  });

  it('should say the days left as the API counted them, in its unit, in Russian', () => {
    const working = (daysRemaining: number, overdue = false) =>
      daysLeftWords({ overdue, daysRemaining, dayCount: 'WORKING' });
    const calendar = (daysRemaining: number, overdue = false) =>
      daysLeftWords({ overdue, daysRemaining, dayCount: 'CALENDAR' });
    expect(working(1)).toBe('осталось 1 рабочий день');
    expect(working(3)).toBe('осталось 3 рабочих дня');
    expect(working(5)).toBe('осталось 5 рабочих дней');
    expect(working(12)).toBe('осталось 12 рабочих дней');
    expect(working(21)).toBe('осталось 21 рабочий день');
    expect(working(-2, true)).toBe('просрочено на 2 рабочих дня');
    expect(calendar(3)).toBe('осталось 3 дня');
    expect(calendar(11)).toBe('осталось 11 дней');
    expect(calendar(30)).toBe('осталось 30 дней');
    expect(calendar(-1, true)).toBe('просрочено на 1 день');
    expect(calendar(0)).toBe('последний день');
    expect(daysLeftWords({ overdue: false, daysRemaining: null })).toBe('срок не идёт');
  });

  it("should date by the addressee's day, not the browser's", () => {
    const lateEvening = new Date('2026-12-07T22:30:00Z');
    expect(todayIn('Europe/Moscow', lateEvening)).toBe('2026-12-08');
    expect(todayIn('America/New_York', lateEvening)).toBe('2026-12-07');
  });
});

describe('the inbox and conference routes', () => {
  it('should go both ways between a path and a page', () => {
    expect(routeOf('/inbox')).toEqual({ page: 'inbox' });
    expect(routeOf('/conferences')).toEqual({ page: 'conferences' });
    expect(routeOf('/conferences/c%2F1')).toEqual({ page: 'conference', id: 'c/1' });
    expect(routeOf('/roundtables/rt%2F1')).toEqual({ page: 'roundtable', id: 'rt/1' });
    expect(routeOf('/conferences/%E0%A4%A')).toEqual({ page: 'not-found' });
    expect(routeOf('/conferences/1/2')).toEqual({ page: 'not-found' });
    for (const route of [
      { page: 'inbox' },
      { page: 'conferences' },
      { page: 'conference', id: 'c/1' },
    ] as const)
      expect(routeOf(pathOf(route))).toEqual(route);
  });
});

describe('a delivered document', () => {
  it('should decode the base64 bytes into a Blob of its type', async () => {
    const bytes = [0x25, 0x50, 0x44, 0x46, 0xff, 0x00];
    const blob = fileBlob({
      fileName: 'Протокол.pdf',
      mimeType: 'application/pdf',
      base64: Buffer.from(bytes).toString('base64'),
    });
    expect(blob.type).toBe('application/pdf');
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual(bytes);
  });
});

describe('what the clerk is offered', () => {
  const as = (roles: Claims['roles'], organization?: string): Claims => ({
    subject: 's',
    tenant: 't',
    roles,
    ...(organization ? { organization } : {}),
  });

  it('should offer the inbox to an addressee of an organisation only, and the directory to internal roles only', () => {
    expect(mayUseInbox(as(['addressee'], 'org-1'))).toBe(true);
    expect(mayUseInbox(as(['addressee']))).toBe(false);
    expect(mayUseInbox(as(['admin']))).toBe(false);
    expect(mayUseInbox(undefined)).toBe(false);
    expect(readsInternal(as(['addressee'], 'org-1'))).toBe(false);
    expect(readsInternal(as(['partner']))).toBe(false);
    expect((['admin', 'secretary', 'member'] as const).every((r) => readsInternal(as([r])))).toBe(
      true,
    );
  });

  it('should write a day the API gives as YYYY-MM-DD as that day, whatever the zone', () => {
    expect(calendarDay('2026-12-10')).toBe('10 декабря 2026');
    expect(dayRange('2016-11-10', '2016-11-10')).toBe('10 ноября 2016');
    expect(dayRange('2016-11-10', '2016-11-11')).toBe('10 ноября 2016 — 11 ноября 2016');
  });
});
