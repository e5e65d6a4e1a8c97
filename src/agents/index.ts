/**
 * The agent registry: a driver per agent name, the merge of a step's agent
 * fields over `agents.<name>` settings (with the escalation chain), and the
 * credential check that runs before a step starts.
 */
import type { AgentName, AgentSettings, Plan, Step, Task } from '../plan/schema.js'
import type { AgentDriver } from './driver.js'
import { aiderDriver } from './drivers/aider.js'
import { claudeDriver } from './drivers/claude.js'
import { codexDriver } from './drivers/codex.js'
import { commandDriver } from './drivers/command.js'
import { copilotDriver } from './drivers/copilot.js'
import { geminiDriver } from './drivers/gemini.js'

export type { AgentContext, AgentDriver, AgentInvocation, AgentUsage, FailureClass } from './driver.js'
export { classifyResult, explainFailure } from './classify.js'
export { loggedIn, loginBinds, loginFilesFound, loginReport } from './login-files.js'

const DRIVERS: Record<AgentName, AgentDriver> = {
  codex: codexDriver,
  claude: claudeDriver,
  gemini: geminiDriver,
  aider: aiderDriver,
  copilot: copilotDriver,
  command: commandDriver
}

/** Every driver, in a stable order (doctor, docs). */
export function allDrivers(): AgentDriver[] {
  return Object.values(DRIVERS)
}

/** The driver for an agent name. */
export function getDriver(name: AgentName): AgentDriver {
  return DRIVERS[name]
}

/** Settings for calling one agent in one step, after merging. */
export interface AgentCall {
  agent: AgentName
  model?: string
  args: string[]
  allowedTools?: string[]
  command?: string[]
  /** Caller variables this call may see besides the driver's credentials (masked). */
  passEnv: string[]
}

/** How a step calls agents: the preferred one first, then its fallbacks in order. */
export interface ResolvedAgentCall {
  /** Preferred agent, then fallbacks, without repeats. */
  agents: AgentName[]
  /** One entry per element of `agents`, same order. */
  calls: AgentCall[]
}

function uniq<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)]
}

/**
 * Merge a step's agent fields over `agents.<name>` and compute the escalation
 * chain: `step.fallback`, else `task.fallback`, else `agents.<name>.fallback`.
 * Step fields (model, args, command, pass-env) apply to the step's own agent
 * only: a fallback agent runs with its own `agents.<fallback>` settings, since
 * a codex model name means nothing to claude. Step `pass-env` reaches every
 * agent in the chain (it is the step's environment, not a driver setting).
 */
export function resolveAgentCall(plan: Plan, task: Task, step: Step): ResolvedAgentCall {
  if (!step.agent) throw new Error(`step is not an agent step (task ${task.id})`)
  const preferred = step.agent
  const settings = (name: AgentName): AgentSettings => plan.agents[name] ?? {}
  const fallback = step.fallback ?? task.fallback ?? settings(preferred).fallback ?? []
  const agents = uniq([preferred, ...fallback])
  const stepPassEnv = step['pass-env'] ?? []
  const calls = agents.map((agent): AgentCall => {
    const s = settings(agent)
    const own = agent === preferred
    return {
      agent,
      model: (own ? step.model : undefined) ?? s.model,
      args: [...(s.args ?? []), ...((own ? step.args : undefined) ?? [])],
      allowedTools: s['allowed-tools'],
      command: (own ? step.command : undefined) ?? s.command,
      passEnv: uniq([...(s['pass-env'] ?? []), ...stepPassEnv])
    }
  })
  return { agents, calls }
}

/**
 * A message naming what is missing when the caller's environment lacks a
 * credential the driver needs, else undefined. Checked before the step starts.
 */
export function missingCredentials(driver: AgentDriver, env: Record<string, string | undefined>): string | undefined {
  const missing = driver.credentials.filter((group) => !group.some((name) => isSet(env[name])))
  if (missing.length === 0) return undefined
  const names = missing.map((g) => (g.length === 1 ? g[0] : `one of ${g.join(', ')}`)).join(' and ')
  return (
    `agent ${driver.name} needs ${names} in the environment of autopilot (e.g. from a repository secret)` +
    (driver.loginFiles.length ? `, or its own login (~/${driver.loginFiles[0]}). ` : '. ') +
    `It is passed to ${driver.name} steps only, and masked in logs. Any other variable the agent needs ` +
    `must be named in \`agents.${driver.name}.pass-env\` or the step's \`pass-env\`.`
  )
}

/**
 * The credential variables present in `env` that a call to `driver` receives
 * (every present name of every group: a CLI may prefer one over another), plus
 * the call's `passEnv` names that are set. The runner masks all their values.
 */
export function agentEnv(
  driver: AgentDriver,
  call: Pick<AgentCall, 'passEnv'>,
  env: Record<string, string | undefined>
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const name of [...driver.credentials.flat(), ...(driver.optionalEnv ?? []), ...call.passEnv]) {
    const v = env[name]
    if (isSet(v)) out[name] = v
  }
  return out
}

/**
 * Why an agent step cannot run, when it is under `network: deny` (the step's, else the plan's
 * default): every CLI but `command` needs its provider, and would retry until the step timeout.
 */
export function networkDenied(plan: Plan, step: Step): string | undefined {
  if (!step.agent || (step.network ?? plan.defaults.network) !== 'deny') return undefined
  const where = step.network ? "the step's `network: deny`" : '`defaults.network: deny`'
  return (
    `agent ${step.agent} cannot reach its model provider under ${where}: set \`network: allow\` on the step ` +
    '(agent steps need the network; the gates still check every change)'
  )
}

/** Agent steps that would run under `network: deny`: warnings for `validate`, with where they are. */
export function agentNetworkProblems(plan: Plan): { path: (string | number)[]; message: string }[] {
  const out: { path: (string | number)[]; message: string }[] = []
  plan.tasks.forEach((task, t) =>
    task.steps.forEach((step, s) => {
      if (step.agent === 'command') return
      const why = networkDenied(plan, step)
      if (why) out.push({ path: ['tasks', t, 'steps', s, ...(step.network ? ['network'] : ['agent'])], message: why })
    })
  )
  return out
}

function isSet(v: string | undefined): v is string {
  return v !== undefined && v !== ''
}
