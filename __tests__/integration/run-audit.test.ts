// `autopilot audit`: a finished task without its log, and a leftover temporary branch in the private clone.
import { rmSync } from 'node:fs'
import path from 'node:path'
import { expect, it } from 'vitest'
import { git, reposPerTest, runUntouched } from '../support/local-repo.js'

const { repo } = reposPerTest()

it('exits 1 naming a finished task whose log is gone, and a leftover autopilot branch in the private clone', async () => {
  const r = repo()
  r.writePlan({ issue: 75, tasks: [{ id: 'a', paths: ['a.txt'], steps: [{ run: 'echo a > a.txt' }] }] })
  expect((await r.run(['run', '75'])).code).toBe(0)
  expect(await runUntouched(r, ['audit', '75'])).toMatchObject({ code: 0, out: 'audit: clean\n' })

  const log = r.manifest()!.tasks.a.log!
  rmSync(path.join(r.repo, log))
  const clone = path.join(r.workRoot(75), 'repo.git')
  git(['update-ref', 'refs/heads/autopilot/tmp-75', 'HEAD'], clone)

  const res = await runUntouched(r, ['audit', '75'])
  expect(res.code).toBe(1)
  expect(res.out).toContain(`audit: log of task a is missing: ${log}`)
  expect(res.out).toContain(`audit: leftover temporary branch refs/heads/autopilot/tmp-75 in ${clone}; run \`npx autopilot-action clean 75\``)
})
