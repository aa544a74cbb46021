import { loadavg } from 'node:os';
import { AppUnderTest, openThreads, type StandIns, threadThroughput } from './bench-rig';
import { bytesByKind, ClientCommandCounter } from './redis-monitor';
import { command, openLoop } from './slack-load';
import { fmt, mib, percentile, ratios, sleep, spread } from './stats';

/** How long and how often: full run, or `--quick`. */
export interface Plan {
  repeats: number;
  /** Seconds of load per ack run and per throughput run. */
  ackSeconds: number;
  throughputSeconds: number;
  /** Wait after the 300/s burst before RSS is read again (the target says a minute). */
  afterBurstSeconds: number;
  /** Thread counts for the memory figures. */
  memoryThreads: number[];
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

interface AckRun {
  p50: number;
  p99: number;
  over1s: number;
  failed: number;
  /** The app's own event-loop delay p99 and longest GC pause during the run (ms). */
  loopP99: number;
  gcMax: number;
}

/** Warm-up: a few sequential commands so JIT and connections are ready before the clock runs. */
async function warm(app: AppUnderTest, n = 20): Promise<void> {
  for (let i = 0; i < n; i++) await app.sender.send(command(`warm up ${i}`));
  await app.settle(5_000);
}

/** Memory around one 300/s burst with the 10 s model, bytes (see {@link ackFigures}). */
interface AfterBurst {
  idleRss: number;
  idleHeap: number;
  peakRss: number;
  rss: number;
  queued: number;
  heapAfterGc: number;
  rssAfterGc: number;
}

/**
 * Ack latency of signed slash commands at fixed rates, each run on a freshly started app: the
 * bare Bolt app (acks only), the bot with the offline model, and the bot with Gemini through a
 * stand-in that answers after 10 s. Also: model calls in flight (the bot's bound and what the
 * stand-in saw), sockets the bot opened to the model, and RSS a while after each 300/s burst
 * (then the heap after a forced collection, to tell garbage not yet collected from a leak).
 */
export async function ackFigures(standins: StandIns, redisUrl: string, plan: Plan): Promise<void> {
  const rates = [20, 100, 300];
  const kinds = ['bare', 'offline', 'slow'] as const;
  const results = new Map<string, AckRun[]>();
  const notes: string[] = [];
  const afterBurst: AfterBurst[] = [];
  console.log(
    `\n== Slack path over HTTP: ack latency of signed /tiktok-ad commands (open loop, ${plan.ackSeconds} s per run, latency from the planned send time); load average at start: ${load()}`,
  );
  // The load generator does nothing but send and time: the stand-ins stop telling it about each
  // post (only the bot posts on a command, so that IPC would slow the bench for the bot alone).
  await standins.child.ask('watch', { on: false });
  for (let r = 0; r < plan.repeats; r++) {
    for (const rate of rates) {
      for (const kind of kinds) {
        const slow = kind === 'slow';
        await standins.child.ask('gemini', { delayMs: slow ? 10_000 : 0 });
        const app = await AppUnderTest.start(kind === 'bare' ? 'bare' : 'bot', standins, redisUrl, {
          gemini: slow,
        });
        await warm(app, slow ? 5 : 20);
        const idle = await app.stats();
        const burst = openLoop(app.sender, rate, rate * plan.ackSeconds, (i) =>
          command(`Bench load ${rate} ${i}`),
        );
        let peakRss = 0;
        const sampler = setInterval(() => {
          app
            .memory()
            .then((m) => {
              peakRss = Math.max(peakRss, m.rss);
            })
            .catch(() => {});
        }, 250);
        const result = await burst;
        const { loop } = await app.stats();
        const key = `${kind}:${rate}`;
        const list = results.get(key) ?? [];
        list.push({
          p50: percentile(result.latencies, 50),
          p99: percentile(result.latencies, 99),
          over1s: result.over1s,
          failed: result.failed,
          loopP99: loop.delayP99,
          gcMax: loop.gcMax,
        });
        results.set(key, list);
        if (kind !== 'bare') {
          const after = await app.stats();
          const gemini = (await standins.stats()).gemini;
          let line = `  bot ${slow ? '10 s model' : 'offline   '} ${String(rate).padStart(3)}/s (repeat ${r + 1}): turns in flight peak ${after.admission.peakInFlight}, queued ${after.admission.queuedTotal} (told "busy"), refused ${after.admission.refusedTotal} (told "too busy"); model calls in flight peak ${after.model.peak} (bound ${after.model.limit})`;
          if (slow)
            line += `; the model stand-in saw peak ${gemini.peakInFlight} requests in flight on ${gemini.connections} TCP connections`;
          if (slow && rate === 300) {
            await sleep(plan.afterBurstSeconds * 1000);
            const later = await app.stats();
            // Then a forced collection: what the heap holds besides garbage not yet collected.
            const collected = await app.collected();
            afterBurst.push({
              idleRss: idle.memory.rss,
              idleHeap: idle.memory.heapUsed,
              peakRss,
              rss: later.memory.rss,
              queued: later.admission.queued,
              heapAfterGc: collected.heapUsed,
              rssAfterGc: collected.rss,
            });
          }
          notes.push(line);
        }
        clearInterval(sampler);
        await app.stop();
      }
    }
  }
  const get = (key: string, f: (x: AckRun) => number) => (results.get(key) ?? []).map(f);
  for (const rate of rates) {
    const bare99 = get(`bare:${rate}`, (x) => x.p99);
    for (const kind of kinds) {
      const key = `${kind}:${rate}`;
      const label = {
        bare: 'bare Bolt app',
        offline: 'bot, offline model',
        slow: 'bot, 10 s model',
      }[kind];
      const ratio =
        kind === 'bare'
          ? ''
          : `  p99 ratio to bare ${fmt(
              ratios(
                get(key, (x) => x.p99),
                bare99,
              ),
              2,
            )}x`;
      console.log(
        `${String(rate).padStart(3)} cmd/s  ${label.padEnd(20)} ack p50 ${fmt(spread(get(key, (x) => x.p50)), 1)} ms  p99 ${fmt(spread(get(key, (x) => x.p99)), 1)} ms  >1 s: ${get(key, (x) => x.over1s).join('/')}  failed: ${get(key, (x) => x.failed).join('/')}${ratio}  [app loop delay p99 ${fmt(spread(get(key, (x) => x.loopP99)), 0)} ms, longest GC ${fmt(spread(get(key, (x) => x.gcMax)), 0)} ms]`,
      );
    }
  }
  for (const note of notes) console.log(note);
  const of = (f: (x: AfterBurst) => number) => fmt(spread(afterBurst.map(f)), 0);
  const mibOf = (f: (x: AfterBurst) => number) => of((x) => mib(f(x)));
  console.log(
    `  RSS ${plan.afterBurstSeconds} s after the 300/s burst, 10 s model: ${of((x) => (x.rss / x.idleRss - 1) * 100)}% over idle (target ≤ 20%); idle ${mibOf((x) => x.idleRss)} MiB, peak during the burst ${mibOf((x) => x.peakRss)} MiB, then ${mibOf((x) => x.rss)} MiB with ${of((x) => x.queued)} turns still queued; heap after a forced GC then ${mibOf((x) => x.heapAfterGc)} MiB, RSS then ${of((x) => (x.rssAfterGc / x.idleRss - 1) * 100)}% over idle (idle heap, uncollected: ${mibOf((x) => x.idleHeap)} MiB)`,
  );
  console.log(`  load average at end: ${load()}`);
  await standins.child.ask('watch', { on: true });
}

/**
 * Thread messages per second at 1, 50 and 200 threads (closed loop: each thread sends its next
 * message when the app's answer is posted), the bot (offline model) against a bare Bolt echo
 * app; and the bot's Redis round trips per message turn and per command turn, counted at the
 * server for the bot's own connection only.
 */
export async function throughputFigures(
  standins: StandIns,
  redisUrl: string,
  plan: Plan,
): Promise<void> {
  console.log(
    `\n== Slack path over HTTP: thread messages per second (closed loop, ${plan.throughputSeconds} s per run), bot (offline model) vs a bare Bolt echo app; load average: ${load()}`,
  );
  await standins.child.ask('gemini', { delayMs: 0 });
  const counts = [1, 50, 200];
  const bot = new Map<number, number[]>();
  const bare = new Map<number, number[]>();
  const trips: {
    message: number[];
    messageCmds: number[];
    command: number[];
    commandCmds: number[];
  } = {
    message: [],
    messageCmds: [],
    command: [],
    commandCmds: [],
  };
  const byCommand = new Map<string, number>();
  let lostTotal = 0;
  for (let r = 0; r < plan.repeats; r++) {
    for (const n of counts) {
      const echo = await AppUnderTest.start('bare', standins, redisUrl);
      const fake = Array.from(
        { length: n },
        (_, i) => `${Math.floor(Date.now() / 1000)}.${String(900000 + i)}`,
      );
      await threadThroughput(echo, standins, fake.slice(0, 1), 300);
      const e = await threadThroughput(echo, standins, fake, plan.throughputSeconds * 1000);
      lostTotal += e.lost;
      bare.set(n, [...(bare.get(n) ?? []), e.perSec]);
      await echo.stop();

      const app = await AppUnderTest.start('bot', standins, redisUrl);
      const counter = await ClientCommandCounter.forClient(redisUrl, app.redisName);
      await warm(app);
      if (n === 1) await counter.start();
      const threads = await openThreads(app, standins, n);
      if (n === 1) {
        await app.settle();
        await counter.stop();
        trips.command.push(counter.roundTrips);
        trips.commandCmds.push(counter.commands);
        // Warm the thread's message path, then count a few message turns one by one.
        await threadThroughput(app, standins, threads, 300);
        await counter.start();
        const measured = await threadThroughput(app, standins, threads, 1000);
        await app.settle();
        await counter.stop();
        trips.message.push(counter.roundTrips / measured.answered);
        trips.messageCmds.push(counter.commands / measured.answered);
        for (const [c, k] of counter.byCommand)
          byCommand.set(c, (byCommand.get(c) ?? 0) + k / measured.answered);
      }
      const b = await threadThroughput(app, standins, threads, plan.throughputSeconds * 1000);
      lostTotal += b.lost;
      bot.set(n, [...(bot.get(n) ?? []), b.perSec]);
      await app.stop();
    }
  }
  for (const n of counts) {
    const ours = bot.get(n) ?? [];
    const theirs = bare.get(n) ?? [];
    console.log(
      `${String(n).padStart(3)} thread(s): bot ${fmt(spread(ours), 0)} msg/s, bare echo ${fmt(spread(theirs), 0)} msg/s, ratio ${fmt(ratios(ours, theirs), 2)}x (target ≥ 0.8x)`,
    );
  }
  if (lostTotal > 0) console.log(`  messages without an answer within 30 s: ${lostTotal}`);
  const perCommand = [...byCommand]
    .map(([c, k]) => `${c} ${(k / plan.repeats).toFixed(2)}`)
    .join(', ');
  console.log(
    `Redis per message turn (bot's own connection, at the server): ${fmt(spread(trips.message), 2)} round trips (target ≤ 5), ${fmt(spread(trips.messageCmds), 2)} commands incl. inside Lua [${perCommand}]; per /tiktok-ad turn: ${fmt(spread(trips.command), 0)} round trips, ${fmt(spread(trips.commandCmds), 0)} commands`,
  );
}

/**
 * The bot's memory with many idle threads (heap after forced GC, RSS) and Redis bytes per idle
 * thread (`MEMORY USAGE` of its keys, by kind).
 */
export async function memoryFigures(
  standins: StandIns,
  redisUrl: string,
  plan: Plan,
): Promise<void> {
  console.log(
    `\n== Bot memory with idle threads (offline model; heap after forced GC); load average: ${load()}`,
  );
  await standins.child.ask('gemini', { delayMs: 0 });
  const app = await AppUnderTest.start('bot', standins, redisUrl);
  await warm(app);
  let open = 0;
  const rows: string[] = [];
  for (const target of [0, ...plan.memoryThreads]) {
    const batch = 50;
    while (open < target) {
      const n = Math.min(batch, target - open);
      await Promise.all(
        Array.from({ length: n }, (_, i) =>
          app.sender.send(command(`Create a campaign called Mem ${open + i} for traffic`)),
        ),
      );
      open += n;
      const { admission } = await app.stats();
      if (admission.queued > 100) await app.settle();
    }
    await app.settle();
    const memory = await app.collected();
    const stats = await app.stats();
    rows.push(
      `${String(target).padStart(6)} threads: heap ${mib(memory.heapUsed).toFixed(1)} MiB, RSS ${mib(memory.rss).toFixed(0)} MiB (refused ${stats.admission.refusedTotal})`,
    );
  }
  for (const row of rows) console.log(row);
  const kinds = await bytesByKind(redisUrl, app.prefix);
  const total = [...kinds.values()].reduce((sum, k) => sum + k.bytes, 0);
  const threads = kinds.get('thread')?.keys ?? 0;
  const claims = kinds.get('event')?.bytes ?? 0;
  console.log(
    `Redis bytes per idle thread: ${(total / Math.max(1, threads)).toFixed(0)} B with event claims (kept 2 h), ${((total - claims) / Math.max(1, threads)).toFixed(0)} B without; by kind: ${[...kinds].map(([k, v]) => `${k} ${v.keys} keys ${(v.bytes / Math.max(1, threads)).toFixed(0)} B/thread`).join(', ')}`,
  );
  await app.stop();
}
