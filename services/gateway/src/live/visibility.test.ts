import type { Identity } from '@kollegia/service-kit';

import type { LiveEvent } from './live-feed';
import { mayWatch } from './visibility';

const event = (aggregate: string, type: string, data: Record<string, unknown>): LiveEvent => ({
  cursor: 'request:0:1',
  partition: 'request:0',
  offset: 1,
  eventId: 'e',
  type,
  occurredAt: '2016-12-01T09:00:00.000Z',
  tenantId: 'akit',
  aggregate,
  subject: 's',
  data,
  receivedAt: 0,
});

const who = (roles: Identity['roles'], organizationId?: string): Identity => ({
  subject: 'u',
  tenantId: 'akit',
  roles,
  ...(organizationId ? { organizationId } : {}),
});

const internalRecommendation = event('recommendation', 'adopted', {
  addresseeIds: ['minprom', 'nti'],
  published: false,
});
const publishedRecommendation = event('recommendation', 'adopted', {
  addresseeIds: ['duma'],
  published: true,
});
const draftRequest = event('request', 'drafted', { addresseeId: 'minprom', status: 'DRAFT' });
const submittedRequest = event('request', 'submitted', {
  addresseeId: 'minprom',
  status: 'SUBMITTED',
});

describe('mayWatch', () => {
  it.each([
    ['a secretary', who(['secretary']), [true, true, true, true]],
    ['a member', who(['member']), [true, true, true, true]],
    ['the addressee of both', who(['addressee'], 'minprom'), [true, false, false, true]],
    ['another addressee', who(['addressee'], 'duma'), [false, true, false, false]],
    ['an addressee user without an organisation', who(['addressee']), [false, false, false, false]],
    ['a partner', who(['partner']), [false, true, false, true]],
  ])(
    'should let %s watch (internal rec, published rec, draft request, submitted request) = %j',
    (_who, identity, expected) => {
      expect(
        [internalRecommendation, publishedRecommendation, draftRequest, submittedRequest].map((e) =>
          mayWatch(identity, e),
        ),
      ).toEqual(expected);
    },
  );

  it.each([
    ['a secretary', who(['secretary']), [true, true, true]],
    ['a member', who(['member']), [true, true, true]],
    ['the controller', who(['addressee'], 'minprom'), [true, false, true]],
    ['the responsible organisation', who(['addressee'], 'association'), [true, true, false]],
    ['an unrelated addressee', who(['addressee'], 'duma'), [false, false, false]],
    ['an addressee user without an organisation', who(['addressee']), [false, false, false]],
    ['a partner', who(['partner']), [false, true, false]],
  ])(
    'should let %s watch items under control (internal, published, workspace-controlled) = %j',
    (_who, identity, expected) => {
      const item = (data: Record<string, unknown>) =>
        event('control-item', 'progress-reported', { status: 'UNDER_CONTROL', ...data });
      const items = [
        item({
          controllerId: 'minprom',
          responsible: { kind: 'ORGANIZATION', id: 'association' },
          published: false,
        }),
        item({ responsible: { kind: 'ORGANIZATION', id: 'association' }, published: true }),
        item({
          controllerId: 'minprom',
          responsible: { kind: 'PERSON', id: 'volostnov' },
          published: false,
        }),
      ];
      expect(items.map((e) => mayWatch(identity, e))).toEqual(expected);
    },
  );

  it('should let nobody but staff watch events of other aggregates through these rules', () => {
    const statement = event('roundtable', 'statement-recorded', { published: true });
    expect(mayWatch(who(['partner']), statement)).toBe(false);
    expect(mayWatch(who(['member']), statement)).toBe(true);
  });
});
