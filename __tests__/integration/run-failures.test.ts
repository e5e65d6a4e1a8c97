// `autopilot run` when things go wrong, on real git: blocked dependents, FAILED-<ts>.log, retries, expectations,
// continue-on-error, checks that change files, rollbacks and the consecutive-failures breaker.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { countLines, reportFiles, runUntouched, subjects, reposPerTest } from '../support/local-repo.js'

const { repo } = reposPerTest()
const gates = { 'allow-paths': ['out/**'] }
const write = (file: string, text = file) => `mkdir -p out && echo ${text} > out/${file}`

describe('a failing task', () => {
  it('blocks its dependents, lets independent tasks land, exits 1 and writes FAILED-<ts>.log', async () => {
    const r = repo()
    r.writePlan({
      issue: 21,
      gates,
      tasks: [
        { id: 'bad', steps: [{ run: write('bad') }, { name: 'explode', run: 'echo preparing\necho "boom: the widget broke"\nexit 3' }] },
        { id: 'child', needs: ['bad'], steps: [{ run: `touch ${r.scratch}/child-ran` }] },
        { id: 'grandchild', needs: ['child'], steps: [{ run: `touch ${r.scratch}/grandchild-ran` }] },
        { id: 'indep', name: 'Independent', steps: [{ run: write('indep') }] }
      ]
    })
    const base = r.git(['rev-parse', 'HEAD']).trim()
    const res = await runUntouched(r, ['run', '21'])
    expect(res.code).toBe(1)
    const m = r.manifest(21)!
    expect(Object.fromEntries(Object.values(m.tasks).map((t) => [t.id, t.status]))).toEqual({
      bad: 'failed',
      child: 'blocked',
      grandchild: 'blocked',
      indep: 'succeeded'
    })
    expect(m.tasks.child.reason).toBe('needs bad, which failed')
    // Transitively blocked tasks name their own need and the root cause.
    expect(m.tasks.grandchild.reason).toBe('needs child, which is blocked because bad failed')
    expect(existsSync(path.join(r.scratch, 'child-ran')) || existsSync(path.join(r.scratch, 'grandchild-ran'))).toBe(false)
    // The independent task still lands; the failed one does not.
    expect(subjects(r.repo, base, 'autopilot/issue-21')).toEqual(['Independent (autopilot #21: indep)'])

    const [failed] = reportFiles(r.repo, 'FAILED-')
    const text = readFileSync(failed, 'utf8')
    expect(res.out).toContain(`failure report: ${path.relative(r.repo, failed)}`)
    expect(text).toContain('task bad: failed\n  step: explode\n  exit code: 3\n')
    expect(text).toContain('    boom: the widget broke\n')
    expect(text).toMatch(/step log: \.ai\/logs\/autopilot\/21-\d{8}T\d{6}Z\/bad\/02-explode\.log/)
    expect(text).toContain('task child: blocked\n  reason:\n    needs bad, which failed')
    expect(text).not.toContain('task indep')
    // In process nothing tells how autopilot was started: the package name through npx works everywhere.
    expect(text).toContain('\n  npx autopilot-action run 21\n')
    expect(res.out).toContain('to resume: npx autopilot-action run 21\n')
    expect(path.basename(failed)).toMatch(/^FAILED-21-\d{8}T\d{6}Z\.log$/)
    const stepLog = readFileSync(path.join(r.repo, m.tasks.bad.steps[1].log!), 'utf8')
    expect(stepLog).toContain('boom: the widget broke')
    expect(stepLog).toContain('=== exit 3')

    const summary = readFileSync(reportFiles(r.repo, 'summary-')[0], 'utf8')
    expect(summary).toContain('**Outcome: failed**')
    expect(summary).toContain('- `bad` **failed** at step "explode": step 2 "explode" exited with 3 (expected 0)')

    const st = await runUntouched(r, ['status', '21'])
    expect(st.out).toMatch(/^issue #21: failed, /)
    expect(st.out).toMatch(/^bad\s+failed\s+1\s+.*step 2 "explode" exited with 3/m)
    expect(st.out).toMatch(/^child\s+blocked\s+0\s+.*needs bad, which failed/m)
    expect(st.out).toMatch(/^indep\s+succeeded\s+1/m)
  })
})

describe('step settings', () => {
  it('retries a step that fails once, then succeeds (AUTOPILOT_RETRY_BACKOFF_MS keeps it quick)', async () => {
    const r = repo()
    const counter = path.join(r.scratch, 'tries')
    r.writePlan({
      issue: 22,
      gates,
      tasks: [
        {
          id: 'flaky',
          steps: [{ run: `echo try >> ${counter}\n[ "$(wc -l < ${counter})" -ge 2 ]\n${write('flaky')}`, retries: 1 }]
        }
      ]
    })
    const res = await runUntouched(r, ['run'])
    expect(res.code).toBe(0)
    expect(countLines(counter)).toBe(2)
    const step = r.manifest(22)!.tasks.flaky.steps[0]
    expect(step).toMatchObject({ status: 'succeeded', attempts: 2 })
    // The default backoff before a retry is 2 s; the variable made it 20 ms.
    expect(step.durationMs).toBeLessThan(1500)
    const log = readFileSync(path.join(r.repo, step.log!), 'utf8')
    expect(log).toMatch(/^=== attempt 1: [\s\S]*\n=== exit 1 in \d+ ms: exited with 1 \(expected 0\)\n=== attempt 2: [\s\S]*\n=== exit 0 in \d+ ms\n$/)
    expect(r.git(['show', 'autopilot/issue-22:out/flaky'])).toBe('flaky\n')
  })

  it('fails a step whose output does not match expect.output, and passes one that does', async () => {
    const r = repo()
    r.writePlan({
      issue: 23,
      gates,
      tasks: [
        { id: 'wrong', steps: [{ run: `${write('w')}\necho hello`, expect: { output: '^goodbye$' } }] },
        { id: 'right', steps: [{ run: `${write('r')}\necho 'all 3 passed'`, expect: { output: '^all \\d+ passed$' } }] }
      ]
    })
    const res = await runUntouched(r, ['run', '--jobs', '1'])
    expect(res.code).toBe(1)
    const m = r.manifest(23)!
    expect(m.tasks.wrong.status).toBe('failed')
    expect(m.tasks.wrong.reason).toMatch(/^step 1 ".*" output does not match expect.output \/\^goodbye\$\/\nhello$/)
    expect(m.tasks.right.status).toBe('succeeded')
  })

  it('continue-on-error lets the task go on past a failing step', async () => {
    const r = repo()
    r.writePlan({
      issue: 24,
      gates,
      tasks: [{ id: 'lenient', steps: [{ name: 'may fail', run: 'exit 5', 'continue-on-error': true }, { run: write('after') }] }]
    })
    expect((await runUntouched(r, ['run'])).code).toBe(0)
    const t = r.manifest(24)!.tasks.lenient
    expect(t.status).toBe('succeeded')
    expect(t.steps.map((s) => [s.name, s.status, s.exitCode])).toEqual([
      ['may fail', 'failed', 5],
      [expect.any(String), 'succeeded', 0]
    ])
    expect(r.git(['show', 'autopilot/issue-24:out/after'])).toBe('after\n')
  })

  it('fails a task whose check changes files; a check that only reads passes', async () => {
    const r = repo()
    r.writePlan({
      issue: 25,
      gates,
      tasks: [
        { id: 'sneaky', steps: [{ run: write('s') }], checks: [{ name: 'lint --fix', run: 'echo fixed >> out/s' }] },
        { id: 'honest', steps: [{ run: write('h') }], checks: ['grep -q h out/h'] }
      ]
    })
    const res = await runUntouched(r, ['run', '--jobs', '1'])
    expect(res.code).toBe(1)
    const m = r.manifest(25)!
    expect(m.tasks.sneaky).toMatchObject({ status: 'failed', failedStep: 'check: lint --fix' })
    expect(m.tasks.sneaky.reason).toMatch(/^check "lint --fix" changed files \(out\/s\); checks must not change anything/)
    expect(m.tasks.honest.status).toBe('succeeded')
    expect(m.tasks.honest.steps.at(-1)).toMatchObject({ kind: 'check', status: 'succeeded' })
  })

  it('runs the rollback once, after the last attempt of a step has failed', async () => {
    const r = repo()
    const rolled = path.join(r.scratch, 'rolled')
    const tries = path.join(r.scratch, 'tries')
    r.writePlan({
      issue: 26,
      gates,
      tasks: [
        {
          id: 'doomed',
          steps: [{ run: `echo x >> ${tries}\n${write('partial')}\nexit 1`, retries: 1, rollback: `echo rollback >> ${rolled}; pwd > ${rolled}.seen` }]
        }
      ]
    })
    const res = await runUntouched(r, ['run'])
    expect(res.code).toBe(1)
    expect(countLines(tries)).toBe(2)
    expect(countLines(rolled)).toBe(1)
    // It ran in the task's worktree.
    expect(readFileSync(`${rolled}.seen`, 'utf8')).toBe(`${path.join(r.workRoot(26), 'wt', 'doomed')}\n`)
    expect(r.manifest(26)!.tasks.doomed.status).toBe('failed')
    expect(readFileSync(path.join(r.repo, r.manifest(26)!.tasks.doomed.steps[0].log!), 'utf8')).toContain('=== rollback exit 0')
  })
})

describe('max-consecutive-failures', () => {
  it('stops starting tasks, exits 3 and names the breaker in every report', async () => {
    const r = repo()
    const started = (id: string) => `touch ${r.scratch}/${id}`
    r.writePlan({
      issue: 27,
      gates,
      limits: { 'max-consecutive-failures': 2 },
      tasks: ['f1', 'f2', 'f3', 'f4'].map((id) => ({ id, steps: [{ run: `${started(id)}\nexit 1` }] }))
    })
    const res = await runUntouched(r, ['run', '--jobs', '1'])
    expect(res.code).toBe(3)
    const m = r.manifest(27)!
    expect(m.breaker).toBe('max-consecutive-failures (2) reached')
    expect(Object.values(m.tasks).map((t) => t.status)).toEqual(['failed', 'failed', 'cancelled', 'cancelled'])
    expect(m.tasks.f3.reason).toBe('not started: max-consecutive-failures (2) reached')
    expect(['f1', 'f2', 'f3', 'f4'].map((id) => existsSync(path.join(r.scratch, id)))).toEqual([true, true, false, false])
    expect(readFileSync(reportFiles(r.repo, 'summary-')[0], 'utf8')).toContain(
      '**Outcome: stopped** (circuit breaker: max-consecutive-failures (2) reached)'
    )
    expect(readFileSync(reportFiles(r.repo, 'FAILED-')[0], 'utf8')).toContain('stopped by circuit breaker: max-consecutive-failures (2) reached')
    expect((await runUntouched(r, ['status'])).out).toMatch(/^issue #27: stopped \(max-consecutive-failures \(2\) reached\)/)
  })
})

