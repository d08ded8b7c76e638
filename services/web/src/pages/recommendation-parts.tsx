import { Badge } from '@mantine/core';

import type { RecommendationPartyNameFragment } from '../generated/graphql';
import type { Urgency } from '../recommendations';

/** «Просрочено» or «Срок скоро»; nothing when neither. */
export function UrgencyBadge({ urgency }: { urgency: Urgency | undefined }) {
  if (!urgency) return null;
  const days = urgency.daysLeft;
  if (urgency.level === 'overdue') {
    return (
      <Badge color="red" variant="filled">
        {days !== undefined && days < 0 ? `Просрочено на ${-days} дн.` : 'Просрочено'}
      </Badge>
    );
  }
  return (
    <Badge color="yellow" variant="light" c="dark">
      {days === 0 ? 'Срок сегодня' : `Срок через ${days} дн.`}
    </Badge>
  );
}

/** An organisation by its short name, a person by full name. */
export function partyName(party: RecommendationPartyNameFragment | null | undefined): string {
  if (!party) return 'скрыто';
  return party.__typename === 'Person' ? party.fullName : party.shortName;
}
