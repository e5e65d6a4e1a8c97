// Bundles the action (src/index.ts -> dist/index.js) and the CLI (src/bin.ts -> dist/cli/index.js) with ncc.
// Type errors are caught by `npm run typecheck`; ncc only transpiles (it would otherwise type-check tests too).
// Both bundles are committed; .ci/run rebuilds them and fails when they differ.
import { execFileSync } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'

const targets = [
  ['src/index.ts', 'dist'],
  ['src/bin.ts', 'dist/cli']
]
rmSync('dist', { recursive: true, force: true })
for (const [entry, out] of targets) {
  if (!existsSync(entry)) continue
  execFileSync('npx', ['ncc', 'build', entry, '-o', out, '--license', 'licenses.txt', '--transpile-only', '--quiet'], { stdio: 'inherit' })
}
