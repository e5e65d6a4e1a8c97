/**
 * Agent budgets: per agent and per run (calls, tokens, cost), and per UTC day
 * across runs through a ledger. Pure: values in, new values out; the caller
 * persists the ledger. A budget is spent when usage has reached the limit, so
 * the check runs before each call.
 */
import type { AgentName, Plan } from '../plan/schema.js'
import type { Usage } from '../state/manifest.js'

/** Spend per agent on one UTC day, across runs. */
export interface Ledger {
  /** YYYY-MM-DD, UTC. */
  day: string
  perAgent: Record<string, Usage>
}

export type BudgetCheck = { ok: true } | { ok: false; breaker: string }

export const ZERO_USAGE: Usage = Object.freeze({ calls: 0, inputTokens: 0, outputTokens: 0 })

/** The UTC day of `now`, as YYYY-MM-DD. */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10)
}

/** An empty ledger for the day of `now`. */
export function emptyLedger(now: Date): Ledger {
  return { day: utcDay(now), perAgent: {} }
}

/** The ledger as of `now`: the same one on the same UTC day, an empty one after midnight. */
export function rollLedger(ledger: Ledger | undefined, now: Date): Ledger {
  return ledger && ledger.day === utcDay(now) ? ledger : emptyLedger(now)
}

/** a + b; cost is kept when either side reports one. */
export function addUsage(a: Usage, b: Usage): Usage {
  const sum: Usage = {
    calls: a.calls + b.calls,
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens
  }
  if (a.costUsd !== undefined || b.costUsd !== undefined) {
    // Round to micro-dollars so repeated sums stay stable in JSON.
    sum.costUsd = Math.round(((a.costUsd ?? 0) + (b.costUsd ?? 0)) * 1e6) / 1e6
  }
  if (a.unknownCalls || b.unknownCalls) sum.unknownCalls = (a.unknownCalls ?? 0) + (b.unknownCalls ?? 0)
  if (a.durationMs !== undefined || b.durationMs !== undefined) sum.durationMs = (a.durationMs ?? 0) + (b.durationMs ?? 0)
  return sum
}

/** a + b where either may be missing (a step without agent calls has no usage). */
export function mergeUsage(a: Usage | undefined, b: Usage | undefined): Usage | undefined {
  return !b ? a : !a ? { ...b } : addUsage(a, b)
}

/**
 * The token budgets that apply to `agent` (per run, per day, run-wide), by setting name: a call
 * whose usage is unknown cannot be counted against them.
 */
export function tokenBudgets(plan: Plan, agent: AgentName): string[] {
  const s = plan.agents[agent] ?? {}
  return [
    ...(s['max-tokens'] !== undefined ? [`agents.${agent}.max-tokens`] : []),
    ...(s['max-tokens-per-day'] !== undefined ? [`agents.${agent}.max-tokens-per-day`] : []),
    ...(plan.limits['max-tokens'] !== undefined ? ['limits.max-tokens'] : [])
  ]
}

/** Tokens counted against `max-tokens`: input plus output. */
export function totalTokens(u: Usage): number {
  return u.inputTokens + u.outputTokens
}

function total(runUsage: Record<string, Usage>): Usage {
  return Object.values(runUsage).reduce(addUsage, ZERO_USAGE)
}

type Limit = { setting: string; limit: number | undefined; used: number; unit: string }

function firstReached(limits: Limit[]): string | undefined {
  for (const l of limits) {
    if (l.limit !== undefined && l.used >= l.limit) {
      const used = l.unit === 'USD' ? `$${l.used.toFixed(4)}` : `${l.used} ${l.unit}`
      return `budget: ${l.setting} (${l.limit}) reached: ${used} spent`
    }
  }
  return undefined
}

/**
 * May `agent` be called now? Checks, in order: the agent's per-run budgets,
 * its per-day budgets (from the ledger rolled to `now`), then the run-wide
 * `limits`. The breaker message names the plan setting that tripped.
 */
export function checkBudget(input: {
  plan: Plan
  agent: AgentName
  runUsage: Record<string, Usage>
  ledger: Ledger | undefined
  now: Date
}): BudgetCheck {
  const { plan, agent } = input
  const s = plan.agents[agent] ?? {}
  const mine = input.runUsage[agent] ?? ZERO_USAGE
  const today = rollLedger(input.ledger, input.now).perAgent[agent] ?? ZERO_USAGE
  const run = total(input.runUsage)
  const a = `agents.${agent}`
  const breaker = firstReached([
    { setting: `${a}.max-calls`, limit: s['max-calls'], used: mine.calls, unit: 'calls' },
    { setting: `${a}.max-tokens`, limit: s['max-tokens'], used: totalTokens(mine), unit: 'tokens' },
    { setting: `${a}.max-cost-usd`, limit: s['max-cost-usd'], used: mine.costUsd ?? 0, unit: 'USD' },
    { setting: `${a}.max-calls-per-day`, limit: s['max-calls-per-day'], used: today.calls, unit: 'calls today' },
    { setting: `${a}.max-tokens-per-day`, limit: s['max-tokens-per-day'], used: totalTokens(today), unit: 'tokens today' },
    { setting: `${a}.max-cost-usd-per-day`, limit: s['max-cost-usd-per-day'], used: today.costUsd ?? 0, unit: 'USD' },
    { setting: 'limits.max-agent-calls', limit: plan.limits['max-agent-calls'], used: run.calls, unit: 'calls' },
    { setting: 'limits.max-tokens', limit: plan.limits['max-tokens'], used: totalTokens(run), unit: 'tokens' },
    { setting: 'limits.max-cost-usd', limit: plan.limits['max-cost-usd'], used: run.costUsd ?? 0, unit: 'USD' }
  ])
  return breaker ? { ok: false, breaker } : { ok: true }
}

/**
 * Record a finished call: new run usage and a new ledger (rolled to `now`),
 * the inputs untouched. Charge every call, failed ones too: they cost.
 */
export function charge(input: {
  runUsage: Record<string, Usage>
  ledger: Ledger | undefined
  agent: AgentName
  usage: Usage
  now: Date
}): { runUsage: Record<string, Usage>; ledger: Ledger } {
  const { agent, usage } = input
  const ledger = rollLedger(input.ledger, input.now)
  return {
    runUsage: { ...input.runUsage, [agent]: addUsage(input.runUsage[agent] ?? ZERO_USAGE, usage) },
    ledger: { day: ledger.day, perAgent: { ...ledger.perAgent, [agent]: addUsage(ledger.perAgent[agent] ?? ZERO_USAGE, usage) } }
  }
}
