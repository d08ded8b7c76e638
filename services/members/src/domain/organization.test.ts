import { DomainError, withoutUndefined } from '@kollegia/service-kit/domain';

import {
  archiveOrganization,
  registerOrganization,
  updateOrganization,
  type Organization,
  type OrganizationCard,
} from './organization';

const REGISTERED_AT = new Date('2026-03-10T09:00:00.000Z');
const UPDATED_AT = new Date('2026-03-11T14:30:00.000Z');
const ARCHIVED_AT = new Date('2026-03-12T08:15:00.000Z');
const CONTEXT = { id: 'org-sber', tenantId: 'tenant-a', now: REGISTERED_AT };

const MINIMAL_CARD: OrganizationCard = {
  name: 'ПАО Сбербанк',
  kind: 'BANK',
  region: 'RU-MOW',
};

const FULL_CARD: OrganizationCard = {
  name: 'Публичное акционерное общество «Сбербанк России»',
  shortName: 'ПАО Сбербанк',
  kind: 'BANK',
  country: 'RU',
  subdivision: 'RU-MOW',
  description: 'Крупнейший банк страны; кредитует промышленные предприятия.',
  industries: ['Финансы', 'ИТ'],
  inn: '7707083893',
  ogrn: '1027700132195',
  website: 'https://www.sberbank.ru',
  parentId: 'org-parent',
  published: true,
};

const FULL_STATE: Organization = {
  id: 'org-sber',
  tenantId: 'tenant-a',
  version: 1,
  name: 'Публичное акционерное общество «Сбербанк России»',
  shortName: 'ПАО Сбербанк',
  kind: 'BANK',
  country: 'RU',
  subdivision: 'RU-MOW',
  description: 'Крупнейший банк страны; кредитует промышленные предприятия.',
  industries: ['финансы', 'ит'],
  inn: '7707083893',
  ogrn: '1027700132195',
  website: 'https://www.sberbank.ru/',
  parentId: 'org-parent',
  status: 'ACTIVE',
  published: true,
  createdAt: REGISTERED_AT,
  updatedAt: REGISTERED_AT,
};

function registered(card: OrganizationCard = FULL_CARD): Organization {
  return registerOrganization(card, CONTEXT).state;
}

function archived(): Organization {
  return archiveOrganization(registered(), 'Ликвидирована', ARCHIVED_AT).state;
}

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the action to throw, but it returned');
}

