import { deadLetterTopic, decodeEvent } from '@kollegia/events';
import { DEAD_LETTER_HEADERS, deterministicId } from '@kollegia/service-kit';
import {
  collectMessages,
  expectEventually,
  sendRaw,
  type ReceivedMessage,
} from '@kollegia/testing';

import {
  dataOf,
  hexId,
  knowOrganizations,
  recommendationAdopted,
  startRequests,
  TENANT,
  type Requests,
} from './test/harness';

let requests: Requests;
let requestTopic: { messages: ReceivedMessage[]; stop: () => Promise<void> };
const MINPROMTORG = hexId();
const NTI_OFFICE = hexId();
const STATE_DUMA_COMMITTEE = hexId();

beforeAll(async () => {
  requests = await startRequests('fromrec');
  requestTopic = await collectMessages(requests.ns.kafkaBrokers, [requests.topic('request')]);
  await knowOrganizations(requests, [
    { id: MINPROMTORG, name: 'Минпромторг России', kind: 'MINISTRY' },
    { id: NTI_OFFICE, name: 'Проектный офис НТИ', kind: 'PROJECT_OFFICE' },
    {
      id: STATE_DUMA_COMMITTEE,
      name: 'Комитет Государственной Думы по экономической политике',
      kind: 'PARLIAMENTARY_COMMITTEE',
    },
  ]);
});

afterAll(async () => {
  await requestTopic.stop();
  await requests.stop();
});

async function requestsOf(recommendationId: string) {
  return dataOf(
    await requests.gql(
      `query($r: ID!) { requests(filter: { recommendationId: $r }, first: 100) {
        nodes { id status kind subject body addressee { id } recommendation { id } timeline { kind note } } } }`,
      { r: recommendationId },
    ),
  ).requests.nodes as {
    id: string;
    kind: string;
    subject: string;
    body: string;
    addressee: { id: string };
  }[];
}

/** Publishes an adoption and waits until its drafts exist: the consumer has passed it. */
async function adoptAndWait(recommendationId: string, addresseeIds: string[]) {
  await requests.publish([recommendationAdopted(recommendationId, addresseeIds)]);
  return expectEventually(async () => {
    const found = await requestsOf(recommendationId);
    expect(found).toHaveLength(addresseeIds.length);
    return found;
  });
}

function draftedEvents() {
  return requestTopic.messages
    .map((m) => decodeEvent(m.value))
    .flatMap((d) =>
      d.ok && d.event.type === 'kollegia.requests.request.drafted.v1' ? [d.event] : [],
    );
}

