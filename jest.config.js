// One jest run over every service, in five layers (selectable with --selectProjects):
//   unit         *.test.ts       rules, no I/O
//   integration  *.int.test.ts   one service against real Postgres and RabbitMQ
//   e2e          *.e2e.test.ts   the running platform through the gateway
//   browser      *.browser.test.ts  the portal in headless Chromium, against the running platform
//   stack        *.stack.test.ts  the built services as processes (replicas, SIGKILL), one at a time
// Tests run on the TypeScript sources (swc, no type check: `npm run build` type-checks).
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }];
const moduleNameMapper = {
  '^@azotte/common$': '<rootDir>/services/common/src/index.ts',
  '^@azotte/common/testing$': '<rootDir>/services/common/src/testing/index.ts',
  '^@azotte/common/testing/chaos$': '<rootDir>/services/common/src/testing/chaos/index.ts',
  '^@azotte/common/telemetry$': '<rootDir>/services/common/src/telemetry/sdk.ts',
  '^@azotte/proto$': '<rootDir>/proto/src/index.ts',
  '^@azotte/(tenant|gateway|catalog|customer|billing|campaign|analytics|webhook|client)$': '<rootDir>/services/$1/src/index.ts',
  '^@azotte/test-support$': '<rootDir>/test-support/index.ts',
  '^@azotte/test-support/(.*)$': '<rootDir>/test-support/$1.ts',
};
// ESM-only packages (jose 6) are compiled to CommonJS for jest as the sources are: jest's module
// loader cannot require() an ES module as Node (20.19+, 22.12+) does, so the built services need none of this.
const ESM_ONLY = ['jose'];
const project = (displayName, testMatch, extra = {}) => ({
  displayName,
  rootDir: __dirname,
  testMatch,
  transform: { '^.+\\.ts$': swc, [`/node_modules/(${ESM_ONLY.join('|')})/.+\\.js$`]: swc },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
  moduleNameMapper,
  testEnvironment: 'node',
  ...extra,
});

module.exports = {
  projects: [
    project('unit', ['<rootDir>/services/*/test/**/*.test.ts', '<rootDir>/infra/test/**/*.test.ts', '!**/*.int.test.ts', '!**/*.e2e.test.ts', '!**/*.browser.test.ts', '!**/*.stack.test.ts']),
    project('integration', ['<rootDir>/services/*/test/**/*.int.test.ts', '<rootDir>/infra/test/**/*.int.test.ts']),
    project('e2e', ['<rootDir>/services/*/test/**/*.e2e.test.ts']),
    // The built services as separate processes, several of each, killed and restarted: each takes
    // as many Postgres connections as a default server has to spare beside one other test file,
    // so npm test runs this project after the others, one file at a time (--runInBand).
    project('stack', ['<rootDir>/services/*/test/**/*.stack.test.ts']),
    // The portal in headless Chromium against the real stack (its component tests are vitest's).
    project('browser', ['<rootDir>/services/portal/test/browser/**/*.browser.test.ts']),
  ],
  globalSetup: '<rootDir>/services/common/src/testing/global-setup.ts',
  globalTeardown: '<rootDir>/services/common/src/testing/global-teardown.ts',
  testTimeout: 30_000,
  maxWorkers: 2,
};
