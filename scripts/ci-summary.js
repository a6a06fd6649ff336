#!/usr/bin/env node
// Sums the JSON reports of Vitest and Playwright into the one line CI reads: "N passed, N failed".
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
let passed = 0;
let failed = 0;
let skipped = 0;

const unitFile = join(dir, 'unit.json');
if (existsSync(unitFile)) {
  const unit = JSON.parse(readFileSync(unitFile, 'utf8'));
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  skipped += unit.numPendingTests + (unit.numTodoTests ?? 0);
} else {
  failed += 1;
  console.log('unit tests: no report (they did not run)');
}

const e2eFile = join(dir, 'e2e.json');
if (existsSync(e2eFile)) {
  const { stats, errors = [] } = JSON.parse(readFileSync(e2eFile, 'utf8'));
  passed += stats.expected + stats.flaky;
  // Errors outside any test (a web server that would not start, a broken config) fail the suite.
  failed += stats.unexpected + errors.length;
  skipped += stats.skipped;
} else {
  failed += 1;
  console.log('end-to-end tests: no report (they did not run)');
}

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
