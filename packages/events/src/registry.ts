import { type EventOf } from './define-event';
import { membersEvents } from './members';
import { controlItemEvents, recommendationsEvents } from './recommendations';
import { requestsEvents } from './requests';
import { roundtablesEvents } from './roundtables';

/** Every event type and version Kollegia knows, across all services. */
export const eventDefinitions = [
  ...membersEvents,
  ...roundtablesEvents,
  ...recommendationsEvents,
  ...controlItemEvents,
  ...requestsEvents,
] as const;

/** Any one of the known event definitions. */
export type KollegiaEventDefinition = (typeof eventDefinitions)[number];

/** Any known event, as a union discriminated on `type`. */
export type KollegiaEvent = EventOf<KollegiaEventDefinition>;

/** The full CloudEvents type string of any known event. */
export type KollegiaEventType = KollegiaEvent['type'];

const byType = new Map<string, KollegiaEventDefinition>(
  eventDefinitions.map((definition) => [definition.type, definition]),
);

/** The definition of a full CloudEvents type string, or `undefined` when no such event exists. */
export function findEventDefinition(type: string): KollegiaEventDefinition | undefined {
  return byType.get(type);
}

/** Whether a string is the type of a known event. */
export function isKollegiaEventType(type: string): type is KollegiaEventType {
  return byType.has(type);
}
