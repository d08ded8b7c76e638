import { endorseRecommendation, withdrawEndorsement } from './endorsements';
import {
  anAdoptedRecommendation,
  aRecommendation,
  contextAt,
  refusal,
} from './recommendation.fixture';

const cluster = { kind: 'ORGANIZATION' as const, id: 'org-cluster' };
const expert = { kind: 'PERSON' as const, id: 'person-expert' };

describe('endorseRecommendation', () => {
  it('should add the endorsement with its comment when an organisation endorses a proposal', () => {
    const context = contextAt('2016-11-15T07:30:00.000Z', 'tl-1');

    const { state, changes, timeline } = endorseRecommendation(
      aRecommendation(),
      { party: cluster, comment: ' Кластер готов представить два проекта ' },
      context,
    );

    const endorsement = {
      party: cluster,
      comment: 'Кластер готов представить два проекта',
      endorsedAt: context.now,
    };
    expect(state).toEqual(aRecommendation({ endorsements: [endorsement], updatedAt: context.now }));
    expect(changes).toEqual([{ kind: 'endorsed', endorsement }]);
    expect(timeline.map((entry) => entry.id)).toEqual(['tl-1']);
  });

  it('should take people and organisations alike when both endorse', () => {
    const first = endorseRecommendation(
      anAdoptedRecommendation(),
      { party: cluster },
      contextAt('2016-11-25T07:30:00.000Z'),
    );
    const second = endorseRecommendation(
      first.state,
      { party: expert, comment: '' },
      contextAt('2016-11-26T07:30:00.000Z'),
    );

    expect(second.state.endorsements).toEqual([
      { party: cluster, endorsedAt: new Date('2016-11-25T07:30:00.000Z') },
      { party: expert, endorsedAt: new Date('2016-11-26T07:30:00.000Z') },
    ]);
  });

  it('should change nothing when the same party endorses again', () => {
    const first = endorseRecommendation(
      aRecommendation(),
      { party: cluster, comment: 'Первый раз' },
      contextAt('2016-11-15T07:30:00.000Z'),
    );

    const second = endorseRecommendation(
      first.state,
      { party: { ...cluster }, comment: 'Второй раз' },
      contextAt('2016-11-16T07:30:00.000Z'),
    );

    expect(second).toEqual({ state: first.state, changes: [], timeline: [] });
  });

  it('should tell a person from an organisation when they share an id', () => {
    const first = endorseRecommendation(
      aRecommendation(),
      { party: { kind: 'ORGANIZATION', id: 'x-1' } },
      contextAt('2016-11-15T07:30:00.000Z'),
    );

    const second = endorseRecommendation(
      first.state,
      { party: { kind: 'PERSON', id: 'x-1' } },
      contextAt('2016-11-16T07:30:00.000Z'),
    );

    expect(second.state.endorsements).toHaveLength(2);
  });

  it.each(['DRAFT', 'REJECTED', 'IMPLEMENTED'] as const)(
    'should refuse when the recommendation is %s',
    (status) => {
      const error = refusal(() =>
        endorseRecommendation(
          aRecommendation({ status }),
          { party: cluster },
          contextAt('2016-11-15T07:30:00.000Z'),
        ),
      );

      expect(error).toMatchObject({ code: 'CONFLICT', details: { currentState: status } });
    },
  );

  it('should refuse when the recommendation has 500 endorsements already', () => {
    const endorsements = Array.from({ length: 500 }, (_, index) => ({
      party: { kind: 'PERSON' as const, id: `person-${index}` },
      endorsedAt: new Date('2016-11-15T07:30:00.000Z'),
    }));

    const error = refusal(() =>
      endorseRecommendation(
        aRecommendation({ endorsements }),
        { party: cluster },
        contextAt('2016-11-15T07:30:00.000Z'),
      ),
    );

    expect(error.message).toBe('party: a recommendation takes at most 500 endorsements');
  });
});

describe('withdrawEndorsement', () => {
  const endorsed = aRecommendation({
    endorsements: [
      { party: cluster, endorsedAt: new Date('2016-11-15T07:30:00.000Z') },
      { party: expert, endorsedAt: new Date('2016-11-16T07:30:00.000Z') },
    ],
  });

  it('should remove the party’s endorsement when it takes it back', () => {
    const context = contextAt('2016-11-20T07:30:00.000Z', 'tl-1');

    const { state, changes } = withdrawEndorsement(endorsed, { party: cluster }, context);

    expect(state.endorsements).toEqual([
      { party: expert, endorsedAt: new Date('2016-11-16T07:30:00.000Z') },
    ]);
    expect(state.updatedAt).toBe(context.now);
    expect(changes).toEqual([{ kind: 'endorsement-withdrawn', party: cluster }]);
  });

  it('should take the endorsement back when the recommendation is finished', () => {
    const { changes } = withdrawEndorsement(
      { ...endorsed, status: 'IMPLEMENTED' },
      { party: expert },
      contextAt('2017-07-01T07:30:00.000Z'),
    );

    expect(changes).toEqual([{ kind: 'endorsement-withdrawn', party: expert }]);
  });

  it('should change nothing when the party never endorsed', () => {
    const decision = withdrawEndorsement(
      endorsed,
      { party: { kind: 'ORGANIZATION', id: 'org-other' } },
      contextAt('2016-11-20T07:30:00.000Z'),
    );

    expect(decision).toEqual({ state: endorsed, changes: [], timeline: [] });
  });
});
