/**
 * `npm run bench`: engine figures always; browser figures (bench/ui.ts) unless --engine-only.
 * `npm run bench -- --json` ends with one line of JSON holding every figure.
 */
import { existsSync } from 'node:fs';
import { runEngineBench } from './engine';

const args = process.argv.slice(2);
const json = args.includes('--json');
const engineOnly = args.includes('--engine-only');

const figures: Record<string, number> = { ...runEngineBench() };
const log = (line: string) => process.stderr.write(`${line}\n`);
log(`typical pod (8 containers, 10 min): median ${figures.typicalPodMedianMs!.toFixed(4)} ms, ${figures.typicalPodEvents} events`);
log(`large pod (100 containers, 24 h crash loop): median ${figures.largePodMedianMs!.toFixed(1)} ms, ${figures.largePodEvents} events`);
log(`events per second: ${figures.eventsPerSecond}`);
log(`linearity (time per event at 10x events / at 1x): ${figures.linearityRatio!.toFixed(2)}`);

if (!engineOnly && existsSync(new URL('./ui.ts', import.meta.url))) {
  const { runUiBench } = await import('./ui');
  const ui = await runUiBench();
  for (const [k, v] of Object.entries(ui)) log(`${k}: ${v}`);
  Object.assign(figures, ui);
}

if (json) process.stdout.write(`${JSON.stringify(figures)}\n`);
