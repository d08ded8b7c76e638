import { setTimeout as sleep } from 'node:timers/promises';

import type { Role } from '@kollegia/service-kit';

/** Who makes a call: a role, and for an addressee the organisation it speaks for. */
export interface Caller {
  role: Role;
  org?: string;
}

/** Signs a token for a role (and an organisation, for an addressee) of the demo tenant. */
export type TokenSource = (role: Role, org?: string) => string | Promise<string>;

interface GraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: unknown; field?: unknown; currentState?: unknown };
}

/** A step of the load that the API refused or that did not happen in time. */
export class DemoLoadError extends Error {
  constructor(
    readonly step: string,
    message: string,
  ) {
    super(`demo: ${step}: ${message}`);
    this.name = 'DemoLoadError';
  }
}

function describeErrors(errors: GraphQLError[]): string {
  return errors
    .map((error) => {
      const { code, field, currentState } = error.extensions ?? {};
      const details = [
        typeof code === 'string' ? code : undefined,
        typeof field === 'string' ? `field ${field}` : undefined,
        typeof currentState === 'string' ? `state ${currentState}` : undefined,
      ].filter(Boolean);
      return `${error.message}${details.length > 0 ? ` [${details.join(', ')}]` : ''}`;
    })
    .join('; ');
}

/** A refusal of a member the refusing service has not learnt of yet (see `GatewayApi.run`). */
const notInDirectoryYet = (error: GraphQLError) =>
  error.extensions?.code === 'BAD_USER_INPUT' && / is not in the directory$/.test(error.message);

/** The gateway's public GraphQL API, over HTTP POST, as the callers the demo needs. */
export class GatewayApi {
  private readonly tokens = new Map<string, Promise<string>>();

  constructor(
    private readonly url: string,
    private readonly tokenSource: TokenSource,
    /** How long a write naming a member just registered waits for the services to learn of it. */
    private readonly directoryWaitMs = 60_000,
  ) {}

  private token({ role, org }: Caller): Promise<string> {
    const key = `${role}/${org ?? ''}`;
    let token = this.tokens.get(key);
    if (!token) {
      token = Promise.resolve(this.tokenSource(role, org));
      this.tokens.set(key, token);
    }
    return token;
  }

  /**
   * Runs one operation; any error, or a missing result, fails the step with the API's words. The
   * other services learn of the directory's organisations and people from members' events, a
   * moment after they are registered; a write naming one they do not know yet is refused as not
   * in the directory (and changes nothing), so it is tried again until they do.
   */
  async run<T>(
    step: string,
    query: string,
    variables: Record<string, unknown> = {},
    caller: Caller = { role: 'secretary' },
  ): Promise<T> {
    const deadline = Date.now() + this.directoryWaitMs;
    for (;;) {
      const { status, body } = await this.call<T>(step, query, variables, caller);
      const errors = body.errors ?? [];
      if (errors.length > 0 && errors.every(notInDirectoryYet) && Date.now() < deadline) {
        await sleep(250);
        continue;
      }
      if (errors.length > 0) throw new DemoLoadError(step, describeErrors(errors));
      if (!body.data) throw new DemoLoadError(step, `HTTP ${status} without data`);
      return body.data;
    }
  }

  private async call<T>(
    step: string,
    query: string,
    variables: Record<string, unknown>,
    caller: Caller,
  ): Promise<{ status: number; body: { data?: T | null; errors?: GraphQLError[] } }> {
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          authorization: `Bearer ${await this.token(caller)}`,
          'x-graphql-csrf': '1',
        },
        body: JSON.stringify({ query, variables }),
      });
    } catch (error) {
      throw new DemoLoadError(
        step,
        `the gateway at ${this.url} does not answer (${String(error)})`,
      );
    }
    const text = await response.text();
    try {
      const body = JSON.parse(text) as { data?: T | null; errors?: GraphQLError[] };
      return { status: response.status, body };
    } catch {
      throw new DemoLoadError(step, `HTTP ${response.status}: ${text.slice(0, 300)}`);
    }
  }

  /**
   * Polls a query until `done` accepts its result: for what other services do in reaction to
   * events (Kafka), which a mutation's response cannot show.
   */
  async waitFor<T, R>(
    step: string,
    query: string,
    variables: Record<string, unknown>,
    done: (data: T) => R | undefined,
    { timeoutMs, caller }: { timeoutMs: number; caller?: Caller },
    describeLast: (data: T) => string,
  ): Promise<R> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const data = await this.run<T>(step, query, variables, caller);
      const result = done(data);
      if (result !== undefined) return result;
      if (Date.now() > deadline) {
        throw new DemoLoadError(
          step,
          `not there after ${Math.round(timeoutMs / 100) / 10} s (${describeLast(data)}); is the service that reacts to it running and consuming from Kafka?`,
        );
      }
      await sleep(250);
    }
  }
}
