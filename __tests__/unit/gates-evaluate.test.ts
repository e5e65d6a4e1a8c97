// evaluateTaskGates / evaluateRunGates: every gate answers, allowed ones included, and denials carry exact settings.
import { describe, expect, it } from 'vitest'
import { denied, evaluateRunGates, evaluateTaskGates } from '../../src/gates/index.js'
import { GATE_NAMES } from '../../src/gates/types.js'
import { file, plan, set } from './gates-fixtures.js'

const token = 'ghp' + '_' + '0123456789abcdefABCDEF'.repeat(2).slice(0, 36)

describe('evaluateTaskGates', () => {
  const p = plan({ 'allow-paths': ['tests/**'] })

  it('returns every gate, in order, all allowed for a clean change', async () => {
    const decisions = await evaluateTaskGates({ task: p.tasks[1], plan: p, changes: set(file('src/a.ts', { addedLines: [{ line: 1, text: 'x' }] })) })
    expect(decisions.map((d) => d.gate)).toEqual([...GATE_NAMES])
    expect(denied(decisions)).toEqual([])
    for (const d of decisions) expect(d.reason.length).toBeGreaterThan(0)
  })

  it('denies a hostile change on every gate it breaks, each with its exact opt-in', async () => {
    const changes = set(
      file('.github/workflows/ci.yml', { kind: 'modified', oldMode: '100644' }),
      file('src/gone.ts', { kind: 'deleted', oldMode: '100644', newMode: undefined }),
      file('src/link', { newMode: '120000', symlinkTarget: '../../etc' }),
      file('src/leak.ts', { addedLines: [{ line: 7, text: `const t = '${token}'` }] }),
      file('src/huge.bin', { binary: true, added: 0, size: 3 * 1024 * 1024 })
    )
    const byGate = Object.fromEntries((await evaluateTaskGates({ task: p.tasks[1], plan: p, changes })).map((d) => [d.gate, d]))
    expect(byGate.paths).toMatchObject({ allowed: false, optIn: 'tasks[1].paths: ["src/**", ".github/workflows/ci.yml"]' })
    expect(byGate.protected).toMatchObject({ allowed: false, optIn: 'gates.allow-protected: [".github/workflows/ci.yml"]' })
    expect(byGate.escapes).toMatchObject({ allowed: false })
    expect(byGate.escapes.optIn).toBeUndefined()
    expect(byGate.deletes).toMatchObject({ allowed: false, optIn: 'gates.allow-deletes: true' })
    expect(byGate.size).toMatchObject({ allowed: false, optIn: `gates.max-file-bytes: ${3 * 1024 * 1024}` })
    expect(byGate.secrets).toMatchObject({ allowed: false, findings: [expect.stringMatching(/^src\/leak\.ts:7 github: /)] })
    expect(byGate['silent-success'].allowed).toBe(true)
    expect(JSON.stringify(byGate)).not.toContain(token)
  })

  it('fails silent success for an agent task with no diff', async () => {
    const decisions = await evaluateTaskGates({ task: p.tasks[1], plan: p, changes: set() })
    expect(denied(decisions).map((d) => d.gate)).toEqual(['silent-success'])
  })

  it('lets the caller override what the steps expected', async () => {
    const decisions = await evaluateTaskGates({ task: p.tasks[1], plan: p, changes: set(), stepsExpectedChanges: false })
    expect(denied(decisions)).toEqual([])
  })
})

describe('evaluateRunGates', () => {
  const p = plan({ 'allow-paths': ['tests/**'], 'max-run-changed-files': 2 })

  it('checks the integrated change against every task path, with run limits and no silent-success', async () => {
    const ok = await evaluateRunGates({ plan: p, changes: set(file('docs/a.md'), file('src/b.ts')) })
    expect(ok.map((d) => d.gate)).toEqual(['paths', 'protected', 'escapes', 'deletes', 'size', 'secrets', 'secret-values'])
    expect(denied(ok)).toEqual([])
  })

  it('denies what no task may change and more files than the run allows', async () => {
    const bad = await evaluateRunGates({ plan: p, changes: set(file('docs/a.md'), file('src/b.ts'), file('lib/c.ts')) })
    expect(denied(bad).map((d) => [d.gate, d.optIn])).toEqual([
      ['paths', 'gates.allow-paths: ["tests/**", "lib/c.ts"]'],
      ['size', 'gates.max-run-changed-files: 3']
    ])
  })
})
