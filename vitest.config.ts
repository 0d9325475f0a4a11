import {defineConfig} from 'vitest/config'

/**
 * One run covers unit, golden, property and end-to-end tests. The JSON report is what `.ci/run`
 * reads to print its closing `N passed, N failed, N skipped` line.
 */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    disableConsoleIntercept: true,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    reporters: ['default', 'json'],
    outputFile: {json: 'test-results/vitest.json'},
  },
})
