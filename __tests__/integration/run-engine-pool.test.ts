// The engine's cost model on real git: one worktree reused across tasks (only changed files written, nothing
// of the previous task left behind), and integration from trees, reusing a resumed run's commits.
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { reposPerTest, runUntouched } from '../support/local-repo.js'
import { ProcessExecutor, type StepRequest, type ToolRequest } from '../../src/run/executor.js'
import { runLocal } from '../../src/run/local-run.js'
import { openWorkspace } from '../../src/run/workspace.js'
import { startIntegration } from '../../src/run/integrate.js'
import { Git } from '../../src/git/git.js'
import { sha256 } from '../../src/state/keys.js'
import type { Plan } from '../../src/plan/schema.js'
import { parsePlan } from '../../src/plan/load.js'
import type { StoredResult } from '../../src/state/store.js'

const { repo } = reposPerTest()

describe('the worktree pool', () => {
  it('switches one worktree between tasks, rewriting only what differs and leaving nothing of the last task', async () => {
    const r = repo({ files: { 'big.txt': 'unchanged\n', '.gitignore': 'cache/\n' } })
    const seen = (name: string) => path.join(r.scratch, name)
    r.writePlan({
      issue: 61,
      gates: { 'allow-paths': ['**'] },
      tasks: [
        {
          id: 'first',
          steps: [
            {
              run: [
                `stat -c %i big.txt > ${seen('first.inode')}`,
                'mkdir -p cache && echo stale > cache/left-behind',
                'echo "gitdir: /nowhere" > .git',
                'echo one > first.txt'
              ].join('\n')
            }
          ]
        },
        {
          id: 'second',
          needs: ['first'],
          steps: [
            {
              run: [
                `stat -c %i big.txt > ${seen('second.inode')}`,
                `ls cache 2>&1 > ${seen('second.cache')} || true`,
                `cat .git > ${seen('second.git')}`,
                `cat first.txt > ${seen('second.first')}`,
                `pwd > ${seen('second.pwd')}`,
                'echo two > second.txt'
              ].join('\n')
            }
          ]
        }
      ]
    })
    const res = await runUntouched(r, ['run', '--jobs', '1'])
    expect(res.code, res.out).toBe(0)
    // The same file, never rewritten: the worktree was switched, not checked out again.
    expect(readFileSync(seen('second.inode'), 'utf8')).toBe(readFileSync(seen('first.inode'), 'utf8'))
    // The first task's ignored files are gone, `.git` names the second task's own git dir (the sandbox's,
    // never autopilot's admin dir nor what the first task wrote), the first task's change is there.
    expect(readFileSync(seen('second.cache'), 'utf8')).not.toContain('left-behind')
    expect(readFileSync(seen('second.git'), 'utf8')).toMatch(/^gitdir: .*\/stepgit\/second\n$/)
    expect(readFileSync(seen('second.first'), 'utf8')).toBe('one\n')
    expect(readFileSync(seen('second.pwd'), 'utf8').trim()).toBe(path.join(r.workRoot(61), 'wt', 'second'))
    expect(r.git(['log', '--format=%s', 'autopilot/issue-61'])).toMatch(/second[\s\S]*first/)
  })
})

/** Counts the git subcommands it runs. */
class CountingExecutor extends ProcessExecutor {
  readonly calls: string[] = []
  override async runTool(req: ToolRequest) {
    this.calls.push(req.argv.filter(a => !a.startsWith('-') && !a.includes('=')).slice(1, 2).join(''))
    return await super.runTool(req)
  }
}

