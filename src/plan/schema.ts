/**
 * The plan format, v1: the single source of truth for the types, the defaults
 * and the generated JSON Schema (`schema/autopilot.schema.json`). Every field
 * carries its documentation in `.describe()`, so editors show it on hover.
 */
import { z } from 'zod'
import { globProblem, relativePathProblem } from './globs.js'

/** Why `source` is not a JavaScript regular expression, if it is not. */
function regexProblem(source: string): string | undefined {
  try {
    new RegExp(source)
    return undefined
  } catch (e) {
    return `not a regular expression: ${(e as Error).message}`
  }
}

/** Agent CLIs autopilot knows how to drive (see src/agents/). */
export const AGENT_NAMES = ['codex', 'claude', 'gemini', 'aider', 'copilot', 'command'] as const
export type AgentName = (typeof AGENT_NAMES)[number]

/** Same shape as a GitHub job id, so ids can become matrix values and artifact names. */
export const TASK_ID_PATTERN = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/

const minutes = z.number().positive().max(24 * 60)
const count = z.number().int().nonnegative()
const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name')
const envMap = z.record(envName, z.union([z.string(), z.number(), z.boolean()]).transform(String))
/** Turns a `(value) => problem | undefined` check into a zod refinement, so the message is the check's own. */
const refineWith = (problem: (v: string) => string | undefined) => (v: string, ctx: z.RefinementCtx) => {
  const message = problem(v)
  if (message !== undefined) ctx.addIssue({ code: 'custom', message })
}
const relPath = z.string().min(1).superRefine(refineWith(relativePathProblem))
const glob = z.string().min(1).superRefine(refineWith(globProblem))
const network = z.enum(['allow', 'deny'])

const expect = z
  .strictObject({
    'exit-code': z.number().int().min(0).max(255).optional().describe('Exit code the step must end with (default 0).'),
    output: z.string().optional().describe('Regular expression the combined output must match.'),
    changes: z
      .boolean()
      .optional()
      .describe('true: the step must change files (exit 0 with no diff fails). false: it must not change any.')
  })
  .describe('What a successful step looks like.')

/** Settings an agent step can take directly or inherit from `agents.<name>`. */
const agentCallFields = {
  model: z.string().min(1).optional().describe('Model name passed to the agent CLI.'),
  args: z.array(z.string()).optional().describe('Extra arguments appended to the agent command line.'),
  fallback: z
    .array(z.enum(AGENT_NAMES))
    .optional()
    .describe('Agents to escalate to, in order, after this one fails its attempts.')
}

export const StepSchema = z
  .strictObject({
    name: z.string().min(1).optional().describe('Display name of the step.'),
    run: z.string().min(1).optional().describe('Shell command to run. Exactly one of `run` or `agent`.'),
    agent: z.enum(AGENT_NAMES).optional().describe('Coding agent to call. Exactly one of `run` or `agent`.'),
    prompt: z.string().min(1).optional().describe('Prompt for an agent step.'),
    'prompt-file': relPath.optional().describe('File (relative to the repository root) holding the prompt.'),
    command: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .describe('For `agent: command`: the program and its arguments; the prompt goes to stdin.'),
    ...agentCallFields,
    shell: z.string().optional().describe('Shell for `run` steps (default from `defaults.shell`).'),
    env: envMap.optional().describe('Environment variables set for this step.'),
    'pass-env': z
      .array(envName)
      .optional()
      .describe("Names of the caller's environment variables this step may see. Their values are masked in logs."),
    'working-directory': relPath.optional().describe('Directory, relative to the repository root, to run in.'),
    'timeout-minutes': minutes.optional().describe('Kill the step (and all its children) after this long.'),
    retries: count.max(10).default(0).describe('How many times to retry the step after a failure.'),
    'continue-on-error': z.boolean().default(false).describe('A failure of this step does not fail the task.'),
    expect: expect.optional(),
    rollback: z.string().min(1).optional().describe('Shell command run when the step finally fails.'),
    network: network.optional().describe('`deny` runs the step without network access.')
  })
  .describe('One step: a shell command (`run`) or a coding-agent call (`agent`).')

const check = z
  .union([
    z.string().min(1),
    z.strictObject({
      name: z.string().optional().describe('Display name of the check.'),
      run: z.string().min(1).describe('Shell command that must exit 0 without changing files.')
    })
  ])
  .describe('A shell command, or `{name, run}`.')

