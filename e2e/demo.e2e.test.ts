import { loadDemo, type DemoSummary } from '@kollegia/demo';

import { System } from './system';

const CONFERENCE = /* GraphQL */ `
  query Conference($id: ID!) {
    conference(id: $id) {
      title
      startsOn
      city
      status
      roundtables {
        nodes {
          title
          status
        }
      }
      recommendationCounts {
        total
      }
      recommendations(first: 20) {
        totalCount
        nodes {
          code
          status
          actionType
          addressees {
            shortName
          }
          requests {
            status
            outgoingNumber
            addressee {
              shortName
            }
          }
        }
      }
    }
  }
`;

const INBOX = /* GraphQL */ `
  query Inbox {
    inbox(first: 20) {
      nodes {
        status
        outgoingNumber
        recommendation {
          code
        }
      }
    }
  }
`;

describe('the demo workspace, loaded through the gateway into the running system', () => {
  let system: System;
  let summary: DemoSummary | undefined;
  // The loader's account of what it did; E2E_LOGS=1 prints it.
  const log = (line: string) => {
    if (process.env.E2E_LOGS === '1') process.stderr.write(`demo ${line}\n`);
  };

  beforeAll(async () => {
    system = await System.start('demo');
  }, 150_000);

  afterAll(async () => {
    await system?.stop();
  });

  it('should load once and add nothing the second time', async () => {
    const load = () => loadDemo({ gatewayUrl: system.gatewayUrl, token: system.token, log });
    const first = await load();
    expect(first.status).toBe('loaded');
    expect(first.counts).toMatchObject({ conferences: 2, recommendations: 7, requests: 4 });
    expect(first.counts.organizations).toBeGreaterThanOrEqual(15);
    expect(first.landmarks.ministryId).toBeDefined();
    expect(first.landmarks.conferenceId).toBeDefined();
    expect(first.landmarks.upcomingRoundtable).toBeDefined();

    const second = await load();
    expect(second.status).toBe('already-loaded');
    expect(second.counts).toEqual(first.counts);
    expect(second.landmarks).toEqual(first.landmarks);
    log(`first load ${first.durationMs} ms, second ${second.durationMs} ms`);
    summary = first;
  });

  it('should show the 2016 conference with its seven recommendations and their requests', async () => {
    const { conference } = await system.data(CONFERENCE, { id: summary?.landmarks.conferenceId });
    expect(conference).toMatchObject({
      title: 'Промышленная Россия 4.0: механизмы опережающего развития',
      startsOn: '2016-11-10',
      city: 'Москва',
      status: 'CLOSED',
      recommendationCounts: { total: 7 },
    });
    expect(conference.roundtables.nodes.map((r: any) => r.status)).toEqual([
      'CONCLUDED',
      'CONCLUDED',
    ]);
    const recommendations = conference.recommendations.nodes;
    expect(conference.recommendations.totalCount).toBe(7);
    // Codes follow the published numbering: the first round table's four, then the second's three.
    const byNumber = new Map<number, any>(
      recommendations.map((r: any) => [Number(/-(\d+)$/.exec(r.code)?.[1]), r]),
    );
    expect([...byNumber.keys()].sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(byNumber.get(1)).toMatchObject({ actionType: 'CONTINUE_WORK', status: 'IN_PROGRESS' });
    expect(byNumber.get(2)).toMatchObject({
      actionType: 'DEVELOP_MATERIALS',
      status: 'IMPLEMENTED',
    });
    expect(byNumber.get(3)).toMatchObject({ actionType: 'CONTINUE_WORK', status: 'PROPOSED' });
    expect(byNumber.get(4)).toMatchObject({ actionType: 'APPEAL', status: 'IN_PROGRESS' });
    expect(byNumber.get(5)).toMatchObject({
      actionType: 'LEGISLATIVE_INITIATIVE',
      status: 'ADOPTED',
    });
    expect(byNumber.get(6)).toMatchObject({ actionType: 'CONTINUE_WORK', status: 'ADOPTED' });
    expect(byNumber.get(7)).toMatchObject({ actionType: 'APPEAL', status: 'ADOPTED' });

    const requests = (n: number) =>
      byNumber
        .get(n)
        .requests.map((r: any) => `${r.addressee.shortName}: ${r.status}`)
        .sort();
    expect(requests(4)).toEqual(['Минпромторг России: ANSWERED', 'Проектный офис НТИ: REGISTERED']);
    expect(requests(5)).toEqual(['Комитет Госдумы по экономической политике: SUBMITTED']);
    expect(requests(7)).toEqual(['Минпромторг России: REGISTERED']);
    for (const n of [1, 2, 3, 6]) expect(byNumber.get(n).requests).toEqual([]);
  });

  it("should show the ministry's clerk the two requests sent to the ministry", async () => {
    const { inbox } = await system.data(INBOX, {}, 'addressee', summary?.landmarks.ministryId);
    expect(inbox.nodes).toHaveLength(2);
    expect(inbox.nodes.map((r: any) => r.status).sort()).toEqual(['ANSWERED', 'REGISTERED']);
    expect(inbox.nodes.every((r: any) => /^АКИТ-\d{4}\/\d+$/.test(r.outgoingNumber))).toBe(true);
  });

  it('should keep every request across a stopped and restarted requests service', async () => {
    // SIGTERM: a SIGKILLed consumer stays in its group until the session times out (30 s), and the
    // restarted one would wait for that.
    await system.kill('requests', 'SIGTERM');
    const down = await system.gql('{ requests(first: 1) { totalCount } }');
    expect(down.errors?.length).toBeGreaterThan(0);
    await system.restart('requests');
    const { requests } = await system.data('{ requests(first: 1) { totalCount } }');
    expect(requests.totalCount).toBe(4);
  });
});
