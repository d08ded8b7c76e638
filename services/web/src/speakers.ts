import type { PartyKind } from './generated/graphql';

/** Who may speak at a sitting, as the round table query gives them. */
export interface SittingPeople {
  moderator:
    | { __typename: 'Person'; id: string; fullName: string }
    | { __typename: 'Organization'; id: string; shortName: string }
    | null;
  participants: readonly {
    person: { id: string; fullName: string } | null;
    organization: { id: string; shortName: string } | null;
  }[];
}

export interface SpeakerOption {
  /** `<kind>:<id>`, for a select's value. */
  value: string;
  label: string;
}

/**
 * Those the minutes may name as a speaker (the moderator or a registered participant): a person,
 * with their organisation, or an organisation that sent people without names. Each once.
 */
export function speakerOptions(sitting: SittingPeople): SpeakerOption[] {
  const options = new Map<string, string>();
  const { moderator } = sitting;
  if (moderator?.__typename === 'Person') options.set(`PERSON:${moderator.id}`, moderator.fullName);
  if (moderator?.__typename === 'Organization')
    options.set(`ORGANIZATION:${moderator.id}`, moderator.shortName);
  for (const { person, organization } of sitting.participants) {
    if (person)
      options.set(
        `PERSON:${person.id}`,
        organization ? `${person.fullName} (${organization.shortName})` : person.fullName,
      );
    else if (organization) options.set(`ORGANIZATION:${organization.id}`, organization.shortName);
  }
  return [...options].map(([value, label]) => ({ value, label }));
}

/** The API's PartyInput from a select's value. */
export function speakerInput(value: string): { kind: PartyKind; id: string } | undefined {
  const [kind, ...rest] = value.split(':');
  const id = rest.join(':');
  if ((kind === 'PERSON' || kind === 'ORGANIZATION') && id) return { kind, id };
  return undefined;
}