export const TaskSchema = z
  .strictObject({
    id: z
      .string()
      .regex(TASK_ID_PATTERN, 'must start with a letter or _ and contain only letters, digits, - and _ (max 64)')
      .describe('Unique id of the task, used in `needs`, branch commits and artifact names.'),
    name: z.string().min(1).optional().describe('Human-readable name.'),
    needs: z
      .union([z.string(), z.array(z.string())])
      .transform((v) => (typeof v === 'string' ? [v] : v))
      .default([])
      .describe('Tasks that must succeed before this one starts: a list of ids, or one id (as GitHub workflows allow).'),
    paths: z.array(glob).optional().describe('Globs of the files this task may change (default: `gates.allow-paths`).'),
    steps: z.array(StepSchema).min(1, 'a task needs at least one step').describe('Steps, run in order.'),
    checks: z
      .array(check)
      .default([])
      .describe('Commands run after the steps; they must pass and must not change files.'),
    env: envMap.optional().describe('Environment variables for every step of this task.'),
    'max-attempts': z.number().int().min(1).max(10).default(1).describe('Times the whole task may be attempted.'),
    'timeout-minutes': minutes.optional().describe('Time limit for the whole task.'),
    'estimate-minutes': z.number().positive().optional().describe('Expected duration, used for the critical path.'),
    fallback: agentCallFields.fallback
  })
  .describe('A unit of work: runs in its own worktree and lands as one commit.')

const forbidAdded = z
  .strictObject({
    pattern: z
      .string()
      .min(1)
      .superRefine(refineWith(regexProblem))
      .describe('Regular expression (JavaScript syntax) matched against each added and removed line.'),
    message: z.string().min(1).describe('Why the pattern is forbidden and what to use instead; shown with each file:line.'),
    paths: z.array(glob).optional().describe('Globs of the files the rule applies to (default: every file).')
  })
  .describe('A task is denied when its added lines match `pattern` more often than its removed lines did.')

const GatesSchema = z
  .strictObject({
    'allow-paths': z.array(glob).default([]).describe('Globs any task may change, in addition to its own `paths`.'),
    'deny-paths': z.array(glob).default([]).describe('Globs no task may change, whatever else allows them.'),
    'allow-protected': z
      .array(glob)
      .default([])
      .describe('Protected paths (workflows, plans, manifests, keys...) that tasks may nevertheless change.'),
    'allow-deletes': z.boolean().default(false).describe('Let tasks delete files.'),
    'max-changed-files': count.default(100).describe('Most files one task may change.'),
    'max-changed-lines': count.default(2000).describe('Most lines (added + removed) one task may change.'),
    'max-file-bytes': count.default(1024 * 1024).describe('Largest file a task may add or change, in bytes.'),
    'max-run-changed-files': count.default(300).describe('Most files the whole run may change.'),
    'max-run-changed-lines': count.default(10000).describe('Most lines the whole run may change.'),
    'scan-secrets': z.boolean().default(true).describe('Scan added lines for secrets (secretlint recommended rules).'),
    'allow-secret-values': z
      .array(envName)
      .default([])
      .describe(
        'Variables whose values a change may contain: by default a change holding the value of a `pass-env` variable, an agent credential or a secret-named `env` value (plain, base64, hex or URL-encoded) is denied.'
      ),
    'forbid-added': z
      .array(forbidAdded)
      .default([])
      .describe('Patterns a task may not add more of than the base had (deprecated APIs, hard-coded paths, console.log...).')
  })
  .describe('Safety gates, checked on every task diff and on the integrated branch.')

