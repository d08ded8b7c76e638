import { recommendationEndorsementEvents } from './recommendations/endorsement-events';
import { recommendationFollowUpEvents } from './recommendations/follow-up-events';
import { recommendationLifecycleEvents } from './recommendations/lifecycle-events';
import { recommendationProgressEvents } from './recommendations/progress-events';

export * from './recommendations/control-item-events';
export * from './recommendations/endorsement-events';
export * from './recommendations/enums';
export * from './recommendations/follow-up-events';
export * from './recommendations/lifecycle-events';
export * from './recommendations/parts';
export * from './recommendations/progress-events';

/** Every event the recommendations service publishes about recommendations (items under control: `controlItemEvents`). */
export const recommendationsEvents = [
  ...recommendationLifecycleEvents,
  ...recommendationEndorsementEvents,
  ...recommendationProgressEvents,
  ...recommendationFollowUpEvents,
] as const;
