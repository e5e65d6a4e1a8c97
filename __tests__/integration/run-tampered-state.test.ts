// A reused result (kept from an earlier run or restored from a cache) lands only if it passes the task's
// gates again: state on disk or in a cache could have been written by a compromised step or job.
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { makeRepo, type LocalRepo } from '../support/local-repo.js'

let r: LocalRepo
afterEach(() => r?.cleanup())

it('denies a kept patch that was swapped for one touching a protected file', async () => {
  r = makeRepo()
  r.writePlan({ issue: 72, tasks: [{ id: 'a', paths: ['docs/**'], steps: [{ run: 'mkdir -p docs && echo ok > docs/a.md' }] }] })
  expect((await r.run(['run', '72'])).code).toBe(0)
  const patchFile = path.join(r.repo, '.ai', 'runs', '72', 'tasks', 'a', 'patch.diff')
  const evil = readFileSync(patchFile, 'utf8').replaceAll('docs/a.md', '.github/workflows/evil.yml')
  writeFileSync(patchFile, evil)
  r.git(['branch', '-D', 'autopilot/issue-72'])

  const again = await r.run(['run', '72'])
  expect(again.code).toBe(1)
  expect(r.manifest()!.tasks.a.status).toBe('succeeded')
  expect(again.out).toContain('the patch of task "a" is denied as it lands: paths:')
  expect(() => r.git(['rev-parse', '--verify', 'autopilot/issue-72'])).toThrow()
})
