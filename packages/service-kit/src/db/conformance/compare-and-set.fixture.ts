/**
 * Test fixture, run as a child process by compare-and-set.int.test.ts (Node runs the TypeScript
 * source as it is: type stripping, Node 24): one process of racing writers, the way replicas of a
 * service change one aggregate at once. Each writer reads a document's version and tries the
 * compare-and-set of `updateWithEvents` (packages/service-kit/src/outbox/aggregate-writes.ts) at
 * that version, until every document has reached TARGET_VERSION. Waits for the parent's "go" so
 * that all processes start together, and sends back what it won.
 *
 * Reads MONGO_URL, MONGO_DB, COLLECTION, TENANT_ID, DOC_IDS (comma-separated), RACERS,
 * TARGET_VERSION and PROCESS_NAME from the environment.
 */
import mongoose from 'mongoose';

export interface RacedDocument {
  _id: string;
  tenantId: string;
  version: number;
  log: { by: string; version: number }[];
}

export interface RaceWin {
  id: string;
  /** The version this writer's compare-and-set moved the document to. */
  version: number;
  /** The version of the document findOneAndUpdate returned (returnDocument: 'after'). */
  returned: number;
  by: string;
}

export type RaceMessage =
  { kind: 'ready' } | { kind: 'done'; process: string; wins: RaceWin[]; losses: number };

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (compare-and-set.int.test.ts passes it)`);
  return value;
}

function send(message: RaceMessage): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!process.send) {
      reject(new Error('run this fixture with child_process.fork (it reports over IPC)'));
      return;
    }
    process.send(message, undefined, {}, (error) => (error ? reject(error) : resolve()));
  });
}

async function main(): Promise<void> {
  const name = required('PROCESS_NAME');
  const tenantId = required('TENANT_ID');
  const ids = required('DOC_IDS').split(',');
  const racers = Number(required('RACERS'));
  const target = Number(required('TARGET_VERSION'));
  const client = await new mongoose.mongo.MongoClient(required('MONGO_URL')).connect();
  const collection = client
    .db(required('MONGO_DB'))
    .collection<RacedDocument>(required('COLLECTION'));
  await collection.findOne({ _id: ids[0] ?? '' });

  const go = new Promise<void>((resolve) => process.once('message', () => resolve()));
  await send({ kind: 'ready' });
  await go;

  const wins: RaceWin[] = [];
  let losses = 0;
  const race = async (racer: number): Promise<void> => {
    const by = `${name}/${racer}`;
    const finished = new Set<string>();
    // A cap, so that a server that never lets a compare-and-set win fails instead of hanging.
    for (let turn = racer; turn < target * ids.length * 20; turn += 1) {
      const id = ids[turn % ids.length]!;
      if (finished.size === ids.length) return;
      if (finished.has(id)) continue;
      const current = await collection.findOne(
        { _id: id, tenantId },
        { projection: { version: 1 } },
      );
      if (!current) throw new Error(`document ${id} is missing`);
      if (current.version >= target) {
        finished.add(id);
        continue;
      }
      const won = await collection.findOneAndUpdate(
        { _id: id, tenantId, version: current.version },
        { $inc: { version: 1 }, $push: { log: { by, version: current.version + 1 } } },
        { returnDocument: 'after' },
      );
      if (won) wins.push({ id, version: current.version + 1, returned: won.version, by });
      else losses += 1;
    }
  };
  await Promise.all(Array.from({ length: racers }, (_, racer) => race(racer)));
  await client.close();
  await send({ kind: 'done', process: name, wins, losses });
  process.disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
