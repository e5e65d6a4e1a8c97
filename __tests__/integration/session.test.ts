// `autopilot session` on real git and real processes: ready plans only, the --max-failed-plans stop, the session
// report, a second session refused, and a session killed with -9 resumed by the next `autopilot session`.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { countLines, reposPerTest, stepProcesses, waitFor, type LocalRepo } from '../support/local-repo.js'
import type { SessionRecord } from '../../src/session/types.js'
import type { History } from '../../src/session/history.js'

const { repo, strays } = reposPerTest()
const gates = { 'allow-paths': ['out/**'] }

/** A plan whose one task writes out/<issue> and counts its runs in scratch/<issue>.count. */
function plan(r: LocalRepo, issue: number, opts: { ready: boolean; fail?: boolean; before?: string }) {
  const count = `echo run >> ${r.scratch}/${issue}.count`
  const body = opts.fail ? `${count}; echo "widget broke"; exit 7` : `${count}; ${opts.before ?? 'true'}; mkdir -p out && echo ${issue} > out/${issue}`
  r.writePlan({ issue, ready: opts.ready, gates, tasks: [{ id: `t${issue}`, steps: [{ run: body }] }] })
}

const report = (r: LocalRepo, out: string): SessionRecord => {
  const json = /session report: (\S+) \(JSON: (\S+)\)/.exec(out)!
  return JSON.parse(readFileSync(path.join(r.repo, json[2]), 'utf8')) as SessionRecord
}
const markdown = (r: LocalRepo, out: string) => readFileSync(path.join(r.repo, /session report: (\S+)/.exec(out)![1]), 'utf8')
const outcomes = (s: SessionRecord) => Object.fromEntries(s.plans.map((p) => [p.issue, p.outcome]))

