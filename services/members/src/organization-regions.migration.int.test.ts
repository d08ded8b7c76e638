import { testNamespace } from '@kollegia/testing';
import mongoose from 'mongoose';

import type { OrganizationModel } from './db/organization.model';
import { moveRegionsToJurisdictions } from './db/organization-regions.migration';
import { dataOf, OTHER_TENANT, startMembers, TENANT, type Members } from './test/harness';

const ns = testNamespace('regions');
const CREATED = new Date('2024-05-14T09:00:00.000Z');

/** An organisation document as the service wrote it before countries were recorded. */
const writtenTheOldWay = (id: string, tenantId: string, shortName: string, region: string) => ({
  _id: id,
  tenantId,
  version: 3,
  name: shortName,
  shortName,
  kind: 'ENTERPRISE',
  region,
  industries: ['clusters'],
  status: 'ACTIVE',
  published: true,
  searchTokens: [shortName.toLowerCase()],
  sortName: shortName.toLowerCase(),
  createdAt: CREATED,
  updatedAt: CREATED,
  outbox: [],
});

let replicas: Members[] = [];

beforeAll(async () => {
  const connection = await mongoose
    .createConnection(ns.mongoUrl, { dbName: ns.dbName })
    .asPromise();
  try {
    await connection
      .collection<{ _id: string }>('organizations')
      .insertMany([
        writtenTheOldWay('org-volma', TENANT, 'ВОЛМА', 'RU-VGG'),
        writtenTheOldWay('org-stereotek', TENANT, 'Стереотек', 'RU-VGG'),
        writtenTheOldWay('org-kazan', OTHER_TENANT, 'Иннополис', 'RU-TA'),
      ]);
  } finally {
    await connection.close();
  }
  // Two replicas start on the data at once; each runs the migration.
  replicas = await Promise.all([startMembers('regions', { ns }), startMembers('regions', { ns })]);
});

afterAll(async () => {
  await replicas[1]?.stop({ drop: false });
  await replicas[0]?.stop();
});

const stored = (id: string) =>
  replicas[0]!.app.runtime.connection
    .collection<{ _id: string }>('organizations')
    .findOne({ _id: id });

describe('moving regions to jurisdictions at start', () => {
  it('should give organisations written the old way country RU and their region as subdivision, once', async () => {
    for (const [id, subdivision] of [
      ['org-volma', 'RU-VGG'],
      ['org-stereotek', 'RU-VGG'],
      ['org-kazan', 'RU-TA'],
    ] as const) {
      const doc = await stored(id);
      expect(doc).toMatchObject({ country: 'RU', subdivision, version: 3 });
      expect(doc).not.toHaveProperty('region');
    }
    // Nothing is left for a third start.
    const model = replicas[0]!.app.runtime.connection.models.Organization as OrganizationModel;
    expect(await moveRegionsToJurisdictions(model)).toBe(0);
  });

  it('should serve and change a moved organisation as any other', async () => {
    const members = replicas[1]!;
    const found = dataOf(
      await members.gql(`{ organizations(filter: { country: "RU", subdivision: "RU-VGG" }) {
        nodes { id country subdivision region version }
      } }`),
    ).organizations.nodes;
    expect(found).toEqual([
      { id: 'org-volma', country: 'RU', subdivision: 'RU-VGG', region: 'RU-VGG', version: 3 },
      { id: 'org-stereotek', country: 'RU', subdivision: 'RU-VGG', region: 'RU-VGG', version: 3 },
    ]);

    const updated = dataOf(
      await members.gql(
        `mutation { updateOrganization(id: "org-volma", expectedVersion: 3, input: { description: "Производит сухие строительные смеси." }) { version country subdivision description } }`,
      ),
    ).updateOrganization;
    expect(updated).toEqual({
      version: 4,
      country: 'RU',
      subdivision: 'RU-VGG',
      description: 'Производит сухие строительные смеси.',
    });
  });
});
