import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = join(__dirname, '..');

/** Packages the engine (src/engine, src/ad, src/model) never imports: platforms, Redis, HTTP servers. */
const FORBIDDEN_IN_ENGINE = [
  /^@slack\//,
  /^discord\.js$/,
  /^@discordjs\//,
  /^ioredis$/,
  /^express$/,
  /^cookie-parser$/,
  /^(node:)?https?$/,
  /^prom-client$/,
];

/** The engine's folders, as paths from the repository root. */
const ENGINE_FOLDERS = ['src/engine', 'src/ad', 'src/model'];
/** The one engine module an adapter may import. */
const PORTS = 'src/engine/ports.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every module specifier a file names: `from '…'`, `import '…'`, `import('…')`, `require('…')`. */
function specifiersOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found = [
    ...text.matchAll(/\bfrom\s+'([^']+)'/g),
    ...text.matchAll(/^\s*import\s+'([^']+)'/gm),
    ...text.matchAll(/\b(?:import|require)\(\s*'([^']+)'\s*\)/g),
  ];
  return found.map((m) => m[1] ?? '');
}

/** A relative specifier resolved to a path from the repository root (`src/engine/reply.ts`). */
function resolved(file: string, specifier: string): string {
  const base = resolve(dirname(file), specifier.replace(/\.js$/, ''));
  const candidates = [`${base}.ts`, join(base, 'index.ts'), base];
  const hit = candidates.find((path) => existsSync(path)) ?? `${base}.ts`;
  return relative(ROOT, hit).split('\\').join('/');
}

/** `file: import` for each import of `files` that `forbidden` says no to. */
function offendersOf(
  files: string[],
  forbidden: (specifier: string, target: string | undefined) => boolean,
): string[] {
  return files.flatMap((file) =>
    specifiersOf(file)
      .filter((specifier) => {
        const target = specifier.startsWith('.') ? resolved(file, specifier) : undefined;
        return forbidden(specifier, target);
      })
      .map((specifier) => `${relative(ROOT, file)}: ${specifier}`),
  );
}

const inEngine = (target: string) =>
  ENGINE_FOLDERS.some((folder) => target.startsWith(`${folder}/`));

describe('architecture', () => {
  it.each(ENGINE_FOLDERS)(
    '%s imports no platform SDK, Redis client or HTTP server, and nothing under adapters/',
    (folder) => {
      const files = sourceFiles(join(ROOT, folder));
      expect(files.length).toBeGreaterThan(0);
      const offenders = offendersOf(files, (specifier, target) =>
        target === undefined
          ? FORBIDDEN_IN_ENGINE.some((pattern) => pattern.test(specifier))
          : target.startsWith('adapters/'),
      );
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

  it.each(['slack', 'discord', 'console', 'shared'])(
    'adapters/%s imports the engine only through src/engine/ports',
    (adapter) => {
      const files = sourceFiles(join(ROOT, 'adapters', adapter));
      expect(files.length).toBeGreaterThan(0);
      const offenders = offendersOf(
        files,
        (_specifier, target) => target !== undefined && inEngine(target) && target !== PORTS,
      );
      expect(offenders).toEqual([]);
    },
  );

  it('sees an import the rules forbid (the checks can fail)', () => {
    const engineFile = join(ROOT, 'src/engine/ports.ts');
    const adapterFile = join(ROOT, 'adapters/slack/slack-adapter.ts');
    expect(resolved(engineFile, '../../adapters/slack/slack-adapter')).toBe(
      'adapters/slack/slack-adapter.ts',
    );
    expect(resolved(adapterFile, '../../src/engine/engine')).toBe('src/engine/engine.ts');
    expect(inEngine(resolved(adapterFile, '../../src/ad/draft'))).toBe(true);
    expect(inEngine(resolved(adapterFile, '../../src/engine/ports'))).toBe(true);
    expect(FORBIDDEN_IN_ENGINE.some((pattern) => pattern.test('@slack/web-api'))).toBe(true);
    expect(FORBIDDEN_IN_ENGINE.some((pattern) => pattern.test('node:http'))).toBe(true);
  });
});