describe('registerOrganization', () => {
  it('should apply the defaults when the card has only the required fields, as old clients send it', () => {
    const { state, changes } = registerOrganization(MINIMAL_CARD, CONTEXT);

    expect(state).toStrictEqual({
      id: 'org-sber',
      tenantId: 'tenant-a',
      version: 1,
      name: 'ПАО Сбербанк',
      shortName: 'ПАО Сбербанк',
      kind: 'BANK',
      country: 'RU',
      subdivision: 'RU-MOW',
      industries: [],
      status: 'ACTIVE',
      published: false,
      createdAt: REGISTERED_AT,
      updatedAt: REGISTERED_AT,
    });
    expect(changes).toEqual([{ kind: 'registered' }]);
  });

  it.each([
    ['a Belarusian ministry in Minsk', 'BY', 'BY-HM'],
    ['a Belarusian body in the Gomel region', 'by', 'by-ho'],
    ['a Kazakh body in Almaty', 'KZ', 'KZ-75'],
    ['a Kazakh body in the Abai region (formed 2022)', 'KZ', 'KZ-10'],
    ['a Tatarstan body (a republic: two letters)', 'RU', 'RU-TA'],
    ['a Zabaykalsky krai body (merged 2008)', 'RU', 'RU-ZAB'],
    ['a Khanty-Mansi body', 'RU', 'RU-KHM'],
  ])('should register %s when country and subdivision are real codes', (_case, country, code) => {
    const { state } = registerOrganization(
      { ...MINIMAL_CARD, region: null, country, subdivision: code },
      CONTEXT,
    );

    expect(state).toMatchObject({
      country: country.toUpperCase(),
      subdivision: code.toUpperCase(),
    });
  });

  it('should keep every validated field when the card is full', () => {
    const { state, changes } = registerOrganization(FULL_CARD, CONTEXT);

    expect(state).toStrictEqual(FULL_STATE);
    expect(changes).toEqual([{ kind: 'registered' }]);
  });

  it('should trim texts and upper-case the codes when they arrive untidy', () => {
    const { state } = registerOrganization(
      {
        name: '  ООО «Ромашка» ',
        shortName: ' Ромашка ',
        kind: 'ENTERPRISE',
        country: ' ru ',
        subdivision: ' ru-spe ',
        description: '  Производит ромашки.\n ',
        inn: ' 500100732259 ',
        ogrn: ' 304500116000157 ',
        parentId: ' org-parent ',
      },
      CONTEXT,
    );

    expect(state).toMatchObject({
      name: 'ООО «Ромашка»',
      shortName: 'Ромашка',
      country: 'RU',
      subdivision: 'RU-SPE',
      description: 'Производит ромашки.',
      inn: '500100732259',
      ogrn: '304500116000157',
      parentId: 'org-parent',
    });
  });

  it('should default the short name to the name when the short name is blank', () => {
    const { state } = registerOrganization({ ...MINIMAL_CARD, shortName: '   ' }, CONTEXT);

    expect(state.shortName).toBe('ПАО Сбербанк');
  });

  it('should store no undefined keys when optional fields are null', () => {
    const { state } = registerOrganization(
      {
        ...MINIMAL_CARD,
        shortName: null,
        description: null,
        industries: null,
        inn: null,
        ogrn: null,
        website: null,
        parentId: null,
        published: null,
      },
      CONTEXT,
    );

    expect(Object.keys(state).sort()).toEqual([
      'country',
      'createdAt',
      'id',
      'industries',
      'kind',
      'name',
      'published',
      'shortName',
      'status',
      'subdivision',
      'tenantId',
      'updatedAt',
      'version',
    ]);
    expect(state.published).toBe(false);
  });

  it.each<[string, Partial<OrganizationCard>, string, string]>([
    ['the name is blank', { name: '  ' }, 'name', 'must not be empty'],
    ['the name is too long', { name: 'я'.repeat(301) }, 'name', 'must be at most 300 characters'],
    [
      'the short name is too long',
      { shortName: 'я'.repeat(301) },
      'shortName',
      'must be at most 300 characters',
    ],
    [
      'the subdivision is a name, not a code',
      { subdivision: 'Москва' },
      'subdivision',
      'МОСКВА is not an ISO 3166-2 code of a subdivision of RU, e.g. RU-AD',
    ],
    [
      'the subdivision is not a real subject (RU-BY)',
      { subdivision: 'RU-BY' },
      'subdivision',
      'RU-BY is not an ISO 3166-2 code of a subdivision of RU, e.g. RU-AD',
    ],
    [
      'the subdivision is a code no longer in use (Chita oblast, merged into RU-ZAB)',
      { subdivision: 'RU-CHI' },
      'subdivision',
      'RU-CHI is not an ISO 3166-2 code of a subdivision of RU, e.g. RU-AD',
    ],
    [
      'the subdivision is not one of the country (US-XX)',
      { country: 'US', subdivision: 'US-XX' },
      'subdivision',
      'US-XX is not an ISO 3166-2 code of a subdivision of US, e.g. US-AK',
    ],
    [
      'the subdivision is of another country',
      { country: 'BY', subdivision: 'RU-MOW' },
      'subdivision',
      'RU-MOW is a subdivision of RU, not of BY',
    ],
    ['the subdivision is blank', { subdivision: ' ' }, 'subdivision', 'must not be empty'],
    ['the subdivision is missing', { subdivision: undefined }, 'subdivision', 'must not be empty'],
    [
      'the subdivision code is too long',
      { subdivision: 'RU-MOSCOW-CITY' },
      'subdivision',
      'must be at most 10 characters',
    ],
    [
      'the region (the former name) is of another country than the default RU',
      { subdivision: undefined, region: 'US-NY' },
      'region',
      'US-NY is a subdivision of US, not of RU',
    ],
    [
      'the region (the former name) passed the old check but is not a subject (RU-TAT)',
      { subdivision: undefined, region: 'RU-TAT' },
      'region',
      'RU-TAT is not an ISO 3166-2 code of a subdivision of RU, e.g. RU-AD',
    ],
    [
      'the region and the subdivision disagree',
      { region: 'RU-SPE' },
      'region',
      'is the former name of subdivision: give one of them',
    ],
    [
      'the country is not an ISO 3166-1 alpha-2 code',
      { country: 'RUS' },
      'country',
      'RUS is not an ISO 3166-1 alpha-2 country code, e.g. RU, BY, KZ',
    ],
    [
      'the country is not assigned',
      { country: 'XX', subdivision: 'XX-01' },
      'country',
      'XX is not an ISO 3166-1 alpha-2 country code, e.g. RU, BY, KZ',
    ],
    [
      'the country has no subdivision to say where it sits',
      { country: 'VA', subdivision: 'VA-01' },
      'country',
      'VA has no ISO 3166-2 subdivisions to say where it sits',
    ],
    [
      'the description is too long',
      { description: 'я'.repeat(2001) },
      'description',
      'must be at most 2000 characters',
    ],
    [
      'an industry is blank',
      { industries: ['финансы', ' '] },
      'industries',
      'must not contain empty values',
    ],
    [
      'the INN check digit is wrong',
      { inn: '7707083894' },
      'inn',
      'is not a valid INN (10 or 12 digits with check digits)',
    ],
    [
      'the INN has 11 digits',
      { inn: '77070838931' },
      'inn',
      'is not a valid INN (10 or 12 digits with check digits)',
    ],
    ['the INN is too long', { inn: '7707083893000' }, 'inn', 'must be at most 12 characters'],
    [
      'the OGRN control digit is wrong',
      { ogrn: '1027700132196' },
      'ogrn',
      'is not a valid OGRN (13 or 15 digits with a control digit)',
    ],
    [
      'the OGRN has letters',
      { ogrn: 'ОГРН102770013' },
      'ogrn',
      'is not a valid OGRN (13 or 15 digits with a control digit)',
    ],
    ['the OGRN is too long', { ogrn: '3045001160001570' }, 'ogrn', 'must be at most 15 characters'],
    [
      'the website is not http(s)',
      { website: 'ftp://sberbank.ru' },
      'website',
      'must be an http(s) URL',
    ],
    [
      'the parent id is too long',
      { parentId: 'p'.repeat(65) },
      'parentId',
      'must be at most 64 characters',
    ],
    [
      'the organisation is its own parent',
      { parentId: 'org-sber' },
      'parentId',
      'an organisation cannot be its own parent',
    ],
    [
      'the organisation is its own parent once the parent id is trimmed',
      { parentId: '  org-sber ' },
      'parentId',
      'an organisation cannot be its own parent',
    ],
  ])('should refuse with BAD_USER_INPUT when %s', (_case, override, field, message) => {
    const error = thrownBy(() => registerOrganization({ ...FULL_CARD, ...override }, CONTEXT));

    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field },
      message: `${field}: ${message}`,
    });
  });
});

