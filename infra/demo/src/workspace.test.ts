import { demoResolutions, demoWorkspace, type PartyRef } from './workspace';

const REQUEST_ACTIONS = ['APPEAL', 'PROPOSAL', 'LEGISLATIVE_INITIATIVE'];
const { organizations, people, communities, conferences, upcoming, requests } = demoWorkspace;
const orgKeys = new Set(organizations.map((org) => org.key));
const personKeys = new Set(people.map((person) => person.key));
const roundtables = [...conferences.flatMap((conference) => conference.roundtables), upcoming];
const DAY = 86_400_000;

function at(iso: string): number {
  // Written with the local offset, as the minutes give the time.
  expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+03:00$/);
  return Date.parse(iso);
}

/** The day in the place it happened (Moscow and Volgograd: +03:00 in 2016 and 2022). */
function localDay(iso: string): string {
  at(iso);
  return iso.slice(0, 10);
}

function statementsOf(roundtable: (typeof roundtables)[number]) {
  return [...roundtable.agenda.flatMap((item) => item.statements), ...(roundtable.remarks ?? [])];
}

function known(ref: PartyRef): boolean {
  return 'org' in ref ? orgKeys.has(ref.org) : personKeys.has(ref.person);
}

function key(ref: PartyRef): string {
  return 'org' in ref ? `org:${ref.org}` : `person:${ref.person}`;
}

