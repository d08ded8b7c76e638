import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { SERVICE_DATABASES } from './reset';

const services = resolve(__dirname, '../../../services');

describe('demo:reset', () => {
  it("should empty exactly the services' default databases", () => {
    const defaults = readdirSync(services)
      .map((name) => join(services, name, 'src', 'config.ts'))
      .flatMap((file) => {
        try {
          return [readFileSync(file, 'utf8')];
        } catch {
          return [];
        }
      })
      .flatMap((source) => /MONGO_DB\.default\('([^']+)'\)/.exec(source)?.[1] ?? [])
      .sort();
    expect(defaults).toEqual([...SERVICE_DATABASES].sort());
  });
});
