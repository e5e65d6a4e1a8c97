/**
 * `autopilot run` on one machine: resolves the plan, takes the lock, resumes
 * or starts the manifest, schedules every task through the task runner,
 * integrates the landed patches onto the branch and writes the reports.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { cpus } from 'node:os'
import type { LoadedPlan } from '../plan/load.js'
import { openRepoPlan } from './open-repo-plan.js'
import type { Plan } from '../plan/schema.js'
import { ancestors, buildGraph, levels, topoOrder } from '../graph/graph.js'
import { AutopilotError, BreakerTripped, EXIT } from '../errors.js'
import { Git } from '../git/git.js'
import { LANDABLE, type RunManifest } from '../state/manifest.js'
import { LocalStateStore } from '../state/local-store.js'
import type { StoredResult } from '../state/store.js'
import { acquireLock } from '../state/lock.js'
import { ensureIgnoredDir } from '../state/files.js'
import { startManifest } from '../state/new-manifest.js'
import { composite, type Reporter } from '../report/reporter.js'
import { consoleReporter } from '../report/console-reporter.js'
import { statusLogReporter } from '../report/status-log.js'
import { renderSummary, usageTotal } from '../report/markdown.js'
import { finalTable, renderFailedLog } from '../report/text.js'
import { ProcessExecutor, type CommandExecutor } from './executor.js'
import { killStrays, processRegistry } from './process-registry.js'
import { defaultWorkRoot } from './workspace.js'
import { schedule } from './scheduler.js'
import { executeTask } from './execute-task.js'
import { startIntegration, type IntegrationResult } from './integrate.js'
import { createTaskContext, warnOnFailure } from './task-context.js'
import { manifestSaver } from '../state/manifest-saver.js'
import { sandboxWarning } from './sandbox.js'
import { baselineHook } from './baseline-hook.js'

export interface LocalRunOptions {
  planArg?: string
  cwd: string
  env: NodeJS.ProcessEnv
  jobs?: number
  fresh?: boolean
  out(text: string): void
  isTTY: boolean
  signal?: AbortSignal
  /** Base delay between step retries (tests make it small). */
  backoffMs?: number
  executor?: CommandExecutor
}

export interface LocalRunResult {
  exitCode: number
  manifest: RunManifest
  summaryFile: string
  failedFile?: string
  /** The branch, when it was delivered to the user's repository. */
  branch?: string
  /** Why the branch was not delivered (a conflict, a run-level gate). */
  integrationProblem?: string
  /** Tip of the assembled branch. */
  head: string
}

export async function runLocal(opts: LocalRunOptions): Promise<LocalRunResult> {
  const { loaded, planFile, repoRoot, userGit } = await openRepoPlan(opts.planArg, opts.cwd, opts.executor ?? new ProcessExecutor())
  const plan = loaded.plan
  const store = new LocalStateStore(repoRoot, plan.issue)
  await store.init()
  const lock = await acquireLock(join(store.runDir, 'lock'))
  try {
    if (lock.tookOverFrom) {
      const strays = killStrays(store.processesDir, plan.issue)
      opts.out(
        `autopilot: taking over the lock of process ${lock.tookOverFrom}, which is gone` +
          (strays.length ? `; stopped ${strays.length} step process group(s) it left running` : '') +
          '\n'
      )
    }
    const executor =
      opts.executor ?? new ProcessExecutor(processRegistry(store.processesDir), { sandbox: opts.env.AUTOPILOT_SANDBOX !== 'off' })
    if (opts.fresh) await store.reset()
    return await runWithLock({ opts, executor, loaded, planFile, repoRoot, userGit, store })
  } finally {
    await lock.release()
  }
}

interface LockedRun {
  opts: LocalRunOptions
  executor: CommandExecutor
  loaded: LoadedPlan
  planFile: string
  repoRoot: string
  userGit: Git
  store: LocalStateStore
}

