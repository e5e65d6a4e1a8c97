/**
 * The action's inputs as one typed, checked object. An invalid value fails
 * with a message naming the input, the value and what is allowed.
 */
import { UsageError } from '../errors.js'
import { parseIdentity } from '../git/git.js'
import type { Runner } from './runner.js'

export const COMMANDS = ['plan', 'task', 'finalize', 'run', 'init', 'authorize'] as const
export type ActionCommand = (typeof COMMANDS)[number]

export interface Settings {
  /** What this job does. */
  command: ActionCommand
  /** Plan path or issue number ('' = the triggering issue). */
  plan: string
  /** Task ids for `task`, in order. */
  tasks: string[]
  /** Token for API calls (comment, PR lookups). */
  token: string
  /** Token for pushing and opening the PR; falls back to `token`. */
  prToken: string
  /** Most tasks at once for `run`; undefined = the plan's limit. */
  maxParallel?: number
  dryRun: boolean
  /** Level jobs the calling workflow has (`plan`). */
  maxLevelJobs: number
  /** `off` runs steps without the sandbox (input `sandbox`); `on` refuses to run steps where it cannot be had. */
  sandbox: 'on' | 'off'
  /** `run`: move an earlier run onto this revision (input `rebase`; `true` is HEAD), as `autopilot run --rebase`. */
  rebase?: string
  /** The branch holds commits autopilot did not make: stack the task commits on top of them. */
  ontoBranch: boolean
  /** The branch holds commits autopilot did not make: replace them. */
  force: boolean
  /** `Name <email>` of autopilot's commits ('' = the plan's `pr.author`, else `github-actions[bot]`). */
  commitAuthor: string
}

export function readSettings(runner: Runner): Settings {
  const command = runner.input('command')
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw new UsageError(`input "command" is "${command}"; allowed values: ${COMMANDS.join(', ')}`)
  }
  const tasks = runner.input('task').split(/[\s,]+/).filter(Boolean)
  if (command === 'task' && tasks.length === 0) {
    throw new UsageError('input "task" is empty; `command: task` needs one task id or several separated by spaces')
  }
  const token = runner.input('token')
  const prToken = runner.input('pr-token') || token
  for (const t of [token, prToken]) if (t) runner.setSecret(t)
  return {
    command: command as ActionCommand,
    plan: runner.input('plan'),
    tasks,
    token,
    prToken,
    maxParallel: positiveInt(runner, 'max-parallel'),
    dryRun: bool(runner, 'dry-run'),
    maxLevelJobs: positiveInt(runner, 'max-level-jobs') ?? 8,
    sandbox: onOff(runner, 'sandbox'),
    ...branchChoice(runner),
    commitAuthor: author(runner),
    rebase: rebaseInput(runner)
  }
}

function branchChoice(runner: Runner): { ontoBranch: boolean; force: boolean } {
  const choice = { ontoBranch: bool(runner, 'onto-branch'), force: bool(runner, 'force') }
  if (choice.ontoBranch && choice.force) {
    throw new UsageError('inputs "onto-branch" and "force" are both true; keep the commits on the branch, or replace them: set only one')
  }
  return choice
}

function author(runner: Runner): string {
  const raw = runner.input('commit-author').trim()
  if (raw && !parseIdentity(raw)) throw new UsageError(`input "commit-author" is "${raw}"; allowed values: \`Name <email>\`, or empty`)
  return raw
}

function positiveInt(runner: Runner, name: string): number | undefined {
  const raw = runner.input(name)
  if (raw === '') return undefined
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`input "${name}" is "${raw}"; allowed values: a whole number >= 1, or empty`)
  return n
}

function bool(runner: Runner, name: string): boolean {
  const raw = runner.input(name)
  const value = raw.toLowerCase()
  if (value === '' || value === 'false') return false
  if (value === 'true') return true
  throw new UsageError(`input "${name}" is "${raw}"; allowed values: true, false`)
}

function onOff(runner: Runner, name: string): 'on' | 'off' {
  const raw = runner.input(name) || 'on'
  if (raw !== 'on' && raw !== 'off') throw new UsageError(`input "${name}" is "${raw}"; allowed values: on, off`)
  return raw
}

/** Input `rebase`: '' (resume on the earlier base), `true` (onto HEAD) or a revision. */
function rebaseInput(runner: Runner): string | undefined {
  const raw = runner.input('rebase').trim()
  if (raw === '' || raw === 'false') return undefined
  if (raw === 'true') return 'HEAD'
  if (/\s/.test(raw) || raw.startsWith('-')) {
    throw new UsageError(`input "rebase" must be true, false, empty or a revision, got "${raw}"`)
  }
  return raw
}
