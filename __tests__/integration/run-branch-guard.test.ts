// The branch guard on real git with a bare origin: a reviewer's commit pushed on the autopilot branch survives a
// re-run (refused by default, stacked with --onto-branch, replaced only with --force); a check-only task lands no commit.
import { existsSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { expect, it } from 'vitest'
import { git, reposPerTest, subjects } from '../support/local-repo.js'

const { repo } = reposPerTest()

const plan = (tasks: object[]) => ({ issue: 41, gates: { 'allow-paths': ['out/**'] }, tasks })
const writeA = { id: 'a', name: 'Write a', steps: [{ run: 'mkdir -p out && echo a > out/a.txt' }] }
const checkOnly = { id: 'lint', name: 'Check the readme', steps: [{ run: 'grep -q demo README.md' }] }
const writeB = { id: 'b', name: 'Write b', needs: ['a'], steps: [{ run: 'echo b > out/b.txt' }] }

it('refuses to move a branch holding a reviewer commit, stacks on it with --onto-branch, replaces it only with --force', async () => {
  const r = repo()
  r.writePlan(plan([writeA, checkOnly]))
  const base = r.git(['rev-parse', 'HEAD']).trim()
  const first = await r.run(['run'])
  expect(first.code).toBe(0)
  // Two tasks, one of them check-only: one commit.
  expect(subjects(r.repo, base, 'autopilot/issue-41')).toEqual(['Write a (autopilot #41: a)'])
  // ...and the report says why.
  const summary = readFileSync(path.join(r.repo, /^summary: (\S+)$/m.exec(first.out)![1]), 'utf8')
  expect(summary).toContain('Checked only, no commit: `lint`: these tasks changed no file')
  expect(summary).toMatch(/\| `lint` \| Check the readme \| ✅ succeeded \| no changes \|/)
  const delivered = r.git(['rev-parse', 'autopilot/issue-41']).trim()
  expect(existsSync(path.join(r.repo, '.ai/runs/41/delivered.json'))).toBe(true)

  // A reviewer pushes a fix-up on the branch; the user pulls it.
  r.git(['push', '--quiet', 'origin', 'autopilot/issue-41'])
  const reviewer = path.join(r.root, 'reviewer')
  git(['clone', '--quiet', '--branch', 'autopilot/issue-41', r.origin, reviewer], r.root)
  git(['commit', '--quiet', '--allow-empty', '-m', 'Reviewer fix-up'], reviewer, { GIT_AUTHOR_NAME: 'Rita Reviewer', GIT_AUTHOR_EMAIL: 'rita@example.com' })
  git(['push', '--quiet', 'origin', 'autopilot/issue-41'], reviewer)
  r.git(['fetch', '--quiet', 'origin', 'autopilot/issue-41:autopilot/issue-41'])
  const fixup = r.git(['rev-parse', 'autopilot/issue-41']).trim()
  expect(fixup).not.toBe(delivered)

  // The plan grows a task; a plain re-run refuses and leaves the branch alone.
  r.writePlan(plan([writeA, checkOnly, writeB]), { commit: false })
  const refused = await r.run(['run'])
  expect(refused.code).toBe(1)
  expect(refused.out).toContain('branch autopilot/issue-41 holds 1 commit(s) autopilot did not make')
  expect(refused.out).toContain(`${fixup.slice(0, 12)} Reviewer fix-up (Rita Reviewer <rita@example.com>)`)
  expect(refused.out).toContain('`autopilot run --onto-branch`')
  expect(refused.out).toContain('`autopilot run --force`')
  expect(r.git(['rev-parse', 'autopilot/issue-41']).trim()).toBe(fixup)

  // Without the recorded head, the trailers tell autopilot's commits from the reviewer's: still refused.
  rmSync(path.join(r.repo, '.ai/runs/41/delivered.json'))
  const again = await r.run(['run'])
  expect(again.code).toBe(1)
  expect(again.out).toContain('holds 1 commit(s) autopilot did not make:')
  expect(r.git(['rev-parse', 'autopilot/issue-41']).trim()).toBe(fixup)

  // --onto-branch: the reviewer's commit stays, a's commit is not repeated, b lands on top.
  const stacked = await r.run(['run', '--onto-branch'])
  expect(stacked.code).toBe(0)
  expect(subjects(r.repo, base, 'autopilot/issue-41')).toEqual(['Write a (autopilot #41: a)', 'Reviewer fix-up', 'Write b (autopilot #41: b)'])
  expect(r.git(['rev-parse', 'autopilot/issue-41^']).trim()).toBe(fixup)

  // The reviewer's commit is now part of what autopilot delivered: a plain re-run keeps stacking, never drops it.
  const stackedHead = r.git(['rev-parse', 'autopilot/issue-41']).trim()
  const plain = await r.run(['run'])
  expect(plain.code).toBe(0)
  expect(r.git(['rev-parse', 'autopilot/issue-41']).trim()).toBe(stackedHead)

  // --force replaces the branch from the base; the reviewer's commit is gone from it.
  const forced = await r.run(['run', '--force'])
  expect(forced.code).toBe(0)
  expect(subjects(r.repo, base, 'autopilot/issue-41')).toEqual(['Write a (autopilot #41: a)', 'Write b (autopilot #41: b)'])
})

it('rejects --onto-branch with --force', async () => {
  const r = repo()
  r.writePlan(plan([writeA]))
  const res = await r.run(['run', '--onto-branch', '--force'])
  expect(res.code).toBe(2)
  expect(res.err).toContain('--onto-branch and --force contradict each other')
})
