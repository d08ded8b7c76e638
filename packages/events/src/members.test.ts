import { z } from 'zod';
import {
  membershipRoleSchema,
  organizationKindSchema,
  organizationRegisteredV1,
  organizationUpdatedV1,
  personUpdatedV1,
} from './members';
import { eventDefinitions } from './registry';

function propertyNames(schema: unknown): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  return Object.entries(schema as Record<string, unknown>).flatMap(([key, value]) =>
    key === 'properties' && typeof value === 'object' && value !== null
      ? [...Object.keys(value), ...Object.values(value).flatMap(propertyNames)]
      : propertyNames(value),
  );
}

describe('members contracts', () => {
  it('should carry no contacts in any payload when the schemas are published', () => {
    const contactLike = /mail|phone|contact|telegram/i;

    const leaks = eventDefinitions.flatMap((definition) =>
      propertyNames(z.toJSONSchema(definition.data)).filter((name) => contactLike.test(name)),
    );

    expect(leaks).toEqual([]);
  });

  it('should accept an organisation when INN and OGRN are left out', () => {
    const { inn: _inn, ogrn: _ogrn, ...withoutIds } = organizationRegisteredV1.example;

    expect(organizationRegisteredV1.data.safeParse(withoutIds).success).toBe(true);
  });

  it('should accept an organisation without country and description, as recorded before they were added', () => {
    const {
      country: _country,
      description: _description,
      ...before
    } = organizationRegisteredV1.example;

    expect(organizationRegisteredV1.data.safeParse(before).success).toBe(true);
  });

  it.each([
    ['country', 'by'],
    ['country', 'BLR'],
    ['description', ''],
    ['inn', '77034001'],
    ['ogrn', '115770001234'],
    ['website', 'ftp://akitrf.ru'],
    ['kind', 'GUILD'],
  ])('should reject an organisation at %s when it is %j', (field, value) => {
    const result = organizationRegisteredV1.data.safeParse({
      ...organizationRegisteredV1.example,
      [field]: value,
    });

    expect(result.error?.issues.map((issue) => issue.path)).toEqual([[field]]);
  });

  it('should reject an update when it names no changed field', () => {
    const result = organizationUpdatedV1.data.safeParse({
      ...organizationUpdatedV1.example,
      changedFields: [],
    });

    expect(result.success).toBe(false);
  });

  it('should reject an update when it reports a change of name, which renamed announces', () => {
    const result = organizationUpdatedV1.data.safeParse({
      ...organizationUpdatedV1.example,
      changedFields: ['name'],
    });

    expect(result.success).toBe(false);
  });

  it('should reject a person update when it reports a change of contacts', () => {
    const result = personUpdatedV1.data.safeParse({
      ...personUpdatedV1.example,
      changedFields: ['email'],
    });

    expect(result.success).toBe(false);
  });

  it('should expose the enumerations with their values when reused by the members service', () => {
    expect(organizationKindSchema.options).toHaveLength(17);
    expect(organizationKindSchema.enum.PARLIAMENTARY_COMMITTEE).toBe('PARLIAMENTARY_COMMITTEE');
    expect(membershipRoleSchema.options).toEqual([
      'CHAIR',
      'DEPUTY_CHAIR',
      'SECRETARY',
      'MEMBER',
      'OBSERVER',
      'EXPERT',
    ]);
  });
});
