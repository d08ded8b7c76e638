import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { DemoLoadError, GatewayApi } from './api';

describe('GatewayApi', () => {
  let server: Server;
  let url: string;
  let reply: { status: number; body: string };
  /** Answers given before `reply`, in order. */
  const queued: { status: number; body: string }[] = [];
  const seen: { headers: Record<string, unknown>; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        seen.push({ headers: req.headers, body });
        const answer = queued.shift() ?? reply;
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(answer.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const api = () => new GatewayApi(url, (role, org) => `token-${role}${org ? `-${org}` : ''}`);

  it('should post JSON with the bearer token of the caller and the CSRF header', async () => {
    reply = { status: 200, body: JSON.stringify({ data: { ok: true } }) };
    await expect(
      api().run('a step', '{ ok }', { a: 1 }, { role: 'addressee', org: 'o1' }),
    ).resolves.toEqual({ ok: true });
    const last = seen.at(-1)!;
    expect(last.headers).toMatchObject({
      authorization: 'Bearer token-addressee-o1',
      'content-type': 'application/json',
      'x-graphql-csrf': '1',
    });
    expect(JSON.parse(last.body)).toEqual({ query: '{ ok }', variables: { a: 1 } });
  });

  it("should fail the step with the API's message, code, field and state when it refuses", async () => {
    reply = {
      status: 200,
      body: JSON.stringify({
        data: null,
        errors: [
          {
            message: 'registeredOn must not be in the future',
            extensions: { code: 'BAD_USER_INPUT', field: 'registeredOn' },
          },
          { message: 'stale', extensions: { code: 'CONFLICT', currentState: 'DRAFT' } },
        ],
      }),
    };
    const failure = api().run('register the request', 'mutation { x }');
    await expect(failure).rejects.toThrow(DemoLoadError);
    await expect(failure).rejects.toThrow(
      'demo: register the request: registeredOn must not be in the future [BAD_USER_INPUT, field registeredOn]; stale [CONFLICT, state DRAFT]',
    );
  });

  const notInDirectory = {
    status: 200,
    body: JSON.stringify({
      data: null,
      errors: [
        {
          message: 'moderator: person 6650a1f0c2b9e4a1d3f00101 is not in the directory',
          extensions: { code: 'BAD_USER_INPUT', field: 'moderator' },
        },
      ],
    }),
  };

  it('should try a write again while the service it names a member to has not learnt of it', async () => {
    queued.push(notInDirectory, notInDirectory);
    reply = { status: 200, body: JSON.stringify({ data: { scheduled: true } }) };
    const before = seen.length;
    await expect(api().run('schedule a round table', 'mutation { x }')).resolves.toEqual({
      scheduled: true,
    });
    expect(seen.length - before).toBe(3);
  });

  it('should give up on a member no service learns of, with the API’s words', async () => {
    reply = notInDirectory;
    const impatient = new GatewayApi(url, () => 't', 300);
    await expect(impatient.run('schedule a round table', 'mutation { x }')).rejects.toThrow(
      'demo: schedule a round table: moderator: person 6650a1f0c2b9e4a1d3f00101 is not in the directory [BAD_USER_INPUT, field moderator]',
    );
  });

  it('should say what came back when it is not GraphQL', async () => {
    reply = { status: 502, body: 'Bad Gateway' };
    await expect(api().run('a step', '{ ok }')).rejects.toThrow(
      'demo: a step: HTTP 502: Bad Gateway',
    );
  });

  it('should say when the gateway does not answer', async () => {
    const closed = new GatewayApi('http://127.0.0.1:1/graphql', () => 't');
    await expect(closed.run('a step', '{ ok }')).rejects.toThrow(
      'demo: a step: the gateway at http://127.0.0.1:1/graphql does not answer',
    );
  });

  it('should give up waiting with what it saw last', async () => {
    reply = { status: 200, body: JSON.stringify({ data: { n: 1 } }) };
    await expect(
      api().waitFor<{ n: number }, true>(
        'wait for two',
        '{ n }',
        {},
        (data) => (data.n >= 2 ? true : undefined),
        { timeoutMs: 300 },
        (data) => `${data.n} so far`,
      ),
    ).rejects.toThrow(/demo: wait for two: not there after 0.3 s \(1 so far\)/);
  });
});
