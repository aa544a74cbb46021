/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // tsconfig's isolatedModules makes ts-jest transpile only; `npm run typecheck` checks types once.
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 20000,
  // test/deploy runs the built bot (dist/) as a child process; build it once, if stale.
  globalSetup: '<rootDir>/test/global-setup.js',
  // Suites share one Redis server, each under its own key prefix, so they may run in parallel.
  maxWorkers: 2,
};
