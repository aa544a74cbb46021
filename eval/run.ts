import { GeminiTurnModel } from '../src/model/gemini-model';
import { OfflineTurnModel } from '../src/model/offline/offline-model';
import type { TurnModel } from '../src/model/proposal';
import { loadCorpus } from './corpus';
import { type EvalReport, percentile, playCorpus } from './play';

/**
 * `npm run eval [-- --model offline|gemini] [--verbose] [--only ID_PREFIX]`: plays the corpus
 * (eval/dialogues) through the engine and prints the figures. `--model gemini` needs
 * `GEMINI_API_KEY` (and uses `GEMINI_MODEL`, `GEMINI_BASE_URL` like the bot). `--verbose`
 * prints the transcript of every dialogue that failed. Exit code 0 always: the ratchet test
 * in `npm test` is the gate.
 */
async function main(argv: string[]): Promise<void> {
  const option = (name: string) => {
    const i = argv.indexOf(name);
    return i === -1 ? undefined : argv[i + 1];
  };
  const which = option('--model') ?? 'offline';
  const only = option('--only');
  const model = modelFor(which);
  const dialogues = loadCorpus().filter((d) => !only || d.id.startsWith(only));
  const started = Date.now();
  const report = await playCorpus(model, dialogues);
  if (argv.includes('--verbose')) printFailures(report);
  printFigures(report, Date.now() - started);
}

function modelFor(which: string): TurnModel {
  if (which === 'offline') return new OfflineTurnModel();
  if (which !== 'gemini') throw new Error(`--model must be offline or gemini, not "${which}"`);
  const apiKey = process.env.GEMINI_API_KEY;
  if (!apiKey) throw new Error('--model gemini needs GEMINI_API_KEY in the environment');
  return new GeminiTurnModel({
    apiKey,
    model: process.env.GEMINI_MODEL || 'gemini-3.1-flash-lite',
    ...(process.env.GEMINI_BASE_URL ? { baseUrl: process.env.GEMINI_BASE_URL } : {}),
  });
}

function printFailures(report: EvalReport): void {
  const shown = report.results.filter(
    (r) => !r.passed || r.untypedValues.length > 0 || r.misassigned.length > 0,
  );
  for (const r of shown) {
    console.log(`\n✗ ${r.id} (${r.style}) ready after ${r.messagesToReady ?? 'never'}`);
    for (const v of r.untypedValues) console.log(`    never typed: ${v}`);
    for (const v of r.misassigned) console.log(`    silently misassigned: ${v}`);
    for (const f of r.fields)
      console.log(
        `    ${f.kind} ${f.field}: expected ${JSON.stringify(f.expected)}, got ${JSON.stringify(f.actual)}`,
      );
    for (const line of r.transcript) console.log(`    ${line}`);
  }
}

function printFigures(report: EvalReport, ms: number): void {
  const pct = (n: number, of: number) => `${((100 * n) / (of || 1)).toFixed(1)}%`;
  console.log(
    `\nEvaluation corpus: ${report.dialogues} dialogues, model ${report.model}, ${(ms / 1000).toFixed(1)} s`,
  );
  console.log(
    `  dialogues passed:                      ${report.passed}/${report.dialogues} (${pct(report.passed, report.dialogues)})`,
  );
  console.log(`  value mismatches (changed/misplaced):  ${report.valueMismatches}`);
  console.log(`  values missing at the end:             ${report.missingValues}`);
  console.log(`  silent misassignments (any turn):      ${report.silentMisassignments}`);
  console.log(`  user messages to ready: median ${report.medianToReady}, p90 ${report.p90ToReady}`);
  console.log(
    `  one-message requests ready in one turn: ${report.oneMessageReady}/${report.oneMessageRequests}`,
  );
  console.log(`  draft changes without a "Got it" line:  ${report.silentChanges}`);
  console.log(`  text values held but never typed:       ${report.untypedValues} (at any turn)`);
  console.log('\n  by group (id prefix): passed, median and p90 user messages to ready');
  const groups = new Map<string, typeof report.results>();
  for (const r of report.results) {
    const group = r.id.replace(/-\d+$/, '');
    groups.set(group, [...(groups.get(group) ?? []), r]);
  }
  for (const [group, results] of groups) {
    const toReady = results.map((r) => r.messagesToReady ?? Number.POSITIVE_INFINITY);
    const passed = results.filter((r) => r.passed).length;
    console.log(
      `    ${group.padEnd(7)} ${`${passed}/${results.length}`.padStart(7)}   median ${percentile(toReady, 50)}   p90 ${percentile(toReady, 90)}`,
    );
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
