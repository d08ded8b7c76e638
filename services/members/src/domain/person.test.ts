import { DomainError } from '@kollegia/service-kit/domain';

import { registerPerson, updatePerson, type Person, type PersonCard } from './person';

const REGISTERED_AT = new Date('2026-03-10T09:00:00.000Z');
const UPDATED_AT = new Date('2026-03-11T14:30:00.000Z');
const CONTEXT = { id: 'person-ivanova', tenantId: 'tenant-a', now: REGISTERED_AT };

const FULL_CARD: PersonCard = {
  fullName: 'Иванова Мария Петровна',
  position: 'Директор по цифровой трансформации',
  organizationId: 'org-sber',
  email: 'M.Ivanova@Example.RU',
  phone: '+7 (495) 123-45-67',
  expertise: ['Цифровизация', 'ИИ'],
};

const FULL_STATE: Person = {
  id: 'person-ivanova',
  tenantId: 'tenant-a',
  version: 1,
  fullName: 'Иванова Мария Петровна',
  position: 'Директор по цифровой трансформации',
  organizationId: 'org-sber',
  contacts: { email: 'm.ivanova@example.ru', phone: '+7 (495) 123-45-67' },
  expertise: ['цифровизация', 'ии'],
  createdAt: REGISTERED_AT,
  updatedAt: REGISTERED_AT,
};

function registered(card: PersonCard = FULL_CARD): Person {
  return registerPerson(card, CONTEXT).state;
}

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the action to throw, but it returned');
}

describe('registerPerson', () => {
  it('should keep every validated field when the card is full', () => {
    const { state, changes } = registerPerson(FULL_CARD, CONTEXT);

    expect(state).toStrictEqual(FULL_STATE);
    expect(changes).toEqual([{ kind: 'registered' }]);
  });

  it('should store empty contacts and expertise when the card has only the full name', () => {
    const { state, changes } = registerPerson({ fullName: '  Петров Пётр ' }, CONTEXT);

    expect(state).toStrictEqual({
      id: 'person-ivanova',
      tenantId: 'tenant-a',
      version: 1,
      fullName: 'Петров Пётр',
      contacts: {},
      expertise: [],
      createdAt: REGISTERED_AT,
      updatedAt: REGISTERED_AT,
    });
    expect(changes).toEqual([{ kind: 'registered' }]);
  });

  it('should store no undefined keys when optional fields are null or blank', () => {
    const { state } = registerPerson(
      {
        fullName: 'Петров Пётр',
        position: null,
        organizationId: '  ',
        email: null,
        phone: '',
        expertise: null,
      },
      CONTEXT,
    );

    expect(state).toStrictEqual({
      id: 'person-ivanova',
      tenantId: 'tenant-a',
      version: 1,
      fullName: 'Петров Пётр',
      contacts: {},
      expertise: [],
      createdAt: REGISTERED_AT,
      updatedAt: REGISTERED_AT,
    });
  });

  it('should trim and lower-case the e-mail when it has capitals and spaces', () => {
    const { state } = registerPerson(
      { fullName: 'Петров Пётр', email: '  Petrov@Mail.RU ' },
      CONTEXT,
    );

    expect(state.contacts).toStrictEqual({ email: 'petrov@mail.ru' });
  });

  it.each(['+74951234567', '8 (800) 555-35-35', '12345', '+7 495 123-45-67'])(
    'should accept the phone %j when it has digits, spaces, brackets and hyphens',
    (phone) => {
      const { state } = registerPerson({ fullName: 'Петров Пётр', phone }, CONTEXT);

      expect(state.contacts).toStrictEqual({ phone });
    },
  );

  it.each<[string, Partial<PersonCard>, string, string]>([
    ['the full name is blank', { fullName: '   ' }, 'fullName', 'must not be empty'],
    [
      'the full name is too long',
      { fullName: 'я'.repeat(301) },
      'fullName',
      'must be at most 300 characters',
    ],
    [
      'the position is too long',
      { position: 'я'.repeat(301) },
      'position',
      'must be at most 300 characters',
    ],
    [
      'the organisation id is too long',
      { organizationId: 'o'.repeat(65) },
      'organizationId',
      'must be at most 64 characters',
    ],
    ['the e-mail has no @', { email: 'ivanova.example.ru' }, 'email', 'is not an e-mail address'],
    [
      'the e-mail has no domain dot',
      { email: 'ivanova@example' },
      'email',
      'is not an e-mail address',
    ],
    [
      'the e-mail has a space',
      { email: 'iva nova@example.ru' },
      'email',
      'is not an e-mail address',
    ],
    ['the e-mail has two @', { email: 'a@b@example.ru' }, 'email', 'is not an e-mail address'],
    [
      'the e-mail is too long',
      { email: `${'a'.repeat(250)}@x.ru` },
      'email',
      'must be at most 254 characters',
    ],
    ['the phone has letters', { phone: '+7 495 CALL-ME' }, 'phone', 'is not a phone number'],
    ['the phone is too short', { phone: '1234' }, 'phone', 'is not a phone number'],
    ['the phone has a plus inside', { phone: '8+4951234567' }, 'phone', 'is not a phone number'],
    ['the phone is too long', { phone: '1'.repeat(26) }, 'phone', 'must be at most 25 characters'],
    [
      'an expertise tag is blank',
      { expertise: ['ии', ''] },
      'expertise',
      'must not contain empty values',
    ],
  ])('should refuse with BAD_USER_INPUT when %s', (_case, override, field, message) => {
    const error = thrownBy(() => registerPerson({ ...FULL_CARD, ...override }, CONTEXT));

    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field },
      message: `${field}: ${message}`,
    });
  });
});

