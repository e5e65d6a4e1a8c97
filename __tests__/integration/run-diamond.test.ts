// `autopilot run` end to end on real git: a diamond plan in parallel, resume, --fresh, changed tasks, --dry-run,
// `status` and `audit`. Every run leaves the user's checkout byte-identical.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { countLines, git, reportFiles, runUntouched, subjects, type LocalRepo, reposPerTest } from '../support/local-repo.js'

const { repo } = reposPerTest()

/** a -> (b, c) -> d; b and c each sleep 1 s, d joins their files. */
function diamond(issue: number) {
  return {
    issue,
    gates: { 'allow-paths': ['out/**'] },
    tasks: [
      { id: 'a', name: 'Make a', steps: [{ run: 'mkdir -p out && echo a > out/a.txt' }] },
      { id: 'b', name: 'Make b', needs: ['a'], steps: [{ run: 'sleep 1\ncat out/a.txt > out/b.txt\necho b >> out/b.txt' }] },
      { id: 'c', name: 'Make c', needs: ['a'], steps: [{ run: 'sleep 1\ncat out/a.txt > out/c.txt\necho c >> out/c.txt' }] },
      { id: 'd', name: 'Join', needs: ['b', 'c'], steps: [{ run: 'cat out/b.txt out/c.txt > out/d.txt' }] }
    ]
  }
}

const filesAt = (r: LocalRepo, commit: string) =>
  r.git(['ls-tree', '-r', '--name-only', commit]).split('\n').filter((f) => f.startsWith('out/'))

