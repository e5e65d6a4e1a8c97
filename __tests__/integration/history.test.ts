// `autopilot history` over real runs: each run's manifest is kept beside its logs and summed.
import { describe, expect, it } from 'vitest'
import { reposPerTest } from '../support/local-repo.js'
import type { History } from '../../src/session/history.js'

const { repo } = reposPerTest()

describe('autopilot history', () => {
  it('sums every run per plan and names the most frequent failure with an example', async () => {
    const r = repo()
    r.writePlan({ issue: 91, gates: { 'allow-paths': ['out/**'] }, tasks: [{ id: 'ok', steps: [{ run: 'mkdir -p out && touch out/x' }] }] })
    expect((await r.run(['run', '91'])).code).toBe(0)
    r.writePlan({ issue: 92, baseline: 'ignore', tasks: [{ id: 'red', steps: [{ run: 'true' }], checks: [{ name: 'unit tests', run: 'exit 1' }] }] })
    expect((await r.run(['run', '92'])).code).toBe(1)
    expect((await r.run(['run', '92', '--fresh'])).code).toBe(1)
    const res = await r.run(['history', '--json'])
    expect(res.code).toBe(0)
    const h = JSON.parse(res.out) as History
    expect(h.runs).toBe(3)
    expect(h.plans.map((p) => [p.key, p.runs, p.successRate])).toEqual([
      ['#92', 2, 0],
      ['#91', 1, 1]
    ])
    expect(h.failures).toHaveLength(1)
    expect(h.failures[0]).toMatchObject({ kind: 'check failed', count: 2, example: { issue: 92, task: 'red', reason: 'check "unit tests" exited with 1' } })
    const text = await r.run(['history', '--last', '1'])
    expect(text.out).toContain('1 run(s)')
    expect(text.out).toContain('1 x check failed, e.g. #92 task red: check "unit tests" exited with 1')
  })
})
