// A failed task keeps what its last attempt wrote: in its patch (evidence, never landed) and for its rollback.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, it } from 'vitest'
import { reposPerTest } from '../support/local-repo.js'

const { repo } = reposPerTest()

it("keeps the failed attempt's files for the rollback and as the patch, and lands nothing", async () => {
  const r = repo()
  const seen = path.join(r.scratch, 'seen-by-rollback')
  r.writePlan({
    issue: 74,
    tasks: [
      {
        id: 't',
        paths: ['out/**'],
        steps: [
          {
            run: 'mkdir -p out && echo "attempt $(date +%N)" > out/p.txt && exit 1',
            retries: 1,
            rollback: `cat out/p.txt > ${seen} 2>/dev/null || echo none > ${seen}`
          }
        ]
      }
    ]
  })
  const res = await r.run(['run', '74'])
  expect(res.code).toBe(1)
  expect(r.manifest()!.tasks.t).toMatchObject({ status: 'failed', steps: [{ attempts: 2 }] })
  const written = readFileSync(seen, 'utf8')
  expect(written).toMatch(/^attempt \d+\n$/)
  const patch = readFileSync(path.join(r.repo, '.ai/runs/74/tasks/t/patch.diff'), 'utf8')
  // The second (last) attempt's file, exactly what the rollback saw.
  expect(patch).toContain(`+${written.trim()}`)
  expect(() => r.git(['rev-parse', '--verify', 'autopilot/issue-74'])).toThrow()
})
