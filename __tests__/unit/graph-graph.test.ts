// The DAG: levels, order, critical path, closures, ready sets and cycles, by example and by property.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  ancestors,
  buildGraph,
  criticalPath,
  criticalPathInfo,
  CycleError,
  findCycle,
  findCycles,
  levels,
  readyTasks,
  topoOrder,
  type GraphTask
} from '../../src/graph/graph.js'

const t = (id: string, needs: string[] = [], estimate?: number): GraphTask =>
  estimate === undefined ? { id, needs } : { id, needs, 'estimate-minutes': estimate }

const diamond = buildGraph([t('a'), t('b', ['a']), t('c', ['a']), t('d', ['b', 'c'])])

describe('buildGraph', () => {
  it('is plain serialisable data with dependents in plan order', () => {
    const g = buildGraph([t('x'), t('y', ['x', 'x']), t('z', ['x'], 3)])
    expect(JSON.parse(JSON.stringify(g))).toEqual(g)
    expect(g).toEqual({
      ids: ['x', 'y', 'z'],
      needs: { x: [], y: ['x'], z: ['x'] },
      dependents: { x: ['y', 'z'], y: [], z: [] },
      estimates: { z: 3 }
    })
  })
  it('rejects duplicate ids and unknown needs', () => {
    expect(() => buildGraph([t('a'), t('a')])).toThrow('duplicate task id "a"')
    expect(() => buildGraph([t('a', ['b'])])).toThrow('task "a" needs unknown task "b"')
  })
  it('handles ids that are Object.prototype names', () => {
    const g = buildGraph([t('constructor'), t('__proto__', ['constructor'])])
    expect(levels(g)).toEqual([['constructor'], ['__proto__']])
  })
})

describe('ordering', () => {
  it('levels a diamond, plan order inside a level', () => {
    expect(levels(diamond)).toEqual([['a'], ['b', 'c'], ['d']])
    expect(levels(buildGraph([t('d', ['c', 'b']), t('c', ['a']), t('b', ['a']), t('a')]))).toEqual([['a'], ['c', 'b'], ['d']])
  })
  it('topoOrder keeps plan order when it can', () => {
    expect(topoOrder(diamond)).toEqual(['a', 'b', 'c', 'd'])
    expect(topoOrder(buildGraph([t('late', ['early']), t('free'), t('early')]))).toEqual(['free', 'early', 'late'])
  })
  it('throws CycleError naming the cycle', () => {
    const g = buildGraph([t('a', ['b']), t('b', ['a'])])
    expect(() => levels(g)).toThrow(CycleError)
    expect(() => topoOrder(g)).toThrow('dependency cycle: a -> b -> a')
  })
  it('has no levels for no tasks', () => {
    expect(levels(buildGraph([]))).toEqual([])
    expect(criticalPathInfo(buildGraph([]))).toEqual({ path: [], length: 0, unit: 'tasks' })
  })
})

describe('critical path', () => {
  it('counts tasks without estimates, earlier branch on ties', () => {
    expect(criticalPathInfo(diamond)).toEqual({ path: ['a', 'b', 'd'], length: 3, unit: 'tasks' })
  })
  it('weighs by estimate-minutes when every task has one', () => {
    const g = buildGraph([t('a', [], 5), t('b', ['a'], 1), t('c', ['a'], 30), t('d', ['b', 'c'], 2)])
    expect(criticalPathInfo(g)).toEqual({ path: ['a', 'c', 'd'], length: 37, unit: 'minutes' })
  })
  it('ignores partial estimates', () => {
    const g = buildGraph([t('a', [], 50), t('b'), t('c', ['b'])])
    expect(criticalPath(g)).toEqual(['b', 'c'])
  })
})

describe('closures and ready sets', () => {
  const g = buildGraph([t('a'), t('b', ['a']), t('c', ['a']), t('d', ['c']), t('e', ['b', 'd']), t('f')])
  it('ancestors lists transitive needs in topological order', () => {
    expect(ancestors(g, 'e')).toEqual(['a', 'b', 'c', 'd'])
    expect(ancestors(g, 'a')).toEqual([])
  })
  it('readyTasks', () => {
    expect(readyTasks(g, [])).toEqual(['a', 'f'])
    expect(readyTasks(g, ['a'], ['b'])).toEqual(['c', 'f'])
    expect(readyTasks(g, ['a', 'b', 'c', 'd', 'f'])).toEqual(['e'])
  })
})

