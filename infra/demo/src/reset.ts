import { MongoClient } from 'mongodb';

/**
 * The services' own databases under their default names (`MONGO_DB` in services/<name>/src/config.ts;
 * a unit test keeps the two in step). The local system is one workspace, so they hold the demo
 * tenant's data and nothing else worth keeping (the gateway's holds its rate-limit windows).
 */
export const SERVICE_DATABASES = [
  'kollegia_gateway',
  'kollegia_identity',
  'kollegia_members',
  'kollegia_roundtables',
  'kollegia_recommendations',
  'kollegia_requests',
] as const;

export interface ResetResult {
  database: string;
  documents: number;
}

/**
 * Empties the services' databases. While the services run, the collections are emptied and kept:
 * each service builds its indexes (unique ones among them) once, at start, and a dropped database
 * would come back without them. With nothing running, the databases are dropped.
 */
export async function resetDemoData({
  mongoUrl,
  servicesRunning,
  databases = SERVICE_DATABASES,
}: {
  mongoUrl: string;
  servicesRunning: boolean;
  databases?: readonly string[];
}): Promise<ResetResult[]> {
  const client = await MongoClient.connect(mongoUrl, { serverSelectionTimeoutMS: 5000 });
  try {
    const results: ResetResult[] = [];
    for (const name of databases) {
      const db = client.db(name);
      let documents = 0;
      const collections = await db.listCollections({}, { nameOnly: true }).toArray();
      for (const { name: collection } of collections) {
        if (servicesRunning) {
          documents += (await db.collection(collection).deleteMany({})).deletedCount;
        } else {
          documents += await db.collection(collection).countDocuments();
        }
      }
      if (!servicesRunning) await db.dropDatabase();
      results.push({ database: name, documents });
    }
    return results;
  } finally {
    await client.close();
  }
}
