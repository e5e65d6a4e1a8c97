/**
 * Every shared import fixture (../shared/fixtures/import/, other people's
 * public files, never copied here) imports, validates, and yields the tasks
 * and edges its source states. The expected tasks and edges are extracted
 * below from the source text by small independent readings of each format,
 * not from the importer's output.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { importPlan } from '../../src/commands/import.js'
import { parsePlan } from '../../src/plan/load.js'
import type { BuiltPlan } from '../../src/import/build.js'

const root = path.resolve(import.meta.dirname, '../..')
const fixtures = path.resolve(root, '../shared/fixtures/import')
const present = existsSync(fixtures)

/** Source keys of the tasks still to do, in source order, and edges between them. */
interface Expected {
  keys: string[]
  edges: [string, string][]
}

const read = (p: string) => readFileSync(p, 'utf8')
const dirs = (p: string) => (existsSync(p) ? readdirSync(p).filter((d) => statSync(path.join(p, d)).isDirectory()) : [])

function finish(all: { key: string; done: boolean; deps: string[] }[]): Expected {
  const todo = all.filter((t) => !t.done)
  const keys = todo.map((t) => t.key)
  const edges: [string, string][] = []
  for (const t of todo) for (const d of new Set(t.deps)) if (keys.includes(d) && d !== t.key) edges.push([t.key, d])
  return { keys, edges }
}

function miyabi(text: string): Expected {
  const blocks = text.split(/^(?=- \*\*ID\*\*:)/m).slice(1)
  return finish(
    blocks.map((b) => {
      const block = b.split(/^### /m)[0]!
      const key = /^- \*\*ID\*\*:\s*`?([^`\s]+)`?/.exec(block)![1]!
      const deps = /^- \*\*Dependencies\*\*:\s*(.+)$/m.exec(block)?.[1]?.split(',').map((d) => d.replace(/`/g, '').trim()) ?? []
      return { key, done: /^- \*\*Status\*\*:.*Completed/m.test(block), deps }
    })
  )
}

