import { loadDemo, type DemoSummary } from '@kollegia/demo';

import { System } from './system';

const CONFERENCE = /* GraphQL */ `
  query Conference($id: ID!) {
    conference(id: $id) {
      title
      startsOn
      city
      status
      openedAt
      closedAt
      roundtables {
        nodes {
          id
          title
          status
          startedAt
          concludedAt
          minutesApprovedAt
          statementCount
          participants {
            delegation {
              description
            }
          }
          statements(first: 100) {
            nodes {
              occurredAt
            }
          }
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
          overdue
          decision {
            decidedAt
          }
          addressees {
            shortName
          }
          requests {
            status
            outgoingNumber
            submittedAt
            registeredOn
            overdue
            answer {
              answeredAt
            }
            addressee {
              shortName
            }
          }
        }
      }
    }
  }
`;

const TIMELINES = /* GraphQL */ `
  query Timelines($conferenceId: ID!) {
    recommendations(filter: { conferenceId: $conferenceId }, first: 7) {
      nodes {
        code
        timeline(first: 10) {
          nodes {
            type
            occurredAt
            recordedAt
          }
        }
      }
    }
  }
`;

const MINUTES = /* GraphQL */ `
  query Minutes($id: ID!) {
    roundtableMinutes(id: $id) {
      markdown
    }
  }
`;