describe('updateOrganization', () => {
  it('should keep every field and report no changes when the patch is empty', () => {
    const { state, changes } = updateOrganization(registered(), {}, UPDATED_AT);

    expect(state).toStrictEqual({ ...FULL_STATE, updatedAt: UPDATED_AT });
    expect(changes).toEqual([]);
  });

  it('should report no changes when the patch repeats the current values in another form', () => {
    const { changes } = updateOrganization(
      registered(),
      {
        name: ' Публичное акционерное общество «Сбербанк России» ',
        country: 'ru',
        region: 'ru-mow',
        industries: ['ФИНАНСЫ', 'ит', 'Финансы'],
        website: 'https://WWW.sberbank.ru',
        published: true,
      },
      UPDATED_AT,
    );

    expect(changes).toEqual([]);
  });

  it('should not change the version when updating, leaving it to the caller', () => {
    const { state } = updateOrganization(registered(), { kind: 'OTHER' }, UPDATED_AT);

    expect(state.version).toBe(1);
  });

  it('should clear the optional fields when the patch sets them to null', () => {
    const { state, changes } = updateOrganization(
      registered(),
      {
        shortName: null,
        description: null,
        industries: null,
        inn: null,
        ogrn: null,
        website: null,
        parentId: null,
      },
      UPDATED_AT,
    );

    expect(state).toStrictEqual({
      id: 'org-sber',
      tenantId: 'tenant-a',
      version: 1,
      name: 'Публичное акционерное общество «Сбербанк России»',
      shortName: 'Публичное акционерное общество «Сбербанк России»',
      kind: 'BANK',
      country: 'RU',
      subdivision: 'RU-MOW',
      industries: [],
      status: 'ACTIVE',
      published: true,
      createdAt: REGISTERED_AT,
      updatedAt: UPDATED_AT,
    });
    expect(changes).toEqual([
      {
        kind: 'renamed',
        previousName: 'Публичное акционерное общество «Сбербанк России»',
        previousShortName: 'ПАО Сбербанк',
      },
      {
        kind: 'updated',
        changedFields: ['description', 'industries', 'inn', 'ogrn', 'website', 'parentId'],
      },
    ]);
  });

  it.each(['kind', 'country', 'subdivision', 'region'] as const)(
    'should refuse with BAD_USER_INPUT naming %s when the patch sets that required field to null',
    (field) => {
      const error = thrownBy(() =>
        updateOrganization(
          registered(),
          // GraphQL lets a client send null for any field of the update input.
          { [field]: null },
          UPDATED_AT,
        ),
      ) as DomainError;

      expect(error).toBeInstanceOf(DomainError);
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.details.field).toBe(field);
    },
  );

  it('should unpublish the organisation when the patch sets published to null', () => {
    const published = updateOrganization(registered(), { published: true }, UPDATED_AT).state;

    const { state, changes } = updateOrganization(published, { published: null }, UPDATED_AT);

    expect(state.published).toBe(false);
    expect(changes).toEqual([{ kind: 'updated', changedFields: ['published'] }]);
  });

  it('should refuse with BAD_USER_INPUT naming name when the patch sets the name to null', () => {
    const error = thrownBy(() =>
      updateOrganization(
        registered(),
        { name: null } as unknown as Partial<OrganizationCard>,
        UPDATED_AT,
      ),
    );

    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'name' } });
  });

  it('should report a rename with the previous names when the name changes', () => {
    const { state, changes } = updateOrganization(
      registered(),
      { name: 'ПАО «Сбербанк»' },
      UPDATED_AT,
    );

    expect(state.name).toBe('ПАО «Сбербанк»');
    expect(state.shortName).toBe('ПАО Сбербанк');
    expect(changes).toEqual([
      {
        kind: 'renamed',
        previousName: 'Публичное акционерное общество «Сбербанк России»',
        previousShortName: 'ПАО Сбербанк',
      },
    ]);
  });

  it('should report a rename with the previous names when only the short name changes', () => {
    const { state, changes } = updateOrganization(registered(), { shortName: 'Сбер' }, UPDATED_AT);

    expect(state.shortName).toBe('Сбер');
    expect(changes).toEqual([
      {
        kind: 'renamed',
        previousName: 'Публичное акционерное общество «Сбербанк России»',
        previousShortName: 'ПАО Сбербанк',
      },
    ]);
  });

  it.each<[string, Partial<OrganizationCard>, string]>([
    ['kind', { kind: 'ENTERPRISE' }, 'kind'],
    ['subdivision', { subdivision: 'ru-spe' }, 'subdivision'],
    ['the subdivision (given as region)', { region: 'ru-spe' }, 'subdivision'],
    ['description', { description: 'Банк' }, 'description'],
    ['industries', { industries: ['ит', 'финансы'] }, 'industries'],
    ['inn', { inn: '500100732259' }, 'inn'],
    ['ogrn', { ogrn: '304500116000157' }, 'ogrn'],
    ['website', { website: 'https://sber.ru' }, 'website'],
    ['parentId', { parentId: 'org-other' }, 'parentId'],
    ['published', { published: false }, 'published'],
  ])('should report exactly %s as updated when only it changes', (_case, patch, field) => {
    const { changes } = updateOrganization(registered(), patch, UPDATED_AT);

    expect(changes).toEqual([{ kind: 'updated', changedFields: [field] }]);
  });

  it('should report country and subdivision as updated when the organisation moves abroad', () => {
    const { state, changes } = updateOrganization(
      registered(),
      { country: 'BY', subdivision: 'BY-HM' },
      UPDATED_AT,
    );

    expect(state).toMatchObject({ country: 'BY', subdivision: 'BY-HM' });
    expect(changes).toEqual([{ kind: 'updated', changedFields: ['country', 'subdivision'] }]);
  });

  it('should report a rename and every changed card field when a patch changes several', () => {
    const { state, changes } = updateOrganization(
      registered(MINIMAL_CARD),
      {
        name: 'ПАО «Сбербанк»',
        region: 'RU-SPE',
        inn: '7707083893',
        website: 'http://sberbank.ru/about',
        published: true,
      },
      UPDATED_AT,
    );

    expect(state).toStrictEqual({
      id: 'org-sber',
      tenantId: 'tenant-a',
      version: 1,
      name: 'ПАО «Сбербанк»',
      shortName: 'ПАО Сбербанк',
      kind: 'BANK',
      country: 'RU',
      subdivision: 'RU-SPE',
      industries: [],
      inn: '7707083893',
      website: 'http://sberbank.ru/about',
      status: 'ACTIVE',
      published: true,
      createdAt: REGISTERED_AT,
      updatedAt: UPDATED_AT,
    });
    expect(changes).toEqual([
      { kind: 'renamed', previousName: 'ПАО Сбербанк', previousShortName: 'ПАО Сбербанк' },
      { kind: 'updated', changedFields: ['subdivision', 'inn', 'website', 'published'] },
    ]);
  });

  it.each<[string, Partial<OrganizationCard>, string]>([
    ['the name is blank', { name: ' ' }, 'name'],
    ['the region is invalid', { region: 'RU-1' }, 'region'],
    ['the subdivision is of another country', { subdivision: 'BY-HM' }, 'subdivision'],
    ['the country changes but not the subdivision', { country: 'BY' }, 'subdivision'],
    ['the INN is invalid', { inn: '500100732258' }, 'inn'],
    ['the OGRN is invalid', { ogrn: '1027700132194' }, 'ogrn'],
    ['the website is invalid', { website: 'sberbank' }, 'website'],
    ['the organisation would be its own parent', { parentId: 'org-sber' }, 'parentId'],
  ])('should refuse with BAD_USER_INPUT naming the field when %s', (_case, patch, field) => {
    const error = thrownBy(() => updateOrganization(registered(), patch, UPDATED_AT));

    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { field } });
  });

  it('should refuse with CONFLICT naming ARCHIVED when the organisation is archived', () => {
    const error = thrownBy(() => updateOrganization(archived(), { kind: 'OTHER' }, UPDATED_AT));

    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'CONFLICT',
      details: { currentState: 'ARCHIVED' },
      message: 'an archived organisation cannot be changed (status ARCHIVED)',
    });
  });

  it('should refuse with CONFLICT when the organisation is archived and the patch is empty', () => {
    const error = thrownBy(() => updateOrganization(archived(), {}, UPDATED_AT));

    expect(error).toMatchObject({ code: 'CONFLICT', details: { currentState: 'ARCHIVED' } });
  });
});

