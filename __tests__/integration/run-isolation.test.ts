// What a step can reach and leave behind, on real processes: a timeout kills the whole process group, the
// caller's tokens never reach a step, and a declared secret is masked in every log and report.
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { isRunning, listFiles, reportFiles, runUntouched, stepProcesses, waitFor, reposPerTest } from '../support/local-repo.js'

// Should the engine fail to kill a step's processes, `strays` are killed after the test.
const { repo, strays } = reposPerTest()

describe('a step past its timeout', () => {
  it('is killed with its children and grandchildren within timeout + 2 s', async () => {
    const r = repo()
    // The step's TMPDIR: the one folder outside its worktree it can write, and the test can read.
    const pidFile = (name: string) => path.join(r.workRoot(31), 'tmp', 'slow', `${name}.pid`)
    const inStep = (name: string) => `"$TMPDIR/${name}.pid"`
    r.writePlan({
      issue: 31,
      tasks: [
        {
          id: 'slow',
          steps: [
            {
              name: 'hang',
              // A background grandchild, one that ignores SIGTERM, and a foreground child; all outlive the timeout.
              run: [
                `echo $$ > ${inStep('child')}`,
                `sleep 300 & echo $! > ${inStep('grandchild')}`,
                `(trap '' TERM; exec sleep 301) & echo $! > ${inStep('stubborn')}`,
                'sleep 302'
              ].join('\n'),
              'timeout-minutes': 0.02
            }
          ]
        }
      ]
    })
    const before = r.snapshot()
    const running = r.run(['run'])
    const read = (name: string) => (existsSync(pidFile(name)) ? Number(readFileSync(pidFile(name), 'utf8')) || undefined : undefined)
    // The pid files prove the step reached its background children; the pids in them are the step's own
    // view (it may run in a PID namespace), so the processes are found from outside by their environment.
    await waitFor(() => ['child', 'grandchild', 'stubborn'].every((n) => read(n) !== undefined), 'the step to write its pids')
    const pids = stepProcesses(31, 'slow')
    const seen = Date.now()
    strays.push(...pids)
    // The shell, its three sleeps (one ignoring SIGTERM), and any sandbox wrapper.
    expect(pids.length).toBeGreaterThanOrEqual(4)
    await waitFor(() => pids.every((p) => !isRunning(p)), 'the process group to be gone', 1200 + 2000)
    expect(Date.now() - seen).toBeLessThan(1200 + 2000)

    const res = await running
    expect(r.snapshot()).toEqual(before)
    expect(res.code).toBe(1)
    const t = r.manifest(31)!.tasks.slow
    expect(t.status).toBe('failed')
    expect(t.steps[0]).toMatchObject({ name: 'hang', status: 'timed-out' })
    expect(t.steps[0].durationMs).toBeLessThan(1200 + 2000)
    expect(t.reason).toContain('timed out after 0.02 min (timeout-minutes); the whole process group was killed')
  })
})

