import { eventDefinitions, findEventDefinition, isKollegiaEventType } from './registry';

describe('registry', () => {
  it('should hold every members event when loaded', () => {
    const members = eventDefinitions.filter((definition) => definition.service === 'members');

    expect(members.map((definition) => definition.type)).toEqual([
      'kollegia.members.organization.registered.v1',
      'kollegia.members.organization.updated.v1',
      'kollegia.members.organization.renamed.v1',
      'kollegia.members.organization.archived.v1',
      'kollegia.members.person.registered.v1',
      'kollegia.members.person.updated.v1',
      'kollegia.members.community.formed.v1',
      'kollegia.members.community.updated.v1',
      'kollegia.members.community.dissolved.v1',
      'kollegia.members.membership.granted.v1',
      'kollegia.members.membership.role-changed.v1',
      'kollegia.members.membership.revoked.v1',
    ]);
  });

  it('should hold no two definitions of one type when loaded', () => {
    const types = eventDefinitions.map((definition) => definition.type);

    expect(new Set(types).size).toBe(types.length);
  });

  it('should find the definition when given a full type string', () => {
    expect(findEventDefinition('kollegia.members.membership.role-changed.v1')?.name).toBe(
      'role-changed',
    );
  });

  it('should find nothing when the type is unknown or of another version', () => {
    expect(findEventDefinition('kollegia.members.organization.registered.v2')).toBeUndefined();
    expect(isKollegiaEventType('organization.registered')).toBe(false);
    expect(isKollegiaEventType('kollegia.members.person.updated.v1')).toBe(true);
  });
});