const LimitsSchema = z
  .strictObject({
    'max-parallel': z.number().int().min(1).max(256).optional().describe('Tasks run at once (default: CPU count).'),
    'max-consecutive-failures': z
      .number()
      .int()
      .min(1)
      .default(3)
      .describe(
        'Stop starting tasks after this many failures in a row: tasks ending failed or denied one after another, in the ' +
          'order they finish, with no task landing in between.'
      ),
    'max-runtime-minutes': minutes.optional().describe('Stop starting tasks after the run has taken this long.'),
    'max-agent-calls': count.optional().describe('Most agent calls in the run.'),
    'max-tokens': count.optional().describe('Most agent tokens in the run.'),
    'max-cost-usd': z.number().nonnegative().optional().describe('Most agent cost in the run, in US dollars.'),
    /** RLIMIT_DATA of every step, check and rollback (prlimit): heap and private memory, per process. */
    'step-memory-mb': z
      .number()
      .int()
      .min(16)
      .optional()
      .describe('Most heap memory (RLIMIT_DATA, MiB) each process of a step may use.'),
    /** RLIMIT_NPROC of every step (prlimit). The kernel does not apply it to root: see docs/safety.md. */
    'step-processes': z
      .number()
      .int()
      .min(1)
      .optional()
      .describe('Most processes (RLIMIT_NPROC) a step may run at once; not enforced when autopilot runs as root.'),
    'max-regressions': count
      .optional()
      .describe('Stop starting tasks after this many checks that passed on the base failed after a task.')
  })
  .describe('Circuit breakers and concurrency.')

const AgentSettingsSchema = z
  .strictObject({
    ...agentCallFields,
    command: z.array(z.string().min(1)).min(1).optional().describe('Program and arguments (for `command`).'),
    'pass-env': z.array(envName).optional().describe('Extra environment variables the agent may see (masked).'),
    'allowed-tools': z.array(z.string()).optional().describe('Tools the agent may use (claude `--allowedTools`).'),
    'max-calls': count.optional().describe('Most calls to this agent per run.'),
    'max-tokens': count.optional().describe('Most tokens for this agent per run.'),
    'max-cost-usd': z.number().nonnegative().optional().describe('Most cost for this agent per run.'),
    'max-calls-per-day': count.optional().describe('Most calls to this agent per UTC day, across runs.'),
    'max-tokens-per-day': count.optional().describe('Most tokens for this agent per UTC day, across runs.'),
    'max-cost-usd-per-day': z.number().nonnegative().optional().describe('Most cost per UTC day, across runs.')
  })
  .describe('Driver settings and budgets for one agent.')

const DefaultsSchema = z
  .strictObject({
    shell: z.string().default('bash').describe('Shell for `run` steps: bash (with -eo pipefail) or sh.'),
    'timeout-minutes': minutes.default(30).describe('Time limit of a step without its own.'),
    env: envMap.default({}).describe('Environment variables for every step.'),
    'pass-env': z.array(envName).default([]).describe("Caller's environment variables every step may see (masked)."),
    network: network.default('allow').describe('`deny` runs steps without network access.')
  })
  .describe('Defaults for every step.')

const PrSchema = z
  .strictObject({
    title: z.string().min(1).optional().describe('Pull request title (default: the plan title).'),
    draft: z.boolean().default(false).describe('Open the pull request as a draft.'),
    labels: z.array(z.string().min(1)).default([]).describe('Labels added to the pull request.'),
    author: z
      .string()
      .regex(/^[^<>\n]+ <[^<>\s]+>$/, 'author must look like `Name <email>`')
      .optional()
      .describe(
        "Author and committer of autopilot's commits, `Name <email>` (default: the repository's git identity locally, " +
          '`github-actions[bot]` on Actions; the action input `commit-author` overrides it).'
      ),
    'close-issue': z.boolean().default(true).describe('Put `Closes #<issue>` in the pull request body, so merging closes the issue.'),
    'co-author': z
      .boolean()
      .default(true)
      .describe('On Actions, add a `Co-authored-by` trailer naming the user who triggered the run to every commit.'),
    'allow-branch-outside-autopilot': z
      .boolean()
      .default(false)
      .describe(
        'Let `branch` name a branch outside `autopilot/...` (autopilot force-updates it; the default branch and checked-out branches stay refused).'
      )
  })
  .describe('The pull request autopilot opens or updates.')

const BASELINE_POLICIES = ['report', 'require-green', 'ignore'] as const
const BaselineSchema = z
  .union([
    z.enum(BASELINE_POLICIES).transform(policy => ({ policy })),
    z.strictObject({
      policy: z
        .enum(BASELINE_POLICIES)
        .default('report')
        .describe(
          '`report`: a check already failing on the base is reported "failing before autopilot" and not blamed on a task; ' +
            '`require-green`: stop before any step when one fails; `ignore`: no baseline.'
        ),
      commands: z
        .array(z.string().min(1))
        .optional()
        .describe('Commands run once on the base before any task (default: every distinct task check).')
    })
  ])
  .describe('Checks run once on the base before any task; a policy name alone is short for `{policy: <name>}`.')
