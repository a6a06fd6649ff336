/**
 * Browser figures for `npm run bench`: builds the app, serves it, and in Chromium plays a
 * 30-container pod at 20x while recording requestAnimationFrame frame times (also under a 4x CPU
 * slowdown set through the DevTools protocol), times an inspector edit until the canvas and the
 * timeline are redrawn, and weighs the initial JavaScript (gzip).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';

const ROOT = new URL('..', import.meta.url).pathname;
const PLAY_SECONDS = 4;
const EDITS = 21;

export async function runUiBench(): Promise<Record<string, number>> {
  const dist = mkdtempSync(join(tmpdir(), 'podlab-bench-'));
  try {
    execFileSync('npx', ['vite', 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'error'], { cwd: ROOT, stdio: 'inherit' });
    const initialJsGzipKb = initialJsGzip(dist);
    const server = await serve(dist);
    try {
      return { ...(await measureInBrowser(`http://127.0.0.1:${port(server)}/`)), initialJsGzipKb };
    } finally {
      server.close();
    }
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
}

/** The scripts index.html loads before anything is imported lazily: entry plus module preloads. */
function initialJsGzip(dist: string): number {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\.?\/?([^"]+\.js)"/g)].map((m) => m[1]!);
  const bytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(join(dist, file))).length, 0);
  return Math.round((bytes / 1024) * 10) / 10;
}

async function measureInBrowser(url: string): Promise<Record<string, number>> {
  const executablePath = existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') ? (process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') : undefined;
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(url);
    await page.getByRole('tab', { name: /^YAML/ }).click();
    await page.getByRole('textbox', { name: 'Scenario YAML' }).fill(largePod(30));
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('20');

    const normal = await playAndRecord(page);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const slow = await playAndRecord(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });

    const edits = await editToRedraw(page);
    return {
      playbackFrameMedianMs: round(percentile(normal, 0.5)),
      playbackFrameP95Ms: round(percentile(normal, 0.95)),
      playbackFrameP95MsCpu4x: round(percentile(slow, 0.95)),
      editToRedrawMedianMs: round(percentile(edits, 0.5)),
    };
  } finally {
    await browser.close();
  }
}

/** Plays from 0 and returns the intervals between animation frames, in ms. */
async function playAndRecord(page: Page): Promise<number[]> {
  await page.getByRole('button', { name: 'Restart', exact: true }).click();
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  const frames = (await page.evaluate(RECORD_FRAMES.replace('SECONDS', String(PLAY_SECONDS)))) as number[];
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  return frames.slice(5);
}

/**
 * Types into an inspector field and times the work until the new run is committed and laid out
 * (canvas and timeline included), excluding the wait for the next vsync.
 */
async function editToRedraw(page: Page): Promise<number[]> {
  await page.getByRole('group', { name: 'app-09' }).focus();
  await page.keyboard.press('Enter');
  const field = page.getByLabel('Runs for (s)', { exact: true });
  await field.focus();
  return (await page.evaluate(TIME_EDITS.replace('EDITS', String(EDITS)))) as number[];
}

// Page scripts are strings: a function would be transpiled by the bench's TS loader, which may
// add helpers (esbuild's __name) that do not exist in the page.
const RECORD_FRAMES = `new Promise((resolve) => {
  const times = [];
  const tick = (now) => {
    times.push(now);
    if (now - times[0] < SECONDS * 1000) requestAnimationFrame(tick);
    else resolve(times.slice(1).map((t, i) => t - times[i]));
  };
  requestAnimationFrame(tick);
})`;

const TIME_EDITS = `(async () => {
  const element = document.activeElement;
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const times = [];
  for (let i = 0; i < EDITS; i++) {
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const start = performance.now();
    setValue.call(element, String(20 + (i % 7)));
    element.dispatchEvent(new Event('input', { bubbles: true }));
    await Promise.resolve();
    await Promise.resolve();
    void document.body.offsetHeight;
    times.push(performance.now() - start);
  }
  return times;
})()`;

/** 3 init steps, 5 native sidecars and 22 containers, some crash-looping: plenty of events. */
export function largePod(containers: number): string {
  const init = 3;
  const sidecars = 5;
  const lines = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: bench-30', '  annotations:', '    podlab.dev/behavior: |'];
  const name = (i: number) => (i < init ? `init-${i}` : i < init + sidecars ? `sidecar-${i}` : `app-${String(i).padStart(2, '0')}`);
  for (let i = 0; i < containers; i++) {
    if (i < init) lines.push(`      ${name(i)}: {run: 1}`);
    else if (i < init + sidecars) lines.push(`      ${name(i)}: {startup: ${i % 3}}`);
    else lines.push(`      ${name(i)}: {startup: ${i % 4}${i % 5 === 0 ? ', run: 8, exitCode: 1' : ''}}`);
  }
  lines.push('spec:', '  restartPolicy: Always', '  initContainers:');
  for (let i = 0; i < init + sidecars; i++) {
    lines.push(`    - name: ${name(i)}`, '      image: busybox:1.36');
    if (i >= init) lines.push('      restartPolicy: Always', '      startupProbe: {exec: {command: [cat, /ready]}, periodSeconds: 1, failureThreshold: 30}');
  }
  lines.push('  containers:');
  for (let i = init + sidecars; i < containers; i++) {
    lines.push(`    - name: ${name(i)}`, '      image: nginx:1.27', '      readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 2}');
  }
  return `${lines.join('\n')}\n`;
}

function serve(dir: string): Promise<Server> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function port(server: Server): number {
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

const round = (value: number) => Math.round(value * 100) / 100;
