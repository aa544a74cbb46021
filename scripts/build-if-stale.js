#!/usr/bin/env node
/**
 * Compiles the bot (`tsc -p tsconfig.build.json`) only when its sources changed since the last
 * build, so `npm start` after the first one starts at once instead of type-checking the whole
 * project each time. "Changed" is a SHA-256 over the paths and contents of every `.ts` file
 * under src/, adapters/ and bench/, the two tsconfig files and package-lock.json, compared with
 * the hash kept in dist/.build-hash after a successful build. Exit code: tsc's on failure.
 */
const { createHash } = require('node:crypto');
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const stampFile = join(root, 'dist', '.build-hash');

/** Every `.ts` file under `dir`, relative to the repository root, sorted. */
function tsFiles(dir) {
  const out = [];
  const walk = (rel) => {
    for (const entry of readdirSync(join(root, rel), { withFileTypes: true })) {
      const path = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) out.push(path);
    }
  };
  if (existsSync(join(root, dir))) walk(dir);
  return out;
}

function sourceHash() {
  const hash = createHash('sha256');
  const files = [
    ...['src', 'adapters', 'bench'].flatMap(tsFiles).sort(),
    'tsconfig.json',
    'tsconfig.build.json',
    'package-lock.json',
  ];
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(existsSync(join(root, file)) ? readFileSync(join(root, file)) : '');
    hash.update('\0');
  }
  return hash.digest('hex');
}

const wanted = sourceHash();
const built = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';
if (built !== wanted) {
  process.stderr.write('Building the bot (sources changed since the last build)…\n');
  try {
    execFileSync(
      process.execPath,
      [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
  } catch (error) {
    process.exit(typeof error.status === 'number' ? error.status : 1);
  }
  writeFileSync(stampFile, `${wanted}\n`);
}
