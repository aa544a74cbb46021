#!/usr/bin/env node
/**
 * Builds and starts the Docker image's file set without a container engine, so CI proves the
 * image works on a machine where `docker` is only a client (`.ci/run` uses `docker build` when
 * `docker info` answers, and this otherwise).
 *
 * It reads the Dockerfile (`--dockerfile <path>`, default ./Dockerfile; the build context is
 * this repository) and plays each stage in its own clean temporary directory:
 * - `COPY <src>… <dest>` copies exactly those files from the context (Docker's rules: a
 *   directory's contents go into `<dest>`; `.dockerignore` patterns are honoured);
 *   `COPY --from=<stage>` copies from that stage's directory.
 * - `RUN npm ci …` links the repository's installed packages instead of downloading them again:
 *   the whole node_modules, or with `--omit=dev` only the packages package-lock.json marks as
 *   production ones (so a dist/ file that needs a dev dependency fails to start here too).
 * - Any other `RUN` (e.g. `npx tsc -p tsconfig.image.json`) runs with `sh -c` in `WORKDIR`.
 * - The last stage's `CMD` runs with its `ENV`, on a free port, as a Slack server for OAuth
 *   installs (no network call at start) against Redis (`REDIS_URL`, default
 *   redis://127.0.0.1:6379) and the in-process TikTok emulator; it must answer `GET /healthz`
 *   with 200 within 60 s and exit 0 on SIGTERM.
 * Exit code 0 when all of that holds; 1 with what failed (e.g. tsc's TS2307 for a file the
 * image does not copy). `--keep` leaves the temporary directory for a look.
 * Dockerfile reference: https://docs.docker.com/reference/dockerfile/
 */
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const { createServer } = require('node:net');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..');
const HEALTH_TIMEOUT_MS = 60_000;

/** The Dockerfile as instructions: `{op, args, flags}` per line, continuations joined. */
function parseDockerfile(text) {
  const joined = text.replace(/\\\r?\n/g, ' ');
  const out = [];
  for (const raw of joined.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const [op, ...rest] = line.split(/\s+/);
    const flags = {};
    while (rest[0]?.startsWith('--')) {
      const [name, value] = rest.shift().slice(2).split('=');
      flags[name] = value ?? '';
    }
    out.push({ op: op.toUpperCase(), args: rest, rest: rest.join(' '), flags });
  }
  return out;
}

/** `.dockerignore` as a test on context-relative paths (plain names and `*` globs). */
function ignoredBy(contextDir) {
  const file = path.join(contextDir, '.dockerignore');
  const patterns = fs.existsSync(file)
    ? fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('#'))
    : [];
  const regexes = patterns.map(
    (p) => new RegExp(`^${p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}(/|$)`),
  );
  return (rel) => regexes.some((r) => r.test(rel));
}

/** Copies `from` (file or directory) to `to`, skipping context paths `ignored` rejects. */
function copyInto(from, to, rel, ignored) {
  if (ignored(rel)) return;
  const stat = fs.statSync(from);
  if (!stat.isDirectory()) {
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(from, to);
    return;
  }
  fs.mkdirSync(to, { recursive: true });
  for (const name of fs.readdirSync(from)) {
    copyInto(path.join(from, name), path.join(to, name), rel ? `${rel}/${name}` : name, ignored);
  }
}

/** Where `dest` (absolute or relative to the stage's WORKDIR) lies in the stage directory. */
function inStage(stage, dest) {
  const inside = dest.startsWith('/') ? dest : path.posix.join(stage.workdir, dest);
  return path.join(stage.dir, inside);
}

/** `COPY [--from=stage] src… dest` with Docker's rules for files, directories and `dest/`. */
function copy(stages, stage, step, ignored) {
  const sources = step.args.slice(0, -1);
  const dest = step.args[step.args.length - 1];
  const from = step.flags.from === undefined ? null : stages.get(step.flags.from);
  if (step.flags.from !== undefined && !from)
    throw new Error(`COPY --from=${step.flags.from}: no such stage`);
  for (const source of sources) {
    const sourcePath = from ? inStage(from, source) : path.join(root, source);
    const rel = from ? '' : path.posix.normalize(source).replace(/^\.\/?/, '');
    if (!fs.existsSync(sourcePath)) throw new Error(`COPY ${source}: not found`);
    const isDir =
      fs.lstatSync(sourcePath).isDirectory() || fs.lstatSync(sourcePath).isSymbolicLink();
    const target =
      dest.endsWith('/') && !isDir
        ? path.join(inStage(stage, dest), path.basename(source))
        : inStage(stage, dest);
    if (fs.lstatSync(sourcePath).isSymbolicLink()) {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.symlinkSync(fs.readlinkSync(sourcePath), target);
    } else copyInto(sourcePath, target, rel, from ? () => false : ignored);
  }
}

/** The top-level packages `npm ci --omit=dev` installs, from package-lock.json. */
function productionPackages() {
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
  return Object.entries(lock.packages)
    .filter(([key, entry]) => /^node_modules\/(@[^/]+\/)?[^/]+$/.test(key) && !entry.dev)
    .filter(([, entry]) => !entry.devOptional)
    .map(([key]) => key.slice('node_modules/'.length));
}

