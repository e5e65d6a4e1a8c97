// Issue 13 end to end through `autopilot run`: setup runs once and every task (and its checks) sees what it
// installed, never in a diff; an unchanged second run installs nothing; plan-folder files work uncommitted.
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { reposPerTest, runUntouched, type LocalRepo } from '../support/local-repo.js'
import { addNpmProject, NPM_SETUP } from '../support/npm-project.js'

const { repo } = reposPerTest()

/** The npm project of ../support/npm-project.ts in a fresh repository. */
function npmProject(): LocalRepo {
  return addNpmProject(repo())
}

const setupPlan = (issue: number) => ({
  issue,
  gates: { 'allow-paths': ['out/**'] },
  setup: [NPM_SETUP],
  tasks: ['a', 'b', 'c'].map((id) => ({
    id,
    steps: [{ run: `mkdir -p out && cp node_modules/.stamp out/${id}.stamp && node -p "require('./src/index.js')" > out/${id}.txt` }],
    checks: ["node -e \"require('pad-local')\""]
  })).concat([
    {
      id: 'd',
      needs: ['a'],
      // a task may change its own copy: this one's change is not seen by the others
      steps: [{ run: "echo 'module.exports = () => \"changed\"' > node_modules/pad-local/index.js && mkdir -p out && node -p \"require('./src/index.js')\" > out/d.txt" }],
      checks: ["node -e \"require('pad-local')\""]
    } as never
  ])
})

describe('setup', () => {
  it('runs once per run; every task and check sees its output, no diff holds it; a second run installs nothing', async () => {
    const r = npmProject()
    r.writePlan(setupPlan(21))
    const base = r.git(['rev-parse', 'HEAD']).trim()
    const first = await runUntouched(r, ['run', '--jobs', '2'])
    expect(first.err).toBe('')
    expect(first.code).toBe(0)
    expect(first.out).toContain('setup: kept layer')
    const branch = 'autopilot/issue-21'
    const show = (f: string) => r.git(['show', `${branch}:out/${f}`]).trim()
    const stamps = ['a', 'b', 'c'].map((id) => show(`${id}.stamp`))
    expect(new Set(stamps).size).toBe(1)
    expect(['a', 'b', 'c'].map((id) => show(`${id}.txt`))).toEqual(['--x', '--x', '--x'])
    expect(show('d.txt')).toBe('changed')
    const touched = r.git(['log', '--name-only', '--format=', `${base}..${branch}`]).split('\n').filter(Boolean)
    expect(touched.sort()).toEqual(['out/a.stamp', 'out/a.txt', 'out/b.stamp', 'out/b.txt', 'out/c.stamp', 'out/c.txt', 'out/d.txt'])
    expect(touched.some((f) => f.includes('node_modules'))).toBe(false)

    // A fresh run of the unchanged plan: the kept layer, the same install.
    const second = await runUntouched(r, ['run', '--fresh', '--jobs', '2'])
    expect(second.code).toBe(0)
    expect(second.out).toContain('setup: reused the kept layer')
    expect(second.out).not.toContain('setup: step 1')
    expect(show('a.stamp')).toBe(stamps[0])
    // d changed its own copy of the layer; no other task sees that.
    expect(show('b.txt')).toBe('--x')
  }, 120_000)

  it('a failing setup stops the run before any task, naming the step', async () => {
    const r = npmProject()
    r.writePlan({ issue: 22, setup: [{ name: 'broken install', run: 'exit 7' }], tasks: [{ id: 'a', steps: [{ run: 'true' }] }] })
    const res = await runUntouched(r, ['run'])
    expect(res.code).toBe(1)
    expect(res.err).toContain('setup step 1 "broken install" exited with 7; no task ran')
  }, 60_000)
})

describe('plan-folder files', () => {
  it('an uncommitted prompt file and helper script are read from the plan folder at $AUTOPILOT_PLAN_DIR', async () => {
    const r = repo()
    r.writePlan({
      issue: 23,
      gates: { 'allow-paths': ['out/**'] },
      tasks: [
        {
          id: 'a',
          steps: [
            { run: 'bash "$AUTOPILOT_PLAN_DIR/gen.sh"' },
            { agent: 'command', command: ['sh', '-c', 'cat > out/prompt.txt'], 'prompt-file': 'ask.md' }
          ]
        }
      ]
    })
    const dir = path.join(r.repo, '.ai/plans/23')
    writeFileSync(path.join(dir, 'gen.sh'), 'mkdir -p out && echo generated > out/gen.txt\n')
    writeFileSync(path.join(dir, 'ask.md'), 'Please write the prompt file.\n')
    const res = await runUntouched(r, ['run'])
    expect(res.err).toBe('')
    expect(res.code).toBe(0)
    expect(r.git(['show', 'autopilot/issue-23:out/gen.txt']).trim()).toBe('generated')
    expect(readFileSync(path.join(dir, 'ask.md'), 'utf8')).toBe('Please write the prompt file.\n')
    expect(r.git(['show', 'autopilot/issue-23:out/prompt.txt'])).toContain('Please write the prompt file.')
  }, 60_000)
})
