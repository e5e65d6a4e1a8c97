// Prompt assembly: content, determinism, and the size bound that never cuts the rules.
import { describe, expect, it } from 'vitest'
import { PlanSchema, type Plan } from '../../src/plan/schema.js'
import { assemblePrompt } from '../../src/agents/prompt.js'

const plan: Plan = PlanSchema.parse({
  version: 1,
  issue: 653,
  title: 'Autopilot Codex workflow',
  intent: 'Let Codex implement planned steps unattended, with logs and safe failure.',
  gates: { 'allow-paths': ['docs/**'], 'deny-paths': ['docs/secret/**'] },
  tasks: [
    {
      id: 'impl',
      name: 'Implement the runner',
      paths: ['scripts/autopilot/**'],
      checks: ['shellcheck scripts/autopilot/*.sh', { name: 'unit', run: 'npm test' }],
      steps: [{ agent: 'codex', prompt: 'Implement run_codex.sh.', expect: { changes: true } }]
    }
  ]
})
const task = plan.tasks[0]
const step = task.steps[0]
const bytes = (s: string) => Buffer.byteLength(s)

describe('assemblePrompt', () => {
  it('renders intent, task, instructions, rules and expectations', () => {
    expect(assemblePrompt({ plan, task, step, stepPrompt: 'Implement run_codex.sh.' })).toMatchInlineSnapshot(`
      "# Implement the runner (task \`impl\`)

      Part of "Autopilot Codex workflow" (issue #653), run unattended by autopilot.

      ## Intent of the whole plan

      Let Codex implement planned steps unattended, with logs and safe failure.

      ## Your instructions

      Implement run_codex.sh.

      ## Rules (autopilot enforces these on your changes)
      - Work only inside the current directory, a git worktree made for this task.
      - Do not commit, push, create branches or tags, or rewrite history: autopilot commits your changes.
      - Change only files matching these globs; any other change fails the task:
        - \`scripts/autopilot/**\`
        - \`docs/**\`
      - Never change files matching:
        - \`docs/secret/**\`
      - Do not edit workflows (\`.github/\`), plans (\`.ai/plans/\`), \`.env\` files, keys, dependency manifests or lock files unless the task says so.
      - Do not delete files.
      - Keep the change small: at most 100 files and 2000 changed lines.
      - Never write secrets, tokens or credentials into files or output.
      - This step must change files: finishing without a change is a failure.
      - After you finish, these commands must pass without changing files:
        - \`shellcheck scripts/autopilot/*.sh\`
        - \`npm test\`
      "
    `)
  })

  it('adds the failure tail on a retry and is deterministic', () => {
    const a = assemblePrompt({ plan, task, step, stepPrompt: 'Do it.', failureTail: 'npm ERR! test failed\n' })
    expect(a).toContain('## The previous attempt failed')
    expect(a).toContain('npm ERR! test failed')
    expect(assemblePrompt({ plan, task, step, stepPrompt: 'Do it.', failureTail: 'npm ERR! test failed\n' })).toBe(a)
  })

  it('stays within maxBytes, cutting the failure tail (keeping its end) and the instructions (keeping their start)', () => {
    const stepPrompt = `START ${'instruction '.repeat(5000)} END`
    const failureTail = `OLD ${'log line\n'.repeat(5000)} LAST-ERROR`
    const out = assemblePrompt({ plan, task, step, stepPrompt, failureTail, maxBytes: 8000 })
    expect(bytes(out)).toBeLessThanOrEqual(8000)
    expect(out).toContain('START')
    expect(out).not.toContain(' END')
    expect(out).toContain('LAST-ERROR')
    expect(out).not.toContain('OLD ')
    expect(out).toContain('Never write secrets')
    expect(out).toContain('cut by autopilot')
  })

  it('never cuts the rules, even when the bound is smaller than them', () => {
    const out = assemblePrompt({ plan, task, step, stepPrompt: 'x'.repeat(1000), maxBytes: 100 })
    expect(out).toContain('## Rules (autopilot enforces these on your changes)')
    expect(out).toContain('`npm test`')
  })

  it('cuts on character boundaries (multi-byte text)', () => {
    const out = assemblePrompt({ plan, task, step, stepPrompt: 'é'.repeat(10_000), maxBytes: 4000 })
    expect(bytes(out)).toBeLessThanOrEqual(4000)
    expect(out).not.toContain('\uFFFD')
  })

  it('with no paths at all, says that any change fails', () => {
    const bare = PlanSchema.parse({ version: 1, issue: 1, title: 't', tasks: [{ id: 'a', steps: [{ agent: 'claude', prompt: 'p' }] }] })
    const out = assemblePrompt({ plan: bare, task: bare.tasks[0], step: bare.tasks[0].steps[0], stepPrompt: 'p' })
    expect(out).toContain('No paths are allowed')
    expect(out).not.toContain('## Intent')
  })
})
