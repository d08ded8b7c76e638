import { hasRole, type Identity } from '@kollegia/service-kit';

import type { LiveEvent } from './live-feed';

/**
 * Whether a live event may reach a subscriber, decided from the event's own header before
 * anything is resolved (the tenant is in the channel already). It mirrors the services' read
 * rules, and the fields a subscriber selects are resolved with its own token besides:
 *
 * - association staff (admin, secretary, member) see everything of their tenant;
 * - an addressee user sees recommendations addressed to its organisation and requests sent to it,
 *   never a request's internal draft;
 * - a partner sees published recommendations and requests that left the association (submitted);
 * - items under control as the recommendations service lets read them (`controlItemScopeOf` in
 *   its application/control-items.ts): an addressee user those its organisation controls or is
 *   responsible for, a partner the published ones.
 */
export function mayWatch(identity: Identity, event: LiveEvent): boolean {
  if (hasRole(identity, 'admin', 'secretary', 'member')) return true;
  const { data } = event;
  const addressee = hasRole(identity, 'addressee') ? identity.organizationId : undefined;
  const partner = hasRole(identity, 'partner');
  if (event.aggregate === 'recommendation') {
    const addressed =
      addressee !== undefined &&
      Array.isArray(data.addresseeIds) &&
      data.addresseeIds.includes(addressee);
    return addressed || (partner && data.published === true);
  }
  if (event.aggregate === 'control-item') {
    if (hasRole(identity, 'addressee')) {
      const responsible = data.responsible as { id?: unknown } | undefined;
      return (
        addressee !== undefined &&
        (data.controllerId === addressee || responsible?.id === addressee)
      );
    }
    return partner && data.published === true;
  }
  if (event.aggregate === 'request') {
    if (data.status === 'DRAFT' || event.type === 'drafted') return false;
    return (addressee !== undefined && data.addresseeId === addressee) || partner;
  }
  return false;
}