/** Lock files that key the `setup` cache when the plan names none (`setup-key-files`). */
export const DEFAULT_SETUP_KEY_FILES = [
  'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lockb', 'bun.lock',
  'poetry.lock', 'uv.lock', 'Pipfile.lock', 'pdm.lock', 'requirements*.txt', 'Cargo.lock', 'go.sum',
  'Gemfile.lock', 'composer.lock', 'gradle.lockfile', 'mix.lock', 'pubspec.lock', 'Package.resolved'
]

export const PlanSchema = z
  .strictObject({
    $schema: z.string().optional().describe('JSON Schema reference for editors.'),
    version: z.literal(1, { error: 'unsupported version: only `version: 1` exists' }).describe('Plan format version.'),
    issue: z.number().int().positive().describe('Issue number the plan implements.'),
    title: z.string().min(1).describe('Short title; the default pull request title.'),
    intent: z
      .string()
      .max(2048, 'intent must be at most 2 KB: it is sent to every agent step')
      .default('')
      .describe('Short anchor (<= 2 KB) given to every agent step.'),
    base: z.string().min(1).optional().describe('Base branch or commit (default: the current HEAD).'),
    branch: z
      .string()
      .min(1)
      .optional()
      .describe('Branch to assemble (default: `autopilot/issue-<issue>`); must start with `autopilot/` unless `pr.allow-branch-outside-autopilot`.'),
    defaults: DefaultsSchema.prefault({}),
    gates: GatesSchema.prefault({}),
    limits: LimitsSchema.prefault({}),
    /**
     * `off` runs steps without the sandbox (src/run/sandbox.ts). Only for hosts where it cannot be had and
     * the plan's steps are trusted: steps can then read autopilot's environment and write outside their worktree.
     */
    sandbox: z
      .enum(['on', 'off'])
      .default('on')
      .describe('`off` runs steps without the sandbox: they can then reach autopilot\'s environment and files outside their worktree. Default `on`: where the sandbox cannot be had, steps are refused.'),
    agents: z.partialRecord(z.enum(AGENT_NAMES), AgentSettingsSchema).default({}).describe('Per-agent settings.'),
    pr: PrSchema.prefault({}),
    ready: z
      .boolean()
      .default(false)
      .describe('Approved for unattended runs: `autopilot session --ready` runs every plan marked ready.'),
    baseline: BaselineSchema.prefault({}),
    setup: z
      .array(StepSchema)
      .default([])
      .describe(
        'Shell steps run once per run on the base, in the sandbox (network allowed unless a step says `network: deny`). ' +
          'What they leave that git ignores (node_modules, .venv, target/, generated files) is present in every task\'s ' +
          'worktree without running them again, and never part of a task\'s change. Cached across runs by `setup-key-files`.'
      ),
    'setup-key-files': z
      .array(glob)
      .optional()
      .describe(
        'Files whose content keys the `setup` cache, with the setup steps themselves (default: the repository\'s lock files, ' +
          'e.g. package-lock.json, poetry.lock, Cargo.lock, go.sum).'
      ),
    tasks: z.array(TaskSchema).min(1, 'a plan needs at least one task').describe('The tasks, a DAG through `needs`.')
  })
  .describe('An autopilot plan: .ai/plans/<issue>/Autopilot.yaml')

/** A validated plan with every default filled in. */
export type Plan = z.output<typeof PlanSchema>
/** A plan as written in YAML (defaults optional). */
export type PlanInput = z.input<typeof PlanSchema>
export type Task = Plan['tasks'][number]
export type Step = Task['steps'][number]
export type Gates = Plan['gates']
export type Limits = Plan['limits']
export type AgentSettings = NonNullable<Plan['agents'][AgentName]>
export type ForbidAddedRule = Gates['forbid-added'][number]
/** The baseline settings, always in object form. */
export type Baseline = { policy: (typeof BASELINE_POLICIES)[number]; commands?: string[] }

/** The branch a plan assembles onto. */
export function branchName(plan: Plan): string {
  return plan.branch ?? `autopilot/issue-${plan.issue}`
}
