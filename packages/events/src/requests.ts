import { requestDeadlineEvents } from './requests/deadline-events';
import { requestLifecycleEvents } from './requests/request-events';

export * from './requests/deadline-events';
export * from './requests/enums';
export * from './requests/parts';
export * from './requests/request-events';

/** Every event the requests service publishes. */
export const requestsEvents = [...requestLifecycleEvents, ...requestDeadlineEvents] as const;
