/**
 * The module boundaries, checked by `npm run lint` (dependency-cruiser). Each rule says why.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment:
        'A cycle means neither module can be understood, tested or changed without the other. ' +
        'Type-only imports are erased at build time and are allowed to point back.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'strapi-only-through-its-client',
      comment:
        'strapi/ is the one place that knows Strapi’s routes, payloads and error messages. Everything else ' +
        'talks to StrapiClient (and the types it returns), so a Strapi change is a change in one folder.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/strapi/' },
      to: { path: '^src/strapi/', pathNot: '^src/strapi/(strapi\\.client|strapi\\.types|strapi\\.module)\\.ts$' },
    },
    {
      name: 'controllers-not-to-repositories',
      comment: 'Controllers parse input and call one service; persistence goes through services, which own the transactions.',
      severity: 'error',
      from: { path: '\\.controller\\.ts$' },
      to: { path: '\\.repository\\.ts$' },
    },
    {
      name: 'sessions-not-to-auth',
      comment:
        'sessions/ is the session engine; auth/ (HTTP sign-in flows, passport, cookies) is built on it. ' +
        'The engine must not know its callers, or every auth change ripples into rotation and revocation.',
      severity: 'error',
      from: { path: '^src/sessions/' },
      to: { path: '^src/auth/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.spec\\.ts$' },
  },
};
