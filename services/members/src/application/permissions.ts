import { hasRole, requireRole, type Identity } from '@kollegia/service-kit';

/** Only admins and secretaries change the directory (DESIGN.md section 2). */
export function requireDirectoryEditor(identity: Identity | null): Identity {
  return requireRole(identity, 'admin', 'secretary');
}

/** Every signed-in role reads the directory, within its tenant. */
export function requireReader(identity: Identity | null): Identity {
  return requireRole(identity, 'admin', 'secretary', 'member', 'addressee', 'partner');
}

/** Partners and addressees see published organisations and communities only. */
export function seesInternal(identity: Identity | null): boolean {
  return hasRole(identity, 'admin', 'secretary', 'member');
}

/** People's contacts are for members and above. */
export function seesContacts(identity: Identity | null): boolean {
  return hasRole(identity, 'admin', 'secretary', 'member');
}