/** `RUN npm ci …`: links the repository's node_modules (production packages only with --omit=dev). */
function linkPackages(stage, command) {
  const source = path.join(root, 'node_modules');
  const target = inStage(stage, 'node_modules');
  fs.mkdirSync(path.dirname(target), { recursive: true });
  if (!/--omit[= ]dev/.test(command)) {
    fs.symlinkSync(source, target, 'dir');
    return;
  }
  for (const name of productionPackages()) {
    fs.mkdirSync(path.dirname(path.join(target, name)), { recursive: true });
    fs.symlinkSync(path.join(source, name), path.join(target, name), 'dir');
  }
}

/** `ENV a=b c=d` (or the older `ENV a b`) into `env`. */
function setEnv(env, step) {
  if (!step.rest.includes('=')) {
    env[step.args[0]] = step.args.slice(1).join(' ');
    return;
  }
  for (const pair of step.args) {
    const at = pair.indexOf('=');
    env[pair.slice(0, at)] = pair.slice(at + 1).replace(/^"(.*)"$/, '$1');
  }
}

/** `RUN`: npm ci becomes links; anything else runs in the stage's WORKDIR. */
function run(stage, step) {
  const command = step.rest.startsWith('[') ? JSON.parse(step.rest).join(' ') : step.rest;
  process.stdout.write(`check-image: [${stage.name}] RUN ${command}\n`);
  if (/^npm ci\b/.test(command)) return linkPackages(stage, command);
  const cwd = inStage(stage, '.');
  fs.mkdirSync(cwd, { recursive: true });
  execFileSync('sh', ['-c', command], {
    cwd,
    env: { ...process.env, ...stage.env },
    stdio: 'inherit',
  });
}

/** Plays every stage; returns the last one (its directory, WORKDIR, ENV and CMD). */
function build(steps, workDir) {
  const stages = new Map();
  const ignored = ignoredBy(root);
  let stage;
  let index = 0;
  for (const step of steps) {
    if (step.op === 'FROM') {
      const name = step.args[2] ?? String(index);
      stage = { name, dir: path.join(workDir, `stage-${index}`), workdir: '/', env: {} };
      fs.mkdirSync(stage.dir, { recursive: true });
      stages.set(name, stage);
      stages.set(String(index), stage);
      index += 1;
    } else if (!stage) continue;
    else if (step.op === 'WORKDIR') stage.workdir = path.posix.resolve(stage.workdir, step.rest);
    else if (step.op === 'COPY' || step.op === 'ADD') copy(stages, stage, step, ignored);
    else if (step.op === 'RUN') run(stage, step);
    else if (step.op === 'ENV') setEnv(stage.env, step);
    else if (step.op === 'CMD') stage.cmd = JSON.parse(step.rest);
  }
  if (!stage?.cmd) throw new Error('the Dockerfile has no CMD in its last stage');
  return stage;
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts the last stage's CMD and waits for `GET /healthz` → 200, then stops it with SIGTERM. */
async function start(stage) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    PATH: process.env.PATH,
    ...stage.env,
    HTTP_HOST: '127.0.0.1',
    HTTP_PORT: String(port),
    PUBLIC_URL: base,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    STATE_PREFIX: `check-image-${process.pid}:`,
    SLACK_SIGNING_SECRET: 'check-image-signing-secret',
    SLACK_CLIENT_ID: 'check-image.client',
    SLACK_CLIENT_SECRET: 'check-image-client-secret',
    SLACK_STATE_SECRET: 'check-image-state-secret',
    TIKTOK_EMULATOR: 'on',
  };
  const [command, ...args] = stage.cmd;
  process.stdout.write(`check-image: CMD ${stage.cmd.join(' ')} (HTTP_PORT=${port})\n`);
  const child = spawn(command === 'node' ? process.execPath : command, args, {
    cwd: inStage(stage, '.'),
    env,
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    await waitForHealth(base, child);
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    throw new Error(`${error.message}\n--- the bot's stderr ---\n${stderr}`);
  }
  child.kill('SIGTERM');
  const code = await exited;
  if (code !== 0) throw new Error(`exit code ${code} after SIGTERM (want 0)\n${stderr}`);
}

async function waitForHealth(base, child) {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the image's CMD exited with ${child.exitCode}`);
    const status = await fetch(`${base}/healthz`).then(
      (res) => res.status,
      () => 0,
    );
    if (status === 200) {
      process.stdout.write(`check-image: GET /healthz → 200\n`);
      return;
    }
    if (Date.now() > deadline) throw new Error(`GET ${base}/healthz did not answer 200 in 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function main() {
  const argv = process.argv.slice(2);
  const at = argv.indexOf('--dockerfile');
  const dockerfile = at >= 0 ? path.resolve(argv[at + 1]) : path.join(root, 'Dockerfile');
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'check-image-'));
  try {
    const stage = build(parseDockerfile(fs.readFileSync(dockerfile, 'utf8')), workDir);
    await start(stage);
    process.stdout.write('check-image: ok: the image builds and answers /healthz\n');
  } finally {
    if (argv.includes('--keep')) process.stdout.write(`check-image: kept ${workDir}\n`);
    else fs.rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`check-image: FAILED: ${error.message}\n`);
  process.exit(1);
});
