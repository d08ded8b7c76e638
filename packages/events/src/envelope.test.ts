import { envelopeSchema } from './envelope';

const valid = {
  specversion: '1.0',
  id: '3f1c9a4e-7b2d-4c8e-9a61-5d2e8f0b7c13',
  source: 'kollegia/members',
  type: 'kollegia.members.organization.registered.v1',
  subject: 'org-1',
  time: '2025-05-20T09:30:00+03:00',
  datacontenttype: 'application/json',
  tenantid: 'akit',
  aggregateversion: 0,
  correlationid: '8d0e6b52-1a7f-4f3c-b2e9-0c4d5a6f7e81',
  causationid: '0b6c1f2e-3d4a-4b5c-8d6e-7f8091a2b3c4',
  actor: 'system:members',
  data: { id: 'org-1' },
};

function issuePaths(value: unknown): string[] {
  const result = envelopeSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
}

describe('envelopeSchema', () => {
  it('should accept an envelope when every attribute is present and well formed', () => {
    expect(envelopeSchema.safeParse(valid).success).toBe(true);
  });

  it('should accept an envelope when causationid is omitted', () => {
    const { causationid: _omitted, ...rootEvent } = valid;

    expect(envelopeSchema.safeParse(rootEvent).success).toBe(true);
  });

  it('should keep the distributed-tracing attributes when an event carries them', () => {
    const traced = {
      ...valid,
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      tracestate: 'vendor=abc',
    };

    expect(envelopeSchema.parse(traced)).toMatchObject({
      traceparent: traced.traceparent,
      tracestate: 'vendor=abc',
    });
  });

  it('should accept a UTC time when it ends in Z', () => {
    expect(issuePaths({ ...valid, time: '2025-05-20T06:30:00.123Z' })).toEqual([]);
  });

  it.each([
    ['specversion', { specversion: '0.3' }],
    ['id', { id: 'not-a-uuid' }],
    ['subject', { subject: '' }],
    ['time', { time: '2025-05-20T09:30:00' }],
    ['time', { time: '20 May 2025' }],
    ['datacontenttype', { datacontenttype: 'text/plain' }],
    ['tenantid', { tenantid: '' }],
    ['aggregateversion', { aggregateversion: -1 }],
    ['aggregateversion', { aggregateversion: 1.5 }],
    ['correlationid', { correlationid: '' }],
    ['causationid', { causationid: '' }],
    ['actor', { actor: '' }],
  ])('should reject the envelope at %s when given %j', (path, change) => {
    expect(issuePaths({ ...valid, ...change })).toEqual([path]);
  });

  it('should reject the envelope at each missing attribute when required ones are absent', () => {
    const { tenantid: _tenant, actor: _actor, ...partial } = valid;

    expect(issuePaths(partial)).toEqual(['tenantid', 'actor']);
  });

  it('should reject the value at its root when it is not an object', () => {
    expect(issuePaths([valid])).toEqual(['']);
  });
});
