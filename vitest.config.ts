import { defineConfig } from 'vitest/config'

export default defineConfig({
  // Vite warns about every inlined @actions/* file whose source map points at missing sources: noise.
  logLevel: 'error',
  test: {
    include: ['__tests__/**/*.test.ts'],
    // Integration tests chdir and spawn process groups: isolate them in forks.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The JSON report is what .ci/run counts for its closing `N passed, N failed` line.
    reporters: ['default', ['json', { outputFile: 'coverage/test-results.json' }]],
    // @actions/workflow-parser imports JSON without import attributes.
    server: { deps: { inline: ['@actions/workflow-parser', '@actions/expressions'] } }
  }
})
