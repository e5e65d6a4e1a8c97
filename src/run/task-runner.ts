/**
 * Runs one task in isolation: a worktree of the pool switched to the base
 * commit plus its dependencies' patches, its steps and checks, the gates on
 * its real diff, and its patch kept as the result (evidence when it fails).
 *
 * Each phase (`runSteps`, `runChecks`, `gateChange`) returns its records and,
 * when it stops the task, a `Failure`; `decideStatus` alone turns them into
 * the task's status.
 */
import { appendFileSync } from 'node:fs'
import { appendFile, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Task } from '../plan/schema.js'
import type { GateRecord, StepRecord, TaskRecord, TaskStatus, Usage } from '../state/manifest.js'
import type { StoredResult } from '../state/store.js'
import { sha256 } from '../state/keys.js'
import type { Slot, TaskSandbox } from './workspace.js'
import { changeLimits, collectChanges, fitsWholePatch } from '../git/changes.js'
import { denialText, denied, evaluateTaskGates, maskDecision, optInHint, type ChangeSet } from '../gates/index.js'
import { namedSecrets } from './secrets.js'
import { runStep, shortName, stepName } from './step-runner.js'
import { mergeUsage } from '../agents/budget.js'
import { shellRequest, taskShellIn, type TaskShell } from './step-env.js'
import { tail } from './expectation.js'
import { warnOnFailure, type TaskContext } from './task-context.js'
import { PRE_EXISTING } from './baseline.js'
import { attachSetup } from './setup-layer.js'

/** The reason a replayed (rebased) attempt gives when its patch no longer applies: the task then runs. */
export const REPLAY_FAILED = 'the kept patch does not apply on the new base'

/** What one run of one task is given beside the shared context. */
export interface TaskRun {
  /** Results of every ancestor, in the order their patches are applied. */
  dependencies: StoredResult[]
  /** Content address of the task's inputs. */
  key: string
  /** This task's log folder. */
  logDir: string
  signal: AbortSignal
  /**
   * `run --rebase`: instead of running the steps, apply this patch (the task's change from the run being
   * moved); its checks and gates run as usual. A patch that does not apply fails the attempt with `REPLAY_FAILED`.
   */
  replay?: Buffer
}

/** Why a phase stopped the task. */
export interface Failure {
  status: 'failed' | 'denied'
  reason: string
  failedStep?: string
}

/** One attempt's worktree and guards, handed to each phase. */
interface Attempt {
  slot: Slot
  /** The tree the task starts from (base plus dependencies). */
  start: string
  tmpDir: string
  /** What the task's steps see: the sandbox spec and the task's HOME (src/run/workspace.ts). */
  view: TaskSandbox
  logDir: string
  taskLog: string
  /** The attempt's signal: the run's, and the task's own timeout. */
  signal: AbortSignal
  /** The run's signal alone (rollbacks still run when the task timed out). */
  runSignal: AbortSignal
}

/** Runs the task up to `max-attempts` times; always resolves with a final result. */
export async function runTask(ctx: TaskContext, task: Task, run: TaskRun): Promise<StoredResult> {
  const started = new Date()
  await mkdir(run.logDir, { recursive: true })
  const taskLog = join(run.logDir, 'task.log')
  let result: StoredResult | undefined
  for (let attempt = 1; attempt <= task['max-attempts']; attempt++) {
    await appendFile(taskLog, `=== task ${task.id}, attempt ${attempt} of ${task['max-attempts']}\n`)
    result = await attemptTask(ctx, task, run, attempt, taskLog)
    if (result.record.status !== 'failed' || run.signal.aborted) break
  }
  const r = result!
  r.record.startedAt = started.toISOString()
  r.record.finishedAt = new Date().toISOString()
  r.record.durationMs = Date.now() - started.getTime()
  r.record.log = taskLog
  await appendFile(taskLog, `=== ${task.id}: ${r.record.status}${r.record.reason ? `: ${r.record.reason}` : ''}\n`)
  return r
}

