/**
 * Two projects, one run: `npm test` runs both (each file once, slowest first, on two workers);
 * `npm run test:unit` runs only the unit project, to check a change in about a minute.
 *
 * integration: files that start other programs: terraform (init, validate, plan), the cdktf CLI
 * and its app, the datamesh executable, headless Chromium, npm pack + install. A file with one
 * such test belongs here whole; its in-process tests run with the integration project.
 * unit: everything else, in-process (synthesis included).
 *
 * ts-jest transpiles without type checking because tsconfig.json sets isolatedModules (ts-jest
 * 29.4 reads it from there); `npm run typecheck` is the type check.
 */
const INTEGRATION = require('./test/integration-tests');

const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.ts$': 'ts-jest' },
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['**/*.test.ts'], testPathIgnorePatterns: ['/node_modules/', ...INTEGRATION.map((file) => `<rootDir>/${file}`)] },
    { ...shared, displayName: 'integration', testMatch: INTEGRATION.map((file) => `<rootDir>/${file}`) },
  ],
  // cdktf synthesis and terraform plans are heavy; two workers match the two-core machines we run on.
  maxWorkers: 2,
  testTimeout: 120000,
  // Every temporary folder of the run goes under one folder, removed at the end: test/setup/scratch.js.
  globalSetup: '<rootDir>/test/setup/global-setup.js',
  globalTeardown: '<rootDir>/test/setup/global-teardown.js',
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
};
