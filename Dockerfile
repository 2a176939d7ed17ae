# syntax=docker/dockerfile:1
# Canopy broker image: multi-stage build (TypeScript compiled with dev dependencies), runtime with
# production dependencies and dist/ only, running as the unprivileged `node` user with its data on
# the /data volume. Ports: 9092 Kafka; 9644 admin HTTP (health, readiness, /metrics, /v1 JSON),
# bound to the container's loopback: the admin API has no authentication yet, so reaching it from
# outside the container is an explicit opt-in (CANOPY_ADMIN_LISTEN=0.0.0.0:9644, published on the
# host's loopback):
#
#   docker build -t canopy .
#   docker run -d --name canopy -p 127.0.0.1:9092:9092 -e CANOPY_ADVERTISED_LISTENER=127.0.0.1:9092 -v canopy-data:/data canopy
#   docker exec canopy canopy topics list      # the CLI, inside the broker's container (its loopback)
#   docker stop -t 30 canopy                   # more than the broker's own 10 s shutdown grace
#   # admin API from the host (opt-in):
#   docker run -p 127.0.0.1:9092:9092 -e CANOPY_ADVERTISED_LISTENER=127.0.0.1:9092 -e CANOPY_ADMIN_LISTEN=0.0.0.0:9644 -p 127.0.0.1:9644:9644 -v canopy-data:/data canopy

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: node-rdkafka (dev only) would compile librdkafka; esbuild's script is an
# optimisation. Production natives (lz4, snappy, zstd, crc32) are prebuilt napi packages; fs-ext
# (flock for the data-dir lock) is compiled here, with a toolchain only this stage carries.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
RUN npm ci --ignore-scripts --no-audit --no-fund \
 && npm rebuild fs-ext
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    CANOPY_LISTEN=0.0.0.0:9092 \
    CANOPY_ADMIN_LISTEN=127.0.0.1:9644 \
    CANOPY_DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY bin ./bin
# `canopy` on PATH, as `npm link` does in a checkout: `docker exec <container> canopy topics list`.
RUN ln -s /app/bin/canopy.js /usr/local/bin/canopy \
 && mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 9092
# Ready = journal recovered and the Kafka listener accepting (GET /readyz answers 200).
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:9644/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Same entry point as `npm start` (node dist/cli/main.js start); other CLI commands work as arguments.
ENTRYPOINT ["node", "dist/cli/main.js"]
CMD ["start"]
