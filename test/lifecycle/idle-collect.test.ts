import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadConfig } from '../../src/app/config';
import {
  DEFAULT_IDLE_COLLECT_POLICY,
  type IdleCollection,
  IdleCollector,
  type IdleCollectorPorts,
} from '../../src/lifecycle/idle-collect';

const MiB = 1024 * 1024;
const IDLE_COLLECT = join(__dirname, '../../dist/src/lifecycle/idle-collect.js');

/** Ports whose readings the test sets; `collect` brings the old generation down to `live`. */
function fakePorts(): IdleCollectorPorts & {
  old: number;
  live: number;
  load: number;
  runs: number;
} {
  const ports = {
    old: 40 * MiB,
    live: 40 * MiB,
    load: 0,
    runs: 0,
    busy: () => ports.load,
    oldBytes: () => ports.old,
    collect: () => {
      ports.runs += 1;
      ports.old = ports.live;
    },
  };
  return ports;
}

describe('IdleCollector: a full collection once the loop is quiet and the old generation grew', () => {
  it('collects when quiet and grown past the larger of 16 MiB and 25% of what survived', () => {
    const ports = fakePorts();
    const collector = new IdleCollector(DEFAULT_IDLE_COLLECT_POLICY, ports);
    // Over 40 MiB that survived, 16 MiB is the larger threshold (25% would be 10).
    ports.old = 55 * MiB;
    expect(collector.check()).toBeUndefined();
    ports.old = 56 * MiB;
    const ran = collector.check();
    expect(ran).toMatchObject({ beforeBytes: 56 * MiB, afterBytes: 40 * MiB });
    expect(ports.runs).toBe(1);
    // Nothing new since: no second collection.
    expect(collector.check()).toBeUndefined();
    expect(ports.runs).toBe(1);
  });

  it('never collects while the loop is busier than 10%, and does once it is quiet', () => {
    const ports = fakePorts();
    const collector = new IdleCollector(DEFAULT_IDLE_COLLECT_POLICY, ports);
    ports.old = 120 * MiB;
    ports.load = 0.4;
    for (let i = 0; i < 5; i++) expect(collector.check()).toBeUndefined();
    expect(ports.runs).toBe(0);
    ports.load = 0.05;
    expect(collector.check()?.afterBytes).toBe(40 * MiB);
  });

  it('measures growth from what the last collection left, V8’s own included', () => {
    const ports = fakePorts();
    const collector = new IdleCollector(DEFAULT_IDLE_COLLECT_POLICY, ports);
    // Live data grew to 80 MiB; a collection leaves 80. Then 25% (20 MiB) is the larger threshold.
    ports.live = 80 * MiB;
    ports.old = 100 * MiB;
    collector.check();
    ports.old = 99 * MiB;
    expect(collector.check()).toBeUndefined();
    expect(ports.runs).toBe(1);
    // V8 collected by itself down to 60 MiB: 80 MiB is now 20 MiB of growth, enough again.
    ports.old = 60 * MiB;
    ports.live = 60 * MiB;
    expect(collector.check()).toBeUndefined();
    ports.old = 80 * MiB;
    expect(collector.check()).toMatchObject({ beforeBytes: 80 * MiB });
  });

  it('in a real process, gives back the old generation a burst left once it goes quiet', async () => {
    // ~40 MiB live; then 600 ticks (3 s when the machine is free) of objects that live ~40
    // ticks (promoted, then garbage), like turns waiting for a model; then nothing to do. The
    // collector checks every 250 ms. Counted in ticks and collections, not in wall-clock time,
    // so a busy machine only makes it slower: the script reports once the collector ran in the
    // quiet (or after 10 s of quiet without it, which fails below), then forces a full
    // collection itself, to learn what is live.
    const script = `
      const { IdleCollector, DEFAULT_IDLE_COLLECT_POLICY, processPorts } = require(${JSON.stringify(IDLE_COLLECT)});
      const runs = [];
      const ports = processPorts((c) => runs.push(c));
      new IdleCollector(DEFAULT_IDLE_COLLECT_POLICY, ports).start(250);
      // The collector's own reading of the old generation.
      const old = () => ports.oldBytes() / 1048576;
      const live = Array.from({ length: 100 }, () => Array.from({ length: 10000 }, (_, i) => ({ i })));
      const ring = [];
      let peak = 0;
      let ticks = 0;
      const timer = setInterval(() => {
        ring.push(Array.from({ length: 4000 }, (_, i) => ({ i, s: 'x'.repeat(20) })));
        if (ring.length > 40) ring.shift();
        peak = Math.max(peak, old());
        if (++ticks < 600) return;
        clearInterval(timer);
        ring.length = 0;
        const during = runs.length;
        let waited = 0;
        const quietTimer = setInterval(() => {
          waited += 50;
          if (runs.length === during && waited < 10000) return;
          clearInterval(quietTimer);
          const quiet = old();
          // What is live, by V8's gc() reached on its own, not the collector's: a broken
          // collector must not also break the measure it is judged by.
          require('node:vm').runInNewContext('gc')();
          process.stdout.write(JSON.stringify({ peak, quiet, live: old(), during, runs, kept: live.length }));
          process.exit(0);
        }, 50);
      }, 5);`;
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script]);
    const result = JSON.parse(stdout) as {
      peak: number;
      quiet: number;
      live: number;
      during: number;
      runs: IdleCollection[];
    };
    // The burst grew the old generation well past the live data…
    expect(result.peak).toBeGreaterThan(result.live + 40);
    // …and quiet, it is back to within 8 MiB of what is live, by the collector's own hand.
    expect(result.quiet).toBeLessThan(result.live + 8);
    const quietRuns = result.runs.slice(result.during);
    expect(quietRuns.length).toBeGreaterThanOrEqual(1);
    expect(quietRuns[0]?.beforeBytes).toBeGreaterThan((quietRuns[0]?.afterBytes ?? 0) + 16 * MiB);
  }, 30_000);

  it('IDLE_GC_SECONDS is 5 by default, 0 turns it off, and a bad value is refused by name', () => {
    expect(loadConfig({}).IDLE_GC_SECONDS).toBe(5);
    expect(loadConfig({ IDLE_GC_SECONDS: '0' }).IDLE_GC_SECONDS).toBe(0);
    expect(() => loadConfig({ IDLE_GC_SECONDS: '-1' })).toThrow(/IDLE_GC_SECONDS/);
    expect(() => loadConfig({ IDLE_GC_SECONDS: 'soon' })).toThrow(/IDLE_GC_SECONDS/);
  });
});
