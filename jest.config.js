// One jest run over every service, in four layers (selectable with --selectProjects):
//   unit         *.test.ts       rules, no I/O
//   integration  *.int.test.ts   one service against real Postgres and RabbitMQ
//   e2e          *.e2e.test.ts   the running platform through the gateway
//   browser      *.browser.test.ts  the portal in headless Chromium, against the running platform
// Tests run on the TypeScript sources (swc, no type check: `npm run build` type-checks).
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }];
const moduleNameMapper = {
  '^@azotte/common$': '<rootDir>/services/common/src/index.ts',
  '^@azotte/common/testing$': '<rootDir>/services/common/src/testing/index.ts',
  '^@azotte/common/telemetry$': '<rootDir>/services/common/src/telemetry/sdk.ts',
  '^@azotte/proto$': '<rootDir>/proto/src/index.ts',
  '^@azotte/(tenant|gateway|catalog|customer|billing|campaign|analytics|webhook)$': '<rootDir>/services/$1/src/index.ts',
  '^@azotte/test-support$': '<rootDir>/test-support/index.ts',
  '^@azotte/test-support/(.*)$': '<rootDir>/test-support/$1.ts',
};
const project = (displayName, testMatch, extra = {}) => ({
  displayName,
  rootDir: __dirname,
  testMatch,
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper,
  testEnvironment: 'node',
  ...extra,
});

module.exports = {
  projects: [
    project('unit', ['<rootDir>/services/*/test/**/*.test.ts', '!**/*.int.test.ts', '!**/*.e2e.test.ts', '!**/*.browser.test.ts']),
    project('integration', ['<rootDir>/services/*/test/**/*.int.test.ts']),
    project('e2e', ['<rootDir>/services/*/test/**/*.e2e.test.ts']),
    // The portal in headless Chromium against the real stack (its component tests are vitest's).
    project('browser', ['<rootDir>/services/portal/test/browser/**/*.browser.test.ts']),
  ],
  globalSetup: '<rootDir>/services/common/src/testing/global-setup.ts',
  globalTeardown: '<rootDir>/services/common/src/testing/global-teardown.ts',
  testTimeout: 30_000,
  maxWorkers: 2,
};
