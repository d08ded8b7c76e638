#!/usr/bin/env node
import { parseArgs } from 'node:util';

// The kit's auth alone: the whole kit (mongoose, kafkajs, GraphQL) would take seconds to load.
import { devAuth, ROLES, tokenClaimsProblem, type Role } from '@kollegia/service-kit/auth';

import { devKeyDir } from './paths';

const USAGE = `usage: npm run token -- --tenant <tenant> --role <${ROLES.join('|')}> [--org <organisation id>] [--person <directory person id>] [--sub <subject>] [--expires 12h]
Prints a JWT signed with the local dev key (created on first use).`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      tenant: { type: 'string', default: 'akit' },
      role: { type: 'string', multiple: true },
      org: { type: 'string' },
      person: { type: 'string' },
      sub: { type: 'string' },
      expires: { type: 'string', default: '12h' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const roles = (values.role ?? ['admin']) as Role[];
  const unknown = roles.filter((role) => !ROLES.includes(role));
  if (unknown.length > 0) {
    process.stderr.write(`unknown role ${unknown.join(', ')}\n${USAGE}\n`);
    return 2;
  }
  // The verifiers' own rule: a token they would refuse is not worth printing.
  const problem = tokenClaimsProblem({ roles, org: values.org });
  if (problem) {
    process.stderr.write(`${problem}\n${USAGE}\n`);
    return 2;
  }
  const auth = devAuth(devKeyDir());
  const token = await auth.token(
    {
      tenant: values.tenant,
      roles,
      ...(values.org ? { org: values.org } : {}),
      ...(values.person ? { person: values.person } : {}),
      ...(values.sub ? { sub: values.sub } : {}),
    },
    values.expires,
  );
  process.stdout.write(`${token}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  },
);
