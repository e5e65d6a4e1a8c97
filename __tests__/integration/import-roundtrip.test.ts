// Round trip: a workstream bundle imported with -o into a repository runs end to end with the stand-in agents
// (__tests__/fixtures/agents/bin): prompt files are read, paths gates and checks hold, needs order the commits.
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { makeRepo, projectRoot, type LocalRepo } from '../support/local-repo.js'

const standIns = path.join(projectRoot, '__tests__/fixtures/agents/bin')
let r: LocalRepo
afterEach(() => r?.cleanup())

it('an imported plan runs: two tasks in order, each agent writing inside its paths, checks passing', async () => {
  r = makeRepo()
  r.env.PATH = `${standIns}:${r.env.PATH}`
  Object.assign(r.env, { OPENAI_API_KEY: 'sk-test-openai-0123456789', ANTHROPIC_API_KEY: 'sk-ant-test-0123456789' })
  const bundle = path.join(r.scratch, 'workstreams')
  mkdirSync(bundle)
  writeFileSync(
    path.join(bundle, 'ws-01-a.json'),
    JSON.stringify({ id: 'ws-01-a', description: 'AUTOPILOT_FAKE: write out/a.md A', files_scope: ['out/a.md'], test_commands: ['test -f out/a.md'], tool: 'codex' })
  )
  writeFileSync(
    path.join(bundle, 'ws-02-b.json'),
    JSON.stringify({
      id: 'ws-02-b',
      description: 'AUTOPILOT_FAKE: write out/b/b.md B',
      depends_on: ['ws-01-a'],
      files_scope: ['out/b/'],
      test_commands: ['grep -q A out/a.md'],
      preferred_tools: ['claude'],
      fallback_tools: ['codex'],
      max_attempts: 2
    })
  )
  const imported = await r.run(['import', bundle, '--issue', '71', '-o', '.ai/plans/71/Autopilot.yaml'])
  expect(imported.code, imported.err).toBe(0)
  r.git(['add', '.ai'])
  r.git(['commit', '--quiet', '-m', 'imported plan'])
  const res = await r.run(['run', '71'])
  expect(res.code, res.out + res.err).toBe(0)
  const m = r.manifest(71)!
  expect([m.tasks['ws-01-a']!.status, m.tasks['ws-02-b']!.status]).toEqual(['succeeded', 'succeeded'])
  expect(r.git(['show', 'autopilot/issue-71:out/b/b.md'])).toBe('B\n')
  expect(r.git(['log', '--format=%s', 'main..autopilot/issue-71']).trim().split('\n')).toHaveLength(2)
})
