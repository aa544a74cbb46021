import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const PLATFORM_PACKAGES = [
  '@slack/bolt',
  '@slack/web-api',
  'discord.js',
  'ioredis',
  'express',
  'prom-client',
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('architecture', () => {
  it.each(['engine', 'ad', 'model'])(
    'src/%s imports no platform SDK, Redis client or HTTP server',
    (folder) => {
      const files = sourceFiles(join(__dirname, '../src', folder));
      expect(files.length).toBeGreaterThan(0);
      const offenders = files.flatMap((file) => {
        const imports = [...readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)].map(
          (m) => m[1],
        );
        return imports
          .filter((name) => PLATFORM_PACKAGES.includes(name ?? ''))
          .map((name) => `${file}: ${name}`);
      });
      expect(offenders).toEqual([]);
    },
  );

  it('nothing below src/app/ imports from src/app/ (the composition root sits on top)', () => {
    const appDir = `${join(__dirname, '../src/app')}/`;
    const below = [
      ...sourceFiles(join(__dirname, '../src')).filter((file) => !file.startsWith(appDir)),
      ...sourceFiles(join(__dirname, '../adapters')),
    ];
    expect(below.length).toBeGreaterThan(50);
    const offenders = below.flatMap((file) => {
      const imports = [...readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      return imports
        .filter((name) => name?.startsWith('.') && resolve(dirname(file), name).startsWith(appDir))
        .map((name) => `${file}: ${name}`);
    });
    expect(offenders).toEqual([]);
  });
});
