// Pure tests: `*.test.ts`, no broker, no database. Fast; run first.
const base = require('./jest.base.config');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  displayName: 'unit',
  testMatch: ['**/src/**/*.test.ts', '!**/*.int.test.ts'],
};
