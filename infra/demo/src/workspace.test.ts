import { demoResolutions, demoWorkspace, type PartyRef } from './workspace';

const REQUEST_ACTIONS = ['APPEAL', 'PROPOSAL', 'LEGISLATIVE_INITIATIVE'];
const { organizations, people, communities, conferences, upcoming, requests } = demoWorkspace;
const orgKeys = new Set(organizations.map((org) => org.key));
const personKeys = new Set(people.map((person) => person.key));
const roundtables = [...conferences.flatMap((conference) => conference.roundtables), upcoming];

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
      for (const item of roundtable.agenda) {
        for (const statement of item.statements) expect(atTable).toContain(key(statement.speaker));
        if (item.deferred) {
          expect(item.statements).toEqual([]);
          expect(item.resolutions).toEqual([]);
        }
      }
    }
  });

  it('should hold the seven recommendations of the 2016 conference, numbered in sitting order', () => {
    const [conference] = conferences;
    expect(conference).toMatchObject({ startsOn: '2016-11-10', city: 'Москва' });
    const inSittingOrder = conference!.roundtables
      .flatMap((roundtable) => roundtable.agenda)
      .flatMap((item) => item.resolutions.map((resolution) => resolution.number));
    // Recommendation codes are drawn in the order of the resolutions: keep them the published ones.
    expect(inSittingOrder).toEqual([1, 2, 3, 4, 5, 6, 7]);
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
});