describe('updatePerson', () => {
  it('should keep every field and report nothing when the patch is empty', () => {
    const result = updatePerson(registered(), {}, UPDATED_AT);

    expect(result).toStrictEqual({
      state: { ...FULL_STATE, updatedAt: UPDATED_AT },
      changes: [],
      changed: false,
    });
  });

  it('should report nothing when the patch repeats the current values in another form', () => {
    const result = updatePerson(
      registered(),
      {
        fullName: ' Иванова Мария Петровна ',
        email: 'M.IVANOVA@example.ru',
        expertise: ['ЦИФРОВИЗАЦИЯ', 'ии', 'ИИ'],
      },
      UPDATED_AT,
    );

    expect(result.changes).toEqual([]);
    expect(result.changed).toBe(false);
  });

  it('should report changed but no changes when only the e-mail changes', () => {
    const { state, changes, changed } = updatePerson(
      registered(),
      { email: 'Maria@Example.RU' },
      UPDATED_AT,
    );

    expect(state).toStrictEqual({
      ...FULL_STATE,
      contacts: { email: 'maria@example.ru', phone: '+7 (495) 123-45-67' },
      updatedAt: UPDATED_AT,
    });
    expect(changes).toEqual([]);
    expect(changed).toBe(true);
  });

  it('should report changed but no changes when only the phone is cleared', () => {
    const { state, changes, changed } = updatePerson(registered(), { phone: null }, UPDATED_AT);

    expect(state.contacts).toStrictEqual({ email: 'm.ivanova@example.ru' });
    expect(changes).toEqual([]);
    expect(changed).toBe(true);
  });

  it.each<[string, Partial<PersonCard>, string]>([
    ['fullName', { fullName: 'Иванова-Смирнова Мария Петровна' }, 'fullName'],
    ['position', { position: 'Советник' }, 'position'],
    ['organizationId', { organizationId: 'org-vtb' }, 'organizationId'],
    ['expertise', { expertise: ['ии', 'цифровизация'] }, 'expertise'],
  ])('should report exactly %s as updated when only it changes', (_case, patch, field) => {
    const { changes, changed } = updatePerson(registered(), patch, UPDATED_AT);

    expect(changes).toEqual([{ kind: 'updated', changedFields: [field] }]);
    expect(changed).toBe(true);
  });

  it('should clear the optional fields and report them when the patch sets them to null', () => {
    const { state, changes, changed } = updatePerson(
      registered(),
      { position: null, organizationId: null, email: null, phone: null, expertise: null },
      UPDATED_AT,
    );

    expect(state).toStrictEqual({
      id: 'person-ivanova',
      tenantId: 'tenant-a',
      version: 1,
      fullName: 'Иванова Мария Петровна',
      contacts: {},
      expertise: [],
      createdAt: REGISTERED_AT,
      updatedAt: UPDATED_AT,
    });
    expect(changes).toEqual([
      { kind: 'updated', changedFields: ['position', 'organizationId', 'expertise'] },
    ]);
    expect(changed).toBe(true);
  });

  it('should report public fields and keep the new contacts when both change', () => {
    const { state, changes, changed } = updatePerson(
      registered({ fullName: 'Петров Пётр' }),
      { position: 'Эксперт', phone: '+7 900 000-00-00' },
      UPDATED_AT,
    );

    expect(state.position).toBe('Эксперт');
    expect(state.contacts).toStrictEqual({ phone: '+7 900 000-00-00' });
    expect(changes).toEqual([{ kind: 'updated', changedFields: ['position'] }]);
    expect(changed).toBe(true);
  });

  it.each<[string, Partial<PersonCard>, string]>([
    ['the full name is null', { fullName: null } as unknown as Partial<PersonCard>, 'fullName'],
    ['the full name is blank', { fullName: ' ' }, 'fullName'],
    ['the e-mail is malformed', { email: 'maria@' }, 'email'],
    ['the phone is malformed', { phone: 'позвонить' }, 'phone'],
    ['an expertise tag is too long', { expertise: ['я'.repeat(61)] }, 'expertise'],
  ])('should refuse with BAD_USER_INPUT naming the field when %s', (_case, patch, field) => {
    const error = thrownBy(() => updatePerson(registered(), patch, UPDATED_AT));

    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { field } });
  });
});
