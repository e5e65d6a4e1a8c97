// When autopilot cannot write its state (a full disk, a broken folder) it stops cleanly with a clear
// message and no stack trace, and a later run picks up from what was saved.
import { mkdirSync, writeFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { makeRepo, type LocalRepo } from '../support/local-repo.js'

let r: LocalRepo
afterEach(() => r?.cleanup())

it('stops with exit 3 and a clear message when a task result cannot be saved, then resumes', async () => {
  r = makeRepo()
  r.writePlan({ issue: 71, tasks: [{ id: 'a', paths: ['a.txt'], steps: [{ run: 'echo a > a.txt' }] }] })
  // A file where the results folder should be: every write below it fails (ENOTDIR), as on a broken disk.
  const tasksDir = path.join(r.repo, '.ai', 'runs', '71', 'tasks')
  mkdirSync(path.dirname(tasksDir), { recursive: true })
  writeFileSync(tasksDir, 'not a folder')
  const broken = await r.run(['run', '71'])
  expect(broken.code).toBe(3)
  expect(broken.out + broken.err).toContain("cannot write autopilot's state")
  expect(broken.out + broken.err).not.toMatch(/\n\s+at /)
  rmSync(tasksDir)
  const again = await r.run(['run', '71'])
  expect(again.code, again.out + again.err).toBe(0)
  expect(r.git(['show', 'autopilot/issue-71:a.txt'])).toBe('a\n')
})
