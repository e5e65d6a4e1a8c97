// Synthetic task DAGs (diamond, wide, chain, seeded random) and schedule simulation over measured task times.
import { buildGraph, criticalPathInfo, levels } from '../src/graph/graph.js'
import { rng } from './util.js'

/** One synthetic task: it sleeps `sleepS` seconds, then writes out/<id>.txt. */
export interface DagTask {
  id: string
  needs: string[]
  sleepS: number
}

export interface Dag {
  name: string
  tasks: DagTask[]
}

export function diamond(sleepS: number): Dag {
  return {
    name: 'diamond (4)',
    tasks: [
      { id: 'a', needs: [], sleepS },
      { id: 'b', needs: ['a'], sleepS },
      { id: 'c', needs: ['a'], sleepS },
      { id: 'd', needs: ['b', 'c'], sleepS }
    ]
  }
}

export function wide(n: number, sleepS: number): Dag {
  return { name: `wide ${n}`, tasks: Array.from({ length: n }, (_, i) => ({ id: `w${i}`, needs: [], sleepS })) }
}

export function chain(n: number, sleepS: number): Dag {
  return { name: `chain ${n}`, tasks: Array.from({ length: n }, (_, i) => ({ id: `c${i}`, needs: i ? [`c${i - 1}`] : [], sleepS })) }
}

/**
 * A seeded random layered DAG, the usual shape in scheduling studies: `layers` levels, task i in level k > 0
 * needs 1-3 distinct tasks of earlier levels, one of them in level k - 1 (so it really sits at level k), and
 * sleeps a duration drawn uniformly from [minS, maxS] in 0.1 s steps. Same seed, same DAG.
 */
export function randomDag(n: number, layers: number, seed: number, minS: number, maxS: number): Dag {
  const r = rng(seed)
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]
  // The first `layers` tasks take one level each, so every level is used; the rest land anywhere.
  const levelOf = Array.from({ length: n }, (_, i) => (i < layers ? i : Math.floor(r() * layers))).sort((a, b) => a - b)
  const byLevel: string[][] = Array.from({ length: layers }, () => [])
  const tasks: DagTask[] = []
  for (let i = 0; i < n; i++) {
    const k = levelOf[i]
    const id = `t${i}`
    const needs = new Set<string>()
    if (k > 0) {
      needs.add(pick(byLevel[k - 1]))
      const earlier = byLevel.slice(0, k).flat()
      for (let extra = Math.floor(r() * 3); extra > 0; extra--) needs.add(pick(earlier))
    }
    byLevel[k].push(id)
    tasks.push({ id, needs: [...needs], sleepS: Math.round((minS + r() * (maxS - minS)) * 10) / 10 })
  }
  return { name: `random ${n}`, tasks }
}

/** Levels of the DAG, computed by the product's own graph code. */
export function dagLevels(dag: Dag): string[][] {
  return levels(buildGraph(dag.tasks))
}

/** Critical path in seconds: the sum of the sleeps along the longest path (product's `criticalPathInfo`). */
export function criticalPathS(dag: Dag): { seconds: number; path: string[] } {
  const info = criticalPathInfo(buildGraph(dag.tasks.map(t => ({ id: t.id, needs: t.needs, 'estimate-minutes': t.sleepS / 60 }))))
  return { seconds: info.length * 60, path: info.path }
}

/**
 * Makespan of an idealised schedule with `jobs` slots and the given task durations (ms), no gaps:
 * `deps` starts a task as soon as its own needs finish (what `autopilot run` does),
 * `levels` waits for a whole level before starting the next (what one matrix job per level does).
 * Ties start in plan order, as the real scheduler does.
 */
export function simulate(dag: Dag, durationMs: Record<string, number>, jobs: number, mode: 'deps' | 'levels'): number {
  if (mode === 'levels') {
    let t = 0
    for (const level of dagLevels(dag)) t += listSchedule(level.map(id => ({ id, needs: [] })), durationMs, jobs, t) - t
    return t
  }
  return listSchedule(dag.tasks, durationMs, jobs, 0)
}

/** Event-driven list scheduling starting at `t0`; returns the time the last task finishes. */
function listSchedule(tasks: { id: string; needs: string[] }[], durationMs: Record<string, number>, jobs: number, t0: number): number {
  const done = new Map<string, number>()
  const running: { id: string; end: number }[] = []
  const pending = [...tasks]
  const inSet = new Set(tasks.map(t => t.id))
  let now = t0
  while (pending.length || running.length) {
    for (let i = 0; i < pending.length && running.length < jobs; ) {
      const t = pending[i]
      if (t.needs.every(n => !inSet.has(n) || done.has(n))) {
        running.push({ id: t.id, end: now + durationMs[t.id] })
        pending.splice(i, 1)
      } else i++
    }
    running.sort((a, b) => a.end - b.end)
    const next = running.shift()!
    now = next.end
    done.set(next.id, now)
  }
  return now
}
