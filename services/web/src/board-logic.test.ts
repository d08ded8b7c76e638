import { claimsOf, mayRecordMinutes } from './auth/claims';
import { parseBoardConfig } from './config';
import { describeError } from './errors';
import { dateTime, showTimesIn, timeOfDay } from './labels';
import { shouldFollowAgain } from './live';
import { withLines } from './minutes';
import { currentAfter, firstPage, nextPage, pageNumber, previousPage } from './paging';
import { pathOf, routeOf } from './routes';
import { speakerInput, speakerOptions } from './speakers';

function token(payload: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256' })}.${part(payload)}.signature`;
}

describe('the board configuration', () => {
  const complete = {
    oidcIssuer: 'http://127.0.0.1:4105',
    oidcClientId: 'kollegia-web',
    graphqlUrl: 'http://127.0.0.1:4000/graphql',
    graphqlWsUrl: 'ws://127.0.0.1:4000/graphql',
    timeZone: 'Europe/Moscow',
  };

  it('should take a complete configuration as it is', () => {
    expect(parseBoardConfig({ ...complete, extra: 1 })).toEqual(complete);
  });

  it('should name every missing setting, a setting that is not an address, and an unknown time zone', () => {
    expect(() => parseBoardConfig({ oidcIssuer: complete.oidcIssuer })).toThrow(
      'Настройки доски неполны: нет oidcClientId, graphqlUrl, graphqlWsUrl, timeZone.',
    );
    expect(() => parseBoardConfig({ ...complete, graphqlUrl: 'шлюз' })).toThrow(
      'Настройки доски: graphqlUrl — не адрес.',
    );
    expect(() => parseBoardConfig({ ...complete, timeZone: 'Moscow' })).toThrow(
      'Настройки доски: timeZone — не часовой пояс.',
    );
    expect(() => parseBoardConfig(null)).toThrow(/неполны/);
  });
});

describe('what the access token says', () => {
  it('should read the subject, tenant, known roles and an addressee organisation, Cyrillic intact', () => {
    expect(
      claimsOf(token({ sub: 'Мария', tenant: 'akit', roles: ['addressee', 'root'], org: 'o-1' })),
    ).toEqual({ subject: 'Мария', tenant: 'akit', roles: ['addressee'], organization: 'o-1' });
  });

  it('should give nothing for a token that is not a JWT or lacks its subject or tenant', () => {
    expect(claimsOf('opaque')).toBeUndefined();
    expect(claimsOf('a.%%%.c')).toBeUndefined();
    expect(claimsOf(token({ tenant: 'akit', roles: ['member'] }))).toBeUndefined();
  });

  it('should offer minutes recording to secretaries and admins only', () => {
    const as = (...roles: string[]) => claimsOf(token({ sub: 's', tenant: 't', roles }));
    expect(mayRecordMinutes(as('secretary'))).toBe(true);
    expect(mayRecordMinutes(as('member', 'admin'))).toBe(true);
    for (const role of ['member', 'addressee', 'partner'])
      expect(mayRecordMinutes(as(role))).toBe(false);
    expect(mayRecordMinutes(undefined)).toBe(false);
  });
});

describe('API errors in words', () => {
  it('should say a code in Russian, keep a refused input’s message, and say each thing once', () => {
    expect(
      describeError({
        graphQLErrors: [
          { message: 'text: must not be empty', extensions: { code: 'BAD_USER_INPUT' } },
          { message: 'no', extensions: { code: 'FORBIDDEN' } },
          { message: 'no again', extensions: { code: 'FORBIDDEN' } },
        ],
      }),
    ).toBe('Данные не приняты: text: must not be empty Недостаточно прав для этого действия.');
  });

  it('should say a lost connection and an error without a code', () => {
    expect(describeError({ networkError: new Error('fetch failed'), graphQLErrors: [] })).toBe(
      'Нет связи с сервером. Проверьте подключение и повторите.',
    );
    expect(describeError({ graphQLErrors: [{ message: 'boom' }] })).toBe(
      'Запрос не выполнен: boom',
    );
  });
});

describe('paging', () => {
  it('should go forward by end cursors and back to where it was', () => {
    const second = nextPage(firstPage, 'c1');
    const third = nextPage(second, 'c2');
    expect([currentAfter(firstPage), currentAfter(second), currentAfter(third)]).toEqual([
      null,
      'c1',
      'c2',
    ]);
    expect(pageNumber(third)).toBe(3);
    expect(previousPage(third)).toEqual(second);
    expect(previousPage(firstPage)).toBe(firstPage);
    expect(nextPage(second, null)).toBe(second);
  });
});

