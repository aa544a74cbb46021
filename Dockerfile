# syntax=docker/dockerfile:1
# The bot server image: `docker build -t tiktok-ad-bot .`, then run it with an env file
# (README "Running in a container"). Node 24 is the maintained LTS line; the code also runs on
# Node 20, on which the test suite runs.
ARG NODE_IMAGE=node:24-bookworm-slim

# Build: every dependency exactly as locked, then compile what production runs (src/ and
# adapters/, tsconfig.image.json) to dist/. bench/, eval/ and test/ stay out: they import the
# test stand-ins. `node scripts/check-image.js` builds and starts exactly these files (CI).
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.image.json ./
COPY src ./src
COPY adapters ./adapters
RUN npx tsc -p tsconfig.image.json

# Production dependencies only, exactly as locked (no install scripts: none are needed).
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund

# Run: the built bot and its production dependencies. Files are owned by root and only
# readable by the unprivileged `node` user that runs the bot, so it cannot change its own code.
FROM ${NODE_IMAGE}
ENV NODE_ENV=production HTTP_HOST=0.0.0.0 HTTP_PORT=3000
WORKDIR /app
COPY package.json ./
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3000
# Ready = Redis answers, Slack accepted the token, the Discord gateway is READY (GET /readyz).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.HTTP_PORT || 3000) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# `server`: with no chat platform configured, print what to set and exit 1 (no restart loop).
CMD ["node", "dist/src/app/main.js", "server"]
