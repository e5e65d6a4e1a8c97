// The schedule example's `find` step (workflows-examples/on-schedule.yml), run as written with bash in a clone of a
// bare origin: a plan already delivered on the current base (its autopilot branch builds on HEAD) is skipped, a plan
// whose branch is on an older base (main moved, or the plan changed) is due, an issue without a plan and anything
// that is not a number are dropped.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { parse } from 'yaml'
import { git, makeRepo, projectRoot } from '../support/local-repo.js'

const repo = makeRepo()
afterAll(() => repo.cleanup())

const findScript = (): string => {
  const wf = parse(readFileSync(path.join(projectRoot, 'workflows-examples', 'on-schedule.yml'), 'utf8'))
  const steps = wf.jobs.find.steps as { id?: string; run?: string; env?: Record<string, string> }[]
  const find = steps.find((s) => s.id === 'find')!
  // The issue numbers reach the script only through the environment.
  expect(find.env).toEqual({ READY: '${{ steps.list.outputs.ready }}' })
  return find.run!
}

it('skips a plan delivered on this base, runs one whose branch is on an older base, drops the rest', () => {
  const plan = (issue: number) => ({ issue, tasks: [{ id: 'a', steps: [{ run: 'true' }] }] })
  for (const n of [81, 82]) repo.writePlan(plan(n))
  repo.git(['push', '--quiet', 'origin', 'main'])
  // #82 was delivered on this commit, then main moved on: due again.
  repo.git(['checkout', '--quiet', '-b', 'autopilot/issue-82'])
  repo.git(['commit', '--quiet', '--allow-empty', '-m', 'task a\n\nAutopilot-Issue: 82'])
  repo.git(['push', '--quiet', 'origin', 'autopilot/issue-82'])
  repo.git(['checkout', '--quiet', 'main'])
  writeFileSync(path.join(repo.repo, 'later.txt'), 'later\n')
  repo.git(['add', 'later.txt'])
  repo.git(['commit', '--quiet', '-m', 'main moves on'])
  repo.git(['push', '--quiet', 'origin', 'main'])
  // #81 was delivered on the current main.
  repo.git(['checkout', '--quiet', '-b', 'autopilot/issue-81'])
  repo.git(['commit', '--quiet', '--allow-empty', '-m', 'task a\n\nAutopilot-Issue: 81'])
  repo.git(['push', '--quiet', 'origin', 'autopilot/issue-81'])

  const checkout = mkdtempSync(path.join(repo.root, 'find-'))
  git(['clone', '--quiet', repo.origin, checkout], repo.root)
  const script = path.join(repo.scratch, 'find.sh')
  writeFileSync(script, findScript())
  const output = path.join(repo.scratch, 'output')
  writeFileSync(output, '')
  const log = execFileSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
    cwd: checkout,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, READY: '81 82 83 x;touch${IFS}pwned ', GITHUB_OUTPUT: output }
  })
  expect(readFileSync(output, 'utf8')).toBe('issues=[82]\n')
  expect(log).toMatch(/^#81: already delivered on [0-9a-f]{12}; skipped$/m)
  expect(log).toContain('Plans due: [82]')
})
