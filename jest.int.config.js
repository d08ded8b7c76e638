// Integration tests: `*.int.test.ts` against the real local Kafka and MongoDB-wire database, which the global
// setup starts once per run (or attaches to, when KAFKA_BROKERS and MONGO_URL are set).
const base = require('./jest.base.config');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  displayName: 'int',
  testMatch: ['**/src/**/*.int.test.ts'],
  globalSetup: '<rootDir>/packages/testing/dist/global-setup.js',
  globalTeardown: '<rootDir>/packages/testing/dist/global-teardown.js',
  testTimeout: 60_000,
  // Two cores: more workers only fight over the broker and the database.
  maxWorkers: 2,
};
