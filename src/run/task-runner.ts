/**
 * Runs one task in isolation: a fresh worktree of the base commit with its
 * dependencies' patches applied in DAG order, its steps and checks, the gates
 * on its real diff, and its patch kept as the result (evidence when it fails).
 */
import { appendFileSync } from 'node:fs'
import { appendFile, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Plan, Task } from '../plan/schema.js'
import type { GateRecord, StepRecord, TaskRecord, Usage } from '../state/manifest.js'
import type { StoredResult } from '../state/store.js'
import { sha256 } from '../state/keys.js'
import type { CommandExecutor } from './executor.js'
import type { TaskSandbox, Workspace } from './workspace.js'
import type { Git } from '../git/git.js'
import { changeLimits, collectChanges, fitsWholePatch } from '../git/changes.js'
import { evaluateTaskGates, maskDecision } from '../gates/index.js'
import { namedSecrets } from './secrets.js'
import { runStep, shortName, stepName, type AgentCalls } from './step-runner.js'
import { mergeUsage } from '../agents/budget.js'
import { shellRequest, type TaskShell } from './step-env.js'
import { tail } from './expectation.js'
import type { Reporter } from '../report/reporter.js'
import { PRE_EXISTING, type BaselineJudge } from './baseline.js'
import { attachSetup, type SetupLayer } from './setup-layer.js'

/** The reason a replayed (rebased) attempt gives when its patch no longer applies: the task then runs. */
export const REPLAY_FAILED = 'the kept patch does not apply on the new base'

export interface TaskRunInput {
  plan: Plan
  task: Task
  /** Results of every ancestor, in the order their patches are applied. */
  dependencies: StoredResult[]
  baseCommit: string
  key: string
  workspace: Workspace
  executor: CommandExecutor
  callerEnv: NodeJS.ProcessEnv
  mask: (text: string) => string
  agents: AgentCalls
  /** This task's log folder. */
  logDir: string
  reporter: Reporter
  signal: AbortSignal
  backoffMs: number
  baseline?: BaselineJudge
  /** What the plan's setup left, put into the worktree (src/run/setup-layer.ts). */
  setup?: SetupLayer
  /**
   * `run --rebase`: instead of running the steps, apply this patch (the task's change from the run being
   * moved); its checks and gates run as usual. A patch that does not apply fails the attempt with `replayFailed`.
   */
  replay?: Buffer
}

/** Runs the task up to `max-attempts` times; always resolves with a final result. */
export async function runTask(input: TaskRunInput): Promise<StoredResult> {
  const { task } = input
  const started = new Date()
  await mkdir(input.logDir, { recursive: true })
  const taskLog = join(input.logDir, 'task.log')
  let result: StoredResult | undefined
  for (let attempt = 1; attempt <= task['max-attempts']; attempt++) {
    await appendFile(taskLog, `=== task ${task.id}, attempt ${attempt} of ${task['max-attempts']}\n`)
    result = await attemptTask(input, attempt, taskLog)
    if (result.record.status !== 'failed' || input.signal.aborted) break
  }
  const r = result!
  r.record.startedAt = started.toISOString()
  r.record.finishedAt = new Date().toISOString()
  r.record.durationMs = Date.now() - started.getTime()
  r.record.log = taskLog
  await appendFile(taskLog, `=== ${task.id}: ${r.record.status}${r.record.reason ? `: ${r.record.reason}` : ''}\n`)
  return r
}

