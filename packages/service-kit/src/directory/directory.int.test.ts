import {
  organizationArchived,
  organizationRegistered,
  organizationRenamed,
  organizationUpdated,
  personRegistered,
  personUpdated,
} from '@kollegia/events/testing';
import { testNamespace } from '@kollegia/testing';
import mongoose, { type Connection } from 'mongoose';

import { Directory } from './directory';
import { directoryModel } from './directory.model';
import { isPublic } from './references';

/** The directory read model against the database the tests run on (the embedded engine locally). */
const ns = testNamespace('directory');
const TENANT = 'akit';
let connection: Connection;
let directory: Directory;

beforeAll(async () => {
  connection = await mongoose.createConnection(ns.mongoUrl, { dbName: ns.dbName }).asPromise();
  directory = new Directory(directoryModel(connection));
});

afterAll(async () => {
  await connection.dropDatabase();
  await connection.close();
});

const card = (id: string, published: boolean) => ({
  id,
  name: 'Министерство промышленности и торговли Российской Федерации',
  shortName: 'Минпромторг России',
  kind: 'MINISTRY' as const,
  published,
  inn: undefined,
  ogrn: undefined,
});

describe('the directory', () => {
  it('should keep the newest of what members says of an organisation, whatever comes again or late', async () => {
    const id = 'org-minpromtorg';
    const registered = organizationRegistered({ tenantid: TENANT, data: card(id, false) });
    const published = organizationUpdated({
      tenantid: TENANT,
      aggregateversion: 2,
      data: { ...card(id, true), changedFields: ['published'] },
    });
    const renamed = organizationRenamed({
      tenantid: TENANT,
      subject: id,
      aggregateversion: 3,
      data: {
        id,
        name: 'Минпромторг',
        shortName: 'МПТ',
        previousName: 'x',
        previousShortName: 'y',
      },
    });
    expect(await directory.record(registered)).toBe(true);
    expect(await directory.record(published)).toBe(true);
    expect(await directory.record(renamed)).toBe(true);
    // Redelivered and late: nothing changes.
    expect(await directory.record(registered)).toBe(false);
    expect(await directory.record(published)).toBe(false);
    expect(await directory.get(TENANT, { kind: 'ORGANIZATION', id })).toEqual({
      kind: 'ORGANIZATION',
      id,
      name: 'Минпромторг',
      shortName: 'МПТ',
      organizationKind: 'MINISTRY',
      country: 'RU',
      status: 'ACTIVE',
      published: true,
    });
    await directory.record(
      organizationArchived({
        tenantid: TENANT,
        subject: id,
        aggregateversion: 4,
        data: { id, name: 'Минпромторг', shortName: 'МПТ' },
      }),
    );
    expect(await directory.get(TENANT, { kind: 'ORGANIZATION', id })).toMatchObject({
      status: 'ARCHIVED',
      published: true,
    });
  });

  it('should refuse references it does not know in the tenant, naming the field', async () => {
    const person = { kind: 'PERSON', id: 'person-chair' } as const;
    const elsewhere = { kind: 'ORGANIZATION', id: 'org-elsewhere' } as const;
    await directory.record(
      personRegistered({
        tenantid: TENANT,
        data: { id: person.id, fullName: 'Петров Алексей Николаевич', organizationId: undefined },
      }),
    );
    await directory.record(
      organizationRegistered({ tenantid: 'another-association', data: card(elsewhere.id, true) }),
    );
    const known = await directory.requireKnown(TENANT, { moderator: [person] });
    expect([...known.values()]).toEqual([{ ...person, name: 'Петров Алексей Николаевич' }]);
    await expect(
      directory.requireKnown(TENANT, { moderator: [person], addresseeIds: [elsewhere] }),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'addresseeIds' },
      message: 'addresseeIds: organization org-elsewhere is not in the directory',
    });
    await expect(
      directory.requireKnown(TENANT, { moderator: [{ kind: 'ORGANIZATION', id: person.id }] }),
    ).rejects.toMatchObject({ details: { field: 'moderator' } });
  });

  it('should show a person to readers of published material as their organisation is published, as of the read', async () => {
    const office = 'org-working-office';
    const clerk = { kind: 'PERSON', id: 'person-clerk' } as const;
    const shown = async () => isPublic((await directory.get(TENANT, clerk))!);
    const person = (aggregateversion: number, organizationId?: string) => ({
      tenantid: TENANT,
      subject: clerk.id,
      aggregateversion,
      data: {
        id: clerk.id,
        fullName: 'Сидоров Павел Олегович',
        expertise: [],
        organizationId,
      },
    });
    // Their organisation's event has not arrived yet: hidden until it says it is published.
    await directory.record(personRegistered(person(1, office)));
    expect(await directory.get(TENANT, clerk)).toMatchObject({
      organizationId: office,
      organizationPublished: false,
    });
    expect(await shown()).toBe(false);
    await directory.record(organizationRegistered({ tenantid: TENANT, data: card(office, false) }));
    expect(await shown()).toBe(false);
    // Their organisation is published: so are they, without an event of their own.
    await directory.record(
      organizationUpdated({
        tenantid: TENANT,
        subject: office,
        aggregateversion: 2,
        data: { ...card(office, true), changedFields: ['published'] },
      }),
    );
    expect(await shown()).toBe(true);
    expect(
      (await directory.getMany(TENANT, [clerk, { kind: 'ORGANIZATION', id: office }])).map(
        isPublic,
      ),
    ).toEqual([true, true]);
    await directory.record(
      organizationUpdated({
        tenantid: TENANT,
        subject: office,
        aggregateversion: 3,
        data: { ...card(office, false), changedFields: ['published'] },
      }),
    );
    expect(await shown()).toBe(false);
    // They left it: a person of no organisation is public.
    await directory.record(
      personUpdated({
        ...person(2),
        data: { ...person(2).data, changedFields: ['organizationId'] },
      }),
    );
    expect(await directory.get(TENANT, clerk)).toEqual({
      ...clerk,
      name: 'Сидоров Павел Олегович',
    });
    expect(await shown()).toBe(true);
  });

  it('should keep the country an organisation card says, and follow it when it changes', async () => {
    const id = 'org-minprom-by';
    const ministry = {
      ...card(id, true),
      name: 'Министерство промышленности Республики Беларусь',
      shortName: 'Минпром Беларуси',
      country: 'BY',
      region: 'BY-HM',
    };
    await directory.record(organizationRegistered({ tenantid: TENANT, data: ministry }));
    expect(await directory.get(TENANT, { kind: 'ORGANIZATION', id })).toMatchObject({
      country: 'BY',
    });

    await directory.record(
      organizationUpdated({
        tenantid: TENANT,
        subject: id,
        aggregateversion: 2,
        data: {
          ...ministry,
          country: 'KZ',
          region: 'KZ-71',
          changedFields: ['country', 'region'],
        },
      }),
    );

    const known = await directory.requireKnown(TENANT, {
      addresseeIds: [{ kind: 'ORGANIZATION', id }],
    });
    expect([...known.values()]).toMatchObject([{ id, country: 'KZ' }]);
  });

  it('should read the country of an event from before cards said it from its region', async () => {
    const id = 'org-old-event';
    const old = organizationRegistered({
      tenantid: TENANT,
      data: { ...card(id, true), region: 'RU-VGG' },
    });
    // As members wrote it before cards said a country.
    delete (old.data as { country?: string }).country;

    await directory.record(old);

    expect(await directory.get(TENANT, { kind: 'ORGANIZATION', id })).toMatchObject({
      country: 'RU',
    });
  });

  it('should give RU to the organisations recorded before events said a country, once, and leave the rest', async () => {
    const entries = connection.collection<{ _id: string }>('directory');
    const stored = (tenantId: string, id: string, fields: object) => ({
      _id: `${tenantId}/ORGANIZATION/${id}`,
      tenantId,
      kind: 'ORGANIZATION',
      memberId: id,
      name: id,
      version: 1,
      updatedAt: new Date('2025-11-20T10:00:00Z'),
      ...fields,
    });
    // As the directory stored them before it kept countries: one card, one rename only.
    await entries.insertMany([
      stored(TENANT, 'org-card-before', { organizationKind: 'AGENCY', published: true }),
      stored('another-association', 'org-card-before', { organizationKind: 'BANK' }),
      stored(TENANT, 'org-renamed-only', { shortName: 'Переименованная' }),
    ]);
    const country = async (tenantId: string, id: string) =>
      (await directory.get(tenantId, { kind: 'ORGANIZATION', id }))?.country;

    const filled = await directory.fillCountriesOfOldEntries();

    expect(filled).toBe(2);
    expect(await country(TENANT, 'org-card-before')).toBe('RU');
    expect(await country('another-association', 'org-card-before')).toBe('RU');
    expect(await country(TENANT, 'org-renamed-only')).toBeUndefined();
    expect(await country(TENANT, 'org-minprom-by')).toBe('KZ');
    // Again, e.g. another replica starting: nothing left to fill.
    expect(await directory.fillCountriesOfOldEntries()).toBe(0);
  });
});
