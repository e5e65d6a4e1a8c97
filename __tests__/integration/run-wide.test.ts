// 32 tasks at once: worktree creation and removal share the private clone's worktrees/ folder, which git
// does not lock; run side by side they used to fail at random ("failed to read worktrees/<x>/commondir").
import { afterEach, expect, it } from 'vitest'
import { makeRepo, runUntouched, type LocalRepo } from '../support/local-repo.js'

let r: LocalRepo
afterEach(() => r?.cleanup())

it('runs 32 independent tasks with --jobs 32 and lands all 32 commits', async () => {
  r = makeRepo()
  const ids = Array.from({ length: 32 }, (_, i) => `t${i}`)
  r.writePlan({ issue: 73, tasks: ids.map(id => ({ id, paths: [`out/${id}.txt`], steps: [{ run: `mkdir -p out && echo ${id} > out/${id}.txt` }] })) })
  const res = await runUntouched(r, ['run', '73', '--jobs', '32'])
  expect(res.code, res.out + res.err).toBe(0)
  expect(r.git(['rev-list', '--count', 'main..autopilot/issue-73']).trim()).toBe('32')
  expect(r.git(['ls-tree', '--name-only', 'autopilot/issue-73', 'out/']).trim().split('\n')).toHaveLength(32)
})