async function attemptTask(ctx: TaskContext, task: Task, run: TaskRun, attempt: number, taskLog: string): Promise<StoredResult> {
  const timeout = new AbortController()
  const signal = AbortSignal.any([run.signal, timeout.signal])
  const timer = task['timeout-minutes'] ? setTimeout(() => timeout.abort(), task['timeout-minutes'] * 60_000) : undefined
  const steps: StepRecord[] = []
  let gates: GateRecord[] = []
  let usage: Usage | undefined
  let failure: Failure | undefined
  let error: string | undefined
  let patch: Buffer = Buffer.alloc(0)
  let slot: Slot | undefined
  try {
    const start = await startingPoint(ctx, task, run)
    slot = await ctx.workspace.acquire(task.id, start.tree, start.head)
    const tmpDir = await ctx.workspace.freshTmp(task.id)
    // The step's own git dir, HOME and sandbox view, made once the worktree holds the start.
    const view = await ctx.workspace.prepareSandbox(task.id, slot.git, tmpDir, start.head)
    const a: Attempt = { slot, start: start.tree, tmpDir, view, logDir: run.logDir, taskLog, signal, runSignal: run.signal }
    await attachSetup(ctx.setup, ctx.workspace, task.id, ctx.executor, sandboxOf(ctx, a))
    if (run.replay) {
      const file = join(tmpDir, '..', `${task.id}-replay.patch`)
      await writeFile(file, run.replay)
      const applied = await slot.git.applies(file)
      if (!applied.ok) {
        await appendFile(taskLog, `rebase: the kept patch no longer applies: ${applied.reason}\n`)
        return { record: { id: task.id, status: 'failed', attempts: attempt, steps: [], gates: [], reason: REPLAY_FAILED }, patch: Buffer.alloc(0) }
      }
      await appendFile(taskLog, 'rebase: the kept patch applies on the new start; steps skipped, checks and gates run again\n')
    }
    const ran: { records: StepRecord[]; usage?: Usage; failure?: Failure } = run.replay ? { records: [] } : await runSteps(ctx, task, a)
    steps.push(...ran.records)
    usage = ran.usage
    failure = ran.failure
    if (!failure) {
      const checked = await runChecks(ctx, task, a)
      steps.push(...checked.records)
      failure = checked.failure
    }
    // Every step and check ends with the index staged, so it holds the task's change already.
    // Sizes first: a change too large to review is recorded by its headers and never read whole.
    const limits = changeLimits(ctx.plan)
    const changes = await collectChanges(slot.git.runner(), a.start, limits)
    patch = await slot.git.stagedPatch(a.start, !fitsWholePatch(changes, limits))
    if (!failure) {
      const gated = await gateChange(ctx, task, a, changes)
      gates = gated.gates
      failure = gated.failure
    }
  } catch (e) {
    if ((e as Error).name === 'BreakerTripped') throw e
    error = ctx.mask((e as Error).message)
    await appendFile(taskLog, `error: ${error}\n`)
  } finally {
    if (timer) clearTimeout(timer)
    if (slot) await ctx.workspace.release(slot).catch(warnOnFailure(ctx.reporter, `could not return the worktree of task ${task.id}`))
  }
  const { status, reason, failedStep } = decideStatus(task, { failure, error, cancelled: run.signal.aborted, timedOut: timeout.signal.aborted })
  // Evidence of a task that will not land is read, never applied: masked like every other text
  // autopilot writes (a denied change may hold the very secret it was denied for).
  if (status !== 'succeeded') patch = Buffer.from(ctx.mask(patch.toString('utf8')))
  const record: TaskRecord = {
    id: task.id,
    status,
    attempts: attempt,
    key: run.key,
    patchDigest: sha256(patch),
    changedFiles: countFiles(patch),
    steps,
    gates,
    usage,
    reason,
    failedStep
  }
  return { record, patch }
}

/**
 * The one place a task's status is decided, from what the phases returned:
 * an error fails it; an interrupt cancels an unfinished task; the task's own
 * timeout fails it; else the phase that stopped it decides.
 */
