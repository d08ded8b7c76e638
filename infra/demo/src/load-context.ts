import { DemoLoadError, GatewayApi, type TokenSource } from './api';
import type { DemoWorkspace, PartyRef } from './workspace';

export interface Versioned {
  id: string;
  version: number;
}

/** What one load knows: the API, the data, and the ids the services gave to the data's keys. */
export class LoadContext {
  readonly api: GatewayApi;
  readonly orgIds = new Map<string, string>();
  readonly personIds = new Map<string, string>();
  readonly communityIds = new Map<string, string>();
  /** Resolution number → its id at the round table. */
  readonly resolutionIds = new Map<number, string>();
  /** Resolution number → the recommendation made of it, at its latest version. */
  readonly recommendations = new Map<number, Versioned & { code: string }>();

  constructor(
    gatewayUrl: string,
    token: TokenSource,
    readonly workspace: DemoWorkspace,
    readonly log: (line: string) => void,
    /** How long to wait for each reaction of another service (over Kafka). */
    readonly waitTimeoutMs: number,
    readonly now: () => Date,
  ) {
    this.api = new GatewayApi(gatewayUrl, token, waitTimeoutMs);
  }

  org(key: string): string {
    const id = this.orgIds.get(key);
    if (!id) throw new DemoLoadError('demo data', `unknown organisation key "${key}"`);
    return id;
  }

  person(key: string): string {
    const id = this.personIds.get(key);
    if (!id) throw new DemoLoadError('demo data', `unknown person key "${key}"`);
    return id;
  }

  community(key: string): string {
    const id = this.communityIds.get(key);
    if (!id) throw new DemoLoadError('demo data', `unknown community key "${key}"`);
    return id;
  }

  party(ref: PartyRef): { kind: 'ORGANIZATION' | 'PERSON'; id: string } {
    return 'org' in ref
      ? { kind: 'ORGANIZATION', id: this.org(ref.org) }
      : { kind: 'PERSON', id: this.person(ref.person) };
  }

  shortName(key: string): string {
    return this.workspace.organizations.find((org) => org.key === key)?.shortName ?? key;
  }
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
