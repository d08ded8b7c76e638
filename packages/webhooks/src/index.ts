export { newWebhookSecret, isWebhookSecret } from './secrets';
export { webhookHeaders, type WebhookHeaders, type WebhookMessage } from './signature';
export {
  addressRefusal,
  checkTargetUrl,
  guardedLookup,
  TargetRefused,
  type TargetPolicy,
} from './target';
export {
  deliverWebhook,
  type DeliveryFailure,
  type DeliveryLimits,
  type DeliveryResult,
  type WebhookDelivery,
} from './deliver';
export { MAX_ATTEMPTS, nextAttemptAt, RETRY_DELAYS_MS } from './retry';
