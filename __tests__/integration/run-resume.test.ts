// Crash and resume on real processes: `kill -9` of the CLI mid-run, a resumed run that re-runs only what had
// not finished and builds the same branch as an uninterrupted run, the run lock, and `audit`/`clean`.
import { existsSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { countLines, isRunning, runUntouched, stepProcesses, subjects, waitFor, type LocalRepo, reposPerTest } from '../support/local-repo.js'

// Should the engine fail to kill a step's processes, `strays` are killed after the test.
const { repo, strays } = reposPerTest()

/**
 * one -> two -> three. `two` sleeps unless "$SCRATCH/fast" exists. SCRATCH comes from the caller (pass-env),
 * so the plan, and with it the base tree, is byte-identical in every repository.
 */
const chainPlan = {
  issue: 41,
  defaults: { 'pass-env': ['SCRATCH'] },
  gates: { 'allow-paths': ['out/**'] },
  tasks: [
    { id: 'one', name: 'First', steps: [{ run: 'echo run >> "$SCRATCH/one.count"\nmkdir -p out && echo one > out/one.txt' }] },
    {
      id: 'two',
      name: 'Second',
      needs: ['one'],
      steps: [{ run: 'echo run >> "$SCRATCH/two.count"\necho $$ > "$SCRATCH/two.pid"\n[ -e "$SCRATCH/fast" ] || sleep 30\necho two > out/two.txt' }]
    },
    { id: 'three', name: 'Third', needs: ['two'], steps: [{ run: 'echo run >> "$SCRATCH/three.count"\ncat out/*.txt > out/three.txt' }] }
  ]
}

const trees = (r: LocalRepo, base: string, branch: string) =>
  r.git(['rev-list', '--reverse', `${base}..${branch}`]).trim().split('\n').map((c) => r.git(['rev-parse', `${c}^{tree}`]).trim())

describe('a run killed with kill -9', () => {
  it('resumes without re-running finished tasks and builds the same branch as an uninterrupted run', async () => {
    const r = repo()
    r.writePlan(chainPlan)
    const scratch = { SCRATCH: r.scratch }
    const count = (id: string) => countLines(path.join(r.scratch, `${id}.count`))
    const before = r.snapshot()

    const cli = r.spawn(['run'], scratch)
    const m1 = await waitFor(() => {
      const m = r.manifest(41)
      return m?.tasks.one.status === 'succeeded' && m.tasks.two.status === 'running' && existsSync(path.join(r.scratch, 'two.pid')) && m
    }, 'task one to succeed and task two to be running')
    const stepPids = await waitFor(() => stepProcesses(41, 'two').length > 0 && stepProcesses(41, 'two'), 'the processes of step two')
    strays.push(...stepPids)
    cli.child.kill('SIGKILL')
    expect((await cli.done).signal).toBe('SIGKILL')
    // In the sandbox (bwrap --die-with-parent) the step dies with autopilot; unsandboxed, its process group
    // would outlive its parent and the next run would stop it (process-registry.ts).
    await waitFor(() => !stepPids.some(isRunning), 'the step to die with its parent', 5000)
    expect(r.snapshot()).toEqual(before)

    // The crash left a lock and a worktree behind; audit says so.
    const audit1 = await runUntouched(r, ['audit'])
    expect(audit1.code).toBe(1)
    expect(audit1.out).toContain(`stale lock ${path.join(r.repo, '.ai/runs/41/lock')} (process ${cli.child.pid} is gone)`)
    expect(audit1.out).toContain(`stray worktree ${path.join(r.workRoot(41), 'wt', 'two')}`)

    writeFileSync(path.join(r.scratch, 'fast'), '')
    const resumed = await runUntouched(r, ['run'], scratch)
    expect(resumed.err).toBe('')
    expect(resumed.code).toBe(0)
    expect(resumed.out).toContain(`autopilot: taking over the lock of process ${cli.child.pid}, which is gone\n`)
    expect([count('one'), count('two'), count('three')]).toEqual([1, 2, 1])
    const m2 = r.manifest(41)!
    expect(m2.tasks.one).toMatchObject({ status: 'succeeded', finishedAt: m1.tasks.one.finishedAt })
    expect(m2.startedAt).toBe(m1.startedAt)
    expect(Object.values(m2.tasks).map((t) => t.status)).toEqual(['succeeded', 'succeeded', 'succeeded'])
    expect(await runUntouched(r, ['audit'])).toMatchObject({ code: 0, out: 'audit: clean\n' })

    // The same plan in a second repository, never interrupted.
    const ref = repo()
    ref.writePlan(chainPlan)
    writeFileSync(path.join(ref.scratch, 'fast'), '')
    expect((await runUntouched(ref, ['run'], { SCRATCH: ref.scratch })).code).toBe(0)
    const base = r.git(['rev-parse', 'main']).trim()
    expect(ref.git(['rev-parse', 'main']).trim()).toBe(base)
    const branch = 'autopilot/issue-41'
    expect(r.git(['rev-parse', `${branch}^{tree}`])).toBe(ref.git(['rev-parse', `${branch}^{tree}`]))
    expect(subjects(r.repo, base, branch)).toEqual(subjects(ref.repo, base, branch))
    expect(subjects(r.repo, base, branch)).toEqual(['First (autopilot #41: one)', 'Second (autopilot #41: two)', 'Third (autopilot #41: three)'])
    expect(trees(r, base, branch)).toEqual(trees(ref, base, branch))
    expect(r.git(['show', `${branch}:out/three.txt`])).toBe('one\ntwo\n')
  })
})

describe('the run lock', () => {
  it('makes a second concurrent run of the same plan exit 3 with a clear message', async () => {
    const r = repo()
    const release = path.join(r.scratch, 'release')
    r.writePlan({
      issue: 42,
      gates: { 'allow-paths': ['out/**'] },
      tasks: [{ id: 'hold', steps: [{ run: `while [ ! -e ${release} ]; do sleep 0.05; done\nmkdir -p out && echo held > out/held` }] }]
    })
    const before = r.snapshot()
    const holder = r.run(['run'])
    await waitFor(() => r.manifest(42)?.tasks.hold.status === 'running', 'the first run to start its task')

    const second = await r.spawn(['run']).done
    expect(second.code).toBe(3)
    expect(second.err).toContain(`another autopilot run of this plan is in progress (pid ${process.pid}, since `)
    expect(second.err).toContain(`Lock file: ${path.join(r.repo, '.ai/runs/42/lock')}`)
    expect(second.err).not.toMatch(/\n\s+at /)
    expect(r.manifest(42)?.tasks.hold.status).toBe('running')

    writeFileSync(release, '')
    expect((await holder).code).toBe(0)
    expect(r.snapshot()).toEqual(before)
    expect(existsSync(path.join(r.repo, '.ai/runs/42/lock'))).toBe(false)
    expect(r.git(['show', 'autopilot/issue-42:out/held'])).toBe('held\n')
  })
})

describe('audit and clean', () => {
  it('audit exits 1 on a stray worktree or a moved branch; clean removes what runs left', async () => {
    const r = repo()
    r.writePlan({ issue: 43, gates: { 'allow-paths': ['out/**'] }, tasks: [{ id: 'only', steps: [{ run: 'mkdir -p out && echo x > out/x' }] }] })
    expect((await runUntouched(r, ['run'])).code).toBe(0)
    expect(await runUntouched(r, ['audit'])).toMatchObject({ code: 0, out: 'audit: clean\n' })

    // A worktree left in the private clone, as a crash would leave it.
    const clone = path.join(r.workRoot(43), 'repo.git')
    const stray = path.join(r.workRoot(43), 'wt', 'stray')
    r.git(['worktree', 'add', '--quiet', '--detach', stray, 'main'], clone)
    const dirty = await runUntouched(r, ['audit'])
    expect(dirty.code).toBe(1)
    expect(dirty.out).toContain(`audit: stray worktree ${stray}; run \`npx autopilot-action clean 43\``)
    expect(dirty.out).toContain(`audit: stray worktree folder ${stray}; run \`npx autopilot-action clean 43\``)

    const cleaned = await runUntouched(r, ['clean'])
    expect(cleaned).toMatchObject({ code: 0, out: `removed ${r.workRoot(43)}\n` })
    expect(existsSync(r.workRoot(43))).toBe(false)
    expect(await runUntouched(r, ['audit'])).toMatchObject({ code: 0, out: 'audit: clean\n' })
    expect(await runUntouched(r, ['clean'])).toMatchObject({ code: 0, out: 'clean: nothing to remove\n' })

    // The delivered branch no longer matches the manifest.
    r.git(['branch', '--quiet', '-f', 'autopilot/issue-43', 'main'])
    const moved = await runUntouched(r, ['audit'])
    expect(moved.code).toBe(1)
    expect(moved.out).toMatch(/^audit: branch autopilot\/issue-43 is at [0-9a-f]{12}, which is not a commit of the manifest$/m)
  })
})
