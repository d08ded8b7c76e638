import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { topics } from '@kollegia/events';
import { parse } from 'yaml';

/**
 * docker-compose.yml cannot run here (no Docker engine), so this keeps it honest: it parses, every
 * service it builds exists, each gets the variables its config requires, and kafka-init creates
 * exactly the topics of the registry.
 */
interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string | number>;
  healthcheck?: unknown;
  command?: string[] | string;
}

const root = join(__dirname, '../../..');
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), {
  merge: true,
}) as { services: Record<string, ComposeService> };

interface Schema {
  safeParse(input: unknown): {
    success: boolean;
    error?: { issues: { path: PropertyKey[]; message: string }[] };
  };
}

/** The service's own config schema (the one its main.ts parses), from services/<name>/src/config.ts. */
function configSchemaOf(service: string): Schema {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded by name, per service
  const module = require(join(root, 'services', service, 'src', 'config')) as Record<
    string,
    unknown
  >;
  const schema = Object.values(module).find(
    (value): value is Schema => typeof (value as Schema | undefined)?.safeParse === 'function',
  );
  if (!schema) throw new Error(`services/${service}/src/config.ts exports no config schema`);
  return schema;
}

/** Compose's `${NAME:-default}` resolved to its default, as on a machine that sets nothing. */
function resolveDefaults(environment: Record<string, string | number>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(environment).map(([name, value]) => [
      name,
      String(value).replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1'),
    ]),
  );
}

describe('docker-compose.yml', () => {
  const services = compose.services;
  const built = Object.entries(services).filter(([, s]) => s.build);

  it('should run MongoDB 7 as a replica set and Kafka 3.9 in KRaft mode, with health checks', () => {
    expect(services.mongo?.image).toMatch(/^mongo:7/);
    expect(services.mongo?.command).toEqual(expect.arrayContaining(['--replSet']));
    expect(services.kafka?.image).toMatch(/^apache\/kafka:3\.9/);
    expect(services.kafka?.environment?.KAFKA_PROCESS_ROLES).toBe('broker,controller');
    expect(services.mongo?.healthcheck).toBeDefined();
    expect(services.kafka?.healthcheck).toBeDefined();
  });

  it('should create exactly the topics of the registry', () => {
    const script = String(services['kafka-init']?.command);
    const created = [...script.matchAll(/kollegia\.[a-z.-]+/g)].map((m) => m[0]);
    expect(created.sort()).toEqual(topics.map((t) => t.name).sort());
  });

  it('should build only services that exist, each with an environment its config accepts', () => {
    for (const [name, service] of built) {
      const dockerfile = join(root, service.build!.dockerfile);
      expect(existsSync(dockerfile)).toBe(true);
      const result = configSchemaOf(name).safeParse(resolveDefaults(service.environment ?? {}));
      const problems = (result.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
      expect({ service: name, problems }).toEqual({ service: name, problems: [] });
    }
  });

  it('should name every service of services/ that has a Dockerfile', () => {
    const withDockerfile = readdirSync(join(root, 'services'), { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(root, 'services', d.name, 'Dockerfile')))
      .map((d) => d.name);
    expect(built.map(([name]) => name).sort()).toEqual(withDockerfile.sort());
  });
});
