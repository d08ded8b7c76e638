// Shared jest settings. ts-jest compiles with tsc, which keeps decorator metadata (type-graphql needs it);
// isolatedModules skips per-file type checking, which `npm run typecheck` already does.
// The identity service's oidc-provider and the jose 6 it brings (the root node_modules' copy; the kit
// keeps its own jose 5) ship ES modules only. Node 24 requires them as they are, but jest's module
// system does so only under --experimental-vm-modules: compiled to CommonJS, every run stays as it is.
const ESM_ONLY = `^${__dirname}/node_modules/(oidc-provider|jose)/.+\\.js$`;
// The OTLP exporter loads node:http with a dynamic import(), which jest's module system allows only
// under --experimental-vm-modules; compiled to CommonJS it is a require().
const DYNAMIC_IMPORT = '/node_modules/@opentelemetry/otlp-exporter-base/.+\\.cjs$';

/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/packages', '<rootDir>/services', '<rootDir>/infra'],
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }],
    [ESM_ONLY]: [
      'ts-jest',
      { tsconfig: { allowJs: true, module: 'commonjs', isolatedModules: true } },
    ],
    [DYNAMIC_IMPORT]: [
      'ts-jest',
      { tsconfig: { allowJs: true, module: 'commonjs', isolatedModules: true } },
    ],
  },
  transformIgnorePatterns: [
    '/node_modules/(?!(oidc-provider|jose|@opentelemetry/otlp-exporter-base)/)',
  ],
  moduleNameMapper: {
    '^@kollegia/(documents|events|service-kit|testing)$': '<rootDir>/packages/$1/src',
    '^@kollegia/documents/testing$': '<rootDir>/packages/documents/src/testing',
    '^@kollegia/documents/html$': '<rootDir>/packages/documents/src/html',
    '^@kollegia/events/testing$': '<rootDir>/packages/events/src/testing',
    '^@kollegia/service-kit/domain$': '<rootDir>/packages/service-kit/src/domain',
    '^@kollegia/service-kit/auth$': '<rootDir>/packages/service-kit/src/auth',
    '^@kollegia/service-kit/config$': '<rootDir>/packages/service-kit/src/config',
    '^@kollegia/service-kit/metrics$': '<rootDir>/packages/service-kit/src/metrics',
    '^@kollegia/local-stack$': '<rootDir>/infra/local/src',
    '^@kollegia/supergraph/subscriptions$': '<rootDir>/infra/supergraph/src/subscriptions',
    // Gateway and e2e tests boot the services in-process from their sources.
    '^@kollegia/(members|roundtables|recommendations|requests)$': '<rootDir>/services/$1/src/app',
  },
};