export function decideStatus(
  task: Task,
  o: { failure?: Failure; error?: string; cancelled: boolean; timedOut: boolean }
): { status: TaskStatus; reason?: string; failedStep?: string } {
  if (o.error !== undefined) return { status: 'failed', reason: o.error }
  const timedOut = `task timed out after ${task['timeout-minutes']} min (timeout-minutes)`
  if (o.cancelled && o.failure) return { status: 'cancelled', reason: o.failure.reason, failedStep: o.failure.failedStep }
  if (o.timedOut) return { status: 'failed', reason: timedOut, failedStep: o.failure?.failedStep }
  if (o.failure) return o.failure
  return { status: 'succeeded' }
}

/** The tree the task starts from (the base plus its ancestors' patches, no checkout) and the commit its HEAD shows. */
async function startingPoint(ctx: TaskContext, task: Task, run: TaskRun): Promise<{ tree: string; head: string }> {
  const patches = run.dependencies.map(d => d.patch).filter(p => p.length > 0)
  if (patches.length === 0) return { tree: ctx.baseTree, head: ctx.baseCommit }
  const tree = await ctx.workspace.buildTree(ctx.baseCommit, patches, task.id)
  // A commit, so a step's own `git diff HEAD` shows the task's change only.
  const head = await ctx.workspace.repo.commitTree(tree, [ctx.baseCommit], `autopilot: dependencies of ${task.id}`, '1970-01-01T00:00:00Z')
  return { tree, head }
}

async function runSteps(ctx: TaskContext, task: Task, a: Attempt): Promise<{ records: StepRecord[]; usage?: Usage; failure?: Failure }> {
  const records: StepRecord[] = []
  let usage: Usage | undefined
  let tree: string | undefined = a.start
  for (const [index, step] of task.steps.entries()) {
    ctx.reporter.event({ type: 'step-started', taskId: task.id, index, of: task.steps.length + task.checks.length, name: stepName(step) })
    const out = await runStep(ctx, task, step, {
      index,
      tree,
      worktree: a.slot.path,
      git: a.slot.git,
      tmpDir: a.tmpDir,
      logDir: a.logDir,
      signal: a.signal,
      sandbox: sandboxOf(ctx, a),
      home: a.view.home,
      limits: limitsOf(ctx),
      onLine: line => ctx.reporter.event({ type: 'output', taskId: task.id, line }),
      onProgress: line => {
        ctx.reporter.event({ type: 'note', message: line })
        appendFileSync(a.taskLog, `${line}\n`)
      }
    })
    records.push(out.record)
    tree = out.tree
    usage = mergeUsage(usage, out.usage)
    ctx.reporter.event({ type: 'step', taskId: task.id, step: out.record })
    await appendFile(a.taskLog, `step ${index + 1} ${out.record.name}: ${out.record.status}${agentNote(out.record)}${out.record.message ? ` (${out.record.message})` : ''}\n`)
    if (out.record.status !== 'succeeded' && out.fatal) {
      const reason = `step ${index + 1} "${out.record.name}" ${out.record.message ?? 'failed'}\n${tail(out.output, 20)}`
      return { records, usage, failure: { status: 'failed', reason, failedStep: out.record.name } }
    }
  }
  return { records, usage }
}

async function runChecks(ctx: TaskContext, task: Task, a: Attempt): Promise<{ records: StepRecord[]; failure?: Failure }> {
  const records: StepRecord[] = []
  for (const [i, c] of task.checks.entries()) {
    const run = typeof c === 'string' ? c : c.run
    const name = typeof c === 'string' ? shortName(c) : (c.name ?? shortName(run))
    const { steps } = task
    ctx.reporter.event({ type: 'step-started', taskId: task.id, index: steps.length + i, of: steps.length + task.checks.length, name: `check: ${name}` })
    const before = await a.slot.git.stageAll()
    const r = await ctx.executor.runStep(shellRequest(taskShell(ctx, task, a, a.signal), run))
    const after = await a.slot.git.stageAll()
    const log = join(a.logDir, `check-${i + 1}.log`)
    await writeFile(log, `$ ${run}\n${r.output}\n=== exit ${r.exitCode}\n`)
    let problem =
      r.exitCode !== 0
        ? `exited with ${r.exitCode ?? r.signal}${r.timedOut ? ' (timed out)' : ''}`
        : before !== after
          ? `changed files (${listFiles(await a.slot.git.pathsBetween(before, after))}); checks must not change anything`
          : undefined
    // Red on the base the same way: reported, not blamed on this task.
    const verdict = r.exitCode !== 0 && before === after ? ctx.baseline?.judge(run, r.exitCode) : undefined
    if (verdict === PRE_EXISTING) problem = undefined
    records.push({
      index: task.steps.length + i,
      name: `check: ${name}`,
      kind: 'check',
      exitCode: r.exitCode,
      status: problem || verdict === PRE_EXISTING ? 'failed' : 'succeeded',
      attempts: 1,
      durationMs: r.durationMs,
      log,
      message: problem ?? (verdict === PRE_EXISTING ? `${PRE_EXISTING}: exited with ${r.exitCode}, as on the base` : undefined)
    })
    await appendFile(a.taskLog, `check ${i + 1} ${name}: ${problem ?? (verdict === PRE_EXISTING ? PRE_EXISTING : 'passed')}\n`)
    if (problem) {
      return { records, failure: { status: 'failed', failedStep: `check: ${name}`, reason: `check "${name}" ${problem}\n${tail(r.output, 20)}` } }
    }
  }
  return { records }
}

