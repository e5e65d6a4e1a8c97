// gates.forbid-added on real git: one more match than the base is denied with file:line; removing matches passes.
import { describe, expect, it } from 'vitest'
import { reposPerTest } from '../support/local-repo.js'

const { repo } = reposPerTest()
const gates = {
  'allow-paths': ['src/**'],
  'forbid-added': [{ pattern: 'console\\.log', message: 'use the logger instead', paths: ['src/**'] }]
}

describe('forbid-added against the base', () => {
  it('denies a task that adds one more console.log than the base had, naming file:line and the message', async () => {
    const r = repo({ files: { 'src/a.js': 'console.log(1)\nconst a = 1\n' } })
    r.writePlan({ issue: 31, gates, tasks: [{ id: 'more', steps: [{ run: "printf 'console.log(1)\\nconst a = 1\\nconsole.log(2)\\n' > src/a.js" }] }] })
    const res = await r.run(['run', '31'])
    expect(res.code).toBe(1)
    const t = r.manifest(31)!.tasks.more
    expect(t.status).toBe('denied')
    const gate = t.gates.find((g) => g.gate === 'forbid-added')!
    expect(gate.allowed).toBe(false)
    expect(gate.findings).toEqual(['src/a.js:3: use the logger instead'])
    expect(t.reason).toContain('1 added, 0 removed (use the logger instead)')
  })

  it('lets a task through that removes matches, even while it adds one', async () => {
    const r = repo({ files: { 'src/a.js': 'console.log(1)\nconsole.log(2)\n' } })
    r.writePlan({ issue: 32, gates, tasks: [{ id: 'fewer', steps: [{ run: "printf 'log(1)\\nconsole.log(3)\\n' > src/a.js" }] }] })
    const res = await r.run(['run', '32'])
    expect(res.code, res.out + res.err).toBe(0)
    const t = r.manifest(32)!.tasks.fewer
    expect(t.status).toBe('succeeded')
    expect(t.gates.find((g) => g.gate === 'forbid-added')!.allowed).toBe(true)
  })
})
