import { join } from 'node:path';

/** A service's config schema, as far as deployment checks need it: parse, and the names it reads. */
export interface ServiceConfigSchema {
  safeParse(input: unknown): {
    success: boolean;
    data?: Record<string, unknown>;
    error?: { issues: { path: PropertyKey[]; message: string }[] };
  };
  shape: Record<string, unknown>;
}

const root = join(__dirname, '../../..');

/**
 * The config schema a service's main.ts parses (the zod object its services/<name>/src/config.ts
 * exports), loaded by name so a deployment file (compose, the Helm chart) can be checked against
 * exactly what the service accepts. For tests run by jest, which compiles the TypeScript source.
 */
export function serviceConfigSchema(service: string): ServiceConfigSchema {
  const file =
    service === 'web'
      ? join(root, 'services', 'web', 'src', 'server', 'config')
      : join(root, 'services', service, 'src', 'config');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded by name, per service
  const module = require(file) as Record<string, unknown>;
  const schema = Object.values(module).find(
    (value): value is ServiceConfigSchema =>
      typeof (value as ServiceConfigSchema | undefined)?.safeParse === 'function',
  );
  if (!schema) throw new Error(`${file}.ts exports no config schema`);
  return schema;
}

/** The problems a schema finds in an environment, one `NAME: message` line each ([] when none). */
export function configProblems(
  schema: ServiceConfigSchema,
  environment: Record<string, string>,
): string[] {
  const result = schema.safeParse(environment);
  return (result.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
}