describe('the minutes', () => {
  const line = (id: string, sequence: number, revision = 0) => ({ id, sequence, revision });

  it('should hold each line once, its latest revision, in sequence order', () => {
    const known = [line('a', 1), line('b', 2)];
    expect(withLines(known, [line('c', 3), line('b', 2, 1), line('a', 1)])).toEqual([
      line('a', 1),
      line('b', 2, 1),
      line('c', 3),
    ]);
    expect(withLines([line('b', 2, 1)], [line('b', 2, 0)])).toEqual([line('b', 2, 1)]);
    expect(withLines([line('c', 3)], [line('a', 1)]).map((l) => l.id)).toEqual(['a', 'c']);
  });
});

describe('routes', () => {
  it('should map paths to pages and back', () => {
    expect(routeOf('/')).toEqual({ page: 'directory' });
    expect(routeOf('/roundtables')).toEqual({ page: 'roundtables' });
    expect(routeOf('/roundtables/rt%2F1')).toEqual({ page: 'roundtable', id: 'rt/1' });
    expect(routeOf('/callback')).toEqual({ page: 'callback' });
    expect(routeOf('/roundtables/%E0%A4%A')).toEqual({ page: 'not-found' });
    expect(routeOf('/elsewhere')).toEqual({ page: 'not-found' });
    expect(pathOf({ page: 'roundtable', id: 'rt/1' })).toBe('/roundtables/rt%2F1');
    expect(routeOf('/recommendations')).toEqual({ page: 'recommendations' });
    expect(routeOf('/recommendations/r%2F1')).toEqual({ page: 'recommendation', id: 'r/1' });
    expect(pathOf({ page: 'recommendation', id: 'r/1' })).toBe('/recommendations/r%2F1');
  });
});

describe('speakers', () => {
  it('should offer the moderator and each participant once, a delegation by its organisation', () => {
    const options = speakerOptions({
      moderator: { __typename: 'Person', id: 'p1', fullName: 'Иванов Иван' },
      participants: [
        {
          person: { id: 'p1', fullName: 'Иванов Иван' },
          organization: { id: 'o1', shortName: 'АКИТ' },
        },
        { person: null, organization: { id: 'o2', shortName: 'Минпромторг' } },
        { person: null, organization: null },
      ],
    });
    expect(options).toEqual([
      { value: 'PERSON:p1', label: 'Иванов Иван (АКИТ)' },
      { value: 'ORGANIZATION:o2', label: 'Минпромторг' },
    ]);
    expect(speakerInput('ORGANIZATION:o2')).toEqual({ kind: 'ORGANIZATION', id: 'o2' });
    expect(speakerInput('PERSON:')).toBeUndefined();
    expect(speakerInput('GROUP:g1')).toBeUndefined();
  });
});

describe('following a round table again', () => {
  const closed = (code: number) => ({ networkError: { code, reason: 'token expired' } });

  it('should follow again when the socket closed for its token and the token was renewed since', () => {
    expect(shouldFollowAgain(closed(4401), 'old', 'new')).toBe(true);
  });

  it('should not when the token is the same, signed out, or the socket closed for another reason', () => {
    expect(shouldFollowAgain(closed(4401), 'old', 'old')).toBe(false);
    expect(shouldFollowAgain(closed(4401), 'old', undefined)).toBe(false);
    expect(shouldFollowAgain(closed(4403), 'old', 'new')).toBe(false);
    expect(shouldFollowAgain({ networkError: new Error('fetch failed') }, 'old', 'new')).toBe(
      false,
    );
  });
});

describe('dates and times', () => {
  afterEach(() => showTimesIn('Europe/Moscow'));

  it('should show an instant in the association’s time zone, not the machine’s', () => {
    // 11:05 UTC on 7 December 2026: 14:05 in Moscow (UTC+3), 18:05 in Novosibirsk (UTC+7).
    showTimesIn('Europe/Moscow');
    expect(dateTime('2026-12-07T11:05:09Z')).toBe('7 декабря 2026, 14:05');
    expect(timeOfDay('2026-12-07T11:05:09Z')).toBe('14:05:09');
    showTimesIn('Asia/Novosibirsk');
    expect(dateTime('2026-12-07T11:05:09Z')).toBe('7 декабря 2026, 18:05');
    // The day turns over where the association is: 22:30 UTC is already the 8th in Novosibirsk.
    expect(dateTime('2026-12-07T22:30:00Z')).toBe('8 декабря 2026, 05:30');
  });
});
