import { roundtableAgendaEvents } from './roundtables/agenda-events';
import { conferenceEvents } from './roundtables/conference-events';
import { roundtableParticipantEvents } from './roundtables/participant-events';
import { roundtableResolutionEvents } from './roundtables/resolution-events';
import { roundtableLifecycleEvents } from './roundtables/roundtable-events';
import { roundtableStatementEvents } from './roundtables/statement-events';

export * from './roundtables/agenda-events';
export * from './roundtables/conference-events';
export * from './roundtables/enums';
export * from './roundtables/parts';
export * from './roundtables/participant-events';
export * from './roundtables/resolution-events';
export * from './roundtables/roundtable-events';
export * from './roundtables/statement-events';

/** Every event the roundtables service publishes. */
export const roundtablesEvents = [
  ...conferenceEvents,
  ...roundtableLifecycleEvents,
  ...roundtableParticipantEvents,
  ...roundtableAgendaEvents,
  ...roundtableStatementEvents,
  ...roundtableResolutionEvents,
] as const;
