// The size gate (task and run limits, binary files counted) and the silent-success gate.
import { describe, expect, it } from 'vitest'
import { changeTotals, sizeGate } from '../../src/gates/size-gate.js'
import { expectsChanges, silentSuccessGate } from '../../src/gates/silent-success.js'
import { file, plan, set } from './gates-fixtures.js'

const MB = 1024 * 1024

describe('size gate', () => {
  const limits = plan({ 'max-changed-files': 2, 'max-changed-lines': 10, 'max-run-changed-files': 3, 'max-run-changed-lines': 20 }).gates

  it.each([
    ['within every limit', [file('a', { added: 5, removed: 5 }), file('b', { added: 0 })], 'task', true, undefined],
    ['one file too many', [file('a'), file('b'), file('c')], 'task', false, 'gates.max-changed-files: 3'],
    ['one line too many', [file('a', { added: 6, removed: 5 })], 'task', false, 'gates.max-changed-lines: 11'],
    ['binary files count as files', [file('a'), file('b.png', { binary: true, added: 0 }), file('c.png', { binary: true, added: 0 })], 'task', false, 'gates.max-changed-files: 3'],
    ['the run has its own, larger limits', [file('a'), file('b'), file('c', { added: 18 })], 'run', true, undefined],
    ['run files', [file('a'), file('b'), file('c'), file('d')], 'run', false, 'gates.max-run-changed-files: 4'],
    ['run lines', [file('a', { added: 21 })], 'run', false, 'gates.max-run-changed-lines: 21'],
    ['both limits at once', [file('a'), file('b'), file('c', { added: 20 })], 'task', false, 'gates.max-changed-files: 3 and gates.max-changed-lines: 22']
  ] as const)('%s', (_name, files, level, allowed, optIn) => {
    const d = sizeGate(set(...files), limits, level)
    expect(d).toMatchObject({ gate: 'size', allowed })
    expect(d.optIn).toBe(optIn)
  })

  it('denies a 50 MB binary file against the default 1 MiB max-file-bytes', () => {
    const big = file('assets/video.bin', { binary: true, added: 0, size: 50 * MB })
    const d = sizeGate(set(big), plan().gates, 'task')
    expect(d).toMatchObject({
      allowed: false,
      optIn: `gates.max-file-bytes: ${50 * MB}`,
      findings: [`assets/video.bin: ${50 * MB} bytes (binary)`]
    })
    expect(d.reason).toMatch(/1 file\(s\) larger than gates.max-file-bytes \(1048576\)/)
    expect(sizeGate(set(big), plan({ 'max-file-bytes': 50 * MB }).gates, 'task').allowed).toBe(true)
    expect(sizeGate(set(big), plan().gates, 'run').allowed).toBe(false)
  })

  it('does not count the size of a deleted file', () => {
    expect(sizeGate(set(file('old', { kind: 'deleted', size: 50 * MB })), plan().gates, 'task').allowed).toBe(true)
  })

  it('totals files, lines and binaries', () => {
    expect(changeTotals(set(file('a', { added: 3, removed: 2 }), file('b', { binary: true, added: 0 })))).toEqual({
      files: 2,
      lines: 5,
      binary: 1
    })
  })
})

describe('silent success', () => {
  const p = plan() // tasks[0] docs: a run step; tasks[1] impl: an agent step then a run step

  it.each([
    [{ agent: 'codex' as const, prompt: 'x' }, true],
    [{ agent: 'claude' as const, prompt: 'x', expect: { changes: false } }, false],
    [{ run: 'make' }, false],
    [{ run: 'make', expect: { changes: true } }, true]
  ])('expectsChanges(%j) is %s', (step, expected) => {
    expect(expectsChanges(step as never)).toBe(expected)
  })

  it('denies an agent task that exited 0 and changed nothing, naming the step setting', () => {
    const d = silentSuccessGate(set(), p, p.tasks[1])
    expect(d).toMatchObject({ gate: 'silent-success', allowed: false, optIn: 'tasks[1].steps[0].expect.changes: false' })
  })

  it('allows it when files changed, or when no step expects changes', () => {
    expect(silentSuccessGate(set(file('src/a.ts')), p, p.tasks[1]).allowed).toBe(true)
    expect(silentSuccessGate(set(), p, p.tasks[0]).allowed).toBe(true)
  })

  it('follows the caller when it says what the steps that ran expected', () => {
    expect(silentSuccessGate(set(), p, p.tasks[1], false).allowed).toBe(true)
    expect(silentSuccessGate(set(), p, p.tasks[0], true)).toMatchObject({
      allowed: false,
      optIn: 'tasks[0].steps[0].expect.changes: false'
    })
  })
})