describe('cycles', () => {
  it('finds none in a DAG', () => {
    expect(findCycle(diamond)).toBeUndefined()
  })
  it('returns the cycle following needs, from its earliest task', () => {
    const g = buildGraph([t('x'), t('a', ['c']), t('b', ['a']), t('c', ['b', 'x'])])
    expect(findCycle(g)).toEqual(['a', 'c', 'b', 'a'])
  })
  it('reports a self-dependency and one cycle per tangle', () => {
    const g = buildGraph([t('s', ['s']), t('a', ['b']), t('b', ['a', 'c']), t('c', ['a'])])
    expect(findCycles(g)).toEqual([['s', 's'], ['a', 'b', 'a']])
  })
})

/** A random DAG: task i may only need tasks before it; then the plan order is shuffled. */
const dag = fc
  .integer({ min: 1, max: 40 })
  .chain((n) =>
    fc.tuple(
      fc.tuple(...Array.from({ length: n }, (_, i) => fc.subarray(Array.from({ length: i }, (_, j) => j)))),
      fc.shuffledSubarray(Array.from({ length: n }, (_, i) => i), { minLength: n, maxLength: n }),
      fc.array(fc.integer({ min: 1, max: 60 }), { minLength: n, maxLength: n })
    )
  )
  .map(([needs, order, minutes]) => order.map((i) => t(`t${i}`, needs[i].map((j) => `t${j}`), minutes[i])))

describe('properties on random DAGs', () => {
  it("every task's level is 1 + the max level of its needs, and levels partition the tasks", () => {
    fc.assert(
      fc.property(dag, (tasks) => {
        const g = buildGraph(tasks)
        const ls = levels(g)
        const levelOf = new Map(ls.flatMap((ids, l) => ids.map((id) => [id, l] as const)))
        expect(ls.flat().sort()).toEqual([...g.ids].sort())
        expect(levelOf.size).toBe(g.ids.length)
        for (const task of tasks) {
          expect(levelOf.get(task.id)).toBe(task.needs.length === 0 ? 0 : 1 + Math.max(...task.needs.map((n) => levelOf.get(n)!)))
        }
        for (const level of ls) {
          expect(level.length).toBeGreaterThan(0)
          const positions = level.map((id) => g.ids.indexOf(id))
          expect(positions).toEqual([...positions].sort((a, b) => a - b))
        }
      })
    )
  })

  it('topoOrder puts needs first; the critical path is a chain of needs from a root, its length their minutes', () => {
    fc.assert(
      fc.property(dag, (tasks) => {
        const g = buildGraph(tasks)
        const order = topoOrder(g)
        expect([...order].sort()).toEqual([...g.ids].sort())
        const pos = new Map(order.map((id, i) => [id, i]))
        for (const task of tasks) for (const n of task.needs) expect(pos.get(n)!).toBeLessThan(pos.get(task.id)!)
        const info = criticalPathInfo(g)
        for (let i = 1; i < info.path.length; i++) expect(g.needs[info.path[i]]).toContain(info.path[i - 1])
        expect(g.needs[info.path[0]]).toEqual([])
        const sum = info.path.reduce((s, id) => s + g.estimates[id], 0)
        expect(info.length).toBe(sum)
        expect(findCycle(g)).toBeUndefined()
      })
    )
  })

  it('any added back edge makes a cycle that findCycle reports as a real loop', () => {
    fc.assert(
      fc.property(dag, fc.nat(), fc.nat(), (tasks, x, y) => {
        const g0 = buildGraph(tasks)
        const from = tasks[x % tasks.length]
        const ancestorsOf = ancestors(g0, from.id)
        fc.pre(ancestorsOf.length > 0)
        const to = ancestorsOf[y % ancestorsOf.length]
        // `to` already (transitively) comes before `from`; making `to` need `from` closes a loop.
        const g = buildGraph(tasks.map((task) => (task.id === to ? { ...task, needs: [...task.needs, from.id] } : task)))
        const cycle = findCycle(g)!
        expect(cycle[0]).toBe(cycle[cycle.length - 1])
        for (let i = 1; i < cycle.length; i++) expect(g.needs[cycle[i - 1]]).toContain(cycle[i])
        expect(() => levels(g)).toThrow(CycleError)
      })
    )
  })
})
