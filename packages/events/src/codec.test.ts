import { causedBy, createEvent, decodeEvent, encodeEvent, InvalidEventError } from './codec';
import {
  membershipGrantedV1,
  organizationRegisteredV1,
  organizationRenamedV1,
  personRegisteredV1,
} from './members';

const metadata = {
  subject: 'org-1',
  tenantId: 'akit',
  aggregateVersion: 1,
  correlationId: 'corr-1',
  actor: 'user:42',
  time: new Date('2025-05-20T06:30:00Z'),
};

const renamed = {
  id: 'org-1',
  name: 'Новое имя',
  shortName: 'НИ',
  previousName: 'Старое имя',
  previousShortName: 'СИ',
};

function caught(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the action to throw');
}

describe('createEvent', () => {
  it('should fill in the envelope when given a definition, metadata and valid data', () => {
    const event = createEvent(organizationRenamedV1, metadata, renamed);

    expect(event).toEqual({
      specversion: '1.0',
      id: expect.stringMatching(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      ),
      source: 'kollegia/members',
      type: 'kollegia.members.organization.renamed.v1',
      subject: 'org-1',
      time: '2025-05-20T06:30:00.000Z',
      datacontenttype: 'application/json',
      tenantid: 'akit',
      aggregateversion: 1,
      correlationid: 'corr-1',
      actor: 'user:42',
      data: renamed,
    });
    expect(Object.keys(event)).not.toContain('causationid');
  });

  it('should give each event its own id when none is passed', () => {
    const first = createEvent(organizationRenamedV1, metadata, renamed);
    const second = createEvent(organizationRenamedV1, metadata, renamed);

    expect(first.id).not.toBe(second.id);
  });

  it('should throw naming the path when the data breaks the schema', () => {
    const error = caught(() =>
      createEvent(
        membershipGrantedV1,
        { ...metadata, subject: 'm-1' },
        {
          id: 'm-1',
          communityId: 'c-1',
          member: { kind: 'COMPANY' as 'PERSON', id: 'p-1' },
          role: 'MEMBER',
          since: '2025-03-01',
        },
      ),
    );

    expect(error).toBeInstanceOf(InvalidEventError);
    expect((error as InvalidEventError).issues.map((issue) => issue.path)).toEqual([
      'data.member.kind',
    ]);
    expect((error as Error).message).toMatch(
      /^Invalid kollegia\.members\.membership\.granted\.v1 event: data\.member\.kind: /,
    );
  });

  it('should throw naming the index when an array item is invalid', () => {
    const error = caught(() =>
      createEvent(
        personRegisteredV1,
        { ...metadata, subject: 'p-1' },
        {
          id: 'p-1',
          fullName: 'Петров Пётр',
          expertise: ['energy', ''],
        },
      ),
    );

    expect((error as Error).message).toContain('data.expertise[1]');
  });

  it('should throw naming the attribute when the metadata is invalid', () => {
    expect(() =>
      createEvent(organizationRenamedV1, { ...metadata, tenantId: '' }, renamed),
    ).toThrow(/: tenantid: /);
  });

  it('should throw when the subject is not the aggregate id in the data', () => {
    expect(() =>
      createEvent(organizationRenamedV1, { ...metadata, subject: 'org-2' }, renamed),
    ).toThrow(/subject: must equal data\.id \(org-1\)/);
  });

  it('should leave out keys the contract does not know when the data carries extra ones', () => {
    const person = { id: 'p-1', fullName: 'Петров Пётр', expertise: [], email: 'p@example.org' };

    const event = createEvent(personRegisteredV1, { ...metadata, subject: 'p-1' }, person);

    expect(event.data).not.toHaveProperty('email');
  });

  it('should carry tenant, correlation and cause when built from a causing event', () => {
    const cause = createEvent(organizationRenamedV1, metadata, renamed);

    const effect = createEvent(organizationRenamedV1, { ...metadata, ...causedBy(cause) }, renamed);

    expect(effect).toMatchObject({ correlationid: 'corr-1', causationid: cause.id });
  });
});

describe('encodeEvent and decodeEvent', () => {
  const event = createEvent(organizationRegisteredV1, metadata, {
    ...organizationRegisteredV1.example,
    id: 'org-1',
  });

  it('should key the message by subject with the CloudEvents content type when encoding', () => {
    const message = encodeEvent(event);

    expect(message.key).toBe('org-1');
    expect(message.headers).toEqual({ 'content-type': 'application/cloudevents+json' });
    expect(JSON.parse(message.value)).toEqual(event);
  });

  it('should give back the same event when decoding what was encoded', () => {
    const { value } = encodeEvent(event);

    expect(decodeEvent(Buffer.from(value, 'utf8'))).toEqual({ ok: true, event });
    expect(decodeEvent(value)).toEqual({ ok: true, event });
  });

  it('should narrow the event by its type when decoding succeeds', () => {
    const result = decodeEvent(encodeEvent(event).value);

    if (!result.ok || result.event.type !== 'kollegia.members.organization.registered.v1') {
      throw new Error('expected an organization.registered event');
    }
    expect(result.event.data.shortName).toBe('АКИТ РФ');
  });

  it('should report invalid JSON when the value is not JSON', () => {
    const result = decodeEvent('{"specversion": "1.0"');

    expect(result).toEqual({
      ok: false,
      failure: 'invalid-json',
      reason: expect.stringMatching(/^invalid JSON: /),
    });
  });

  it('should report invalid JSON when the message has no value', () => {
    expect(decodeEvent(null)).toMatchObject({ ok: false, failure: 'invalid-json' });
  });

  it('should report the path when the envelope is invalid', () => {
    const { tenantid: _tenant, ...withoutTenant } = event;

    const result = decodeEvent(JSON.stringify(withoutTenant));

    expect(result).toEqual({
      ok: false,
      failure: 'invalid-envelope',
      reason: 'invalid envelope at tenantid: Invalid input: expected string, received undefined',
    });
  });

  it('should report the root when the value is JSON but not an object', () => {
    expect(decodeEvent('42')).toMatchObject({
      failure: 'invalid-envelope',
      reason: expect.stringMatching(/^invalid envelope at \(root\): /),
    });
  });

  it('should report the type when the event type is unknown', () => {
    const result = decodeEvent(
      JSON.stringify({ ...event, type: 'kollegia.members.organization.merged.v1' }),
    );

    expect(result).toEqual({
      ok: false,
      failure: 'unknown-type',
      reason: 'unknown event type kollegia.members.organization.merged.v1',
    });
  });

  it('should report the path when the data is invalid', () => {
    const result = decodeEvent(
      JSON.stringify({ ...event, data: { ...event.data, kind: 'GUILD', industries: [7] } }),
    );

    expect(result).toMatchObject({ ok: false, failure: 'invalid-data' });
    expect(!result.ok && result.reason).toMatch(
      /^invalid data for kollegia\.members\.organization\.registered\.v1 at data\.kind: .+; data\.industries\[0\]: /,
    );
  });

  it('should accept the event when the data has fields added later in the same version', () => {
    const result = decodeEvent(
      JSON.stringify({ ...event, data: { ...event.data, foundedIn: 2015 } }),
    );

    expect(result.ok).toBe(true);
  });

  it('should not throw when given anything at all', () => {
    const inputs = ['', 'null', '[]', '{"type": 5}', '\u0000', Buffer.from([0xff, 0xfe])];

    for (const input of inputs) {
      expect(decodeEvent(input)).toMatchObject({ ok: false });
    }
  });
});
