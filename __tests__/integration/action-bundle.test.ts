// The built bundle as the runner starts it: `node dist/index.js` on Node 24 with INPUT_* variables and a
// GITHUB_OUTPUT file. Outputs in the heredoc format, annotations in @actions/core's exact format, exit codes.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeRepo, projectRoot, type LocalRepo } from '../support/local-repo.js'
import { NODE, runBundle as runBundleIn } from '../support/action-bundle.js'


/** a -> (b, c) -> d */
const diamond = (issue: number) => ({
  issue,
  gates: { 'allow-paths': ['out/**'] },
  tasks: [
    { id: 'a', steps: [{ run: 'echo a' }] },
    { id: 'b', needs: ['a'], steps: [{ run: 'echo b' }] },
    { id: 'c', needs: ['a'], steps: [{ run: 'echo c' }] },
    { id: 'd', needs: ['b', 'c'], steps: [{ run: 'echo d' }] }
  ]
})

let repo: LocalRepo
const runBundle = (inputs: Record<string, string>) => runBundleIn(repo, inputs)

beforeAll(async () => {
  repo = makeRepo()
  repo.writePlan(diamond(31))
  // What `runs.using: node24` gets.
  const { stdout } = await promisify(execFile)(NODE, ['--version'])
  expect(stdout).toMatch(/^v24\./)
})
afterAll(() => repo?.cleanup())

const errorLines = (log: string) => log.split('\n').filter((l) => l.startsWith('::error'))
const noStack = (log: string) => {
  expect(log).not.toMatch(/^\s+at /m)
  expect(log).not.toContain('internal error')
}

describe('command: plan', () => {
  it('writes levels, level-count, jobs, base and the plan hash to GITHUB_OUTPUT in the heredoc format', async () => {
    const run = await runBundle({ command: 'plan', plan: '.ai/plans/31/Autopilot.yaml' })
    expect(run.code, run.log).toBe(0)
    // @actions/core writes `name<<ghadelimiter_<uuid>`, the value, the delimiter.
    expect(run.outputFile).toMatch(/^levels<<(ghadelimiter_[0-9a-f-]{36})\n\[\["a"\],\["b","c"\],\["d"\]\]\n\1\n/)
    expect(JSON.parse(run.outputs.levels)).toEqual([['a'], ['b', 'c'], ['d']])
    expect(run.outputs['level-count']).toBe('3')
    expect(JSON.parse(run.outputs.jobs)).toEqual([['a'], ['b', 'c'], ['d'], [], [], [], [], []])
    expect(run.outputs.base).toBe(repo.git(['rev-parse', 'HEAD']).trim())
    expect(run.outputs['plan-hash']).toMatch(/^[0-9a-f]{64}$/)
    expect(run.outputs.branch).toBe('autopilot/issue-31')
    expect(errorLines(run.log)).toEqual([])
    expect(run.summary).toContain('### Queued')
  })

  it('takes an issue number for the plan', async () => {
    const run = await runBundle({ command: 'plan', plan: '31' })
    expect(run.code, run.log).toBe(0)
    expect(run.outputs['level-count']).toBe('3')
  })

  it('folds levels deeper than max-level-jobs into one leg of the last entry, in topological order', async () => {
    const run = await runBundle({ command: 'plan', plan: '31', 'max-level-jobs': '2' })
    expect(run.code, run.log).toBe(0)
    expect(run.outputs['level-count']).toBe('3')
    expect(JSON.parse(run.outputs.jobs)).toEqual([['a'], ['b c d']])
    expect(run.log).toMatch(/^::warning::the plan has 3 levels and the workflow 2 level jobs/m)
  })

  it('an invalid plan: one annotation per problem at its file, line and column, exit 1, no stack trace', async () => {
    const fixture = readFileSync(path.join(projectRoot, '__tests__/fixtures/plans/invalid/many-problems.yaml'), 'utf8')
    const file = '.ai/plans/7/Autopilot.yaml'
    mkdirSync(path.join(repo.repo, path.dirname(file)), { recursive: true })
    writeFileSync(path.join(repo.repo, file), fixture)
    const run = await runBundle({ command: 'plan', plan: file })
    expect(run.code).toBe(1)
    const expected = [...fixture.matchAll(/^# expect: (\d+):(\d+): (.*)$/gm)].map(
      ([, line, col, message]) => `::error title=autopilot%3A invalid plan,file=${file},line=${line},col=${col}::${message}`
    )
    expect(expected).toHaveLength(6)
    expect(errorLines(run.log)).toEqual([...expected, `::error::invalid plan ${file}: 6 problem(s), annotated at their lines above`])
    noStack(run.log)
    expect(run.outputFile).toBe('')
  })
})

describe('invalid inputs', () => {
  it.each([
    [{ command: 'bogus' }, 'input "command" is "bogus"; allowed values: plan, task, finalize, run, init, authorize'],
    [{ command: 'plan', 'max-parallel': '0' }, 'input "max-parallel" is "0"; allowed values: a whole number >= 1, or empty'],
    [{ command: 'run', 'max-parallel': '2.5' }, 'input "max-parallel" is "2.5"; allowed values: a whole number >= 1, or empty'],
    [{ command: 'plan', 'max-level-jobs': 'eight' }, 'input "max-level-jobs" is "eight"; allowed values: a whole number >= 1, or empty'],
    [{ command: 'plan', 'dry-run': 'Maybe' }, 'input "dry-run" is "Maybe"; allowed values: true, false'],
    [{ command: 'task' }, 'input "task" is empty; `command: task` needs one task id or several separated by spaces']
  ])('%o fails naming the input, the value and the allowed values', async (inputs, message) => {
    const run = await runBundle(inputs)
    expect(run.code).toBe(1)
    expect(errorLines(run.log)).toEqual([`::error::${message}`])
    noStack(run.log)
  })

  it('a task that is not in the plan is named with the plan\'s tasks', async () => {
    const run = await runBundle({ command: 'task', plan: '31', task: 'a zz' })
    expect(run.code).toBe(1)
    expect(errorLines(run.log)).toEqual(['::error::input "task" names "zz", which is not a task of .ai/plans/31/Autopilot.yaml; tasks: a, b, c, d'])
    noStack(run.log)
  })
})
