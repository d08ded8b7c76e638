import { isLeftover, STALE_RUN_MS } from './leftovers';

describe('isLeftover', () => {
  const now = 1_765_000_000_000;
  const run = String(now);
  const old = String(now - STALE_RUN_MS - 1);
  const recent = String(now - STALE_RUN_MS + 60_000);

  it("selects one run's topics, groups and databases, and nothing of other runs", () => {
    expect(isLeftover(`t.${run}.outbox1a2b3c4d.kollegia.members.person`, { run })).toBe(true);
    expect(isLeftover(`t.${run}.outbox1a2b3c4d.kollegia.members`, { run })).toBe(true);
    expect(isLeftover(`t_${run}_outbox1a2b3c4d`, { run })).toBe(true);
    expect(isLeftover(`t.${recent}.outbox1a2b3c4d.kollegia.members.person`, { run })).toBe(false);
    expect(isLeftover(`t_${old}_outbox1a2b3c4d`, { run })).toBe(false);
  });

  it('selects the names of runs older than six hours and of runs before names carried the run', () => {
    expect(
      isLeftover(`t.${old}.replay88d41374.kollegia.roundtables.roundtable`, { staleAt: now }),
    ).toBe(true);
    expect(isLeftover(`t_${old}_replay88d41374`, { staleAt: now })).toBe(true);
    expect(isLeftover('t.replay88d41374.kollegia.roundtables.roundtable', { staleAt: now })).toBe(
      true,
    );
    expect(isLeftover('t_replay88d41374', { staleAt: now })).toBe(true);
    expect(isLeftover(`t.${recent}.replay88d41374.kollegia.members`, { staleAt: now })).toBe(false);
    expect(isLeftover(`t_${run}_replay88d41374`, { staleAt: now })).toBe(false);
  });

  it("never selects the services' own topics, groups or databases", () => {
    for (const name of [
      'kollegia.members.person',
      'kollegia_members',
      'kollegia.roundtables.projection',
      '__consumer_offsets',
      'bench.123.kollegia.members.person',
      'test-collector-abc',
    ]) {
      expect(isLeftover(name, { staleAt: now })).toBe(false);
      expect(isLeftover(name, { run })).toBe(false);
    }
  });
});
