import { decodeEvent, encodeEvent } from './codec';
import { membershipRevokedV1 } from './members';
import {
  anEnvelope,
  membershipGranted,
  organizationRegistered,
  organizationRenamed,
  TEST_TENANT_ID,
} from './testing';

describe('test factories', () => {
  it('should build an event that decodes when given no overrides', () => {
    const event = organizationRegistered();

    expect(decodeEvent(encodeEvent(event).value)).toEqual({ ok: true, event });
    expect(event.tenantid).toBe(TEST_TENANT_ID);
  });

  it('should give each event a fresh aggregate id when none is named', () => {
    const first = membershipGranted();
    const second = membershipGranted();

    expect(first.subject).not.toBe(second.subject);
    expect(first.data.id).toBe(first.subject);
  });

  it('should use the subject as data.id when only the subject is overridden', () => {
    const event = organizationRenamed({ subject: 'org-9' });

    expect(event.data.id).toBe('org-9');
  });

  it('should use data.id as the subject when only data.id is overridden', () => {
    const event = organizationRenamed({ data: { id: 'org-8' } });

    expect(event.subject).toBe('org-8');
  });

  it('should merge data overrides into the example when given some fields', () => {
    const event = membershipGranted({ tenantid: 't-2', data: { role: 'CHAIR' } });

    expect(event.tenantid).toBe('t-2');
    expect(event.data).toMatchObject({ role: 'CHAIR', since: '2025-03-01' });
  });

  it('should build any definition when given one directly', () => {
    const event = anEnvelope(membershipRevokedV1, { causationid: 'e-1', aggregateversion: 3 });

    expect(event).toMatchObject({
      type: 'kollegia.members.membership.revoked.v1',
      causationid: 'e-1',
      aggregateversion: 3,
    });
  });

  it('should throw when the overrides break the contract', () => {
    expect(() => organizationRegistered({ data: { name: '' } })).toThrow(/data\.name/);
  });
});