describe('a diamond plan', () => {
  it('lands 4 commits in topological order, runs the middle tasks side by side, and reports', async () => {
    const r = repo()
    r.writePlan(diamond(11))
    const base = r.git(['rev-parse', 'HEAD']).trim()
    const res = await runUntouched(r, ['run', '--jobs', '2'])
    expect(res.err).toBe('')
    expect(res.code).toBe(0)
    expect(res.out).toContain('branch: autopilot/issue-11 (4 commits)')

    // One commit per task, linear on the base, in an order where every task follows its needs.
    const subs = subjects(r.repo, base, 'autopilot/issue-11')
    expect(subs).toHaveLength(4)
    expect(subs[0]).toBe('Make a (autopilot #11: a)')
    expect(subs.slice(1, 3).sort()).toEqual(['Make b (autopilot #11: b)', 'Make c (autopilot #11: c)'])
    expect(subs[3]).toBe('Join (autopilot #11: d)')
    const commits = r.git(['rev-list', '--reverse', '--first-parent', `${base}..autopilot/issue-11`]).trim().split('\n')
    expect(r.git(['rev-list', '--count', `${base}..autopilot/issue-11`]).trim()).toBe('4')
    expect(r.git(['rev-parse', `${commits[0]}^`]).trim()).toBe(base)
    // Each commit's tree holds exactly what its task and the ones before it wrote.
    const middle = subs[1].endsWith(': b)') ? 'b' : 'c'
    const other = middle === 'b' ? 'c' : 'b'
    expect(filesAt(r, commits[0])).toEqual(['out/a.txt'])
    expect(filesAt(r, commits[1])).toEqual(['out/a.txt', `out/${middle}.txt`])
    expect(filesAt(r, commits[2])).toEqual(['out/a.txt', 'out/b.txt', 'out/c.txt'])
    expect(filesAt(r, commits[3])).toEqual(['out/a.txt', 'out/b.txt', 'out/c.txt', 'out/d.txt'])
    expect(r.git(['show', 'autopilot/issue-11:out/d.txt'])).toBe('a\nb\na\nc\n')
    // Locally the commits are by the repository's own git identity, and carry autopilot's trailers.
    expect(r.git(['log', '-1', '--format=%an <%ae>|%cn <%ce>', 'autopilot/issue-11']).trim()).toBe('Test User <test@example.com>|Test User <test@example.com>')
    expect(r.git(['log', '-1', '--format=%(trailers:only)', 'autopilot/issue-11']).trim()).toMatch(
      /^Autopilot-Issue: 11\nAutopilot-Task: d\nAutopilot-Patch: sha256:[0-9a-f]{64}$/
    )
    expect(r.git(['show', '--stat', '--format=', commits[1]])).toContain(`out/${middle}.txt`)
    expect(r.git(['show', '--stat', '--format=', commits[1]])).not.toContain(`out/${other}.txt`)

    // b and c ran at the same time: each started before the other finished.
    const m = r.manifest(11)!
    const t = (id: string, k: 'startedAt' | 'finishedAt') => Date.parse(m.tasks[id][k]!)
    expect(t('b', 'startedAt')).toBeLessThan(t('c', 'finishedAt'))
    expect(t('c', 'startedAt')).toBeLessThan(t('b', 'finishedAt'))
    // ... and after a, before d.
    expect(t('a', 'finishedAt')).toBeLessThanOrEqual(Math.min(t('b', 'startedAt'), t('c', 'startedAt')))
    expect(t('d', 'startedAt')).toBeGreaterThanOrEqual(Math.max(t('b', 'finishedAt'), t('c', 'finishedAt')))
    expect(Object.values(m.tasks).map((x) => x.status)).toEqual(['succeeded', 'succeeded', 'succeeded', 'succeeded'])
    expect(Object.keys(m.commits ?? {}).sort()).toEqual(['a', 'b', 'c', 'd'])
    expect(m.finishedAt).toBeDefined()

    // Reports: a status line per change, a summary, no failure report.
    const [statusLog] = reportFiles(r.repo, 'status-')
    const lines = readFileSync(statusLog, 'utf8').trim().split('\n').map((l) => l.split(' ').slice(1).join(' '))
    expect(lines).toHaveLength(8)
    expect(lines.indexOf('b running')).toBeLessThan(lines.indexOf('c succeeded'))
    expect(lines.indexOf('c running')).toBeLessThan(lines.indexOf('b succeeded'))
    expect(readFileSync(reportFiles(r.repo, 'summary-')[0], 'utf8')).toContain('**Outcome: succeeded**')
    expect(reportFiles(r.repo, 'FAILED-')).toEqual([])

    // `status` prints the task table from the manifest.
    const st = await runUntouched(r, ['status', '11'])
    expect(st.code).toBe(0)
    expect(st.out).toMatch(/^issue #11: succeeded, base [0-9a-f]{12}, branch autopilot\/issue-11, updated /)
    expect(st.out).toMatch(/^TASK\s+STATUS\s+TRIES\s+TIME/m)
    for (const id of ['a', 'b', 'c', 'd']) expect(st.out).toMatch(new RegExp(`^${id}\\s+succeeded\\s+1\\s+\\d`, 'm'))

    // Nothing left behind.
    expect(await runUntouched(r, ['audit', '11'])).toMatchObject({ code: 0, out: 'audit: clean\n' })
  })

  it('--dry-run prints each exact argv and runs nothing', async () => {
    const r = repo()
    const marker = path.join(r.scratch, 'ran')
    r.writePlan({
      issue: 12,
      gates: { 'allow-paths': ['out/**'] },
      tasks: [
        { id: 'first', steps: [{ run: `touch ${marker}` }], checks: ['test -f out/x'] },
        { id: 'second', needs: ['first'], steps: [{ run: 'echo two > out/two', shell: 'sh' }] }
      ]
    })
    const res = await runUntouched(r, ['run', '--dry-run'])
    expect(res).toMatchObject({ code: 0, err: '' })
    const lines = res.out.split('\n')
    expect(lines).toContain(`  step 1: run ${JSON.stringify(['bash', '--noprofile', '--norc', '-eo', 'pipefail', '-c', `touch ${marker}`])}`)
    expect(lines).toContain(`  check: ${JSON.stringify(['bash', '--noprofile', '--norc', '-eo', 'pipefail', '-c', 'test -f out/x'])}`)
    expect(lines).toContain(`  step 1: run ${JSON.stringify(['sh', '-e', '-c', 'echo two > out/two'])}`)
    expect(lines.indexOf('task first')).toBeLessThan(lines.indexOf('task second, needs first'))
    expect(existsSync(marker)).toBe(false)
    expect(r.manifest(12)).toBeUndefined()
    expect(existsSync(path.join(r.repo, '.ai', 'runs'))).toBe(false)
    expect(existsSync(path.join(r.repo, '.ai', 'logs'))).toBe(false)
    expect(r.git(['branch', '--list', 'autopilot/*']).trim()).toBe('')
  })
})

/** up -> down; each step appends a line to its counter file outside the repository. */
function chain(issue: number, scratch: string, downText = 'v1') {
  return {
    issue,
    gates: { 'allow-paths': ['out/**'] },
    tasks: [
      { id: 'up', steps: [{ run: `echo run >> ${scratch}/up.count\nmkdir -p out && echo up > out/up.txt` }] },
      { id: 'down', needs: ['up'], steps: [{ run: `echo run >> ${scratch}/down.count\necho ${downText} > out/down.txt` }] }
    ]
  }
}

describe('running a plan again', () => {
  it('keeps finished tasks; --fresh re-runs every one of them', async () => {
    const r = repo()
    r.writePlan(chain(13, r.scratch))
    const count = (id: string) => countLines(path.join(r.scratch, `${id}.count`))
    expect((await runUntouched(r, ['run'])).code).toBe(0)
    const tree = r.git(['rev-parse', 'autopilot/issue-13^{tree}']).trim()
    expect([count('up'), count('down')]).toEqual([1, 1])

    const again = await runUntouched(r, ['run'])
    expect(again.code).toBe(0)
    expect([count('up'), count('down')]).toEqual([1, 1])
    expect(r.git(['rev-parse', 'autopilot/issue-13^{tree}']).trim()).toBe(tree)

    const fresh = await runUntouched(r, ['run', '--fresh'])
    expect(fresh.code).toBe(0)
    expect([count('up'), count('down')]).toEqual([2, 2])
    const m = r.manifest(13)!
    expect([m.tasks.up.status, m.tasks.down.status]).toEqual(['succeeded', 'succeeded'])
    expect(r.git(['rev-parse', 'autopilot/issue-13^{tree}']).trim()).toBe(tree)
  })

  it('re-runs a task whose definition changed and reuses its unchanged upstream', async () => {
    const r = repo()
    const planFile = r.writePlan(chain(14, r.scratch))
    const count = (id: string) => countLines(path.join(r.scratch, `${id}.count`))
    expect((await runUntouched(r, ['run'])).code).toBe(0)
    const first = r.manifest(14)!
    expect(r.git(['show', 'autopilot/issue-14:out/down.txt'])).toBe('v1\n')

    // The user edits the plan (not committed): only `down` changed.
    writeFileSync(planFile, stringify({ version: 1, title: 'plan 14', ...chain(14, r.scratch, 'v2') }))
    const res = await runUntouched(r, ['run'])
    expect(res.code).toBe(0)
    expect([count('up'), count('down')]).toEqual([1, 2])
    const m = r.manifest(14)!
    expect(m.tasks.up.key).toBe(first.tasks.up.key)
    expect(m.tasks.up.finishedAt).toBe(first.tasks.up.finishedAt)
    expect(m.tasks.down.key).not.toBe(first.tasks.down.key)
    expect(m.tasks.down.status).toBe('succeeded')
    expect(r.git(['show', 'autopilot/issue-14:out/down.txt'])).toBe('v2\n')
    expect(r.git(['show', 'autopilot/issue-14:out/up.txt'])).toBe('up\n')
    expect(git(['rev-list', '--count', 'main..autopilot/issue-14'], r.repo).trim()).toBe('2')
  })
})
