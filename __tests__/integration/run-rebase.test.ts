// `autopilot run --rebase`: after a fix is committed for a failing task's cause, the run moves onto the new base:
// kept tasks are replayed (not re-run, tries count kept, checks again), the fixed task succeeds, the branch is rebuilt.
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { reposPerTest, runUntouched } from '../support/local-repo.js'

const { repo } = reposPerTest()

describe('run --rebase', () => {
  it('keeps finished tasks whose patches still apply, re-runs the failed one on the new base, rebuilds the branch', async () => {
    const r = repo({ files: { 'config.txt': 'broken\n' } })
    const counter = (id: string) => path.join(r.scratch, `${id}.count`)
    const count = (id: string) => readFileSync(counter(id), 'utf8').length
    r.writePlan({
      issue: 31,
      gates: { 'allow-paths': ['out/**'] },
      tasks: [
        { id: 'docs', steps: [{ run: `echo x >> ${counter('docs')}; mkdir -p out && echo docs > out/docs.txt` }], checks: ['test -f out/docs.txt'] },
        { id: 'more', needs: ['docs'], steps: [{ run: `echo x >> ${counter('more')}; echo more > out/more.txt` }] },
        // Fails until config.txt says "fixed": its cause is in the base, not in the task.
        { id: 'build', steps: [{ run: `echo x >> ${counter('build')}; grep -q fixed config.txt && mkdir -p out && echo built > out/build.txt` }] }
      ]
    })
    const first = await runUntouched(r, ['run', '--jobs', '2'])
    expect(first.code).toBe(1)
    expect(r.manifest(31)!.tasks.build.status).toBe('failed')
    const attemptsBefore = r.manifest(31)!.tasks.docs.attempts

    // The fix is committed on the base; a plain run would resume on the old base and say how to move.
    writeFileSync(path.join(r.repo, 'config.txt'), 'fixed\n')
    r.git(['add', 'config.txt'])
    r.git(['commit', '-qm', 'fix the config'])
    const newBase = r.git(['rev-parse', 'HEAD']).trim()

    const moved = await runUntouched(r, ['run', '--rebase', '--jobs', '2'])
    expect(moved.err).toBe('')
    expect(moved.code).toBe(0)
    expect(moved.out).toContain('rebasing the run from')
    // Kept tasks were not re-run (their counters did not move); the fixed task ran once more.
    expect(count('docs')).toBe(2)
    expect(count('more')).toBe(2)
    expect(count('build')).toBe(4)
    const m = r.manifest(31)!
    expect(m.baseCommit).toBe(newBase)
    expect(m.tasks.docs).toMatchObject({ status: 'succeeded', rebased: true, attempts: attemptsBefore })
    expect(m.tasks.more).toMatchObject({ status: 'succeeded', rebased: true })
    expect(m.tasks.build.status).toBe('succeeded')
    // The branch is rebuilt on the new base with all three tasks.
    expect(r.git(['merge-base', 'autopilot/issue-31', newBase]).trim()).toBe(newBase)
    expect(r.git(['ls-tree', '-r', '--name-only', 'autopilot/issue-31', 'out/']).trim().split('\n').sort()).toEqual(['out/build.txt', 'out/docs.txt', 'out/more.txt'])
  }, 180_000)

  it('a kept task whose change no longer applies runs again, and so do its dependents', async () => {
    const r = repo({ files: { 'out/shared.txt': 'one\n' } })
    const counter = (id: string) => path.join(r.scratch, `${id}.count`)
    r.writePlan({
      issue: 32,
      gates: { 'allow-paths': ['out/**'] },
      tasks: [
        { id: 'edit', steps: [{ run: `echo x >> ${counter('edit')}; sed -i 's/one/ONE/' out/shared.txt` }] },
        { id: 'after', needs: ['edit'], steps: [{ run: `echo x >> ${counter('after')}; cat out/shared.txt > out/copy.txt` }] }
      ]
    })
    expect((await runUntouched(r, ['run'])).code).toBe(0)
    writeFileSync(path.join(r.repo, 'out/shared.txt'), 'one, changed upstream\n')
    r.git(['commit', '-qam', 'upstream edit of the same line'])
    const moved = await runUntouched(r, ['run', '--rebase'])
    expect(moved.code).toBe(0)
    expect(moved.out).toContain('rebase: edit runs again: the kept patch does not apply on the new base')
    expect(readFileSync(counter('edit'), 'utf8').length).toBe(4)
    expect(readFileSync(counter('after'), 'utf8').length).toBe(4)
    expect(r.git(['show', 'autopilot/issue-32:out/copy.txt']).trim()).toBe('ONE, changed upstream')
  }, 180_000)
})
