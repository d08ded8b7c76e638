import {
  badInput,
  optionalText,
  requiredText,
  withoutUndefined,
} from '@kollegia/service-kit/domain';

import { LIMITS, tags } from './validation';

/** Personal contacts: shown to members and above only, never put into events. */
export interface Contacts {
  email?: string;
  phone?: string;
}

/** A person who speaks for an organisation. */
export interface Person {
  id: string;
  tenantId: string;
  version: number;
  fullName: string;
  position?: string;
  organizationId?: string;
  contacts: Contacts;
  expertise: string[];
  createdAt: Date;
  updatedAt: Date;
}

export interface PersonCard {
  fullName: string;
  position?: string | null;
  organizationId?: string | null;
  email?: string | null;
  phone?: string | null;
  expertise?: string[] | null;
}

export type PersonUpdatableField = 'fullName' | 'position' | 'organizationId' | 'expertise';

export type PersonChange =
  { kind: 'registered' } | { kind: 'updated'; changedFields: PersonUpdatableField[] };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()-]{5,25}$/;

function contacts(card: PersonCard): Contacts {
  const email = optionalText('email', card.email, 254)?.toLowerCase();
  if (email !== undefined && !EMAIL.test(email))
    throw badInput('email', 'is not an e-mail address');
  const phone = optionalText('phone', card.phone, 25);
  if (phone !== undefined && !PHONE.test(phone)) throw badInput('phone', 'is not a phone number');
  return withoutUndefined({ email, phone });
}

function validCard(card: PersonCard) {
  return {
    fullName: requiredText('fullName', card.fullName, LIMITS.name),
    position: optionalText('position', card.position, LIMITS.name),
    organizationId: optionalText('organizationId', card.organizationId, 64),
    contacts: contacts(card),
    expertise: tags('expertise', card.expertise),
  };
}

export function registerPerson(
  card: PersonCard,
  context: { id: string; tenantId: string; now: Date },
): { state: Person; changes: PersonChange[] } {
  const state = withoutUndefined({
    id: context.id,
    tenantId: context.tenantId,
    version: 1,
    ...validCard(card),
    createdAt: context.now,
    updatedAt: context.now,
  });
  return { state, changes: [{ kind: 'registered' }] };
}

const PUBLIC_FIELDS: PersonUpdatableField[] = [
  'fullName',
  'position',
  'organizationId',
  'expertise',
];

/** Absent fields stay, null clears an optional one. A change of contacts alone announces nothing. */
export function updatePerson(
  state: Person,
  patch: Partial<PersonCard>,
  now: Date,
): { state: Person; changes: PersonChange[]; changed: boolean } {
  const pick = <K extends keyof PersonCard>(key: K, current: PersonCard[K]) =>
    patch[key] === undefined ? current : patch[key];
  const card = validCard({
    fullName: pick('fullName', state.fullName) ?? '',
    position: pick('position', state.position),
    organizationId: pick('organizationId', state.organizationId),
    email: pick('email', state.contacts.email),
    phone: pick('phone', state.contacts.phone),
    expertise: pick('expertise', state.expertise),
  });
  const next = withoutUndefined({ ...state, ...card, updatedAt: now });
  const changedFields = PUBLIC_FIELDS.filter(
    (f) => JSON.stringify(state[f]) !== JSON.stringify(next[f]),
  );
  const contactsChanged = JSON.stringify(state.contacts) !== JSON.stringify(next.contacts);
  return {
    state: next,
    changes: changedFields.length > 0 ? [{ kind: 'updated', changedFields }] : [],
    changed: changedFields.length > 0 || contactsChanged,
  };
}
