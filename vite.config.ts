import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  // Relative asset paths, so the built app also works from a sub-folder or a file server.
  base: './',
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    // CI also writes a JSON report that scripts/ci-summary.js totals with the end-to-end one.
    reporters: process.env.PODLAB_RESULTS_DIR ? ['default', 'json'] : ['default'],
    outputFile: process.env.PODLAB_RESULTS_DIR ? { json: `${process.env.PODLAB_RESULTS_DIR}/unit.json` } : undefined,
  },
});
