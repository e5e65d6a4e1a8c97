// The first hour on a real repository (issue 17): `logs` finds the latest run's log of a plan, task or step,
// `clean --logs --keep N` prunes old runs, `status` after kill -9 says interrupted, `audit` spares other
// issues' real branches.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { git, reposPerTest, runUntouched, stepProcesses, waitFor } from '../support/local-repo.js'

const { repo, strays } = reposPerTest()
const logsDir = (root: string) => path.join(root, '.ai', 'logs', 'autopilot')

const twoSteps = {
  issue: 60,
  gates: { 'allow-paths': ['out/**'] },
  tasks: [
    {
      id: 'build',
      steps: [{ name: 'prepare', run: 'mkdir -p out && echo preparing the widget' }, { name: 'make', run: 'echo made > out/w && echo the widget is made' }],
      checks: [{ name: 'look', run: 'cat out/w' }]
    },
    { id: 'docs', steps: [{ run: 'mkdir -p out && echo docs > out/d' }] }
  ]
}

describe('autopilot logs', () => {
  it("prints the latest run's status log, a task's log and a step's log; names what is wrong otherwise", { timeout: 120_000 }, async () => {
    const r = repo()
    r.writePlan(twoSteps)
    expect((await r.run(['run', '60'])).code).toBe(0)

    const status = await runUntouched(r, ['logs', '60'])
    expect(status.code).toBe(0)
    expect(status.out).toMatch(/ build succeeded\n/)
    expect(status.out).toMatch(/ docs succeeded\n/)

    const task = await runUntouched(r, ['logs', 'build'])
    expect(task.out).toContain('step 1 prepare: succeeded\nstep 2 make: succeeded\ncheck 1 look: passed')

    const step = await runUntouched(r, ['logs', '60', 'build', '--step', '2'])
    expect(step.out).toContain('the widget is made')
    expect(step.out).not.toContain('preparing the widget')
    expect((await runUntouched(r, ['logs', 'build', '-s', '3'])).out).toContain('$ cat out/w\nmade\n')

    const tooFar = await r.run(['logs', 'build', '--step', '4'])
    expect(tooFar).toMatchObject({ code: 2, err: 'task build has 3 step(s) and check(s); --step goes from 1 to 3\n' })
    const typo = await r.run(['logs', 'biuld'])
    expect(typo.code).toBe(2)
    expect(typo.err).toContain('no task "biuld" in issue #60 (did you mean "build"?); tasks: build, docs')
  })

  it('shows the log of the run a kept task finished in, and follows a running task until the run ends', { timeout: 120_000 }, async () => {
    const r = repo()
    r.writePlan({
      issue: 61,
      gates: { 'allow-paths': ['out/**'] },
      tasks: [
        { id: 'first', steps: [{ run: 'mkdir -p out && echo first > out/f && echo first ran' }] },
        { id: 'slow', steps: [{ run: 'for i in 1 2 3; do echo "tick $i"; sleep 1; done; [ -e "$SCRATCH/pass" ]' }] }
      ],
      defaults: { 'pass-env': ['SCRATCH'] }
    })
    const scratch = { SCRATCH: r.scratch }
    expect((await r.run(['run', '61'], scratch)).code).toBe(1)
    const firstLog = (await runUntouched(r, ['logs', 'first'])).out
    expect(firstLog).toContain('first: succeeded')

    // Second run: `first` is kept, `slow` runs again while `logs slow --follow` prints it.
    const cli = r.spawn(['run', '61'], { ...scratch })
    await waitFor(() => r.manifest(61)?.tasks.slow.status === 'running' && readdirSync(logsDir(r.repo)).filter(n => n.startsWith('61-')).length === 2, 'the second run')
    await waitFor(() => existsSync(path.join(logsDir(r.repo), readdirSync(logsDir(r.repo)).filter(n => n.startsWith('61-')).sort().at(-1)!, 'slow', 'task.log')), 'the task log')
    const followed = await r.run(['logs', 'slow', '--follow'])
    // It returned when the run ended, with what the task logged to the end.
    expect(r.manifest(61)?.finishedAt).toBeDefined()
    expect((await cli.done).code).toBe(1)
    expect(followed.code).toBe(0)
    expect(followed.out).toContain('\nstep 1 for i in 1 2 3; do echo "tick $i"; sleep 1; done; [ -e…: failed (exited with 1')
    expect((await runUntouched(r, ['logs', 'slow', '--step', '1'])).out).toContain('tick 1\ntick 2\ntick 3\n')
    // The kept task's log is the first run's.
    expect((await runUntouched(r, ['logs', 'first'])).out).toBe(firstLog)
  })
})

