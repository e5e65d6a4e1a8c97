/**
 * The checks a schema cannot express: task ids, `needs`, cycles, and the rules
 * tying step fields together. They run on the raw YAML data, tolerating any
 * shape, so they report alongside type errors instead of hiding behind them.
 */
import { buildGraph, findCycles } from '../graph/graph.js'
import type { PlanPath, RawProblem } from './path.js'
import { suggestion } from './suggest.js'
import { namespaceProblem } from '../gates/branch-guard.js'

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const has = (o: Obj, key: string) => o[key] !== undefined && o[key] !== null

/** Fields that only make sense on agent steps, and on run steps. */
const AGENT_ONLY = ['prompt', 'prompt-file', 'model', 'args', 'fallback', 'command'] as const
const RUN_ONLY = ['shell'] as const

/** Problems beyond the schema's, in any plan-shaped data. */
export function semanticProblems(data: unknown): RawProblem[] {
  if (!isObj(data) || !Array.isArray(data.tasks)) return []
  const tasks = data.tasks
  const agents = isObj(data.agents) ? data.agents : {}
  return [
    ...taskGraphProblems(tasks),
    ...tasks.flatMap((task, i) => stepProblems(task, i, agents)),
    ...setupProblems(data.setup),
    ...branchProblems(data)
  ]
}

/** `branch:` outside `autopilot/` needs `pr.allow-branch-outside-autopilot` (see src/gates/branch-guard.ts). */
function branchProblems(data: Obj): RawProblem[] {
  if (typeof data.branch !== 'string') return []
  const allowOutside = isObj(data.pr) && data.pr['allow-branch-outside-autopilot'] === true
  const problem = namespaceProblem(data.branch, allowOutside)
  return problem ? [{ path: ['branch'], message: problem }] : []
}

/** Setup prepares the repository once for every task: shell commands only (an agent there would edit unchecked). */
function setupProblems(setup: unknown): RawProblem[] {
  if (!Array.isArray(setup)) return []
  return setup.flatMap((step, i): RawProblem[] => {
    if (!isObj(step)) return []
    if (has(step, 'agent')) return [{ path: ['setup', i, 'agent'], atKey: true, message: 'setup steps are shell commands ("run"); put agent steps in a task' }]
    if (!has(step, 'run')) return [{ path: ['setup', i], message: 'a setup step needs "run" (a shell command)' }]
    return []
  })
}

function taskGraphProblems(tasks: unknown[]): RawProblem[] {
  const out: RawProblem[] = []
  const first = new Map<string, number>()
  tasks.forEach((t, i) => {
    if (!isObj(t) || typeof t.id !== 'string') return
    const seen = first.get(t.id)
    if (seen === undefined) first.set(t.id, i)
    else out.push({ path: ['tasks', i, 'id'], message: `duplicate task id "${t.id}" (also tasks[${seen}])` })
  })
  const ids = [...first.keys()]
  // The graph of what is well-formed, so a cycle is found even next to a typo elsewhere.
  const nodes = [...first].map(([id, i]) => {
    const task = tasks[i] as Obj
    // `needs: a` (one id, as GitHub workflows allow) is `needs: [a]`.
    const single = typeof task.needs === 'string'
    const needs: unknown[] = single ? [task.needs] : Array.isArray(task.needs) ? task.needs : []
    return { id, index: i, needs, single }
  })
  for (const node of nodes) {
    node.needs.forEach((n, j) => {
      if (typeof n !== 'string') return
      const at: PlanPath = node.single ? ['tasks', node.index, 'needs'] : ['tasks', node.index, 'needs', j]
      if (n === node.id) out.push({ path: at, message: `task "${n}" needs itself` })
      else if (!first.has(n)) out.push({ path: at, message: `unknown task "${n}"${suggestion(n, ids)}` })
    })
  }
  const graph = buildGraph(
    nodes.map((n) => ({ id: n.id, needs: n.needs.filter((x): x is string => typeof x === 'string' && x !== n.id && first.has(x)) }))
  )
  for (const cycle of findCycles(graph)) {
    const node = nodes.find((n) => n.id === cycle[0])!
    out.push({
      path: node.single ? ['tasks', node.index, 'needs'] : ['tasks', node.index, 'needs', node.needs.indexOf(cycle[1])],
      message: `dependency cycle: ${cycle.join(' -> ')} (each task needs the next)`
    })
  }
  return out
}

function stepProblems(task: unknown, ti: number, agents: Obj): RawProblem[] {
  if (!isObj(task) || !Array.isArray(task.steps)) return []
  const out: RawProblem[] = []
  task.steps.forEach((step, si) => {
    if (!isObj(step)) return
    const at: PlanPath = ['tasks', ti, 'steps', si]
    const isRun = has(step, 'run')
    const isAgent = has(step, 'agent')
    if (isRun && isAgent) {
      out.push({ path: at, message: 'a step has both "run" and "agent"; split it into two steps' })
      return
    }
    if (!isRun && !isAgent) {
      out.push({ path: at, message: 'a step needs "run" (a shell command) or "agent" (a coding agent)' })
      return
    }
    const misplaced = isRun ? AGENT_ONLY : RUN_ONLY
    for (const key of misplaced) {
      if (has(step, key)) {
        out.push({ path: [...at, key], atKey: true, message: `"${key}" only applies to ${isRun ? 'agent' : 'run'} steps` })
      }
    }
    if (isAgent) out.push(...agentStepProblems(step, at, agents))
    const expect = step.expect
    if (isObj(expect) && typeof expect.output === 'string') {
      try {
        new RegExp(expect.output)
      } catch (e) {
        const reason = (e as Error).message.split(': ').pop()
        out.push({ path: [...at, 'expect', 'output'], message: `invalid regular expression /${expect.output}/: ${reason}` })
      }
    }
  })
  return out
}

function agentStepProblems(step: Obj, at: PlanPath, agents: Obj): RawProblem[] {
  const out: RawProblem[] = []
  const hasPrompt = has(step, 'prompt')
  const hasFile = has(step, 'prompt-file')
  if (hasPrompt && hasFile) out.push({ path: at, message: 'an agent step takes "prompt" or "prompt-file", not both' })
  if (!hasPrompt && !hasFile) out.push({ path: at, message: 'an agent step needs "prompt" or "prompt-file"' })
  if (step.agent === 'command') {
    const settings = agents.command
    if (!has(step, 'command') && !(isObj(settings) && has(settings, 'command'))) {
      out.push({
        path: [...at, 'agent'],
        message: '"agent: command" needs "command" (program and arguments) in the step or in agents.command.command'
      })
    }
  } else if (typeof step.agent === 'string' && has(step, 'command')) {
    out.push({ path: [...at, 'command'], atKey: true, message: '"command" only applies to "agent: command"' })
  }
  return out
}
