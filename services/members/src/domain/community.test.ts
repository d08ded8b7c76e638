import { DomainError } from '@kollegia/service-kit/domain';

import {
  dissolveCommunity,
  EXPIRED_REASON,
  formCommunity,
  isExpired,
  updateCommunity,
  type Community,
  type CommunityCard,
} from './community';

const FORMED_AT = new Date('2026-03-10T09:00:00.000Z');
const UPDATED_AT = new Date('2026-03-11T14:30:00.000Z');
const DISSOLVED_AT = new Date('2026-06-30T23:59:59.000Z');
const CONTEXT = { id: 'community-ai', tenantId: 'tenant-a', now: FORMED_AT };

const FULL_CARD: CommunityCard = {
  name: 'Рабочая группа по ИИ',
  kind: 'WORKING_GROUP',
  description: 'Готовит предложения по регулированию ИИ',
  parentId: 'community-council',
  validUntil: '2026-12-31',
  published: true,
};

const FULL_STATE: Community = {
  id: 'community-ai',
  tenantId: 'tenant-a',
  version: 1,
  name: 'Рабочая группа по ИИ',
  kind: 'WORKING_GROUP',
  description: 'Готовит предложения по регулированию ИИ',
  parentId: 'community-council',
  validUntil: '2026-12-31',
  status: 'ACTIVE',
  published: true,
  createdAt: FORMED_AT,
  updatedAt: FORMED_AT,
};

function formed(card: CommunityCard = FULL_CARD): Community {
  return formCommunity(card, CONTEXT).state;
}

function dissolved(): Community {
  return dissolveCommunity(formed(), 'Задачи выполнены', DISSOLVED_AT).state;
}

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the action to throw, but it returned');
}

describe('formCommunity', () => {
  it('should keep every validated field when the card is full', () => {
    const { state, changes } = formCommunity(FULL_CARD, CONTEXT);

    expect(state).toStrictEqual(FULL_STATE);
    expect(changes).toEqual([{ kind: 'formed' }]);
  });

  it('should apply the defaults when the card has only the required fields', () => {
    const { state, changes } = formCommunity(
      { name: '  Экспертный совет ', kind: 'EXPERT_COUNCIL' },
      CONTEXT,
    );

    expect(state).toStrictEqual({
      id: 'community-ai',
      tenantId: 'tenant-a',
      version: 1,
      name: 'Экспертный совет',
      kind: 'EXPERT_COUNCIL',
      status: 'ACTIVE',
      published: false,
      createdAt: FORMED_AT,
      updatedAt: FORMED_AT,
    });
    expect(changes).toEqual([{ kind: 'formed' }]);
  });

  it('should store no undefined keys when optional fields are null or empty', () => {
    const { state } = formCommunity(
      {
        name: 'Комитет',
        kind: 'COMMITTEE',
        description: null,
        parentId: ' ',
        validUntil: '',
        published: null,
      },
      CONTEXT,
    );

    expect(Object.keys(state).sort()).toEqual([
      'createdAt',
      'id',
      'kind',
      'name',
      'published',
      'status',
      'tenantId',
      'updatedAt',
      'version',
    ]);
  });

  it('should accept the last day when it is today', () => {
    const { state } = formCommunity({ ...FULL_CARD, validUntil: '2026-03-10' }, CONTEXT);

    expect(state.validUntil).toBe('2026-03-10');
  });

  it('should refuse with BAD_USER_INPUT naming validUntil when the last day is yesterday', () => {
    const error = thrownBy(() =>
      formCommunity({ ...FULL_CARD, validUntil: '2026-03-09' }, CONTEXT),
    );

    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'validUntil' },
      message: 'validUntil: must not be in the past',
    });
  });

  it.each<[string, Partial<CommunityCard>, string, string]>([
    ['the name is blank', { name: '' }, 'name', 'must not be empty'],
    ['the name is too long', { name: 'я'.repeat(301) }, 'name', 'must be at most 300 characters'],
    [
      'the description is too long',
      { description: 'я'.repeat(2001) },
      'description',
      'must be at most 2000 characters',
    ],
    [
      'the parent id is too long',
      { parentId: 'c'.repeat(65) },
      'parentId',
      'must be at most 64 characters',
    ],
    [
      'the community is its own parent',
      { parentId: ' community-ai ' },
      'parentId',
      'a community cannot be its own parent',
    ],
    [
      'the last day does not exist',
      { validUntil: '2026-02-30' },
      'validUntil',
      'must be a date YYYY-MM-DD',
    ],
    [
      'the last day is not padded',
      { validUntil: '2026-1-1' },
      'validUntil',
      'must be a date YYYY-MM-DD',
    ],
  ])('should refuse with BAD_USER_INPUT when %s', (_case, override, field, message) => {
    const error = thrownBy(() => formCommunity({ ...FULL_CARD, ...override }, CONTEXT));

    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field },
      message: `${field}: ${message}`,
    });
  });
});