async function runWithLock(run: LockedRun): Promise<LocalRunResult> {
  const { opts, executor, loaded, repoRoot, userGit, store } = run
  const plan = loaded.plan
  const planPath = relative(repoRoot, run.planFile)
  const previous = await store.loadManifest()
  const baseCommit = await resolveBase(userGit, plan, previous, opts.out)
  const graph = buildGraph(plan.tasks)
  const order = topoOrder(graph)
  const ts = timestamp(new Date())
  const logsRoot = join(repoRoot, '.ai', 'logs', 'autopilot')
  await ensureIgnoredDir(logsRoot)
  const runLogDir = join(logsRoot, `${plan.issue}-${ts}`)
  await mkdir(runLogDir, { recursive: true })

  const manifest = startManifest({ plan, planHash: loaded.hash, planPath, baseCommit, previous })
  const reporter: Reporter = composite(
    consoleReporter({ write: opts.out, tty: opts.isTTY, levels: levels(graph), columns: process.stdout.columns }),
    statusLogReporter(join(logsRoot, `status-${ts}.log`))
  )
  const saver = manifestSaver(store, manifest)
  await saver.save()
  reporter.event({ type: 'run-started', manifest })
  const noSandbox = await executor.sandboxProblem()
  if (noSandbox) reporter.event({ type: 'note', message: sandboxWarning(noSandbox) })

  const ctx = await createTaskContext({
    plan,
    baseCommit,
    executor,
    store,
    repoRoot,
    workRoot: defaultWorkRoot(repoRoot, plan.issue, opts.env),
    callerEnv: opts.env,
    reporter,
    logRoot: runLogDir,
    logBase: repoRoot,
    backoffMs: opts.backoffMs ?? 1000,
    noCache: opts.fresh,
    // Records carried over from the previous run, before statuses start changing.
    carried: new Map(Object.values(manifest.tasks).map(r => [r.id, { ...r }]))
  })
  const baseline = await baselineHook({ plan, baseCommit, workspace: ctx.workspace, executor, callerEnv: opts.env, mask: ctx.mask, manifest, previous, reporter, signal: opts.signal })
  ctx.baseline = baseline.judge
  await saver.save()
  // Tasks land on the branch as they finish, in topological order, while later ones still run.
  const integration = startIntegration({
    plan,
    planPath,
    order,
    baseCommit,
    date: manifest.startedAt,
    workspace: ctx.workspace,
    // Commits built by the run this one resumes (same plan, same base): reused, not rebuilt.
    previous: previous && previous.planHash === loaded.hash && previous.baseCommit === baseCommit ? previous.commits : undefined
  })
  const results = new Map<string, StoredResult>()
  let outcome: Awaited<ReturnType<typeof schedule>>
  try {
    outcome = await schedule({
      ids: order,
      needs: Object.fromEntries(plan.tasks.map(t => [t.id, t.needs])),
      concurrency: opts.jobs ?? plan.limits['max-parallel'] ?? cpus().length,
      run: async (id, signal) => {
        baseline.guard()
        const result = await executeTask(ctx, id, ancestors(graph, id).map(d => results.get(d)!), signal).catch(e => {
          // The state folder cannot be written (full disk, permissions): stop cleanly; what was saved stays.
          if ((e as NodeJS.ErrnoException).code) throw new BreakerTripped(stateWriteProblem(e as Error))
          throw e
        })
        manifest.tasks[id] = result.record
        results.set(id, result)
        return result.record.status
      },
      onStatus: (id, status, reason) => {
        const rec = manifest.tasks[id]
        rec.status = status
        if (reason) rec.reason = reason
        if (status === 'running') rec.startedAt = new Date().toISOString()
        saver.changed(id)
        reporter.event({ type: 'task', id, status, record: rec })
        void integration.offer(id, status, results.get(id))
      },
      maxConsecutiveFailures: plan.limits['max-consecutive-failures'],
      maxRuntimeMs: plan.limits['max-runtime-minutes'] !== undefined ? plan.limits['max-runtime-minutes'] * 60_000 : undefined,
      signal: opts.signal
    })
  } finally {
    await ctx.workspace.close().catch(warnOnFailure(reporter, 'could not remove the worktrees of this run'))
  }
  manifest.breaker = outcome.breaker ?? (outcome.interrupted ? 'interrupted' : undefined)
  manifest.usage = usageTotal(manifest)

  const integrated = await integration.finish()
  manifest.commits = integrated.commits
  manifest.gates = integrated.gates
  let delivered: string | undefined
  if (!integrated.problem && Object.keys(integrated.commits).length > 0) {
    delivered = await deliverBranch(ctx.workspace.repo, userGit, manifest.branch, integrated.head)
  }
  manifest.finishedAt = new Date().toISOString()
  const saveError = await saver.save()
  // A copy per run beside its logs: `.ai/runs/` keeps only the latest, `autopilot history` reads them all.
  await writeFile(join(runLogDir, 'manifest.json'), JSON.stringify(manifest) + '\n').catch(warnOnFailure(reporter, 'could not keep a copy of the manifest beside the logs'))
  if (saveError) throw new AutopilotError(stateWriteProblem(saveError), EXIT.stopped)
  reporter.event({ type: 'run-finished', manifest })
  await reporter.close?.()
  return await writeReports({ run, manifest, integrated, delivered, logsRoot, runLogDir, ts, mask: ctx.mask, baselineSummary: baseline.summary() })
}