describe('integration from trees', () => {
  const plan = (): Plan =>
    parsePlan(
      'version: 1\nissue: 62\ntitle: t\ngates:\n  allow-paths: ["**"]\ntasks:\n  - id: a\n    steps: [{ run: "true" }]\n  - id: b\n    needs: [a]\n    steps: [{ run: "true" }]\n',
      'plan.yaml'
    ).plan

  const patchOf = (r: ReturnType<typeof repo>, file: string, text: string): Buffer => {
    r.git(['checkout', '--quiet', '-b', `p-${file}`, 'main'])
    r.git(['commit', '--quiet', '--allow-empty', '-m', 'x'])
    writeFileSync(path.join(r.repo, file), text)
    r.git(['add', file])
    const out = Buffer.from(r.git(['diff', '--cached', '--binary', '--full-index', '--src-prefix=a/', '--dst-prefix=b/']))
    r.git(['reset', '--quiet', '--hard'])
    r.git(['checkout', '--quiet', 'main'])
    return out
  }

  it('lands in topological order whatever order tasks finish in, and a resumed run reuses its commits', async () => {
    const r = repo()
    const base = r.git(['rev-parse', 'HEAD']).trim()
    const result = (id: string, patch: Buffer): StoredResult => ({
      record: { id, status: 'succeeded', attempts: 1, steps: [], gates: [], patchDigest: sha256(patch) },
      patch
    })
    const a = result('a', patchOf(r, 'a.txt', 'a\n'))
    const b = result('b', patchOf(r, 'b.txt', 'b\n'))
    const exec = new CountingExecutor()
    const workspace = await openWorkspace(exec, r.repo, path.join(r.workDir, 'integration'))
    const input = { plan: plan(), planPath: 'plan.yaml', order: ['a', 'b'], baseCommit: base, date: '2024-01-02T00:00:00Z', workspace, secrets: [], mask: (t: string) => t }
    const first = startIntegration(input)
    // b finishes first: it waits for a.
    await first.offer('b', 'succeeded', b)
    await first.offer('a', 'succeeded', a)
    const done = await first.finish()
    expect(done.problem).toBeUndefined()
    const git = new Git(exec, workspace.repo.cwd)
    expect(await git.commitsBetween(base, done.head)).toEqual([done.commits.b, done.commits.a])

    exec.calls.length = 0
    const again = startIntegration({ ...input, previous: done.commits, previousDiffstats: done.diffstats })
    await again.offer('a', 'succeeded', a)
    await again.offer('b', 'succeeded', b)
    const resumed = await again.finish()
    expect(resumed.commits).toEqual(done.commits)
    // Reused, not rebuilt: no patch applied, no commit made.
    expect(exec.calls).not.toContain('apply')
    expect(exec.calls).not.toContain('commit-tree')
    // Nor diffed again: the sizes recorded with them are kept (without them, one diff per reused commit).
    expect(resumed.diffstats).toEqual(done.diffstats)
    const diffs = exec.calls.filter(c => c === 'diff').length
    exec.calls.length = 0
    const unsized = startIntegration({ ...input, previous: done.commits })
    await unsized.offer('a', 'succeeded', a)
    await unsized.offer('b', 'succeeded', b)
    expect((await unsized.finish()).diffstats).toEqual(done.diffstats)
    expect(exec.calls.filter(c => c === 'diff').length).toBe(diffs + 2)
  })
})

/** Notes when autopilot builds a commit and when each step ends. */
class TimelineExecutor extends ProcessExecutor {
  readonly events: string[] = []
  override async runTool(req: ToolRequest) {
    if (req.argv.includes('commit-tree')) this.events.push('commit-tree')
    return await super.runTool(req)
  }
  override async runStep(req: StepRequest) {
    const r = await super.runStep(req)
    this.events.push(`step ended: ${req.argv.join(' ').includes('slow') ? 'slow' : 'other'}`)
    return r
  }
}

describe('streamed integration', () => {
  it('commits a finished task while a later one still runs, and delivers the same branch', async () => {
    const r = repo()
    r.writePlan({
      issue: 63,
      gates: { 'allow-paths': ['**'] },
      tasks: [
        { id: 'quick', steps: [{ run: 'echo quick > quick.txt' }] },
        { id: 'slow', steps: [{ run: 'sleep 2 && echo slow > slow.txt' }] }
      ]
    })
    const executor = new TimelineExecutor()
    const res = await runLocal({ planArg: '63', cwd: r.repo, env: r.env, jobs: 2, out: () => {}, isTTY: false, executor })
    expect(res.exitCode).toBe(0)
    // The quick task's commit was built before the slow task's step ended, not after every task.
    const slowEnded = executor.events.indexOf('step ended: slow')
    expect(slowEnded).toBeGreaterThan(-1)
    expect(executor.events.slice(0, slowEnded)).toContain('commit-tree')
    expect(r.git(['log', '--format=%s', 'autopilot/issue-63']).trim().split('\n').slice(0, 2)).toEqual([
      expect.stringContaining('slow'),
      expect.stringContaining('quick')
    ])
  })
})
