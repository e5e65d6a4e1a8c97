// deliver() on real git with a bare origin: the push carries a lease on the branch as the guard saw it, so a commit
// pushed to origin while the job ran is never overwritten; the refusal is reported (job summary, annotation, status).
import path from 'node:path'
import { expect, it } from 'vitest'
import { deliver } from '../../src/action/deliver.js'
import type { Runner } from '../../src/action/runner.js'
import { readSettings } from '../../src/action/settings.js'
import { Git } from '../../src/git/git.js'
import { ProcessExecutor } from '../../src/run/executor.js'
import { git, reposPerTest } from '../support/local-repo.js'
import { manifest, plan } from '../fixtures/run/report-manifest.js'

const { repo } = reposPerTest()

function fakeRunner(workspace: string) {
  const seen = { summary: '', errors: [] as string[], outputs: {} as Record<string, string> }
  const inputs: Record<string, string> = { command: 'finalize', token: '', 'dry-run': 'false' }
  const runner: Runner = {
    input: (n) => inputs[n] ?? '',
    setOutput: (n, v) => void (seen.outputs[n] = String(v)),
    setSecret: () => {},
    info: () => {},
    notice: () => {},
    warning: () => {},
    error: (m) => void seen.errors.push(m),
    group: (_n, fn) => fn(),
    summary: async (m) => void (seen.summary += m),
    env: {},
    context: { runId: '1', runAttempt: '1', serverUrl: 'https://github.com', apiUrl: 'http://127.0.0.1:9', workspace, tempDir: workspace }
  }
  return { runner, seen }
}

it('does not overwrite a branch that moved on origin after it was inspected: the lease refuses, and the job says so', async () => {
  const r = repo()
  const branch = 'autopilot/issue-653'
  // The branch as the guard saw it...
  r.git(['commit', '--quiet', '--allow-empty', '-m', 'autopilot commit'])
  const inspected = r.git(['rev-parse', 'HEAD']).trim()
  r.git(['push', '--quiet', 'origin', `HEAD:refs/heads/${branch}`])
  // ...then a reviewer pushes while the job runs.
  const reviewer = path.join(r.root, 'reviewer')
  git(['clone', '--quiet', '--branch', branch, r.origin, reviewer], r.root)
  git(['commit', '--quiet', '--allow-empty', '-m', 'pushed meanwhile'], reviewer)
  git(['push', '--quiet', 'origin', branch], reviewer)
  const theirs = git(['rev-parse', branch], r.origin).trim()
  // What autopilot would push: a rebuilt branch.
  r.git(['reset', '--quiet', '--hard', 'HEAD~1'])
  r.git(['commit', '--quiet', '--allow-empty', '-m', 'rebuilt'])
  const head = r.git(['rev-parse', 'HEAD']).trim()

  const { runner, seen } = fakeRunner(r.repo)
  const userGit = new Git(new ProcessExecutor(), r.repo)
  const m = manifest({ commits: { analysis: head } })
  const delivered = await deliver({
    runner,
    settings: readSettings(runner),
    plan,
    manifest: m,
    integration: { commits: { analysis: head }, head, gates: [] },
    repo: userGit,
    checkout: userGit,
    mask: (t) => t,
    lease: inspected,
    recordDelivered: async () => {
      throw new Error('a refused push must not be recorded as delivered')
    }
  })
  expect(git(['rev-parse', branch], r.origin).trim()).toBe(theirs)
  expect(delivered.problem).toContain(`branch ${branch} changed on origin while autopilot ran (expected ${inspected.slice(0, 12)})`)
  expect(seen.summary).toContain('**Not delivered:** branch autopilot/issue-653 changed on origin while autopilot ran')
  expect(seen.errors.some((e) => e.includes('autopilot did not overwrite it'))).toBe(true)
  expect(seen.outputs).toMatchObject({ status: 'failed', branch: '' })
})
