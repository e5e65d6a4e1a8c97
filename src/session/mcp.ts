/**
 * The tools `autopilot mcp` offers an agent over the Model Context Protocol.
 * Each answers structured JSON; each is the CLI's own code path: `run` calls
 * the same `runLocal` as `autopilot run` (same lock, sandbox and gates) and
 * returns at once, `status` and `logs` read what the run writes.
 */
import { appendFile, mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { z } from 'zod'
import { AutopilotError, PlanError } from '../errors.js'
import { buildGraph, criticalPath, levels } from '../graph/graph.js'
import { openPlan } from '../plan/open.js'
import { findRepoRoot } from '../plan/locate.js'
import { runOutcome } from '../report/markdown.js'
import { runLocal } from '../run/local-run.js'
import { LocalStateStore } from '../state/local-store.js'
import { readRunManifests, readSessions, summarizeHistory } from './history.js'
import { importPlan, writePlan as writeImportedPlan } from '../commands/import.js'
import { FORMATS, type Format } from '../import/types.js'
import { AGENT_NAMES, type AgentName } from '../plan/schema.js'

export interface McpContext {
  cwd: string
  env: NodeJS.ProcessEnv
}

/** A run this server started, while and after it runs. */
interface ActiveRun {
  issue: number
  startedAt: string
  log: string
  done: boolean
  exitCode?: number
  error?: string
}

const planArg = { plan: z.string().optional().describe('A plan path, an issue number, or nothing for the only plan under .ai/plans/') }

/** Every tool, registered on a new server. */
export function createMcpServer(ctx: McpContext, version: string): McpServer {
  const server = new McpServer({ name: 'autopilot', version })
  const runs = new Map<number, ActiveRun>()
  const root = () => findRepoRoot(ctx.cwd)
  const json = (value: object) => ({ content: [{ type: 'text' as const, text: JSON.stringify(value) }], structuredContent: value as Record<string, unknown> })
  // A user mistake (a bad plan, no plan) is an answer, not a protocol error: the agent can fix it.
  const guarded =
    <A>(fn: (a: A) => Promise<object>) =>
    async (a: A) => {
      try {
        return json(await fn(a))
      } catch (e) {
        if (e instanceof PlanError) return { ...json({ error: 'invalid plan', problems: e.problems }), isError: true }
        if (e instanceof AutopilotError) return { ...json({ error: e.message }), isError: true }
        throw e
      }
    }

  server.registerTool(
    'validate',
    { description: 'Validate a plan: every problem with its file, line and column.', inputSchema: planArg },
    guarded(async ({ plan }: { plan?: string }) => {
      try {
        const loaded = await openPlan(plan, ctx.cwd)
        const g = buildGraph(loaded.plan.tasks)
        return { valid: true, file: loaded.file, issue: loaded.plan.issue, title: loaded.plan.title, tasks: loaded.plan.tasks.length, levels: levels(g).length, warnings: loaded.warnings }
      } catch (e) {
        if (!(e instanceof PlanError)) throw e
        return { valid: false, problems: e.problems }
      }
    })
  )

  server.registerTool(
    'graph',
    { description: "The plan's task graph: levels (tasks that may run together) and the critical path.", inputSchema: planArg },
    guarded(async ({ plan }: { plan?: string }) => {
      const g = buildGraph((await openPlan(plan, ctx.cwd)).plan.tasks)
      return { levels: levels(g), criticalPath: criticalPath(g) }
    })
  )

  server.registerTool(
    'import',
    {
      description: "Turn another tool's plan (Miyabi Plans.md, OpenSpec, CCPM, spec-kit, Taskmaster tasks.json, workstreams...) into an Autopilot plan, as `autopilot import` does.",
      inputSchema: {
        source: z.string().describe('File or folder to import, relative to the repository'),
        format: z.enum(['auto', ...FORMATS]).optional().describe('Source format (default: detected)'),
        issue: z.number().int().positive().optional().describe('Issue number of the plan (default: the one the source names)'),
        agent: z.enum(AGENT_NAMES).optional().describe('Agent for tasks whose source names none'),
        output: z.string().optional().describe('Write the plan there (prompts beside it); without it the YAML is returned only'),
        force: z.boolean().optional().describe('Overwrite an existing plan and prompt files')
      }
    },
    guarded(async (a: { source: string; format?: Format | 'auto'; issue?: number; agent?: AgentName; output?: string; force?: boolean }) => {
      const notes: string[] = []
      const output = a.output === undefined ? undefined : path.resolve(ctx.cwd, a.output)
      const built = await importPlan({ target: a.source, cwd: ctx.cwd, format: a.format ?? 'auto', issue: a.issue, agent: a.agent, output, log: m => notes.push(m) })
      if (output) await writeImportedPlan(built, output, ctx.cwd, a.force === true)
      return {
        issue: built.plan.issue,
        tasks: built.plan.tasks.length,
        notes,
        yaml: built.yaml,
        ...(output ? { written: path.relative(ctx.cwd, output), prompts: built.prompts.map(p => p.path) } : {})
      }
    })
  )

  server.registerTool(
    'run',
    {
      description: 'Start `autopilot run` on a plan (same lock, sandbox and gates as the CLI) and return at once; poll `status`.',
      inputSchema: { ...planArg, fresh: z.boolean().optional().describe('Forget the previous run of this plan and start over') }
    },
    guarded(async ({ plan, fresh }: { plan?: string; fresh?: boolean }) => {
      const loaded = await openPlan(plan, ctx.cwd)
      const issue = loaded.plan.issue
      if (runs.get(issue) && !runs.get(issue)!.done) return { started: false, issue, reason: 'this server is already running this plan; poll status' }
      const logDir = path.join(root(), '.ai', 'logs', 'autopilot')
      await mkdir(logDir, { recursive: true })
      const log = path.join(logDir, `mcp-${issue}.log`)
      const active: ActiveRun = { issue, startedAt: new Date().toISOString(), log, done: false }
      runs.set(issue, active)
      await appendFile(log, `=== autopilot run ${loaded.file} (via MCP) at ${active.startedAt}\n`)
      void runLocal({ planArg: loaded.file, cwd: ctx.cwd, env: ctx.env, fresh, isTTY: false, out: t => void appendFile(log, t).catch(() => {}) }).then(
        r => Object.assign(active, { done: true, exitCode: r.exitCode }),
        (e: Error) => Object.assign(active, { done: true, exitCode: e instanceof AutopilotError ? e.exitCode : 70, error: e.message })
      )
      return { started: true, issue, log: path.relative(ctx.cwd, log) }
    })
  )

  server.registerTool(
    'status',
    { description: "A plan's run: running or its outcome, each task's status and reason, the branch.", inputSchema: planArg },
    guarded(async ({ plan }: { plan?: string }) => {
      const issue = (await openPlan(plan, ctx.cwd)).plan.issue
      const active = runs.get(issue)
      const m = await new LocalStateStore(root(), issue).loadManifest()
      const running = active ? !active.done : m !== undefined && !m.finishedAt
      return {
        issue,
        running,
        outcome: running ? 'running' : m ? runOutcome(m) : 'not run',
        ...(active?.exitCode !== undefined ? { exitCode: active.exitCode } : {}),
        ...(active?.error ? { error: active.error } : {}),
        ...(m
          ? {
              branch: m.branch,
              baseCommit: m.baseCommit,
              breaker: m.breaker,
              tasks: Object.values(m.tasks).map(t => ({ id: t.id, status: t.status, attempts: t.attempts, reason: t.reason?.split('\n')[0] })),
              usage: m.usage
            }
          : {})
      }
    })
  )

  server.registerTool(
    'logs',
    {
      description: "The end of a run's log, or of one task's log.",
      inputSchema: { ...planArg, task: z.string().optional().describe('Task id'), lines: z.number().int().positive().max(2000).optional() }
    },
    guarded(async ({ plan, task, lines }: { plan?: string; task?: string; lines?: number }) => {
      const issue = (await openPlan(plan, ctx.cwd)).plan.issue
      let file: string | undefined
      if (task) {
        const m = await new LocalStateStore(root(), issue).loadManifest()
        const rec = m?.tasks[task]
        if (!rec) throw new AutopilotError(`no task "${task}" in the last run of issue ${issue}`)
        file = rec.log ? path.join(root(), rec.log) : undefined
      } else file = runs.get(issue)?.log ?? path.join(root(), '.ai', 'logs', 'autopilot', `mcp-${issue}.log`)
      const text = file ? await readFile(file, 'utf8').catch(() => undefined) : undefined
      if (text === undefined) return { issue, task, text: '', note: 'no log yet' }
      return { issue, task, file: path.relative(ctx.cwd, file!), text: text.split('\n').slice(-(lines ?? 200)).join('\n') }
    })
  )

  server.registerTool(
    'history',
    { description: 'Success rate, attempts, time, tokens and cost per plan and per agent; the most frequent failure kinds.', inputSchema: { last: z.number().int().positive().optional() } },
    guarded(async ({ last }: { last?: number }) => summarizeHistory(await readRunManifests(root()), last ?? 50, await readSessions(root())))
  )
  return server
}
