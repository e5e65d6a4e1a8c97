/**
 * The task DAG as plain, serialisable data, and the pure questions asked of it:
 * levels, a stable topological order, the critical path, closures, ready sets, cycles.
 */
import { AutopilotError } from '../errors.js'

/** What the graph needs to know about a task (a plan `Task` fits). */
export interface GraphTask {
  id: string
  needs: readonly string[]
  'estimate-minutes'?: number
}

/** The DAG. Every list is in plan order; JSON round-trips it unchanged. */
export interface TaskGraph {
  /** Task ids in plan order. */
  ids: string[]
  /** id -> the tasks it needs (duplicates removed). */
  needs: Record<string, string[]>
  /** id -> the tasks that need it, in plan order. */
  dependents: Record<string, string[]>
  /** id -> `estimate-minutes`, for the tasks that give one. */
  estimates: Record<string, number>
}

/** The graph is not a DAG: `cycle` is its path, e.g. `['a', 'b', 'a']` (a needs b, b needs a). */
export class CycleError extends AutopilotError {
  override name = 'CycleError'
  constructor(readonly cycle: string[]) {
    super(`dependency cycle: ${cycle.join(' -> ')}`)
  }
}

/**
 * Build the graph. Throws AutopilotError on a duplicate id or a `needs` naming
 * no task (a validated plan has neither). Cycles are kept so `findCycle` can
 * name them; the ordering functions throw CycleError on them.
 */
export function buildGraph(tasks: readonly GraphTask[]): TaskGraph {
  const ids = tasks.map((t) => t.id)
  const known = new Set<string>()
  for (const id of ids) {
    if (known.has(id)) throw new AutopilotError(`duplicate task id "${id}"`)
    known.add(id)
  }
  const needs = new Map<string, string[]>()
  const dependents = new Map<string, string[]>(ids.map((id) => [id, []]))
  const estimates: [string, number][] = []
  for (const t of tasks) {
    const own = [...new Set(t.needs)]
    for (const n of own) {
      if (!known.has(n)) throw new AutopilotError(`task "${t.id}" needs unknown task "${n}"`)
      dependents.get(n)!.push(t.id)
    }
    needs.set(t.id, own)
    if (t['estimate-minutes'] !== undefined) estimates.push([t.id, t['estimate-minutes']])
  }
  return {
    ids,
    needs: Object.fromEntries(needs),
    dependents: Object.fromEntries(dependents),
    estimates: Object.fromEntries(estimates)
  }
}

function indexOf(g: TaskGraph): Map<string, number> {
  return new Map(g.ids.map((id, i) => [id, i]))
}

/**
 * Levels by Kahn's algorithm: level 0 holds the tasks with no needs, and a task
 * sits one level after the deepest of its needs. Inside a level, plan order.
 */
export function levels(g: TaskGraph): string[][] {
  const index = indexOf(g)
  const waiting = new Map(g.ids.map((id) => [id, g.needs[id].length]))
  const out: string[][] = []
  let frontier = g.ids.filter((id) => waiting.get(id) === 0)
  let placed = 0
  while (frontier.length > 0) {
    out.push(frontier)
    placed += frontier.length
    const next: string[] = []
    for (const id of frontier) {
      for (const d of g.dependents[id]) {
        const left = waiting.get(d)! - 1
        waiting.set(d, left)
        if (left === 0) next.push(d)
      }
    }
    frontier = next.sort((a, b) => index.get(a)! - index.get(b)!)
  }
  if (placed < g.ids.length) throw new CycleError(findCycle(g)!)
  return out
}

/** A topological order that keeps plan order wherever the dependencies allow it. */
export function topoOrder(g: TaskGraph): string[] {
  const waiting = new Map(g.ids.map((id) => [id, g.needs[id].length]))
  const done = new Set<string>()
  const order: string[] = []
  while (order.length < g.ids.length) {
    // The earliest task in plan order whose needs are all placed; plans are small, so a scan is fine.
    const next = g.ids.find((id) => !done.has(id) && waiting.get(id) === 0)
    if (next === undefined) throw new CycleError(findCycle(g)!)
    done.add(next)
    order.push(next)
    for (const d of g.dependents[next]) waiting.set(d, waiting.get(d)! - 1)
  }
  return order
}

/** The critical path with its length: in minutes when every task has an estimate, else in tasks. */
export interface CriticalPath {
  path: string[]
  length: number
  unit: 'minutes' | 'tasks'
}