const FORUM = /* GraphQL */ `
  query Forum {
    conferences(filter: { city: "Волгоград" }, first: 5) {
      nodes {
        startsOn
        endsOn
        openedAt
        status
        roundtables {
          nodes {
            format
            status
            startedAt
            concludedAt
            minutesApprovedAt
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
    // The Duma committee's request of December 2016, registered and never answered.
    expect(first.landmarks.overdueRequest).toMatchObject({
      outgoingNumber: expect.stringMatching(/^АКИТ-2016\/\d+$/),
      addressee: 'Комитет Госдумы по экономической политике',
      dueAt: expect.stringMatching(/^2017-01-/),
    });

    const second = await load();
    expect(second.status).toBe('already-loaded');
    expect(second.counts).toEqual(first.counts);
    expect(second.landmarks).toEqual(first.landmarks);
    log(`first load ${first.durationMs} ms, second ${second.durationMs} ms`);
    summary = first;
  });

  it('should show the 2016 conference on its day, its round tables recorded from approved minutes', async () => {
    const { conference } = await system.data(CONFERENCE, { id: summary?.landmarks.conferenceId });
    expect(conference).toMatchObject({
      title: 'Промышленная Россия 4.0: механизмы опережающего развития',
      startsOn: '2016-11-10',
      city: 'Москва',
      status: 'CLOSED',
      // 09:30 and 18:00 in Moscow.
      openedAt: '2016-11-10T06:30:00.000Z',
      closedAt: '2016-11-10T15:00:00.000Z',
    });
    const sittings = conference.roundtables.nodes;
    expect(sittings.map((r: any) => [r.status, r.startedAt, r.concludedAt])).toEqual([
      ['CONCLUDED', '2016-11-10T07:00:00.000Z', '2016-11-10T09:00:00.000Z'],
      ['CONCLUDED', '2016-11-10T10:00:00.000Z', '2016-11-10T12:00:00.000Z'],
    ]);
    expect(sittings.map((r: any) => r.minutesApprovedAt)).toEqual([
      '2016-11-15T09:00:00.000Z',
      '2016-11-15T09:00:00.000Z',
    ]);
    expect(sittings.map((r: any) => r.statementCount)).toEqual([8, 5]);
    for (const sitting of sittings) {
      // Every line said that day, within the sitting, in the order said.
      const said = sitting.statements.nodes.map((s: any) => s.occurredAt);
      expect(said).toHaveLength(sitting.statementCount);
      expect(said).toEqual([...said].sort());
      for (const moment of said) {
        expect(moment >= sitting.startedAt && moment <= sitting.concludedAt).toBe(true);
      }
      expect(sitting.participants.some((p: any) => p.delegation)).toBe(true);
    }

    const { roundtableMinutes } = await system.data(MINUTES, { id: sittings[1].id });
    expect(roundtableMinutes.markdown).toContain('10 ноября 2016 г.');
    expect(roundtableMinutes.markdown).toContain('Протокол утверждён 15 ноября 2016 г.');
    expect(roundtableMinutes.markdown).not.toContain('Проект протокола');
    // The question there was no time for is in the minutes as not taken up.
    expect(roundtableMinutes.markdown).toContain('не рассматривался');
  });

  it('should show the 2022 forum on its days, the panel discussion on the second', async () => {
    const { conferences } = await system.data(FORUM);
    expect(conferences.nodes).toEqual([
      {
        startsOn: '2022-11-23',
        endsOn: '2022-11-24',
        openedAt: '2022-11-23T07:00:00.000Z',
        status: 'CLOSED',
        roundtables: {
          nodes: [
            {
              format: 'PANEL_DISCUSSION',
              status: 'CONCLUDED',
              startedAt: '2022-11-24T08:00:00.000Z',
              concludedAt: '2022-11-24T09:30:00.000Z',
              minutesApprovedAt: '2022-11-30T09:00:00.000Z',
            },
          ],
        },
      },
    ]);
  });

  it('should show the seven recommendations R-2016-01 … 07 and their requests of 2016', async () => {
    const { conference } = await system.data(CONFERENCE, { id: summary?.landmarks.conferenceId });
    expect(conference.recommendationCounts).toEqual({ total: 7 });
    const recommendations = conference.recommendations.nodes;
    expect(conference.recommendations.totalCount).toBe(7);
    // Codes take the year of the meeting and follow the published numbering: the first round
    // table's four, then the second's three.
    expect(recommendations.map((r: any) => r.code).sort()).toEqual(
      [1, 2, 3, 4, 5, 6, 7].map((n) => `R-2016-0${n}`),
    );
    const byNumber = new Map<number, any>(
      recommendations.map((r: any) => [Number(/-(\d+)$/.exec(r.code)?.[1]), r]),
    );
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
    expect(byNumber.get(7)).toMatchObject({ actionType: 'APPEAL', status: 'IN_PROGRESS' });

    // Adopted by the council on 24 November 2016 (16:00 in Moscow), recorded now; the work on
    // them reported in 2017.
    const loadedSince = Date.now() - 30 * 60_000;
    const timelines = new Map<number, any[]>(
      (
        await system.data(TIMELINES, { conferenceId: summary?.landmarks.conferenceId })
      ).recommendations.nodes.map((r: any) => [
        Number(/-(\d+)$/.exec(r.code)?.[1]),
        r.timeline.nodes,
      ]),
    );
    const entry = (n: number, type: string) => timelines.get(n)!.find((e) => e.type === type);
    for (const n of [1, 2, 4, 5, 6, 7]) {
      expect(byNumber.get(n).decision.decidedAt).toBe('2016-11-24T13:00:00.000Z');
      expect(entry(n, 'ADOPTED').occurredAt).toBe('2016-11-24T13:00:00.000Z');
      expect(Date.parse(entry(n, 'ADOPTED').recordedAt)).toBeGreaterThan(loadedSince);
    }
    expect(entry(1, 'PROGRESS_REPORTED').occurredAt).toBe('2017-04-14T14:00:00.000Z');
    expect(entry(2, 'IMPLEMENTED').occurredAt).toBe('2017-06-22T09:00:00.000Z');
    // Due in 2017 and adopted (recorded) in 2026: shown overdue, never announced as news.
    expect(byNumber.get(5).overdue).toBe(true);
    expect(timelines.size).toBe(7);
    for (const timeline of timelines.values()) {
      const types = timeline.map((e) => e.type);
      expect(types).not.toContain('OVERDUE');
      expect(types).not.toContain('DUE_SOON');
    }

    // Sent, registered and answered in December 2016 and January 2017; the Duma committee's never
    // answered, overdue ever since.
    const requests = (n: number) =>
      byNumber
        .get(n)
        .requests.map(
          (r: any) =>
            `${r.addressee.shortName}: ${r.status} sent ${r.submittedAt.slice(0, 10)}, registered ${r.registeredOn}, answered ${r.answer?.answeredAt.slice(0, 10) ?? '-'}${r.overdue ? ', overdue' : ''}`,
        )
        .sort();
    expect(requests(4)).toEqual([
      'Минпромторг России: ANSWERED sent 2016-12-05, registered 2016-12-07, answered 2016-12-28',
      'Проектный офис НТИ: ANSWERED sent 2016-12-05, registered 2016-12-08, answered 2016-12-29',
    ]);
    expect(requests(5)).toEqual([
      'Комитет Госдумы по экономической политике: REGISTERED sent 2016-12-05, registered 2016-12-08, answered -, overdue',
    ]);
    expect(requests(7)).toEqual([
      'Минпромторг России: ANSWERED sent 2016-12-12, registered 2016-12-14, answered 2017-01-11',
    ]);
    expect(
      [4, 5, 7].flatMap((n) => byNumber.get(n).requests.map((r: any) => r.outgoingNumber)).sort(),
    ).toEqual(['АКИТ-2016/001', 'АКИТ-2016/002', 'АКИТ-2016/003', 'АКИТ-2016/004']);
    for (const n of [1, 2, 3, 6]) expect(byNumber.get(n).requests).toEqual([]);
  });

  it("should show the ministry's clerk the two requests sent to the ministry", async () => {
    const { inbox } = await system.data(INBOX, {}, 'addressee', summary?.landmarks.ministryId);
    expect(inbox.nodes).toHaveLength(2);
    expect(inbox.nodes.map((r: any) => r.status)).toEqual(['ANSWERED', 'ANSWERED']);
    expect(inbox.nodes.every((r: any) => /^АКИТ-2016\/\d+$/.test(r.outgoingNumber))).toBe(true);
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
