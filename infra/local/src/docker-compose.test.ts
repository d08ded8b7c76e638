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

/** The variables a service's config requires: listed in its config.ts as `required` by convention. */
function requiredVariables(service: string): string[] {
  const config = readFileSync(join(root, 'services', service, 'src', 'config.ts'), 'utf8');
  const base = readFileSync(join(root, 'packages/service-kit/src/config.ts'), 'utf8');
  const required = (source: string) =>
    [...source.matchAll(/^\s+([A-Z][A-Z0-9_]+): z[^\n]*$/gm)]
      .filter((m) => !/\.default\(|\.optional\(/.test(m[0]))
      .map((m) => m[1]!);
  return [...new Set([...required(base), ...required(config)])];
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
    const created = [...script.matchAll(/kollegia\.[a-z.]+/g)].map((m) => m[0]);
    expect(created.sort()).toEqual(topics.map((t) => t.name).sort());
  });

  it('should build only services that exist, each with the variables its config requires', () => {
    for (const [name, service] of built) {
      const dockerfile = join(root, service.build!.dockerfile);
      expect(existsSync(dockerfile)).toBe(true);
      if (name === 'gateway') continue;
      const env = service.environment ?? {};
      const missing = requiredVariables(name).filter((v) => env[v] === undefined);
      expect({ service: name, missing }).toEqual({ service: name, missing: [] });
    }
  });

  it('should name every service of services/ that has a Dockerfile', () => {
    const withDockerfile = readdirSync(join(root, 'services'), { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(root, 'services', d.name, 'Dockerfile')))
      .map((d) => d.name);
    expect(built.map(([name]) => name).sort()).toEqual(withDockerfile.sort());
  });
});