/**
 * The longest chain of needs. Weighted by `estimate-minutes` when every task
 * gives one; otherwise each task counts 1 (a partial set of estimates would
 * make unestimated tasks look free). Ties go to the earlier task in plan order.
 */
export function criticalPathInfo(g: TaskGraph): CriticalPath {
  const unit = g.ids.length > 0 && g.ids.every((id) => id in g.estimates) ? 'minutes' : 'tasks'
  const weight = (id: string) => (unit === 'minutes' ? g.estimates[id] : 1)
  const best = new Map<string, number>()
  const prev = new Map<string, string | undefined>()
  for (const id of topoOrder(g)) {
    let from: string | undefined
    for (const n of g.needs[id]) if (from === undefined || best.get(n)! > best.get(from)!) from = n
    best.set(id, weight(id) + (from === undefined ? 0 : best.get(from)!))
    prev.set(id, from)
  }
  let end: string | undefined
  for (const id of g.ids) if (end === undefined || best.get(id)! > best.get(end)!) end = id
  const path: string[] = []
  for (let at = end; at !== undefined; at = prev.get(at)) path.unshift(at)
  return { path, length: end === undefined ? 0 : best.get(end)!, unit }
}

/** The critical path's task ids, first to last. */
export function criticalPath(g: TaskGraph): string[] {
  return criticalPathInfo(g).path
}

function closure(g: TaskGraph, id: string, edges: Record<string, string[]>): string[] {
  const seen = new Set<string>()
  const stack = [...(edges[id] ?? [])]
  while (stack.length > 0) {
    const next = stack.pop()!
    if (seen.has(next)) continue
    seen.add(next)
    stack.push(...edges[next])
  }
  return topoOrder(g).filter((x) => seen.has(x))
}

/** Every task `id` transitively needs, in topological order (the order to apply their patches). */
export function ancestors(g: TaskGraph, id: string): string[] {
  return closure(g, id, g.needs)
}

/** Tasks not yet started whose needs are all finished, in plan order. */
export function readyTasks(g: TaskGraph, finished: Iterable<string>, started: Iterable<string> = []): string[] {
  const done = new Set(finished)
  const taken = new Set([...done, ...started])
  return g.ids.filter((id) => !taken.has(id) && g.needs[id].every((n) => done.has(n)))
}

/** One cycle, e.g. `['a', 'b', 'c', 'a']` (a needs b needs c needs a), or undefined for a DAG. */
export function findCycle(g: TaskGraph): string[] | undefined {
  return findCycles(g)[0]
}

/**
 * One cycle per strongly connected component (Tarjan), so a tangle is reported
 * once rather than once per back edge. Each starts and ends at the component's
 * earliest task in plan order and is the shortest way round, following `needs`.
 */
export function findCycles(g: TaskGraph): string[][] {
  const index = indexOf(g)
  const order = new Map<string, number>()
  const low = new Map<string, number>()
  const onStack = new Set<string>()
  const stack: string[] = []
  const components: string[][] = []
  const visit = (v: string) => {
    order.set(v, order.size)
    low.set(v, order.get(v)!)
    stack.push(v)
    onStack.add(v)
    for (const w of g.needs[v]) {
      if (!order.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, order.get(w)!))
      }
    }
    if (low.get(v) === order.get(v)) {
      const component: string[] = []
      let w: string
      do {
        w = stack.pop()!
        onStack.delete(w)
        component.push(w)
      } while (w !== v)
      if (component.length > 1 || g.needs[v].includes(v)) components.push(component)
    }
  }
  for (const id of g.ids) if (!order.has(id)) visit(id)
  return components
    .map((c) => shortestLoop(g, c, index))
    .sort((a, b) => index.get(a[0])! - index.get(b[0])!)
}

/** Breadth-first from the component's earliest task back to itself, inside the component. */
function shortestLoop(g: TaskGraph, component: string[], index: Map<string, number>): string[] {
  const members = new Set(component)
  const start = component.reduce((a, b) => (index.get(a)! <= index.get(b)! ? a : b))
  const parent = new Map<string, string>()
  const queue = [start]
  while (queue.length > 0) {
    const v = queue.shift()!
    for (const w of g.needs[v]) {
      if (!members.has(w)) continue
      if (w === start) {
        const path = [start]
        for (let at: string | undefined = v; at !== start && at !== undefined; at = parent.get(at)) path.splice(1, 0, at)
        return [...path, start]
      }
      if (!parent.has(w)) {
        parent.set(w, v)
        queue.push(w)
      }
    }
  }
  return [start, start] // unreachable for a real component
}