function openspec(text: string): Expected {
  const sections = text.split(/^(?=## \d+\.)/m).filter((s) => /^## \d+\./.test(s))
  const tasks: { key: string; done: boolean; deps: string[] }[] = []
  if (sections.length > 0) {
    for (const s of sections) {
      const body = s.split(/^#{1,2} (?!\d+\.)/m)[0]!
      const states = [...body.matchAll(/^\s*[-*] \[([ xX])\]/gm), ...body.matchAll(/^\|[^|]*\|\s*\[([ xX])\]\s*\|/gm)].map((m) => m[1] !== ' ')
      tasks.push({ key: /^## (\d+)\./.exec(s)![1]!, done: states.length > 0 && states.every(Boolean), deps: [] })
    }
  } else {
    const ls = text.split('\n')
    ls.forEach((l, i) => {
      const m = /^[-*] \[([ xX])\]/.exec(l)
      if (!m) return
      let done = m[1] !== ' '
      for (const n of ls.slice(i + 1)) {
        if (!/^\s/.test(n) || n.trim() === '') break
        if (/\[ \]/.test(n)) done = false
      }
      tasks.push({ key: String(tasks.length + 1), done, deps: [] })
    })
  }
  tasks.forEach((t, i) => {
    if (i > 0) t.deps = [tasks[i - 1]!.key]
  })
  return finish(tasks)
}

function ccpm(dir: string): Expected {
  const files = readdirSync(dir).filter((f) => /^\d+\.md$/.test(f)).sort((a, b) => parseInt(a) - parseInt(b))
  return finish(
    files.map((f) => {
      const t = read(path.join(dir, f))
      const deps = /^depends_on:\s*\[([^\]]*)\]/m.exec(t)?.[1]?.split(',').map((s) => s.trim()).filter(Boolean) ?? []
      return { key: String(parseInt(f)), done: /^status:\s*(closed|completed)/m.test(t), deps }
    })
  )
}

function speckit(text: string): Expected {
  const phases = text.split(/^(?=##? )/m)
  const all: { key: string; done: boolean; deps: string[]; p: boolean }[] = []
  let previous: string[] = []
  for (const ph of phases) {
    const items = [...ph.matchAll(/^(?:- \[([ xX])\] (T\d+[a-z]?)\b(.*)|### (T\d+[a-z]?):(.*))$/gm)].map((m) => {
      const key = m[2] ?? m[4]!
      const rest = m[3] ?? m[5]!
      let done = m[1] !== undefined && m[1] !== ' '
      if (m[4]) {
        const body = ph.slice(m.index! + m[0].length).split(/^#/m)[0]!
        const boxes = [...body.matchAll(/^\s*- \[([ xX])\]/gm)]
        done = boxes.length > 0 && boxes.every((b) => b[1] !== ' ')
      }
      return { key, done, deps: [] as string[], p: /\[P\]/.test(rest) }
    })
    if (items.length === 0) continue
    let group: typeof items = []
    let before = previous
    for (const it of items) {
      if (it.p && group.length > 0 && group[0]!.p) {
        group.push(it)
        it.deps = [...before]
        continue
      }
      if (group.length > 0) before = group.map((g) => g.key)
      group = [it]
      it.deps = [...before]
    }
    previous = items.map((i) => i.key)
    all.push(...items)
  }
  return finish(all)
}

function taskmaster(text: string): Expected {
  const data = JSON.parse(text)
  const list = data.tasks ?? data.master.tasks
  return finish(list.map((t: { id: number; status: string; dependencies?: number[] }) => ({ key: String(t.id), done: t.status === 'done', deps: (t.dependencies ?? []).map(String) })))
}

/** Plan task ids, in order, zipped with the expected source keys; edges translated back to source keys. */
function actual(built: BuiltPlan, keys: string[]): Expected {
  const tasks = built.plan.tasks as { id: string; needs?: string[] }[]
  const keyOf = new Map(tasks.map((t, i) => [t.id, keys[i] ?? `?${t.id}`]))
  return { keys: tasks.map((t) => keyOf.get(t.id)!), edges: tasks.flatMap((t) => (t.needs ?? []).map((n): [string, string] => [keyOf.get(t.id)!, keyOf.get(n)!])) }
}

async function check(target: string, expected: Expected) {
  const log: string[] = []
  const run = importPlan({ target, cwd: root, format: 'auto', issue: 7, log: (m) => log.push(m) })
  if (expected.keys.length === 0) {
    await expect(run).rejects.toThrow(/nothing left to import: all \d+ tasks .* are done/)
    return
  }
  const built = await run
  expect(() => parsePlan(built.yaml, 'imported.yaml')).not.toThrow()
  expect(built.plan.tasks).toHaveLength(expected.keys.length)
  const got = actual(built, expected.keys)
  expect(new Set(got.edges.map((e) => e.join(' -> ')))).toEqual(new Set(expected.edges.map((e) => e.join(' -> '))))
  expect(log[0]).toMatch(/^format: /)
}

const cases: { name: string; target: string; expected: () => Expected }[] = []
if (present) {
  for (const d of dirs(path.join(fixtures, 'miyabi'))) {
    for (const f of readdirSync(path.join(fixtures, 'miyabi', d), { recursive: true }) as string[]) {
      if (/Plans.*\.md$/.test(f)) cases.push({ name: `miyabi/${d}/${f}`, target: path.join(fixtures, 'miyabi', d, f), expected: () => miyabi(read(path.join(fixtures, 'miyabi', d, f))) })
    }
  }
  for (const d of dirs(path.join(fixtures, 'openspec'))) {
    cases.push({ name: `openspec/${d}`, target: path.join(fixtures, 'openspec', d), expected: () => openspec(read(path.join(fixtures, 'openspec', d, 'tasks.md'))) })
  }
  for (const d of dirs(path.join(fixtures, 'ccpm'))) cases.push({ name: `ccpm/${d}`, target: path.join(fixtures, 'ccpm', d), expected: () => ccpm(path.join(fixtures, 'ccpm', d)) })
  for (const d of dirs(path.join(fixtures, 'speckit'))) {
    const f = readdirSync(path.join(fixtures, 'speckit', d)).find((x) => x.endsWith('.md'))!
    cases.push({ name: `speckit/${d}`, target: path.join(fixtures, 'speckit', d, f), expected: () => speckit(read(path.join(fixtures, 'speckit', d, f))) })
  }
  for (const d of dirs(path.join(fixtures, 'taskmaster'))) {
    const f = ['.taskmaster/tasks/tasks.json', 'tasks/tasks.json'].map((x) => path.join(fixtures, 'taskmaster', d, x)).find(existsSync)!
    cases.push({ name: `taskmaster/${d}`, target: path.join(fixtures, 'taskmaster', d), expected: () => taskmaster(read(f)) })
  }
}

describe.skipIf(!present)('shared import fixtures (../shared/fixtures/import)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s imports, validates, and keeps the tasks and edges its source states', async (_n, c) => {
    await check(c.target, c.expected())
  })

  const ws = path.join(fixtures, 'workstreams')
  const wsFiles = present ? (readdirSync(ws, { recursive: true }) as string[]).filter((f) => f.endsWith('.json')) : []
  it.each(wsFiles)('workstreams/%s imports (or is refused with a located error when it is not JSON)', async (f) => {
    const text = read(path.join(ws, f))
    let data: Record<string, unknown> | undefined
    try {
      data = JSON.parse(text)
    } catch {
      await expect(importPlan({ target: path.join(ws, f), cwd: root, format: 'auto', issue: 7, log: () => {} })).rejects.toThrow(/^.*ws-abs-\d+[\w-]*\.json:\d+: not valid JSON/)
      return
    }
    const steps = Array.isArray(data!.steps) ? (data!.steps as { id: string; depends_on?: string[] }[]) : undefined
    const done = /completed|done/i.test(String(data!.status ?? ''))
    const expected: Expected = done
      ? { keys: [], edges: [] }
      : steps
        ? { keys: steps.map((s) => s.id), edges: steps.flatMap((s) => (s.depends_on ?? []).map((d): [string, string] => [s.id, d])) }
        : { keys: [String(data!.id)], edges: [] }
    await check(path.join(ws, f), expected)
  })

  it('a workstream folder holding invalid JSON is refused with file:line', async () => {
    await expect(importPlan({ target: ws, cwd: root, format: 'auto', issue: 7, log: () => {} })).rejects.toThrow(/ws-abs-001-tool-adapter\.json:1: not valid JSON/)
  })
})

if (!present) {
  describe('shared import fixtures', () => {
    it.skip('skipped: ../shared/fixtures/import is absent (CI provides it)', () => {})
  })
}
