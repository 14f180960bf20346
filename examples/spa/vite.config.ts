import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  // Relative asset URLs: the built app can be served from any path.
  base: './',
  resolve: {
    // The client's TypeScript sources, so the example needs no separate build of the package.
    // An app outside this repository imports the published package by the same name.
    alias: { '@strapi-auth-bff/client': fileURLToPath(new URL('../../client/src/index.ts', import.meta.url)) },
  },
  build: { target: 'es2022' },
});