describe('archiveOrganization', () => {
  it('should archive with the trimmed reason when a reason is given', () => {
    const { state, changes } = archiveOrganization(registered(), '  Ликвидирована ', ARCHIVED_AT);

    expect(state).toStrictEqual({
      ...FULL_STATE,
      status: 'ARCHIVED',
      archiveReason: 'Ликвидирована',
      updatedAt: ARCHIVED_AT,
    });
    expect(changes).toEqual([{ kind: 'archived', reason: 'Ликвидирована' }]);
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['blank', '  '],
  ])('should archive without a reason when the reason is %s', (_case, reason) => {
    const { state, changes } = archiveOrganization(registered(), reason, ARCHIVED_AT);

    expect(state).toStrictEqual({ ...FULL_STATE, status: 'ARCHIVED', updatedAt: ARCHIVED_AT });
    expect(changes).toStrictEqual([{ kind: 'archived' }]);
  });

  it('should refuse with BAD_USER_INPUT naming reason when the reason is too long', () => {
    const error = thrownBy(() => archiveOrganization(registered(), 'я'.repeat(2001), ARCHIVED_AT));

    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'reason' } });
  });

  it('should refuse with CONFLICT naming ARCHIVED when archiving twice', () => {
    const error = thrownBy(() => archiveOrganization(archived(), 'ещё раз', ARCHIVED_AT));

    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'CONFLICT',
      details: { currentState: 'ARCHIVED' },
      message: 'the organisation is already archived (status ARCHIVED)',
    });
  });
});

describe('withoutUndefined', () => {
  it('should drop undefined keys and keep null, false, 0 and empty values when given an object', () => {
    expect(
      withoutUndefined({ a: undefined, b: null, c: false, d: 0, e: '', f: [], g: 'x' }),
    ).toStrictEqual({ b: null, c: false, d: 0, e: '', f: [], g: 'x' });
  });
});