async function attemptTask(input: TaskRunInput, attempt: number, taskLog: string): Promise<StoredResult> {
  const { plan, task, workspace } = input
  const name = task.id
  const timeout = new AbortController()
  const signal = AbortSignal.any([input.signal, timeout.signal])
  const timer = task['timeout-minutes'] ? setTimeout(() => timeout.abort(), task['timeout-minutes'] * 60_000) : undefined
  const steps: StepRecord[] = []
  let gates: GateRecord[] = []
  let usage: Usage | undefined
  let status: TaskRecord['status'] = 'succeeded'
  let reason: string | undefined
  let failedStep: string | undefined
  let git: Git | undefined
  let start = input.baseCommit
  let patch: Buffer = Buffer.alloc(0)
  try {
    git = await workspace.addWorktree(name, input.baseCommit)
    start = await applyDependencies(git, input, name)
    const tmpDir = await workspace.freshTmp(name)
    const view = await workspace.prepareSandbox(name, git, tmpDir, start)
    const shell = taskShell(input, tmpDir, signal, view)
    await attachSetup(input.setup, workspace, name, input.executor, shell.sandbox)
    let tree: string | undefined
    if (input.replay) {
      const file = join(tmpDir, '..', `${name}-replay.patch`)
      await writeFile(file, input.replay)
      const applied = await git.applies(file)
      if (!applied.ok) {
        await appendFile(taskLog, `rebase: the kept patch no longer applies: ${applied.reason}\n`)
        return { record: { id: task.id, status: 'failed', attempts: attempt, steps: [], gates: [], reason: REPLAY_FAILED }, patch: Buffer.alloc(0) }
      }
      await appendFile(taskLog, 'rebase: the kept patch applies on the new start; steps skipped, checks and gates run again\n')
    }
    for (const [index, step] of (input.replay ? [] : task.steps).entries()) {
      input.reporter.event({ type: 'step-started', taskId: task.id, index, of: task.steps.length + task.checks.length, name: stepName(step) })
      const out = await runStep({
        tree,
        plan,
        task,
        step,
        index,
        worktree: workspace.worktreePath(name),
        tmpDir,
        logDir: input.logDir,
        git,
        executor: input.executor,
        callerEnv: input.callerEnv,
        mask: input.mask,
        agents: input.agents,
        signal,
        backoffMs: input.backoffMs,
        sandbox: shell.sandbox,
        home: shell.home,
        limits: shell.limits,
        onLine: line => input.reporter.event({ type: 'output', taskId: task.id, line }),
        onProgress: line => {
          input.reporter.event({ type: 'note', message: line })
          appendFileSync(taskLog, `${line}\n`)
        }
      })
      steps.push(out.record)
      tree = out.tree
      usage = mergeUsage(usage, out.usage)
      input.reporter.event({ type: 'step', taskId: task.id, step: out.record })
      await appendFile(taskLog, `step ${index + 1} ${out.record.name}: ${out.record.status}${agentNote(out.record)}${out.record.message ? ` (${out.record.message})` : ''}\n`)
      if (out.record.status !== 'succeeded' && out.fatal) {
        status = 'failed'
        failedStep = out.record.name
        reason = `step ${index + 1} "${out.record.name}" ${out.record.message ?? 'failed'}\n${tail(out.output, 20)}`
        break
      }
    }
    if (status === 'succeeded') {
      const check = await runChecks(input, git, shell, taskLog)
      steps.push(...check.records)
      if (check.failure) {
        status = 'failed'
        failedStep = check.failure.step
        reason = check.failure.reason
      }
    }
    // Every step and check ends with the index staged, so it holds the task's change already.
    // Sizes first: a change too large to review is recorded by its headers and never read whole.
    const limits = changeLimits(plan)
    const changes = await collectChanges(git.runner(), start, limits)
    patch = await git.stagedPatch(start, !fitsWholePatch(changes, limits))
    if (status === 'succeeded') {
      const decisions = (await evaluateTaskGates({ task, plan, changes, secrets: namedSecrets(plan, input.callerEnv) })).map(d =>
        maskDecision(d, input.mask)
      )
      gates = decisions.map(d => ({ gate: d.gate, allowed: d.allowed, reason: d.reason, optIn: d.optIn, findings: d.findings }))
      for (const d of decisions) {
        await appendFile(taskLog, `gate ${d.gate}: ${d.allowed ? 'allowed' : 'DENIED'}: ${d.reason}${d.optIn ? ` (to allow: ${d.optIn})` : ''}\n`)
        for (const f of d.findings ?? []) await appendFile(taskLog, `  ${input.mask(f)}\n`)
      }
      const denied = decisions.filter(d => !d.allowed)
      if (denied.length) {
        status = 'denied'
        reason = denied.map(d => `${d.gate}: ${d.reason}${d.optIn ? ` (to allow: ${d.optIn})` : ''}`).join('; ')
        await runRollbacks(input, { ...shell, signal: input.signal }, taskLog)
      }
    }
    if (signal.aborted && status !== 'succeeded') {
      status = input.signal.aborted ? 'cancelled' : 'failed'
      if (!input.signal.aborted) reason = `task timed out after ${task['timeout-minutes']} min (timeout-minutes)`
    } else if (timeout.signal.aborted) {
      status = 'failed'
      reason = `task timed out after ${task['timeout-minutes']} min (timeout-minutes)`
    }
  } catch (e) {
    if ((e as Error).name === 'BreakerTripped') throw e
    status = 'failed'
    reason = input.mask((e as Error).message)
    await appendFile(taskLog, `error: ${reason}\n`)
  } finally {
    if (timer) clearTimeout(timer)
    await workspace.removeWorktree(name).catch(() => {})
  }
  // Evidence of a task that will not land is read, never applied: masked like every other text
  // autopilot writes (a denied change may hold the very secret it was denied for).
  if (status !== 'succeeded') patch = Buffer.from(input.mask(patch.toString('utf8')))
  const record: TaskRecord = {
    id: task.id,
    status,
    attempts: attempt,
    key: input.key,
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

/** Applies and commits the ancestors' patches; returns the commit the task starts from. */
async function applyDependencies(git: Git, input: TaskRunInput, name: string): Promise<string> {
  const withPatch = input.dependencies.filter(d => d.patch.length > 0)
  if (withPatch.length === 0) return input.baseCommit
  // One `git apply` for all of them (one patch stream, applied in order): a process per ancestor
  // made deep tasks start late (bench/: 60-task DAG, ~11 applies per task).
  const file = join(await input.workspace.freshTmp(`${name}-deps`), 'dependencies.patch')
  await writeFile(file, Buffer.concat(withPatch.map(d => d.patch)))
  await git.apply(file)
  return await git.commit(`autopilot: dependencies of ${input.task.id}`, '1970-01-01T00:00:00Z')
}

async function runChecks(input: TaskRunInput, git: Git, shell: TaskShell, taskLog: string) {
  const records: StepRecord[] = []
  for (const [i, c] of input.task.checks.entries()) {
    const run = typeof c === 'string' ? c : c.run
    const name = typeof c === 'string' ? shortName(c) : (c.name ?? shortName(run))
    const { steps } = input.task
    input.reporter.event({ type: 'step-started', taskId: input.task.id, index: steps.length + i, of: steps.length + input.task.checks.length, name: `check: ${name}` })
    const before = await git.stageAll()
    const r = await input.executor.runStep(shellRequest(shell, run))
    const after = await git.stageAll()
    const log = join(input.logDir, `check-${i + 1}.log`)
    await writeFile(log, `$ ${run}\n${r.output}\n=== exit ${r.exitCode}\n`)
    let problem =
      r.exitCode !== 0
        ? `exited with ${r.exitCode ?? r.signal}${r.timedOut ? ' (timed out)' : ''}`
        : before !== after
          ? `changed files (${listFiles(await git.pathsBetween(before, after))}); checks must not change anything`
          : undefined
    // Red on the base the same way: reported, not blamed on this task.
    const verdict = r.exitCode !== 0 && before === after ? input.baseline?.judge(run, r.exitCode) : undefined
    if (verdict === PRE_EXISTING) problem = undefined
    records.push({
      index: input.task.steps.length + i,
      name: `check: ${name}`,
      kind: 'check',
      exitCode: r.exitCode,
      status: problem || verdict === PRE_EXISTING ? 'failed' : 'succeeded',
      attempts: 1,
      durationMs: r.durationMs,
      log,
      message: problem ?? (verdict === PRE_EXISTING ? `${PRE_EXISTING}: exited with ${r.exitCode}, as on the base` : undefined)
    })
    await appendFile(taskLog, `check ${i + 1} ${name}: ${problem ?? (verdict === PRE_EXISTING ? PRE_EXISTING : 'passed')}\n`)
    if (problem) return { records, failure: { step: `check: ${name}`, reason: `check "${name}" ${problem}\n${tail(r.output, 20)}` } }
  }
  return { records, failure: undefined }
}

/** A denied task's rollbacks run too, so it leaves the worktree as it found it. */
async function runRollbacks(input: TaskRunInput, shell: TaskShell, taskLog: string): Promise<void> {
  for (const step of input.task.steps) {
    if (!step.rollback) continue
    const r = await input.executor.runStep(shellRequest(shell, step.rollback, step))
    await appendFile(taskLog, `rollback ${step.rollback}: exit ${r.exitCode}\n`)
  }
}

function taskShell(input: TaskRunInput, tmpDir: string, signal: AbortSignal, view: TaskSandbox): TaskShell {
  const { plan, task, callerEnv, mask, workspace } = input
  const limits = plan.limits
  return {
    plan,
    task,
    worktree: workspace.worktreePath(task.id),
    tmpDir,
    home: view.home,
    callerEnv,
    sandbox: plan.sandbox === 'off' ? undefined : view.spec,
    limits: { memoryMb: limits['step-memory-mb'], processes: limits['step-processes'] },
    mask,
    signal
  }
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