describe('the environment of a step', () => {
  it("never sees the caller's GITHUB_TOKEN, and a pass-env secret is *** in every log and report", async () => {
    const r = repo()
    // Fake values built at run time, so no real-looking secret sits in the source.
    const token = `ghp_${randomBytes(18).toString('hex')}`
    const secret = `s3cr3t-${randomBytes(8).toString('hex')}`
    const secretB64 = Buffer.from(secret).toString('base64')
    r.writePlan({
      issue: 32,
      gates: { 'allow-paths': ['out/**'] },
      tasks: [
        { id: 'token', steps: [{ name: 'show env', run: 'echo "token is [${GITHUB_TOKEN:-unset}]"\nenv | sort' }] },
        {
          id: 'secret',
          steps: [
            {
              name: 'echo secret',
              'pass-env': ['MY_SECRET'],
              run: 'echo "secret=$MY_SECRET"\nprintf %s "$MY_SECRET" | base64\nmkdir -p out && echo ok > out/s'
            }
          ]
        },
        { id: 'undeclared', steps: [{ run: 'echo "secret=[${MY_SECRET:-unset}]"' }] },
        { id: 'loud', steps: [{ name: 'fail loudly', 'pass-env': ['MY_SECRET'], run: 'echo "giving up on $MY_SECRET"\nexit 4' }] }
      ]
    })
    const before = r.snapshot()
    // A real process whose own environment holds both values, as a developer's shell would.
    const res = await r.spawn(['run', '--jobs', '1'], { GITHUB_TOKEN: token, MY_SECRET: secret }).done
    expect(r.snapshot()).toEqual(before)
    expect(res.code).toBe(1)
    const m = r.manifest(32)!
    expect(Object.values(m.tasks).map((t) => t.status)).toEqual(['succeeded', 'succeeded', 'succeeded', 'failed'])
    const log = (id: string, i = 0) => readFileSync(path.join(r.repo, m.tasks[id].steps[i].log!), 'utf8')

    const tokenLog = log('token')
    expect(tokenLog).toContain('token is [unset]')
    const names = tokenLog
      .split('\n')
      .filter((l) => /^[A-Za-z_][A-Za-z0-9_]*=/.test(l))
      .map((l) => l.slice(0, l.indexOf('=')))
      .filter((n) => !['PWD', 'OLDPWD', 'SHLVL', '_'].includes(n)) // set by bash itself
    expect(names).toEqual(['AUTOPILOT', 'AUTOPILOT_ISSUE', 'AUTOPILOT_PLAN_DIR', 'AUTOPILOT_TASK', 'CI', 'HOME', 'LANG', 'PATH', 'TMPDIR'])
    expect(tokenLog).not.toMatch(/^GITHUB_TOKEN=/m)

    expect(log('secret')).toContain('secret=***\n***')
    expect(log('undeclared')).toContain('secret=[unset]')
    expect(log('loud')).toContain('giving up on ***')
    expect(m.tasks.loud.reason).toContain('giving up on ***')
    expect(readFileSync(reportFiles(r.repo, 'FAILED-')[0], 'utf8')).toContain('    giving up on ***')
    expect(readFileSync(reportFiles(r.repo, 'summary-')[0], 'utf8')).toContain('`loud` **failed** at step "fail loudly"')

    // Not one raw value anywhere autopilot writes, nor in what it printed.
    const written = ['.ai/logs', '.ai/runs'].flatMap((d) => listFiles(path.join(r.repo, d)).map((f) => path.join(r.repo, d, f)))
    expect(written.length).toBeGreaterThan(10)
    for (const file of written) {
      const text = readFileSync(file, 'latin1')
      for (const value of [token, secret, secretB64]) expect(text.includes(value), `${value.slice(0, 4)}… found in ${file}`).toBe(false)
    }
    for (const value of [token, secret, secretB64]) expect((res.out + res.err).includes(value)).toBe(false)
  })

  it('gives a step its plan env and TMPDIR, and runs it in the task worktree', async () => {
    const r = repo()
    r.writePlan({
      issue: 33,
      defaults: { env: { LEVEL: 'plan', KEEP: 'plan' } },
      tasks: [
        {
          id: 'where',
          env: { LEVEL: 'task' },
          steps: [{ env: { STEP_ONLY: 'yes' }, run: 'echo "level=$LEVEL keep=$KEEP step=$STEP_ONLY task=$AUTOPILOT_TASK"\npwd\necho "tmp=$TMPDIR"' }]
        }
      ]
    })
    expect((await runUntouched(r, ['run'])).code).toBe(0)
    const out = readFileSync(path.join(r.repo, r.manifest(33)!.tasks.where.steps[0].log!), 'utf8')
    expect(out).toContain('level=task keep=plan step=yes task=where\n')
    expect(out).toContain(`\n${path.join(r.workRoot(33), 'wt', 'where')}\n`)
    expect(out).toContain(`tmp=${path.join(r.workRoot(33), 'tmp', 'where')}\n`)
    // The worktree lived in AUTOPILOT_WORK_DIR and is gone again.
    expect(r.workRoot(33).startsWith(r.workDir)).toBe(true)
    expect(existsSync(path.join(r.workRoot(33), 'wt', 'where'))).toBe(false)
  })
})
