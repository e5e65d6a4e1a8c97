/**
 * Runs one step in a task's worktree: attempts with backoff, expectation
 * checks, escalation through fallback agents, rollback on final failure, and a
 * log file per step.
 */
import { appendFile, mkdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { Step, Task } from '../plan/schema.js'
import type { TaskContext } from './task-context.js'
import type { StepRecord, Usage } from '../state/manifest.js'
import { mergeUsage } from '../agents/budget.js'
import type { Git } from '../git/git.js'
import { buildStepEnv, shellArgv, shellRequest } from './step-env.js'
import { tail, unmetExpectation } from './expectation.js'
import type { SandboxSpec, StepLimits } from './sandbox.js'
import { loginBinds } from '../agents/login-files.js'
import { progressSettings, watchProgress } from './progress.js'

/** A command ready to spawn for one attempt of a step. */
export interface PreparedCall {
  argv: string[]
  stdin?: string
  /** Extra non-secret variables the program needs. */
  env?: Record<string, string>
  /** Extra caller variables to pass (credentials); masked. */
  passEnv?: string[]
  /**
   * The agent's own login files under the caller's HOME (absolute paths), for the sandbox to
   * show read-only, at the same place under the step's HOME, to this call only.
   */
  loginFiles?: string[]
  /** Reads tokens and cost from the program's stdout (or files it left under the step's HOME). */
  parseUsage?: (result: { stdout: string; home: string | undefined; durationMs: number }) => Promise<Usage | undefined>
  /** Names the kind of failure (rate limit, missing credentials...) when the output tells. */
  explain?: (result: { exitCode: number | null; output: string }) => string | undefined
}

/** Agent steps are prepared by src/run/agent-calls.ts; shell steps need none of it. */
export interface AgentCalls {
  /** Agents to try in order: the step's agent, then its fallbacks. */
  chain(task: Task, step: Step): string[]
  /** Checks credentials and budgets, writes the prompt; throws to stop. */
  prepare(input: {
    agent: string
    task: Task
    step: Step
    worktree: string
    tmpDir: string
    failureTail?: string
  }): Promise<PreparedCall>
  /** Counts what a finished call spent. */
  charge(agent: string, usage: Usage | undefined): Promise<void>
}

/** What one step is given beside the task's context: where it runs and what it starts from. */
export interface StepRun {
  index: number
  worktree: string
  /** Autopilot's git in the worktree (not the step's). */
  git: Git
  tmpDir: string
  /** Folder for this task's logs. */
  logDir: string
  signal: AbortSignal
  /** What the step sees in the sandbox; undefined when the plan says `sandbox: off`. */
  sandbox?: SandboxSpec
  /** The task's own HOME. */
  home?: string
  /** Resource limits of the step. */
  limits?: StepLimits
  /** The staged tree the worktree holds now, when the caller knows it (saves a `git add -A`). */
  tree?: string
  onLine?: (line: string) => void
  /** A line saying an agent call is still at work after a silence (src/run/progress.ts). */
  onProgress?: (line: string) => void
}

export interface StepOutcome {
  record: StepRecord
  /** Masked output of the last attempt. */
  output: string
  usage?: Usage
  /** The step failed and `continue-on-error` does not excuse it. */
  fatal: boolean
  /** The staged tree the worktree holds after the step (and any reset). */
  tree: string
}

export function stepName(step: Step): string {
  return step.name ?? (step.run ? shortName(step.run) : `${step.agent} agent`)
}

/**
 * A command's first line as a name, at most `max` characters, cut at a word
 * boundary and marked with `…`: never in the middle of a word or a quote
 * (issue 17: names were cut mid-quote).
 */
export function shortName(command: string, max = 60): string {
  const line = command.split('\n')[0].trim()
  if ([...line].length <= max) return line
  const head = [...line].slice(0, max - 1).join('')
  const words = head.slice(0, Math.max(head.lastIndexOf(' '), 0)).trimEnd()
  let cut = words || head
  // An odd number of quotes means the cut opened one: end before it.
  for (const q of ['"', "'", '`']) if ((cut.split(q).length - 1) % 2 === 1) cut = cut.slice(0, cut.lastIndexOf(q)).trimEnd()
  return `${cut || head}…`
}

export async function runStep(ctx: TaskContext, task: Task, step: Step, run: StepRun): Promise<StepOutcome> {
  const { plan } = ctx
  const name = stepName(step)
  const log = join(run.logDir, `${String(run.index + 1).padStart(2, '0')}-${slug(name)}.log`)
  await mkdir(dirname(log), { recursive: true })
  const timeoutMinutes = step['timeout-minutes'] ?? plan.defaults['timeout-minutes']
  const started = Date.now()
  const chain = step.agent ? ctx.agents.chain(task, step) : [undefined]
  let attempts = 0
  let last = { output: '', exitCode: null as number | null, message: '', timedOut: false }
  let usage: Usage | undefined
  let agentUsed: string | undefined
  const tried: string[] = []
  // Every attempt starts from this tree. A failed attempt's files stay until another attempt
  // follows (the last one's are the failed task's evidence, and what its rollback sees).
  const start = run.tree ?? (await run.git.stageAll())
  let current = start

  for (const agent of chain) {
    agentUsed = agent
    if (agent) tried.push(agent)
    for (let n = 0; n <= step.retries; n++) {
      if (run.signal.aborted) break
      if (attempts > 0) await sleep(ctx.backoffMs * 2 ** Math.min(n, 6), run.signal)
      if (current !== start) {
        await run.git.switchTree(start)
        current = start
      }
      attempts++
      const call: PreparedCall = agent
        ? await ctx.agents.prepare({
            agent,
            task,
            step,
            worktree: run.worktree,
            tmpDir: run.tmpDir,
            failureTail: attempts > 1 ? tail(last.output, 60) : undefined
          })
        : { argv: shellArgv(step.shell ?? plan.defaults.shell, step.run!) }
      const { env } = buildStepEnv({
        caller: ctx.callerEnv,
        plan,
        task,
        step,
        tmpDir: run.tmpDir,
        home: run.home,
        passExtra: call.passEnv,
        own: call.env
      })
      const before = start
      await appendFile(
        log,
        `=== attempt ${attempts}${agent ? ` (agent ${agent})` : ''}: ${call.argv.map(a => (a.length > 200 ? a.slice(0, 200) + '…' : a)).join(' ')}\n`
      )
      const cwd = step['working-directory'] ? join(run.worktree, step['working-directory']) : run.worktree
      // An agent waiting on its provider (or printing nothing until it is done) still shows a sign of life.
      const watch = agent && run.onProgress ? watchProgress({ taskId: task.id, agent, settings: progressSettings(ctx.callerEnv), show: run.onProgress }) : undefined
      const r = await ctx.executor.runStep({
        argv: call.argv,
        cwd,
        env,
        stdin: call.stdin,
        timeoutMs: timeoutMinutes * 60_000,
        network: step.network ?? plan.defaults.network,
        // An agent's own login files, read-only under the task's HOME, for that call only.
        sandbox: run.sandbox && call.loginFiles?.length && run.home && ctx.callerEnv.HOME
          ? { ...run.sandbox, readOnly: [...(run.sandbox.readOnly ?? []), ...loginBinds(call.loginFiles, ctx.callerEnv.HOME, run.home)] }
          : run.sandbox,
        limits: run.limits,
        mask: ctx.mask,
        signal: run.signal,
        onLine: line => {
          watch?.output()
          run.onLine?.(line)
        }
      }).finally(() => watch?.stop())
      const after = await run.git.stageAll()
      current = after
      const callUsage = await call.parseUsage?.({ stdout: r.stdout, home: env.HOME, durationMs: r.durationMs })
      if (agent) await ctx.agents.charge(agent, callUsage)
      usage = mergeUsage(usage, callUsage)
      const failed = r.aborted
        ? 'cancelled'
        : unmetExpectation(step, { exitCode: r.exitCode, timedOut: r.timedOut, output: r.output, changed: before !== after }, timeoutMinutes)
      const why = failed && !r.aborted ? call.explain?.(r) : undefined
      const unmet = why ? `${failed} (${why})` : failed
      await appendFile(
        log,
        `${r.output}\n=== ${r.timedOut ? `timed out after ${timeoutMinutes} min (killed; exit ${r.exitCode ?? r.signal})` : `exit ${r.exitCode ?? r.signal}`} in ${r.durationMs} ms${r.sandboxed ? '' : ' (not sandboxed)'}${unmet ? `: ${unmet}` : ''}\n`
      )
      last = { output: r.output, exitCode: r.exitCode, message: unmet ?? '', timedOut: r.timedOut }
      if (!unmet) {
        return {
          record: record(run.index, step, name, 'succeeded', attempts, started, last.exitCode, log, undefined, agentUsed, tried),
          output: r.output,
          usage,
          fatal: false,
          tree: after
        }
      }
      if (r.aborted) break
    }
    if (run.signal.aborted) break
  }

  if (step.rollback && !run.signal.aborted) {
    const shell = { plan, task, worktree: run.worktree, tmpDir: run.tmpDir, home: run.home, callerEnv: ctx.callerEnv, sandbox: run.sandbox, limits: run.limits, mask: ctx.mask, signal: run.signal }
    const rb = await ctx.executor.runStep(shellRequest(shell, step.rollback, step))
    await appendFile(log, `=== rollback: ${step.rollback}\n${rb.output}\n=== rollback exit ${rb.exitCode}\n`)
  }
  const status = last.timedOut ? 'timed-out' : 'failed'
  return {
    record: record(run.index, step, name, status, attempts, started, last.exitCode, log, last.message, agentUsed, tried),
    output: last.output,
    usage,
    fatal: !step['continue-on-error'],
    // A rollback may have changed files again.
    tree: step.rollback ? await run.git.stageAll() : current
  }
}

function record(
  index: number,
  step: Step,
  name: string,
  status: StepRecord['status'],
  attempts: number,
  started: number,
  exitCode: number | null,
  log: string,
  message: string | undefined,
  agent: string | undefined,
  agents: string[]
): StepRecord {
  return {
    index,
    name,
    kind: step.agent ? 'agent' : 'run',
    agent,
    exitCode,
    status,
    attempts,
    durationMs: Date.now() - started,
    log,
    message,
    ...(agents.length ? { agents } : {})
  }
}



function slug(s: string): string {
  return (
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'step'
  )
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise(resolve => {
    const t = setTimeout(resolve, ms)
    signal.addEventListener('abort', () => {
      clearTimeout(t)
      resolve()
    })
  })
}
