// limits.step-memory-mb and limits.step-processes (issue #10 point 8): applied with prlimit inside the
// sandbox to every step, through the real CLI. A step that allocates past the memory limit fails; the
// process limit is the step's RLIMIT_NPROC (which the kernel does not apply to root: docs/safety.md).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { reposPerTest, runUntouched } from '../support/local-repo.js'

const { repo } = reposPerTest()

describe('step limits', () => {
  it('caps heap memory and processes of every step', async () => {
    const r = repo()
    r.writePlan({
      issue: 64,
      limits: { 'step-memory-mb': 160, 'step-processes': 100 },
      tasks: [
        {
          id: 'limited',
          steps: [
            {
              run: [
                'echo "data=$(ulimit -d) nproc=$(ulimit -u)"',
                // 20 MB fits in 160 MiB; 300 MB does not: that allocation fails, the step survives to say so.
                'node -e "const b = []; for (let i = 0; i < 20; i++) b.push(Buffer.alloc(1e6, 1)); console.log(\'SMALL-OK\')"',
                'if node -e "const b = []; for (let i = 0; i < 300; i++) b.push(Buffer.alloc(1e6, 1))" 2>/dev/null; then echo ALLOCATED; else echo REFUSED; fi'
              ].join('\n')
            }
          ]
        }
      ]
    })
    const res = await runUntouched(r, ['run'])
    const t = r.manifest(64)!.tasks.limited
    const log = readFileSync(path.join(r.repo, t.steps[0].log!), 'utf8')
    expect(t.status, `${t.reason}\n${res.out}`).toBe('succeeded')
    expect(log).toContain(`data=${160 * 1024} nproc=100`)
    expect(log).toMatch(/^SMALL-OK$/m)
    expect(log).toMatch(/^REFUSED$/m)
    expect(log).not.toMatch(/^ALLOCATED$/m)
  })

  it('leaves steps unlimited without the settings', async () => {
    const r = repo()
    r.writePlan({ issue: 65, tasks: [{ id: 'free', steps: [{ run: 'echo "data=$(ulimit -d)"' }] }] })
    await runUntouched(r, ['run'])
    const t = r.manifest(65)!.tasks.free
    expect(readFileSync(path.join(r.repo, t.steps[0].log!), 'utf8')).toContain('data=unlimited')
  })
})