describe('updateCommunity', () => {
  it('should keep every field and report no changes when the patch is empty', () => {
    const { state, changes } = updateCommunity(formed(), {}, UPDATED_AT);

    expect(state).toStrictEqual({ ...FULL_STATE, updatedAt: UPDATED_AT });
    expect(changes).toEqual([]);
  });

  it('should report no changes when the patch repeats the current values untrimmed', () => {
    const { changes } = updateCommunity(
      formed(),
      { name: ' Рабочая группа по ИИ ', kind: 'WORKING_GROUP', published: true },
      UPDATED_AT,
    );

    expect(changes).toEqual([]);
  });

  it.each<[string, Partial<CommunityCard>, string]>([
    ['name', { name: 'Рабочая группа по искусственному интеллекту' }, 'name'],
    ['kind', { kind: 'COMMITTEE' }, 'kind'],
    ['description', { description: 'Новая повестка' }, 'description'],
    ['parentId', { parentId: 'community-other' }, 'parentId'],
    ['validUntil', { validUntil: '2027-06-30' }, 'validUntil'],
    ['published', { published: false }, 'published'],
  ])('should report exactly %s as updated when only it changes', (_case, patch, field) => {
    const { changes } = updateCommunity(formed(), patch, UPDATED_AT);

    expect(changes).toEqual([{ kind: 'updated', changedFields: [field] }]);
  });

  it('should clear the optional fields when the patch sets them to null', () => {
    const { state, changes } = updateCommunity(
      formed(),
      { description: null, parentId: null, validUntil: null },
      UPDATED_AT,
    );

    expect(state).toStrictEqual({
      id: 'community-ai',
      tenantId: 'tenant-a',
      version: 1,
      name: 'Рабочая группа по ИИ',
      kind: 'WORKING_GROUP',
      status: 'ACTIVE',
      published: true,
      createdAt: FORMED_AT,
      updatedAt: UPDATED_AT,
    });
    expect(changes).toEqual([
      { kind: 'updated', changedFields: ['description', 'parentId', 'validUntil'] },
    ]);
  });

  it('should unpublish the community when the patch sets published to null', () => {
    const { state, changes } = updateCommunity(formed(), { published: null }, UPDATED_AT);

    expect(state.published).toBe(false);
    expect(changes).toEqual([{ kind: 'updated', changedFields: ['published'] }]);
  });

  it('should refuse with BAD_USER_INPUT naming kind when the patch sets it to null', () => {
    expect(() =>
      updateCommunity(
        formed(),
        // GraphQL lets a client send null for any field of the update input.
        { kind: null } as unknown as Partial<CommunityCard>,
        UPDATED_AT,
      ),
    ).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'kind' } }));
  });

  it('should accept a last day in the past when updating rather than forming', () => {
    const { state, changes } = updateCommunity(formed(), { validUntil: '2026-03-01' }, UPDATED_AT);

    expect(state.validUntil).toBe('2026-03-01');
    expect(changes).toEqual([{ kind: 'updated', changedFields: ['validUntil'] }]);
  });

  it.each<[string, Partial<CommunityCard>, string]>([
    ['the name is null', { name: null } as unknown as Partial<CommunityCard>, 'name'],
    ['the name is blank', { name: '  ' }, 'name'],
    ['the community would be its own parent', { parentId: 'community-ai' }, 'parentId'],
    ['the last day does not exist', { validUntil: '2026-13-01' }, 'validUntil'],
  ])('should refuse with BAD_USER_INPUT naming the field when %s', (_case, patch, field) => {
    const error = thrownBy(() => updateCommunity(formed(), patch, UPDATED_AT));

    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { field } });
  });

  it('should refuse with CONFLICT naming DISSOLVED when the community is dissolved', () => {
    const error = thrownBy(() => updateCommunity(dissolved(), { name: 'Новое имя' }, UPDATED_AT));

    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'CONFLICT',
      details: { currentState: 'DISSOLVED' },
      message: 'a dissolved community cannot be changed (status DISSOLVED)',
    });
  });
});

