/**
 * The dependency-driven scheduler: a task starts as soon as all of its own
 * needs have landed, at most `concurrency` at once. Dependents of a failure are
 * blocked, never run. Circuit breakers stop new starts. Knows nothing about
 * git, processes or Actions: it is handed a `run` function.
 */
import { BreakerTripped } from '../errors.js'
import { buildGraph, readyTasks } from '../graph/graph.js'
import { LANDABLE, type TaskStatus } from '../state/manifest.js'

export interface ScheduleInput {
  /** Task ids in plan order (ties start in this order). */
  ids: string[]
  needs: Record<string, string[]>
  concurrency: number
  /** Statuses carried over (resume); final ones are not run again. */
  initial?: Record<string, TaskStatus>
  /** Runs one task to a final status. Throwing BreakerTripped stops the run. */
  run(id: string, signal: AbortSignal): Promise<TaskStatus>
  onStatus(id: string, status: TaskStatus, reason?: string): void
  maxConsecutiveFailures?: number
  maxRuntimeMs?: number
  /** Interrupt: running tasks are aborted and end `cancelled`. */
  signal?: AbortSignal
}

export interface ScheduleResult {
  statuses: Record<string, TaskStatus>
  /** The breaker that stopped the run, if one did. */
  breaker?: string
  interrupted: boolean
  /** Most tasks that ran at the same time. */
  maxConcurrent: number
}

const FAILING: ReadonlySet<TaskStatus> = new Set(['failed', 'denied'])

export async function schedule(input: ScheduleInput): Promise<ScheduleResult> {
  const { ids, needs } = input
  const status: Record<string, TaskStatus> = {}
  for (const id of ids) {
    const carried = input.initial?.[id]
    status[id] = carried && LANDABLE.has(carried) ? carried : 'pending'
  }
  const graph = buildGraph(ids.map(id => ({ id, needs: needs[id] ?? [] })))
  const dependents = graph.dependents
  const abort = new AbortController()
  const onInterrupt = () => abort.abort()
  input.signal?.addEventListener('abort', onInterrupt, { once: true })
  if (input.signal?.aborted) abort.abort()

  let breaker: string | undefined
  /**
   * "Consecutive": tasks ending failed or denied one after another in the order they finish, with no task
   * landing in between (a landed task resets the count; blocked and cancelled tasks do not count).
   */
  let consecutive = 0
  const consecutiveBreaker = `max-consecutive-failures (${input.maxConsecutiveFailures}) reached`
  let maxConcurrent = 0
  const running = new Map<string, Promise<void>>()
  const trip = (name: string, cancelRunning: boolean) => {
    breaker ??= name
    if (cancelRunning) abort.abort()
  }
  const deadline =
    input.maxRuntimeMs !== undefined
      ? setTimeout(() => trip(`max-runtime-minutes (${input.maxRuntimeMs! / 60_000}) reached`, true), input.maxRuntimeMs)
      : undefined

  const set = (id: string, s: TaskStatus, reason?: string) => {
    status[id] = s
    input.onStatus(id, s, reason)
  }
  // Each blocked task names its own need that did not land (a grandchild names the blocked child).
  const block = (failed: string) => {
    const stack = (dependents[failed] ?? []).map(d => [d, failed] as const)
    while (stack.length) {
      const [d, need] = stack.pop()!
      if (status[d] !== 'pending') continue
      set(d, 'blocked', need === failed ? `needs ${need}, which ${outcome(status[need])}` : `needs ${need}, which is blocked because ${failed} ${outcome(status[failed])}`)
      stack.push(...(dependents[d] ?? []).map(g => [g, d] as const))
    }
  }
  // Tasks whose needs already failed in an earlier run are blocked up front.
  for (const id of ids) if (FAILING.has(status[id])) block(id)

  const ready = () =>
    readyTasks(
      graph,
      ids.filter(id => LANDABLE.has(status[id])),
      ids.filter(id => status[id] !== 'pending')
    )

  const start = (id: string) => {
    set(id, 'running')
    const p = (async () => {
      let s: TaskStatus
      let reason: string | undefined
      try {
        s = await input.run(id, abort.signal)
      } catch (e) {
        if (!(e instanceof BreakerTripped)) throw e
        trip(e.breaker, false)
        s = 'cancelled'
        reason = `stopped: ${e.breaker}`
      }
      if (abort.signal.aborted && !LANDABLE.has(s)) s = 'cancelled'
      set(id, s, reason)
      if (FAILING.has(s)) {
        consecutive++
        block(id)
        const max = input.maxConsecutiveFailures
        if (max !== undefined && consecutive >= max) trip(consecutiveBreaker, false)
      } else if (LANDABLE.has(s)) consecutive = 0
    })().finally(() => running.delete(id))
    running.set(id, p)
    maxConcurrent = Math.max(maxConcurrent, running.size)
  }

  try {
    for (;;) {
      if (!breaker && !abort.signal.aborted) {
        for (const id of ready()) {
          if (running.size >= input.concurrency) break
          start(id)
        }
      }
      if (running.size === 0) break
      await Promise.race(running.values())
    }
  } finally {
    if (deadline) clearTimeout(deadline)
    input.signal?.removeEventListener('abort', onInterrupt)
  }
  const interrupted = input.signal?.aborted ?? false
  const stopped = ids.filter(id => status[id] === 'pending')
  for (const id of stopped) set(id, 'cancelled', breaker ? `not started: ${breaker}` : 'not started: interrupted')
  // Failures counted while others ran in parallel can reach the limit when nothing is left to start: a breaker
  // that stopped nothing did not stop the run, so the run ends as failed (exit 1), not stopped (exit 3).
  if (breaker === consecutiveBreaker && stopped.length === 0) breaker = undefined
  return { statuses: status, breaker, interrupted, maxConcurrent }
}

/** `failed`, `was denied`: how a status reads after a task's name. */
function outcome(s: TaskStatus): string {
  return s === 'failed' ? 'failed' : `was ${s}`
}