describe('drafting requests from adopted recommendations', () => {
  it('should draft one request per addressee of an adopted appeal, linked to the recommendation', async () => {
    const recommendationId = hexId();
    const adoption = recommendationAdopted(recommendationId, [MINPROMTORG, NTI_OFFICE]);
    await requests.publish([adoption]);

    const drafts = await expectEventually(async () => {
      const found = await requestsOf(recommendationId);
      expect(found).toHaveLength(2);
      return found;
    });
    expect(drafts.map((d) => d.id).sort()).toEqual(
      [
        deterministicId(recommendationId, MINPROMTORG),
        deterministicId(recommendationId, NTI_OFFICE),
      ].sort(),
    );
    expect(drafts.map((d) => d.addressee.id).sort()).toEqual([MINPROMTORG, NTI_OFFICE].sort());
    for (const draft of drafts) {
      expect(draft).toMatchObject({
        status: 'DRAFT',
        kind: 'APPEAL',
        subject: adoption.data.title,
        body: adoption.data.decidedText,
        recommendation: { id: recommendationId },
        timeline: [{ kind: 'DRAFTED', note: `from recommendation ${recommendationId}` }],
      });
    }
    const events = await expectEventually(() => {
      const mine = draftedEvents().filter((e) => e.data.recommendationId === recommendationId);
      expect(mine).toHaveLength(2);
      return mine;
    });
    for (const event of events) {
      expect(event).toMatchObject({
        tenantid: TENANT,
        causationid: adoption.id,
        correlationid: adoption.correlationid,
        actor: 'system:requests',
      });
    }

    // The same event redelivered, and the same adoption replayed under a new event id.
    await requests.publish([
      adoption,
      recommendationAdopted(recommendationId, [MINPROMTORG, NTI_OFFICE]),
    ]);
    // One partition: once a later adoption is drafted, the replays were handled before it.
    await adoptAndWait(hexId(), [MINPROMTORG]);
    expect(await requestsOf(recommendationId)).toHaveLength(2);
    expect(
      draftedEvents().filter((e) => e.data.recommendationId === recommendationId),
    ).toHaveLength(2);
  });

  it('should draft for an addressee added later, and only for it', async () => {
    const recommendationId = hexId();
    const first = await adoptAndWait(recommendationId, [MINPROMTORG, NTI_OFFICE]);
    const again = await adoptAndWait(recommendationId, [
      MINPROMTORG,
      NTI_OFFICE,
      STATE_DUMA_COMMITTEE,
    ]);
    expect(again.map((r) => r.id)).toEqual(expect.arrayContaining(first.map((r) => r.id)));
    expect(again.find((r) => r.addressee.id === STATE_DUMA_COMMITTEE)?.id).toBe(
      deterministicId(recommendationId, STATE_DUMA_COMMITTEE),
    );
  });

  it('should draft proposals for PROPOSAL and LEGISLATIVE_INITIATIVE and nothing for the association’s own work', async () => {
    const proposal = hexId();
    const initiative = hexId();
    const ownWork = hexId();
    await requests.publish([
      recommendationAdopted(proposal, [MINPROMTORG], { actionType: 'PROPOSAL' }),
      recommendationAdopted(initiative, [STATE_DUMA_COMMITTEE], {
        actionType: 'LEGISLATIVE_INITIATIVE',
      }),
      recommendationAdopted(ownWork, [MINPROMTORG], { actionType: 'CONTINUE_WORK' }),
    ]);
    await adoptAndWait(hexId(), [NTI_OFFICE]);
    expect((await requestsOf(proposal)).map((r) => r.kind)).toEqual(['PROPOSAL']);
    expect((await requestsOf(initiative)).map((r) => r.kind)).toEqual(['PROPOSAL']);
    expect(await requestsOf(ownWork)).toEqual([]);
  });

  it('should draft a question to a regulator as a request of kind QUESTION per addressee', async () => {
    const question = hexId();
    await requests.publish([
      recommendationAdopted(question, [MINPROMTORG, NTI_OFFICE], { actionType: 'QUESTION' }),
    ]);
    const drafts = await expectEventually(async () => {
      const found = await requestsOf(question);
      expect(found).toHaveLength(2);
      return found;
    });
    expect(drafts.map((d) => d.addressee.id).sort()).toEqual([MINPROMTORG, NTI_OFFICE].sort());
    expect(drafts.map((d) => d.kind)).toEqual(['QUESTION', 'QUESTION']);
  });

  it('should dead-letter a malformed event with its reason and go on with the next one', async () => {
    const dlq = deadLetterTopic('requests.from-recommendations', requests.ns.topicPrefix);
    const letters = await collectMessages(requests.ns.kafkaBrokers, [dlq]);
    try {
      await sendRaw(requests.ns.kafkaBrokers, requests.topic('recommendation'), [
        { key: 'broken', value: '{"specversion":"1.0","type":"kollegia.recommendations' },
      ]);
      const next = hexId();
      await adoptAndWait(next, [MINPROMTORG]);
      const letter = await expectEventually(() => {
        const found = letters.messages.find((m) => m.key === 'broken');
        expect(found).toBeDefined();
        return found!;
      });
      expect(letter.headers[DEAD_LETTER_HEADERS.reason]).toMatch(/invalid event: invalid JSON/);
      expect(letter.headers[DEAD_LETTER_HEADERS.originTopic]).toBe(
        requests.topic('recommendation'),
      );
    } finally {
      await letters.stop();
    }
  });

  it('should list a recommendation’s requests on the Recommendation entity, batched', async () => {
    const one = hexId();
    const two = hexId();
    await adoptAndWait(one, [MINPROMTORG, NTI_OFFICE]);
    await adoptAndWait(two, [STATE_DUMA_COMMITTEE]);
    const entities = dataOf(
      await requests.gql(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Recommendation { id requests { id addressee { id } } } } }`,
        {
          r: [
            { __typename: 'Recommendation', id: one },
            { __typename: 'Recommendation', id: two },
          ],
        },
      ),
    )._entities;
    expect(entities[0].requests).toHaveLength(2);
    expect(entities[1].requests.map((r: { addressee: { id: string } }) => r.addressee.id)).toEqual([
      STATE_DUMA_COMMITTEE,
    ]);
  });
});