/** Every gate on the task's staged change; a denial runs the task's rollbacks. */
async function gateChange(ctx: TaskContext, task: Task, a: Attempt, changes: ChangeSet): Promise<{ gates: GateRecord[]; failure?: Failure }> {
  // Reasons and findings are built from file names, which a step chooses: masked.
  const gates = (await evaluateTaskGates({ task, plan: ctx.plan, changes, secrets: namedSecrets(ctx.plan, ctx.callerEnv) })).map(d => maskDecision(d, ctx.mask))
  for (const d of gates) {
    await appendFile(a.taskLog, `gate ${d.gate}: ${d.allowed ? 'allowed' : 'DENIED'}: ${d.reason}${optInHint(d)}\n`)
    for (const f of d.findings ?? []) await appendFile(a.taskLog, `  ${ctx.mask(f)}\n`)
  }
  const no = denied(gates)
  if (no.length === 0) return { gates }
  await runRollbacks(ctx, task, a)
  return { gates, failure: { status: 'denied', reason: denialText(no) } }
}

/** A denied task's rollbacks run too, so it leaves the worktree as it found it. */
async function runRollbacks(ctx: TaskContext, task: Task, a: Attempt): Promise<void> {
  for (const step of task.steps) {
    if (!step.rollback) continue
    const r = await ctx.executor.runStep(shellRequest(taskShell(ctx, task, a, a.runSignal), step.rollback, step))
    await appendFile(a.taskLog, `rollback ${step.rollback}: exit ${r.exitCode}\n`)
  }
}

function taskShell(ctx: TaskContext, task: Task, a: Attempt, signal: AbortSignal): TaskShell {
  const { plan, callerEnv, mask } = ctx
  return taskShellIn({ plan, task, worktree: a.slot.path, tmpDir: a.tmpDir, view: a.view, callerEnv, limits: limitsOf(ctx), mask, signal })
}

/** The sandbox spec of the attempt's steps; undefined when the plan says `sandbox: off`. */
function sandboxOf(ctx: TaskContext, a: Attempt) {
  return ctx.plan.sandbox === 'off' ? undefined : a.view.spec
}

function limitsOf(ctx: TaskContext) {
  const limits = ctx.plan.limits
  return { memoryMb: limits['step-memory-mb'], processes: limits['step-processes'] }
}

function countFiles(patch: Buffer): number {
  let n = 0
  for (const line of patch.toString('latin1').split('\n')) if (line.startsWith('diff --git ')) n++
  return n
}

/** Which agent did a step's work, after which ones failed: `, agent claude (after codex failed)`. */
function agentNote(r: StepRecord): string {
  if (r.kind !== 'agent' || !r.agent) return ''
  const before = (r.agents ?? []).slice(0, -1)
  return `, agent ${r.agent}${before.length ? ` (after ${before.join(', ')} failed)` : ''}`
}

/** `a.ts, b.ts and 3 more`: the files a check changed, named in its failure. */
function listFiles(paths: string[], shown = 5): string {
  if (paths.length <= shown) return paths.join(', ')
  return `${paths.slice(0, shown).join(', ')} and ${paths.length - shown} more`
}
