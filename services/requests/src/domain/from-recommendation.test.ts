import { recommendationAdoptedV1 } from '@kollegia/events';

import { requestsForAdoptedRecommendation } from './from-recommendation';

describe('requestsForAdoptedRecommendation', () => {
  const adopted = recommendationAdoptedV1.example;

  it('should draft one appeal per addressee with what was decided when an appeal is adopted', () => {
    expect(requestsForAdoptedRecommendation(adopted)).toEqual([
      {
        recommendationId: '6650a1f0c2b9e4a1d3f00701',
        addresseeId: '6650a1f0c2b9e4a1d3f00002',
        kind: 'APPEAL',
        subject: adopted.title,
        body: adopted.decidedText,
      },
      {
        recommendationId: '6650a1f0c2b9e4a1d3f00701',
        addresseeId: '6650a1f0c2b9e4a1d3f00003',
        kind: 'APPEAL',
        subject: adopted.title,
        body: adopted.decidedText,
      },
    ]);
  });

  it.each([
    ['PROPOSAL', 'PROPOSAL'],
    ['QUESTION', 'QUESTION'],
    ['LEGISLATIVE_INITIATIVE', 'PROPOSAL'],
  ] as const)('should draft %s as a request of kind %s', (actionType, kind) => {
    const drafts = requestsForAdoptedRecommendation({ ...adopted, actionType });

    expect(drafts.map((draft) => draft.kind)).toEqual([kind, kind]);
  });

  it.each(['CONTINUE_WORK', 'DEVELOP_MATERIALS', 'CREATE_BODY', 'OTHER'] as const)(
    'should draft nothing when the action is %s, the association’s own work',
    (actionType) => {
      expect(requestsForAdoptedRecommendation({ ...adopted, actionType })).toEqual([]);
    },
  );
});
