import type { Identity } from '@kollegia/service-kit';
import { print, type FieldNode, type GraphQLResolveInfo } from 'graphql';

/**
 * The part of an identity that decides what its reads return. Every subgraph's read rule depends
 * on the tenant, the roles and, for addressee users, the organisation — never on who the user is
 * (the subject decides only what one may *do*: endorse for oneself, report progress). Two callers
 * with the same read view get the same answer to the same query; that is what lets one resolution
 * serve many subscribers. A read rule that looked at the subject would have to be added here.
 */
export function readViewOf(identity: Identity): string {
  return [identity.tenantId, [...identity.roles].sort().join('+'), identity.organizationId ?? '']
    .map((part) => encodeURIComponent(part))
    .join('|');
}

/** Printed selections, per field node of a parsed document (the gateway caches parsed documents). */
const printedSelections = new WeakMap<FieldNode, string>();

/**
 * What a field asks for, as text: the field with its sub-selection and the fragments the document
 * defines, and the operation's variables. Two subscriptions with the same selection key get the
 * same fields with the same arguments.
 */
export function selectionKeyOf(info: GraphQLResolveInfo): string {
  const [node] = info.fieldNodes;
  if (!node) return '';
  let printed = printedSelections.get(node);
  if (printed === undefined) {
    const fragments = Object.values(info.fragments).map((fragment) => print(fragment));
    printed = [...info.fieldNodes.map((fieldNode) => print(fieldNode)), ...fragments].join('\n');
    printedSelections.set(node, printed);
  }
  return `${printed}\n${JSON.stringify(info.variableValues)}`;
}

/**
 * Shares the resolution of one event's entity among the subscribers that would get the same
 * answer: the first of a group (same event, same entity, same read view, same selection) starts
 * it, the others wait for the same promise. A statement to a thousand subscribers of one read
 * view is then one subgraph request, not a thousand. Entries are dropped `ttlMs` after they were
 * started (every subscriber of an event resolves it within moments of the event) and at once when
 * they fail, so a failure is not served to later events.
 */
export class SharedResolutions {
  private readonly entries = new Map<string, Promise<unknown>>();

  constructor(private readonly ttlMs = 30_000) {}

  get size(): number {
    return this.entries.size;
  }

  resolve(key: string, start: () => unknown): Promise<unknown> {
    const existing = this.entries.get(key);
    if (existing) return existing;
    const started = Promise.resolve().then(start);
    this.entries.set(key, started);
    const forget = () => {
      if (this.entries.get(key) === started) this.entries.delete(key);
    };
    setTimeout(forget, this.ttlMs).unref();
    started.catch(forget);
    return started;
  }

  clear(): void {
    this.entries.clear();
  }
}
