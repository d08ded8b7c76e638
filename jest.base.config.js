// Shared jest settings. ts-jest compiles with tsc, which keeps decorator metadata (type-graphql needs it);
// isolatedModules skips per-file type checking, which `npm run typecheck` already does.
/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/packages', '<rootDir>/services', '<rootDir>/infra'],
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }],
  },
  moduleNameMapper: {
    '^@kollegia/(documents|events|service-kit|testing)$': '<rootDir>/packages/$1/src',
    '^@kollegia/documents/testing$': '<rootDir>/packages/documents/src/testing',
    '^@kollegia/events/testing$': '<rootDir>/packages/events/src/testing',
    '^@kollegia/service-kit/domain$': '<rootDir>/packages/service-kit/src/domain',
    '^@kollegia/local-stack$': '<rootDir>/infra/local/src',
    '^@kollegia/supergraph/subscriptions$': '<rootDir>/infra/supergraph/src/subscriptions',
    // Gateway and e2e tests boot the services in-process from their sources.
    '^@kollegia/(members|roundtables|recommendations|requests)$': '<rootDir>/services/$1/src/app',
  },
};
