// unmetExpectation / expectsChanges / tail: a step's result against its `expect`, table-driven.
import { describe, expect, it } from 'vitest'
import { StepSchema, type Step } from '../../src/plan/schema.js'
import { expectsChanges, tail, unmetExpectation, type Observed } from '../../src/run/expectation.js'

const step = (s: Record<string, unknown>): Step => StepSchema.parse(s)
const ok: Observed = { exitCode: 0, timedOut: false, output: 'done\n', changed: true }

describe('unmetExpectation', () => {
  it.each<[string, Record<string, unknown>, Partial<Observed>, string | undefined]>([
    ['exit 0 meets the default', { run: 'x' }, {}, undefined],
    ['a non-zero exit fails', { run: 'x' }, { exitCode: 2 }, 'exited with 2 (expected 0)'],
    ['a kill by signal fails', { run: 'x' }, { exitCode: null }, 'was killed by a signal'],
    ['a timeout wins over everything', { run: 'x', expect: { 'exit-code': 0 } }, { timedOut: true, exitCode: null }, 'timed out after 7 min (timeout-minutes); the whole process group was killed'],
    ['an expected non-zero exit passes', { run: 'x', expect: { 'exit-code': 3 } }, { exitCode: 3 }, undefined],
    ['exit 0 when 3 was expected fails', { run: 'x', expect: { 'exit-code': 3 } }, {}, 'exited with 0 (expected 3)'],
    ['output matching the pattern passes', { run: 'x', expect: { output: 'passed' } }, { output: '12 passed\n' }, undefined],
    ['the pattern is multiline', { run: 'x', expect: { output: '^ok$' } }, { output: 'a\nok\nb\n' }, undefined],
    ['output not matching fails', { run: 'x', expect: { output: '^ok$' } }, { output: 'not ok\n' }, 'output does not match expect.output /^ok$/'],
    ['the exit code is checked before the output', { run: 'x', expect: { output: 'ok' } }, { exitCode: 1, output: 'ok' }, 'exited with 1 (expected 0)'],
    ['a run step may change nothing', { run: 'x' }, { changed: false }, undefined],
    [
      'an agent step must change files',
      { agent: 'codex', prompt: 'p' },
      { changed: false },
      'exited 0 but changed no files (silent success); set `expect: { changes: false }` on the step if that is fine'
    ],
    ['an agent step may opt out', { agent: 'codex', prompt: 'p', expect: { changes: false } }, { changed: false }, undefined],
    ['changes: true on a run step', { run: 'x', expect: { changes: true } }, { changed: false }, 'exited 0 but changed no files (silent success); set `expect: { changes: false }` on the step if that is fine'],
    ['changes: false forbids changes', { run: 'x', expect: { changes: false } }, { changed: true }, 'changed files although `expect.changes` is false']
  ])('%s', (_name, s, observed, want) => {
    expect(unmetExpectation(step(s), { ...ok, ...observed }, 7)).toBe(want)
  })
})

describe('expectsChanges', () => {
  it('is true for agent steps, unset for run steps, and what expect.changes says otherwise', () => {
    expect(expectsChanges(step({ agent: 'claude', prompt: 'p' }))).toBe(true)
    expect(expectsChanges(step({ run: 'x' }))).toBeUndefined()
    expect(expectsChanges(step({ run: 'x', expect: { changes: true } }))).toBe(true)
    expect(expectsChanges(step({ agent: 'claude', prompt: 'p', expect: { changes: false } }))).toBe(false)
  })
})

describe('tail', () => {
  it('keeps the last lines, ignoring one trailing newline', () => {
    expect(tail('1\n2\n3\n4\n', 2)).toBe('3\n4')
    expect(tail('1\n2', 5)).toBe('1\n2')
    expect(tail('', 3)).toBe('')
    expect(tail(Array.from({ length: 100 }, (_, i) => String(i)).join('\n')).split('\n')).toHaveLength(40)
  })
})
