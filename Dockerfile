# The image of every Kollegia service: members, roundtables, recommendations, requests, gateway,
# identity and web. One recipe for the seven, as they differ only by name and ports (build
# arguments); a change to how a service is built or run is then made once. Built from the
# repository root, as docker-compose.yml does for each service:
#   docker build --build-arg SERVICE=members --build-arg PORT=4101 --build-arg METRICS_PORT=9101 \
#     -t kollegia/members .
# infra/helm/src/docker-compose.test.ts checks this file against each service it builds.

# The Node the repository's own toolchain runs on (the `node` package of the lockfile; the test
# holds them equal).
ARG NODE_IMAGE=node:24.21.0-bookworm-slim

# 1. Only what the service is made of: its workspace, the workspaces it depends on and the
#    lockfile pruned to them. json/ holds their manifests alone, so the installs below are cached
#    until a dependency changes, not on every source change.
FROM ${NODE_IMAGE} AS prune
ARG SERVICE
# The turbo of the lockfile (the test holds them equal).
ARG TURBO_VERSION=2.11.11
ENV TURBO_TELEMETRY_DISABLED=1
WORKDIR /repo
RUN test -n "${SERVICE}" || (echo 'build with --build-arg SERVICE=<a folder of services/>' >&2; exit 1)
RUN npm install --global --no-audit --no-fund "turbo@${TURBO_VERSION}"
COPY . .
RUN turbo prune "@kollegia/${SERVICE}" --docker --out-dir /pruned
# turbo prune keeps the workspaces the service only tests with (and, for the gateway, the four
# subgraphs); /production is json/ narrowed to what the service runs with, for the image's install.
RUN cp -r /pruned/json /production \
  && node infra/helm/docker/production-closure.mjs /production "@kollegia/${SERVICE}"

# 2. Installs from the pruned lockfile (with the compilers: dev dependencies), builds the service
#    and the workspaces it depends on, and gathers what the image runs into /built: the dist/ of
#    each workspace of /production and the GraphQL files beside its package.json (the gateway reads
#    the supergraph's).
FROM ${NODE_IMAGE} AS build
ARG SERVICE
ENV TURBO_TELEMETRY_DISABLED=1
WORKDIR /app
COPY --from=prune /pruned/json/ ./
RUN npm ci --no-audit --no-fund
COPY --from=prune /pruned/full/ ./
# turbo prune carries workspaces, not the root's shared compiler settings, nor the public schema
# the web board generates its typed operations from (it reads the file, not the package).
COPY tsconfig.base.json ./
COPY infra/supergraph/api.graphql infra/supergraph/
COPY --from=prune /production/package.json /production.json
RUN npx turbo run build --filter="@kollegia/${SERVICE}..." --output-logs=errors-only \
  && mkdir /built \
  && for workspace in $(node -p "require('/production.json').workspaces.join(' ')"); do \
    find "${workspace}" -mindepth 1 -maxdepth 1 \( -name dist -o -name '*.graphql' \) \
      -exec cp -r --parents {} /built \; ; \
  done

# 3. What runs: the production dependencies of the service's production closure and its built
#    code, as the unprivileged user `node`, listening on every interface of the container.
FROM ${NODE_IMAGE}
ARG SERVICE
ARG PORT
ARG METRICS_PORT
ENV NODE_ENV=production HOST=0.0.0.0 PORT=${PORT} METRICS_PORT=${METRICS_PORT}
WORKDIR /app
COPY --from=prune /production/ ./
# No install scripts: none of the production dependencies needs one to run.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /built/ ./
WORKDIR /app/services/${SERVICE}
USER node
EXPOSE ${PORT} ${METRICS_PORT}
# Ready: the service answers and what it needs answers it (its database, Kafka; the gateway's
# subgraphs). PORT is the container's, so an operator's PORT is the one checked.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=6 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# As the service's npm start script runs it (kafkajs's negative timeouts would warn on every
# connection), but node itself: signals reach the service, which shuts down cleanly on SIGTERM.
CMD ["node", "--disable-warning=TimeoutNegativeWarning", "dist/main.js"]
