// End-to-end tests: `e2e/**/*.e2e.test.ts` drive the built services and the gateway, each a child
// process (`node services/<name>/dist/main.js`), through the gateway only. The global setup starts the
// local stack once per run, as for the integration tests; run `npm run build` first.
const base = require('./jest.base.config');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  displayName: 'e2e',
  roots: ['<rootDir>/e2e'],
  testMatch: ['<rootDir>/e2e/**/*.e2e.test.ts'],
  moduleNameMapper: {
    ...base.moduleNameMapper,
    '^@kollegia/demo$': '<rootDir>/infra/demo/src',
    '^@kollegia/partner-client$': '<rootDir>/examples/partner-client/src',
  },
  globalSetup: '<rootDir>/packages/testing/dist/global-setup.js',
  globalTeardown: '<rootDir>/packages/testing/dist/global-teardown.js',
  testTimeout: 180_000,
  // Each file boots its own system (five to eight processes): one file at a time on two cores. Two at
  // a time took 378 s instead of 500 s here, but on a clean-clone CI run the board's journey then
  // missed its 30 s wait for a live answer (2026-12-07): not worth a red CI.
  maxWorkers: 1,
};
