// The forbid-added gate: a task may not add more matches of a forbidden pattern than it removes.
import { describe, expect, it } from 'vitest'
import { forbidAddedGate } from '../../src/gates/forbid-added.js'
import { PlanSchema } from '../../src/plan/schema.js'
import { file, plan, set } from './gates-fixtures.js'

const rules = plan({
  'forbid-added': [
    { pattern: 'console\\.log', message: 'use the logger', paths: ['src/**'] },
    { pattern: '/home/\\w+', message: 'no hard-coded home paths' }
  ]
}).gates
const added = (...texts: string[]) => texts.map((text, i) => ({ line: i + 10, text }))

describe('forbid-added gate', () => {
  it.each([
    ['no matches', [file('src/a.ts', { addedLines: added('let x = 1') })], true, []],
    ['one more match than the base', [file('src/a.ts', { addedLines: added('x()', 'console.log(x)') })], false, ['src/a.ts:11: use the logger']],
    ['a match outside the rule paths', [file('test/a.ts', { addedLines: added('console.log(x)') })], true, []],
    ['moved: one added, one removed', [file('src/a.ts', { addedLines: added('console.log(y)'), removedLines: ['console.log(y)'] })], true, []],
    ['removes matches while adding one', [file('src/a.ts', { addedLines: added('console.log(1)'), removedLines: ['console.log(2)', 'console.log(3)'] })], true, []],
    ['removed in one file, added in another', [file('src/a.ts', { removedLines: ['console.log(2)'] }), file('src/b.ts', { addedLines: added('console.log(1)') })], true, []],
    ['two matches on one line against one removed', [file('src/a.ts', { addedLines: added('console.log(1); console.log(2)'), removedLines: ['console.log(3)'] })], false, ['src/a.ts:10: use the logger']],
    ['a rule without paths applies everywhere', [file('docs/x.md', { addedLines: added('see /home/alice/x') })], false, ['docs/x.md:10: no hard-coded home paths']],
    ['a renamed file is judged by its old path too', [file('lib/a.ts', { kind: 'renamed', oldPath: 'src/a.ts', addedLines: added('console.log(1)') })], false, ['lib/a.ts:10: use the logger']]
  ] as const)('%s', (_name, files, allowed, findings) => {
    const d = forbidAddedGate(set(...files), rules)
    expect(d.gate).toBe('forbid-added')
    expect(d.allowed).toBe(allowed)
    expect(d.findings ?? []).toEqual(findings)
  })

  it('names the rule, the counts and the message in the reason', () => {
    const d = forbidAddedGate(set(file('src/a.ts', { addedLines: added('console.log(1)') })), rules)
    expect(d.reason).toContain('gates.forbid-added[0] /console\\.log/: 1 added, 0 removed (use the logger)')
  })

  it('allows everything without rules', () => {
    expect(forbidAddedGate(set(file('src/a.ts', { addedLines: added('console.log(1)') })), plan().gates).allowed).toBe(true)
  })

  it('rejects a pattern that is not a regular expression when the plan is validated', () => {
    const r = PlanSchema.safeParse({
      version: 1,
      issue: 1,
      title: 't',
      gates: { 'forbid-added': [{ pattern: '(', message: 'x' }] },
      tasks: [{ id: 'a', steps: [{ run: 'true' }] }]
    })
    expect(r.success).toBe(false)
    expect(r.error!.issues[0].path).toEqual(['gates', 'forbid-added', 0, 'pattern'])
    expect(r.error!.issues[0].message).toMatch(/^not a regular expression/)
  })
})