describe('autopilot session', () => {
  it('runs the ready plans only, each on its own branch, and reports each outcome', async () => {
    const r = repo()
    plan(r, 61, { ready: true })
    plan(r, 62, { ready: true })
    plan(r, 63, { ready: true, fail: true })
    plan(r, 64, { ready: false })
    const res = await r.run(['session', '--ready', '--max-failed-plans', '1'])
    expect(res.code, res.out + res.err).toBe(1)
    const s = report(r, res.out)
    expect(outcomes(s)).toEqual({ 61: 'succeeded', 62: 'succeeded', 63: 'failed', 64: 'not-ready' })
    expect(existsSync(path.join(r.scratch, '64.count'))).toBe(false)
    const [p61, , p63] = s.plans
    expect(p61).toMatchObject({ branch: 'autopilot/issue-61', tasksRun: 1, lookAt: 'review branch autopilot/issue-61 (1 commits)' })
    expect(p61.durationMs).toBeGreaterThan(0)
    expect(r.git(['log', '--format=%s', '-1', 'autopilot/issue-62']).trim()).toBe('t62 (autopilot #62: t62)')
    expect(p63.lookAt).toMatch(/^task t63 failed: step 1 ".*" exited with 7 \(expected 0\); see \.ai\/logs\/autopilot\/FAILED-/)
    expect(s.limits).toEqual({ maxTasks: 5, maxHours: 4, maxFailedPlans: 1, parallel: 1 })
    expect(s.finishedAt).toBeDefined()
    const md = markdown(r, res.out)
    expect(md).toContain('**2 of 3 plan(s) succeeded**')
    expect(md).toMatch(/\| #63 \| plan 63 \| FAILED \| `autopilot\/issue-63` \| [^|]+ \|  \| task t63 failed/)
    expect(md).toContain('| #64 | plan 64 | not ready |')
    // history reads the session and the runs it made.
    const h = JSON.parse((await r.run(['history', '--json'])).out) as History
    expect(h.runs).toBe(3)
    expect(h.sessions).toEqual({ count: 1, stoppedByLimit: 0, plans: { succeeded: 2, failed: 1, 'not-ready': 1 } })
    expect(h.failures[0]).toMatchObject({ kind: 'step failed', count: 1, example: { issue: 63, task: 't63' } })
  })

  it('stops starting plans after --max-failed-plans failed plans in a row (the seeds: stop on consecutive failures)', async () => {
    const r = repo()
    plan(r, 71, { ready: true, fail: true })
    plan(r, 72, { ready: true })
    plan(r, 73, { ready: true })
    plan(r, 74, { ready: false })
    const res = await r.run(['session', '--max-failed-plans', '1'])
    expect(res.code).toBe(3)
    const s = report(r, res.out)
    expect(outcomes(s)).toEqual({ 71: 'failed', 72: 'not-started', 73: 'not-started', 74: 'not-ready' })
    expect(s.stoppedBy).toBe('--max-failed-plans (1) reached: 1 failed plan(s) in a row')
    expect(s.plans[1].lookAt).toBe('not started: --max-failed-plans (1) reached: 1 failed plan(s) in a row')
    expect(existsSync(path.join(r.scratch, '72.count')) || existsSync(path.join(r.scratch, '73.count'))).toBe(false)
    expect(markdown(r, res.out)).toContain('stopped starting plans: --max-failed-plans (1) reached')
  })

  it('--max-tasks stops new plans once that many tasks ran; listed issues run whether ready or not', async () => {
    const r = repo()
    plan(r, 75, { ready: false })
    plan(r, 76, { ready: false })
    const res = await r.run(['session', '--max-tasks', '1', '75', '76'])
    expect(res.code).toBe(3)
    expect(outcomes(report(r, res.out))).toEqual({ 75: 'succeeded', 76: 'not-started' })
  })

  it('--parallel 2 runs two plans at the same time', async () => {
    const r = repo()
    // Each plan waits (up to 30 s) for the other to have started: only side by side can both succeed.
    const barrier = (me: number, other: number) =>
      `touch ${r.scratch}/started-${me}; for i in $(seq 300); do [ -e ${r.scratch}/started-${other} ] && break; sleep 0.1; done; [ -e ${r.scratch}/started-${other} ]`
    plan(r, 85, { ready: true, before: barrier(85, 86) })
    plan(r, 86, { ready: true, before: barrier(86, 85) })
    const res = await r.run(['session', '--parallel', '2'])
    expect(res.code, res.out + res.err).toBe(0)
    expect(outcomes(report(r, res.out))).toEqual({ 85: 'succeeded', 86: 'succeeded' })
  }, 90_000)

  it('refuses a second session while one runs, and resumes a session killed with -9', async () => {
    const r = repo()
    plan(r, 81, { ready: true })
    plan(r, 82, { ready: true, before: `if [ ! -e ${r.scratch}/slept ]; then touch ${r.scratch}/slept; sleep 60; fi` })
    const cli = r.spawn(['session'])
    await waitFor(() => existsSync(path.join(r.scratch, 'slept')), 'plan 82 to start its slow step', 60_000)
    strays.push(...stepProcesses(82))

    const second = await r.run(['session'])
    expect(second.code).toBe(3)
    expect(second.err).toMatch(/another autopilot session of this repository is in progress \(pid \d+/)

    cli.child.kill('SIGKILL')
    await cli.done
    const res = await r.run(['session'])
    expect(res.code, res.out + res.err).toBe(0)
    expect(res.out).toMatch(/autopilot: resuming session \d{8}T\d{6}Z \(interrupted; started /)
    const s = report(r, res.out)
    expect(outcomes(s)).toEqual({ 81: 'succeeded', 82: 'succeeded' })
    expect(s.resumed).toBe(1)
    // The finished plan is not run again; the interrupted one ran a second time.
    expect(countLines(path.join(r.scratch, '81.count'))).toBe(1)
    expect(countLines(path.join(r.scratch, '82.count'))).toBe(2)
    expect(r.git(['log', '--format=%s', '-1', 'autopilot/issue-82']).trim()).toBe('t82 (autopilot #82: t82)')
    // The next session is a new one.
    const again = await r.run(['session'])
    expect(again.out).not.toContain('resuming')
  }, 120_000)
})
