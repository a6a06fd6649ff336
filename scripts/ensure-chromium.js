#!/usr/bin/env node
// Makes sure end-to-end tests have a Chromium: Debian's package when we are root (apt-get),
// Playwright's own browser elsewhere. CHROMIUM_PATH, when set, wins. It reports on stderr only:
// `npm run bench -- --json` runs it too, and its stdout must stay one JSON document.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const wanted = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(wanted)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const run = (cmd) => execSync(cmd, { stdio: ['ignore', 2, 2], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });

if (isRoot && existsSync('/usr/bin/apt-get')) {
  console.error('Chromium is missing: installing Debian\'s chromium with apt-get…');
  run('apt-get update -qq');
  run('apt-get install -y -qq chromium');
  process.exit(existsSync(wanted) ? 0 : 1);
}
console.error('Chromium is missing and we are not root: installing Playwright\'s own Chromium…');
run('npx playwright install chromium');
