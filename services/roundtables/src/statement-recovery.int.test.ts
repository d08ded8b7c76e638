import { collectMessages, expectEventually, type ReceivedMessage } from '@kollegia/testing';

import { StatementRepository } from './db/statement.repository';
import {
  aLiveRoundtable,
  CONCLUDE,
  dataOf,
  eventsOf,
  RECORD,
  startRoundtables,
  type Roundtables,
} from './test/harness';

let rt: Roundtables;
let collector: { messages: ReceivedMessage[]; stop: () => Promise<void> };

beforeAll(async () => {
  rt = await startRoundtables('recovery');
  collector = await collectMessages(rt.ns.kafkaBrokers, [rt.app.runtime.topic('roundtable')]);
});

afterAll(async () => {
  jest.restoreAllMocks();
  await collector.stop();
  await rt.stop();
});

const STATEMENTS = `query($id: ID!) { roundtable(id: $id) { statementCount statements(first: 100) { totalCount nodes { sequence text } } } }`;

function pendingOf(id: string) {
  return rt.app.runtime.connection
    .collection<{ _id: string; pendingStatements: { id: string; sequence: number }[] }>(
      'roundtables',
    )
    .findOne({ _id: id })
    .then((doc) => doc?.pendingStatements.map((s) => s.sequence) ?? []);
}

describe('a statement whose own document was not written', () => {
  it('should be committed with the round table, announced, and written by the sweep', async () => {
    const { roundtable, who } = await aLiveRoundtable(rt);
    const record = (text: string) =>
      rt.gql(RECORD, {
        id: roundtable.id,
        input: { speaker: { kind: 'PERSON', id: who.speaker }, text },
      });
    dataOf(await record('Первая реплика'));
    // The database goes away between the two writes of the second statement.
    jest
      .spyOn(StatementRepository.prototype, 'store')
      .mockRejectedValueOnce(new Error('connection lost'));
    const second = dataOf(await record('Вторая реплика')).recordStatement;
    expect(second.sequence).toBe(2);
    dataOf(await record('Третья реплика'));

    // The round table counts it and the event carries it; only its own document is missing.
    const before = dataOf(await rt.gql(STATEMENTS, { id: roundtable.id })).roundtable;
    expect(before.statementCount).toBe(3);
    expect(before.statements.nodes.map((s: { sequence: number }) => s.sequence)).toEqual([1, 3]);
    expect(await pendingOf(roundtable.id)).toEqual([2, 3]);
    await expectEventually(() => {
      const announced = eventsOf(collector.messages, roundtable.id)
        .filter((e) => e.type === 'kollegia.roundtables.roundtable.statement-recorded.v1')
        .map((e) => (e.data as { statement: { id: string } }).statement.id);
      expect(announced).toContain(second.id);
    });

    expect(await rt.app.storePendingStatements()).toBe(2);
    expect(await pendingOf(roundtable.id)).toEqual([]);
    const after = dataOf(await rt.gql(STATEMENTS, { id: roundtable.id })).roundtable;
    expect(after.statements.nodes).toEqual([
      { sequence: 1, text: 'Первая реплика' },
      { sequence: 2, text: 'Вторая реплика' },
      { sequence: 3, text: 'Третья реплика' },
    ]);
    const stored = await rt.app.runtime.connection
      .collection('statements')
      .findOne({ _id: second.id as never });
    expect(stored).toMatchObject({ sequence: 2, roundtableId: roundtable.id });
    expect(await rt.app.storePendingStatements()).toBe(0);
  });

  it('should put a statement still pending into the minutes', async () => {
    const { roundtable, who } = await aLiveRoundtable(rt);
    jest
      .spyOn(StatementRepository.prototype, 'store')
      .mockRejectedValueOnce(new Error('connection lost'));
    dataOf(
      await rt.gql(RECORD, {
        id: roundtable.id,
        input: { speaker: { kind: 'PERSON', id: who.speaker }, text: 'Реплика в пути' },
      }),
    );
    dataOf(await rt.gql(CONCLUDE, { id: roundtable.id, v: roundtable.version + 1 }));
    const minutes = dataOf(
      await rt.gql(`query($id: ID!) { roundtableMinutes(id: $id) { markdown } }`, {
        id: roundtable.id,
      }),
    ).roundtableMinutes;
    expect(minutes.markdown).toContain('Реплика в пути');
    expect(minutes.markdown).toContain('Всего выступлений: 1.');
  });
});
