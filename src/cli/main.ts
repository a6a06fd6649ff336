/**
 * The `podlab` command line. Output shapes are an interface: acceptance checks read them.
 *   podlab simulate FILE [--until S]                          trace as JSON Lines
 *   podlab simulate FILE --at S --output status|table|events  the pod at one moment
 *   podlab export --runnable FILE                             a manifest that acts the scenario out on a cluster
 */
import { parseArgs } from 'node:util';
import { simulate } from '../engine/simulate';
import { podStatusAt } from '../engine/status/status-at';
import { formatKubectlTable, kubectlRow } from '../engine/status/kubectl-row';
import { describeEvents, formatEvents } from '../engine/status/describe-events';
import { jobOutcome } from '../scenario/job-outcome';
import { loadScenario } from './load-scenario';
import { exportCommand } from './export-command';

const USAGE = `Usage:
  podlab simulate FILE [--until SECONDS]
  podlab simulate FILE --at SECONDS --output status|table|events [--until SECONDS]
  podlab export --runnable FILE

FILE is a Pod manifest (or a Deployment, StatefulSet, DaemonSet, ReplicaSet,
ReplicationController, Job, CronJob or List holding one); - reads standard input.`;

const MAX_UNTIL = 86_400 * 7;

function fail(message: string): number {
  process.stderr.write(`podlab: ${message}\n`);
  return 2;
}

function seconds(value: string | undefined, flag: string): number | string | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > MAX_UNTIL) {
    return `${flag} takes a number of seconds from 0 to ${MAX_UNTIL}, not "${value}"`;
  }
  return n;
}

async function simulateCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { until: { type: 'string' }, at: { type: 'string' }, output: { type: 'string' } },
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) return fail(`simulate takes one FILE\n${USAGE}`);
  const until = seconds(values.until, '--until');
  const at = seconds(values.at, '--at');
  if (typeof until === 'string') return fail(until);
  if (typeof at === 'string') return fail(at);
  const output = values.output;
  if (output !== undefined && !['status', 'table', 'events'].includes(output)) {
    return fail(`--output takes status, table or events, not "${output}"`);
  }
  if (output !== undefined && at === undefined) return fail('--output needs --at SECONDS');
  if (at !== undefined && output === undefined) return fail('--at needs --output status|table|events');

  const file = positionals[0]!;
  const loaded = loadScenario(file);
  if (!loaded.ok) {
    process.stderr.write(`${loaded.messages.join('\n')}\n`);
    return 1;
  }
  for (const note of loaded.notes) process.stderr.write(`${note}\n`);

  const horizon = until ?? (at !== undefined ? Math.max(at, 600) : undefined);
  const trace = simulate(loaded.model, horizon === undefined ? {} : { until: horizon });
  if (loaded.job) process.stderr.write(`${file}: ${jobOutcome(trace, loaded.job).message}\n`);
  if (at === undefined) {
    const lines = trace.events.map((e) => JSON.stringify(e));
    process.stdout.write(lines.length ? `${lines.join('\n')}\n` : '');
    return 0;
  }
  if (output === 'status') process.stdout.write(`${JSON.stringify(podStatusAt(trace, at), null, 2)}\n`);
  else if (output === 'table') process.stdout.write(`${formatKubectlTable(kubectlRow(trace, at))}\n`);
  else process.stdout.write(`${formatEvents(describeEvents(trace, at))}\n`);
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'simulate':
        return await simulateCommand(rest);
      case 'export':
        return await exportCommand(rest);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(`${USAGE}\n`);
        return command === undefined ? 2 : 0;
      default:
        return fail(`unknown command "${command}"\n${USAGE}`);
    }
  } catch (error) {
    // An engine bug must still end in one clear line, not a stack trace.
    return fail(`internal error: ${(error as Error).message}`);
  }
}
