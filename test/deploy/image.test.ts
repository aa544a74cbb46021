import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

/** The Dockerfile's `COPY` sources from the build context (not `--from` another stage). */
function contextCopies(dockerfile: string): string[] {
  return dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([op, first]) => op === 'COPY' && !first?.startsWith('--from'))
    .flatMap((words) => words.slice(1, -1));
}

/** Runs scripts/check-image.js; its exit code and everything it printed. */
function checkImage(): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'scripts/check-image.js')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

describe('the Docker image holds only what production runs, and it builds and starts', () => {
  it('copies no bench/, eval/ or test/ (they import the test stand-ins)', () => {
    const copies = contextCopies(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'));
    expect(copies).toEqual(expect.arrayContaining(['src', 'adapters', 'tsconfig.image.json']));
    for (const source of copies) expect(source).not.toMatch(/^(\.\/)?(bench|eval|test)\b/);
  });

  it("the Dockerfile's files, built and started in a clean directory, answer /healthz", async () => {
    const { code, output } = await checkImage();
    expect(output).not.toContain('error TS');
    expect(output).toContain('GET /healthz → 200');
    expect(code).toBe(0);
  }, 300_000);
});