/** The summary, the failure report and the closing lines; the run's result. */
async function writeReports(input: {
  run: LockedRun
  manifest: RunManifest
  integrated: IntegrationResult
  delivered?: string
  logsRoot: string
  runLogDir: string
  ts: string
  mask: (text: string) => string
  /** Markdown on the baseline, appended to the summary. */
  baselineSummary: string
}): Promise<LocalRunResult> {
  const { run, manifest, integrated, delivered, logsRoot, runLogDir, ts, mask } = input
  const { opts, repoRoot } = run
  const plan = run.loaded.plan
  const allLanded = plan.tasks.every(t => LANDABLE.has(manifest.tasks[t.id].status))
  const summaryFile = join(logsRoot, `summary-${ts}.md`)
  const summary = mask(
    renderSummary({
      plan,
      manifest,
      logsLocation: relative(repoRoot, runLogDir),
      logLink: r => (r.log ? relative(logsRoot, join(repoRoot, r.log)) : undefined)
    })
  )
  await writeFile(summaryFile, (integrated.problem ? `${summary}\n**Integration:** ${integrated.problem}\n` : summary) + mask(input.baselineSummary))
  let failedFile: string | undefined
  if (!allLanded || integrated.problem) {
    failedFile = join(logsRoot, `FAILED-${ts}.log`)
    await writeFile(failedFile, mask(renderFailedLog({ plan, manifest, planArg: opts.planArg ?? '', problem: integrated.problem })))
  }
  opts.out('\n' + finalTable(plan, manifest) + '\n\n')
  if (manifest.breaker) opts.out(`stopped: ${manifest.breaker}\n`)
  if (delivered) opts.out(`branch: ${delivered} (${Object.keys(integrated.commits).length} commits)\n`)
  if (integrated.problem) opts.out(`not delivered: ${integrated.problem}\n`)
  opts.out(`summary: ${relative(opts.cwd, summaryFile)}\nlogs: ${relative(opts.cwd, runLogDir)}\n`)
  if (failedFile) opts.out(`failure report: ${relative(opts.cwd, failedFile)}\n`)
  const exitCode = manifest.breaker ? EXIT.stopped : allLanded && !integrated.problem ? EXIT.ok : EXIT.taskFailed
  return { exitCode, manifest, summaryFile, failedFile, branch: delivered, integrationProblem: integrated.problem, head: integrated.head }
}

/** The base commit: the plan's `base`, else the one a resumed run started from, else HEAD. */
async function resolveBase(git: Git, plan: Plan, previous: RunManifest | undefined, out: (s: string) => void): Promise<string> {
  const head = await git.resolveCommit(plan.base ?? 'HEAD')
  if (head === undefined) {
    throw new AutopilotError(
      plan.base ? `base "${plan.base}" is not a commit in this repository (plan field \`base\`)` : 'the repository has no commit yet; commit something first'
    )
  }
  if (!plan.base && previous && previous.baseCommit !== head) {
    out(`autopilot: resuming from base ${previous.baseCommit.slice(0, 12)} (HEAD is now ${head.slice(0, 12)}; use --fresh to start from HEAD)\n`)
    return previous.baseCommit
  }
  return head
}

/** Points the branch at `head` in the private clone, then fetches it into the user's repository. */
async function deliverBranch(repo: Git, user: Git, branch: string, head: string): Promise<string> {
  await repo.updateRef(`refs/heads/${branch}`, head)
  const problem = await user.fetchBranch(repo.cwd, branch)
  if (problem !== undefined) {
    throw new AutopilotError(
      `could not update branch ${branch} in your repository: ${problem}. ` +
        'If it is checked out, switch to another branch and run again (finished tasks are kept).',
      EXIT.taskFailed
    )
  }
  return branch
}

function stateWriteProblem(e: Error): string {
  return (
    `cannot write autopilot's state (${e.message}). Free disk space or fix permissions, then run again: ` +
    'tasks already saved under .ai/runs/ are kept'
  )
}

function timestamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')
}