describe('dissolveCommunity', () => {
  it('should record the UTC date of now and the trimmed reason when a reason is given', () => {
    const { state, changes } = dissolveCommunity(formed(), '  Задачи выполнены ', DISSOLVED_AT);

    expect(state).toStrictEqual({
      ...FULL_STATE,
      status: 'DISSOLVED',
      dissolvedOn: '2026-06-30',
      dissolutionReason: 'Задачи выполнены',
      updatedAt: DISSOLVED_AT,
    });
    expect(changes).toEqual([{ kind: 'dissolved', reason: 'Задачи выполнены' }]);
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['blank', ' '],
  ])('should dissolve without a reason when the reason is %s', (_case, reason) => {
    const { state, changes } = dissolveCommunity(formed(), reason, DISSOLVED_AT);

    expect(state).toStrictEqual({
      ...FULL_STATE,
      status: 'DISSOLVED',
      dissolvedOn: '2026-06-30',
      updatedAt: DISSOLVED_AT,
    });
    expect(changes).toStrictEqual([{ kind: 'dissolved' }]);
  });

  it('should record the expiry reason when the expiry job dissolves the community', () => {
    const { changes } = dissolveCommunity(formed(), EXPIRED_REASON, DISSOLVED_AT);

    expect(changes).toEqual([{ kind: 'dissolved', reason: 'Срок полномочий истёк' }]);
  });

  it('should refuse with BAD_USER_INPUT naming reason when the reason is too long', () => {
    const error = thrownBy(() => dissolveCommunity(formed(), 'я'.repeat(2001), DISSOLVED_AT));

    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'reason' } });
  });

  it('should refuse with CONFLICT naming DISSOLVED when dissolving twice', () => {
    const error = thrownBy(() => dissolveCommunity(dissolved(), undefined, DISSOLVED_AT));

    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'CONFLICT',
      details: { currentState: 'DISSOLVED' },
      message: 'the community is already dissolved (status DISSOLVED)',
    });
  });
});

describe('isExpired', () => {
  const temporary = (): Community => formed({ ...FULL_CARD, validUntil: '2026-12-31' });

  it('should be expired when it is the day after the last day', () => {
    expect(isExpired(temporary(), new Date('2027-01-01T00:00:00.000Z'))).toBe(true);
  });

  it('should not be expired when it is the last day', () => {
    expect(isExpired(temporary(), new Date('2026-12-31T23:59:59.999Z'))).toBe(false);
  });

  it('should not be expired when the last day is still ahead', () => {
    expect(isExpired(temporary(), new Date('2026-07-01T12:00:00.000Z'))).toBe(false);
  });

  it('should not be expired when the community is already dissolved', () => {
    const community = dissolveCommunity(temporary(), undefined, DISSOLVED_AT).state;

    expect(isExpired(community, new Date('2027-01-01T00:00:00.000Z'))).toBe(false);
  });

  it('should not be expired when the community has no last day', () => {
    const permanent = formed({ ...FULL_CARD, validUntil: null });

    expect(isExpired(permanent, new Date('2100-01-01T00:00:00.000Z'))).toBe(false);
  });
});