describe('the demo workspace', () => {
  it('should refer only to organisations and people it registers, parents first', () => {
    const seen = new Set<string>();
    for (const org of organizations) {
      if (org.parent) expect(seen.has(org.parent)).toBe(true);
      seen.add(org.key);
    }
    expect(seen.size).toBe(organizations.length);
    for (const person of people) expect(orgKeys.has(person.organization)).toBe(true);
    const formed = new Set<string>();
    for (const community of communities) {
      if (community.parent) expect(formed.has(community.parent)).toBe(true);
      formed.add(community.key);
      for (const member of community.members) expect(known(member.party)).toBe(true);
    }
    for (const roundtable of roundtables) {
      expect(known(roundtable.moderator)).toBe(true);
      for (const participant of roundtable.participants) {
        expect(known(participant.party)).toBe(true);
        if (participant.for) expect(orgKeys.has(participant.for)).toBe(true);
      }
    }
  });

  it('should give every statement to the moderator or a participant', () => {
    for (const roundtable of roundtables) {
      const atTable = new Set([
        key(roundtable.moderator),
        ...roundtable.participants.map((p) => key(p.party)),
      ]);
      for (const statement of statementsOf(roundtable)) {
        expect(atTable).toContain(key(statement.speaker));
      }
      for (const participant of roundtable.participants) {
        // Only an organisation sends a delegation without names.
        if (participant.delegation) expect('org' in participant.party).toBe(true);
      }
    }
  });

  it('should tell each meeting on its real dates, every statement within its sitting', () => {
    const [conference, forum] = conferences;
    // FACTS.md: Moscow, 10 November 2016; Volgograd, opened 23 November 2022, the panel on day two.
    expect(conference).toMatchObject({ startsOn: '2016-11-10', endsOn: '2016-11-10' });
    expect(forum).toMatchObject({
      city: 'Волгоград',
      startsOn: '2022-11-23',
      endsOn: '2022-11-24',
    });
    expect(forum?.roundtables.map((r) => localDay(r.startsAt))).toEqual(['2022-11-24']);
    for (const { startsOn, endsOn, openedAt, closedAt, roundtables: sittings } of conferences) {
      expect(localDay(openedAt)).toBe(startsOn);
      expect(localDay(closedAt)).toBe(endsOn);
      for (const sitting of sittings) {
        expect(sitting.held).toBe(true);
        expect(at(openedAt)).toBeLessThanOrEqual(at(sitting.startsAt));
        expect(at(sitting.startsAt)).toBeLessThan(at(sitting.endsAt));
        expect(at(sitting.endsAt)).toBeLessThanOrEqual(at(closedAt));
        // The minutes were typed up and approved a few days later.
        expect(at(sitting.minutesApprovedAt!)).toBeGreaterThan(at(sitting.endsAt));
        expect(at(sitting.minutesApprovedAt!) - at(sitting.endsAt)).toBeLessThan(14 * DAY);
        const times = statementsOf(sitting).map((statement) => at(statement.at));
        expect(times.length).toBeGreaterThan(0);
        for (const time of times) {
          expect(time).toBeGreaterThan(at(sitting.startsAt));
          expect(time).toBeLessThan(at(sitting.endsAt));
        }
        // Each question's lines in the order said, and the questions one after another.
        const byQuestion = sitting.agenda.map((item) => item.statements.map((s) => at(s.at)));
        expect(byQuestion.flat()).toEqual([...byQuestion.flat()].sort((a, b) => a - b));
        // A question no one spoke to and with no result was not taken up: nothing resolved on it.
        for (const item of sitting.agenda) {
          if (item.statements.length === 0 && !item.result) expect(item.resolutions).toEqual([]);
        }
      }
    }
    expect(upcoming.held).toBe(false);
  });

  it('should hold the seven recommendations of the 2016 conference, numbered in sitting order', () => {
    const [conference] = conferences;
    expect(conference).toMatchObject({ startsOn: '2016-11-10', city: 'Москва' });
    const inSittingOrder = conference!.roundtables
      .flatMap((roundtable) => roundtable.agenda)
      .flatMap((item) => item.resolutions.map((resolution) => resolution.number));
    // Recommendation codes are drawn in the order of the resolutions: keep them the published ones.
    expect(inSittingOrder).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // All seven become recommendations (R-2016-01 … 07): a CONTROL_ITEM would be an item under
    // control and a DECISION would stay with the round table, leaving a gap in the numbering.
    for (const resolution of demoResolutions()) {
      expect(['QUESTION_TO_REGULATOR', 'RECOMMENDATION']).toContain(resolution.kind);
    }
    const byNumber = new Map(demoResolutions().map((r) => [r.number, r]));
    expect(byNumber.get(4)).toMatchObject({
      addressees: ['minpromtorg', 'ntiOffice'],
      followUp: { actionType: 'APPEAL', legalBasis: expect.stringContaining('№ 779') },
    });
    expect(byNumber.get(5)).toMatchObject({
      addressees: ['dumaCommittee'],
      followUp: { actionType: 'LEGISLATIVE_INITIATIVE' },
    });
    expect(byNumber.get(6)?.addressees).toEqual([
      'minpromtorg',
      'mineconomy',
      'minscience',
      'ntiOffice',
    ]);
    expect(byNumber.get(7)).toMatchObject({
      addressees: ['minpromtorg'],
      followUp: { actionType: 'APPEAL' },
    });
  });

  it('should address every appeal and question to the regulator to someone', () => {
    for (const resolution of demoResolutions()) {
      for (const addressee of resolution.addressees) expect(orgKeys.has(addressee)).toBe(true);
      if (resolution.responsible) expect(known(resolution.responsible)).toBe(true);
      if (
        resolution.kind === 'QUESTION_TO_REGULATOR' ||
        REQUEST_ACTIONS.includes(resolution.followUp.actionType)
      ) {
        expect(resolution.addressees.length).toBeGreaterThan(0);
      }
    }
  });

  it('should plan requests only where an adopted appeal drafts one to that addressee', () => {
    const byNumber = new Map(demoResolutions().map((r) => [r.number, r]));
    for (const plan of requests) {
      const resolution = byNumber.get(plan.recommendation);
      expect(resolution?.followUp.adopt).toBeDefined();
      expect(REQUEST_ACTIONS).toContain(resolution?.followUp.actionType);
      expect(resolution?.addressees).toContain(plan.addressee);
      if (plan.answer) expect(plan.register).toBeDefined();
    }
    // Every request the requests service drafts is planned: none is left a draft unnoticed.
    const drafted = demoResolutions()
      .filter((r) => r.followUp.adopt && REQUEST_ACTIONS.includes(r.followUp.actionType))
      .flatMap((r) => r.addressees.map((addressee) => `${r.number}/${addressee}`))
      .sort();
    expect(requests.map((plan) => `${plan.recommendation}/${plan.addressee}`).sort()).toEqual(
      drafted,
    );
  });

  it('should adopt the 2016 recommendations after the sitting and before their requests, and report on them in 2017', () => {
    const concluded = Math.max(...conferences[0]!.roundtables.map((r) => at(r.endsAt)));
    const firstSent = new Map<number, number>();
    for (const plan of requests) {
      const sent = Math.min(firstSent.get(plan.recommendation) ?? Infinity, at(plan.sentAt));
      firstSent.set(plan.recommendation, sent);
    }
    const adopted = demoResolutions().filter((r) => r.followUp.adopt);
    expect(adopted.length).toBeGreaterThan(0);
    for (const { number, followUp } of adopted) {
      const adoptedAt = at(followUp.adopt!.decidedAt);
      expect(localDay(followUp.adopt!.decidedAt).slice(0, 7)).toBe('2016-11');
      expect(adoptedAt).toBeGreaterThan(concluded);
      expect(adoptedAt).toBeLessThan(firstSent.get(number) ?? Infinity);
      for (const later of [followUp.progress?.reportedAt, followUp.implemented?.implementedAt]) {
        if (!later) continue;
        expect(localDay(later).slice(0, 4)).toBe('2017');
        expect(at(later)).toBeGreaterThan(adoptedAt);
      }
    }
    // Nothing is reported without an adoption to follow.
    for (const { followUp } of demoResolutions()) {
      if (followUp.progress || followUp.implemented) expect(followUp.adopt).toBeDefined();
    }
  });

  it('should send the requests after the conference, answered in term but one overdue for years', () => {
    const concluded = Math.max(...conferences[0]!.roundtables.map((r) => at(r.endsAt)));
    for (const plan of requests) {
      expect(at(plan.sentAt)).toBeGreaterThan(concluded);
      expect(at(plan.sentAt) - concluded).toBeLessThan(60 * DAY);
      // Registered (59-FZ: within 3 days of sending) and answered within 30 days of registration.
      const registered = Date.parse(`${plan.register!.on}T00:00:00+03:00`);
      expect(registered).toBeGreaterThanOrEqual(
        Date.parse(`${localDay(plan.sentAt)}T00:00:00+03:00`),
      );
      expect(registered - at(plan.sentAt)).toBeLessThan(3 * DAY);
      if (plan.answer) {
        expect(at(plan.answer.answeredAt)).toBeGreaterThan(registered);
        expect(at(plan.answer.answeredAt) - registered).toBeLessThan(30 * DAY);
        expect(plan.answer.documentDate <= localDay(plan.answer.answeredAt)).toBe(true);
      }
    }
    // One registered and never answered: its term ran out in 2017.
    const unanswered = requests.filter((plan) => !plan.answer);
    expect(unanswered.map((plan) => `${plan.recommendation}/${plan.addressee}`)).toEqual([
      '5/dumaCommittee',
    ]);
  });
});
