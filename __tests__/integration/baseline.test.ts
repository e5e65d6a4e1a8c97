// The baseline on real git and real processes: a check already red on the base is "failing before autopilot" and not
// blamed on the task; require-green stops before any step; max-regressions counts checks the tasks turned red.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { reportFiles, reposPerTest } from '../support/local-repo.js'

const { repo } = reposPerTest()
const gates = { 'allow-paths': ['out/**'] }
// A test suite that is already red on the base: it exits 3 until fixed.
const files = { 'test.sh': 'echo "1 test failing"\nexit 3\n' }

describe('baseline', () => {
  it('reports a check already failing on the base as "failing before autopilot" and does not blame the task', async () => {
    const r = repo({ files })
    r.writePlan({ issue: 41, gates, tasks: [{ id: 'work', steps: [{ run: 'mkdir -p out && echo hi > out/a' }], checks: ['sh test.sh'] }] })
    const res = await r.run(['run', '41'])
    expect(res.code, res.out + res.err).toBe(0)
    const m = r.manifest(41)!
    expect(m.baseline).toMatchObject({ policy: 'report', checks: [{ command: 'sh test.sh', passed: false, exitCode: 3 }] })
    expect(m.tasks.work.status).toBe('succeeded')
    const check = m.tasks.work.steps.find((s) => s.kind === 'check')!
    expect(check.message).toBe('failing before autopilot: exited with 3, as on the base')
    const summary = readFileSync(reportFiles(r.repo, 'summary-')[0], 'utf8')
    expect(summary).toContain('- `sh test.sh`: **failing before autopilot** (exit 3)')
    expect(res.out).toContain('failing before autopilot')
  })

  it('still blames a task whose check fails differently from the base', async () => {
    const r = repo({ files })
    r.writePlan({ issue: 42, gates, tasks: [{ id: 'worse', steps: [{ run: "printf 'exit 4\\n' > test.sh" }], paths: ['test.sh'], checks: ['sh test.sh'] }] })
    const res = await r.run(['run', '42'])
    expect(res.code).toBe(1)
    expect(r.manifest(42)!.tasks.worse.status).toBe('failed')
  })

  it('blames the task when the baseline is ignored', async () => {
    const r = repo({ files })
    r.writePlan({ issue: 43, gates, baseline: 'ignore', tasks: [{ id: 'work', steps: [{ run: 'true' }], checks: ['sh test.sh'] }] })
    const res = await r.run(['run', '43'])
    expect(res.code).toBe(1)
    expect(r.manifest(43)!.baseline).toBeUndefined()
    expect(r.manifest(43)!.tasks.work.status).toBe('failed')
  })

  it('require-green: a red base stops the run before any step', async () => {
    const r = repo({ files })
    r.writePlan({
      issue: 44,
      gates,
      baseline: { policy: 'require-green' },
      tasks: [
        { id: 'a', steps: [{ run: `touch ${r.scratch}/a-ran` }], checks: ['sh test.sh'] },
        { id: 'b', steps: [{ run: `touch ${r.scratch}/b-ran` }] }
      ]
    })
    const res = await r.run(['run', '44'])
    expect(res.code).toBe(3)
    expect(existsSync(path.join(r.scratch, 'a-ran')) || existsSync(path.join(r.scratch, 'b-ran'))).toBe(false)
    const m = r.manifest(44)!
    expect(m.breaker).toMatch(/^baseline: 1 check\(s\) failing before autopilot \(sh test\.sh\) and baseline is require-green/)
    expect(Object.values(m.tasks).every((t) => t.status === 'cancelled' && t.steps.length === 0)).toBe(true)
  })

  it('max-regressions: stops starting tasks once checks that passed on the base fail after a task', async () => {
    const r = repo()
    r.writePlan({
      issue: 45,
      gates,
      limits: { 'max-regressions': 1, 'max-consecutive-failures': 5, 'max-parallel': 1 },
      tasks: [
        { id: 'breaks', steps: [{ run: 'mkdir -p out && touch out/bad' }], checks: ['test ! -e out/bad'] },
        { id: 'later', needs: [], steps: [{ run: `touch ${r.scratch}/later-ran` }] }
      ]
    })
    const res = await r.run(['run', '45', '--jobs', '1'])
    expect(res.code).toBe(3)
    const m = r.manifest(45)!
    expect(m.baseline!.checks).toEqual([{ command: 'test ! -e out/bad', passed: true, exitCode: 0 }])
    expect(m.tasks.breaks.status).toBe('failed')
    expect(m.breaker).toMatch(/^max-regressions \(1\) reached/)
    expect(m.tasks.later.status).toBe('cancelled')
    expect(existsSync(path.join(r.scratch, 'later-ran'))).toBe(false)
  })
})