describe('autopilot clean --logs', () => {
  it("keeps the newest N runs of the plan, the logs kept tasks point to, and other issues' logs", async () => {
    const r = repo()
    r.writePlan(twoSteps)
    expect((await r.run(['run', '60'])).code).toBe(0)
    await new Promise(resolve => setTimeout(resolve, 1100)) // one run folder per second
    // A resumed run keeps both tasks: their logs stay in the first run's folder.
    expect((await r.run(['run', '60'])).code).toBe(0)
    const runsOf = (issue: number) => readdirSync(logsDir(r.repo)).filter(n => n.startsWith(`${issue}-`)).sort()
    const [first, second] = runsOf(60)
    expect(r.manifest(60)!.tasks.build.log).toContain(`/${first}/`)
    // Older runs: of this issue (one from before report names had the issue), and of another issue.
    const old = (name: string, files: string[]) => {
      mkdirSync(path.join(logsDir(r.repo), name, 'build'), { recursive: true })
      writeFileSync(path.join(logsDir(r.repo), name, 'build', 'task.log'), 'old\n')
      for (const f of files) writeFileSync(path.join(logsDir(r.repo), f), 'old\n')
    }
    old('60-20200101T000000Z', ['status-60-20200101T000000Z.log', 'summary-60-20200101T000000Z.md', 'FAILED-60-20200101T000000Z.log'])
    old('60-20200102T000000Z', ['status-20200102T000000Z.log', 'summary-20200102T000000Z.md'])
    old('62-20200101T000000Z', ['status-62-20200101T000000Z.log'])

    const res = await runUntouched(r, ['clean', '60', '--logs', '--keep', '1'])
    expect(res.code).toBe(0)
    expect(res.out.split('\n').filter(Boolean).sort()).toEqual(
      [
        '60-20200101T000000Z',
        '60-20200102T000000Z',
        'FAILED-60-20200101T000000Z.log',
        'status-20200102T000000Z.log',
        'status-60-20200101T000000Z.log',
        'summary-20200102T000000Z.md',
        'summary-60-20200101T000000Z.md'
      ].map(f => `removed .ai/logs/autopilot/${f}`)
    )
    // The newest run, and the first one whose logs the kept tasks point to, stay; so does issue 62's.
    expect(runsOf(60)).toEqual([first, second])
    expect(runsOf(62)).toEqual(['62-20200101T000000Z'])
    expect(existsSync(path.join(logsDir(r.repo), 'status-62-20200101T000000Z.log'))).toBe(true)
    expect(await runUntouched(r, ['audit', '60'])).toMatchObject({ code: 0, out: 'audit: clean\n' })
    expect((await runUntouched(r, ['clean', '60', '--logs', '--keep', '1'])).out).toBe('clean: no logs of issue #60 beyond the newest 1 run(s)\n')

    // --keep 0 still spares what the manifest points to.
    expect((await runUntouched(r, ['clean', '60', '--logs', '--keep', '0'])).out).toContain(`removed .ai/logs/autopilot/${second}`)
    expect(runsOf(60)).toEqual([first])
    expect((await r.run(['clean', '60', '--keep', '1'])).err).toContain('--keep goes with --logs')
  }, 120_000)
})

describe('autopilot status', () => {
  it('says running while the run lives and interrupted after kill -9, with the resume command', { timeout: 120_000 }, async () => {
    const r = repo()
    r.writePlan({ issue: 63, tasks: [{ id: 'sleepy', steps: [{ name: 'nap', run: 'sleep 30' }] }] })
    const cli = r.spawn(['run', '63'])
    await waitFor(() => r.manifest(63)?.tasks.sleepy.status === 'running', 'the task to run')
    strays.push(...(await waitFor(() => stepProcesses(63, 'sleepy').length > 0 && stepProcesses(63, 'sleepy'), 'the step')))
    const live = await runUntouched(r, ['status', '63'])
    expect(live.out).toContain(`issue #63: running (pid ${cli.child.pid})`)
    expect(live.out).toMatch(/\nsleepy +running/)

    cli.child.kill('SIGKILL')
    await cli.done
    const after = await runUntouched(r, ['status', '63'])
    expect(after.code).toBe(0)
    expect(after.out).toContain(`issue #63: interrupted (its process ${cli.child.pid} is gone)`)
    expect(after.out).toMatch(/\nsleepy +interrupted/)
    expect(after.out).not.toMatch(/running/)
    expect(after.out).toContain('finished tasks are kept; resume with `npx autopilot-action run 63`')
  })
})

describe('autopilot audit', () => {
  it("does not call another issue's real autopilot branch a leftover", { timeout: 120_000 }, async () => {
    const r = repo()
    // Delivered earlier by the run of issue 654: a real branch of the user's, copied into every private clone.
    r.git(['branch', 'autopilot/issue-654'])
    r.writePlan({ issue: 64, gates: { 'allow-paths': ['out/**'] }, tasks: [{ id: 'a', steps: [{ run: 'mkdir -p out && echo a > out/a' }] }] })
    expect((await r.run(['run', '64'])).code).toBe(0)
    expect(git(['for-each-ref', '--format=%(refname)', 'refs/heads/autopilot/'], path.join(r.workRoot(64), 'repo.git'))).toContain('refs/heads/autopilot/issue-654')
    expect(await runUntouched(r, ['audit', '64'])).toMatchObject({ code: 0, out: 'audit: clean\n' })
  })
})
