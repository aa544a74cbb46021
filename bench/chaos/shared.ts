/**
 * What the modes of `npm run chaos` share: the emulator as its own process, bot processes run
 * to their end (or their SIGKILL) with their JSON event lines collected, and what the emulator
 * holds (objects per run, live objects without a complete ad).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export type Obj = Record<string, unknown>;
export interface Objects {
  campaigns: Obj[];
  adgroups: Obj[];
  ads: Obj[];
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  events: Obj[];
}

/** Runs a bot process to its end; `onEvent` sees each JSON event line as it comes. */
export function run(child: ChildProcess, onEvent?: (event: Obj) => void): Promise<Exit> {
  const events: Obj[] = [];
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  lines.on('line', (line) => {
    try {
      const event = JSON.parse(line) as Obj;
      events.push(event);
      onEvent?.(event);
    } catch {
      // not ours
    }
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      if (code) process.stderr.write(stderr.slice(-2000));
      resolve({ code, signal, events });
    });
  });
}

export async function startEmulator(): Promise<{ child: ChildProcess; baseUrl: string }> {
  const child = spawn(process.execPath, [join(__dirname, '../../src/tiktok/emulator/main.js')], {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const baseUrl = await new Promise<string>((resolve, reject) => {
    lines.on('line', (line) => {
      const m = /listening on (http:\/\/\S+)/.exec(line);
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', () => reject(new Error('emulator exited')));
  });
  return { child, baseUrl };
}

export async function post(url: string, body: unknown): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
}

export async function objects(baseUrl: string): Promise<Objects> {
  return (await (await fetch(`${baseUrl}/_emulator/objects`)).json()) as Objects;
}

export const on = (o: Obj | undefined) => o?.operation_status === 'ENABLE';

/** Enabled campaigns / ad groups whose tree lacks an enabled ad under an enabled ad group. */
export function liveIncomplete(all: Objects): number {
  let count = 0;
  for (const c of all.campaigns.filter(on)) {
    const groups = all.adgroups.filter((g) => g.campaign_id === c.campaign_id && on(g));
    const complete = groups.some((g) =>
      all.ads.some((a) => a.adgroup_id === g.adgroup_id && on(a)),
    );
    if (!complete) count += 1;
  }
  for (const g of all.adgroups.filter(on)) {
    const campaign = all.campaigns.find((c) => c.campaign_id === g.campaign_id);
    const hasAd = all.ads.some((a) => a.adgroup_id === g.adgroup_id && on(a));
    if (on(campaign) && !hasAd) count += 1;
  }
  return count;
}

/** Objects per run, by the `Chaos <run> - <tag>` names, deleted ones left out. */
export function perRun(list: Obj[], field: string, total: number): number[] {
  const counts = new Array<number>(total).fill(0);
  for (const o of list) {
    if (o.operation_status === 'DELETE') continue;
    const m = /^Chaos (\d+) - /.exec(String(o[field]));
    if (m) counts[Number(m[1])] = (counts[Number(m[1])] ?? 0) + 1;
  }
  return counts;
}
