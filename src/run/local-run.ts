/**
 * `autopilot run` on one machine: resolves the plan, takes the lock, resumes
 * or starts the manifest, schedules every task through the task runner,
 * integrates the landed patches onto the branch and writes the reports.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { basename, dirname, join, relative } from 'node:path'
import { cpus } from 'node:os'
import type { LoadedPlan } from '../plan/load.js'
import { openRepoPlan } from './open-repo-plan.js'
import { branchName, type Plan } from '../plan/schema.js'
import { ancestors, buildGraph, levels, topoOrder } from '../graph/graph.js'
import { AutopilotError, BreakerTripped, EXIT } from '../errors.js'
import { AUTOPILOT_IDENT, Git, parseIdentity } from '../git/git.js'
import { LANDABLE, type RunManifest } from '../state/manifest.js'
import { LocalStateStore } from '../state/local-store.js'
import type { StoredResult } from '../state/store.js'
import { acquireLock } from '../state/lock.js'
import { ensureIgnoredDir } from '../state/files.js'
import { logsRootOf, runLogNames, runTimestamp } from '../state/log-files.js'
import { suggestCommand } from '../invocation.js'
import { startManifest } from '../state/new-manifest.js'
import { composite, type Reporter } from '../report/reporter.js'
import { colorEnabled, consoleReporter } from '../report/console-reporter.js'
import { statusLogReporter } from '../report/status-log.js'
import { renderSummary, usageTotal } from '../report/markdown.js'
import { finalTable, renderFailedLog } from '../report/text.js'
import { ProcessExecutor, type CommandExecutor } from './executor.js'
import { killStrays, processRegistry } from './process-registry.js'
import { defaultWorkRoot } from './workspace.js'
import { schedule } from './scheduler.js'
import { executeTask } from './execute-task.js'
import { startIntegration, type CommitIdentity, type IntegrationInput, type IntegrationResult } from './integrate.js'
import { namedSecrets, planMasker } from './secrets.js'
import { createTaskContext, warnOnFailure } from './task-context.js'
import { manifestSaver } from '../state/manifest-saver.js'
import { openWorkspace } from './workspace.js'
import { cliHints, integrateGuarded, type BranchChoice, type BranchHome } from './branch-guard.js'
import { branchProblem } from '../gates/branch-guard.js'
import { checkedOutBranches, originDefaultBranch } from '../git/branches.js'
import { decideSandbox, sandboxOffInEnv, sandboxShareInEnv } from './sandbox-gate.js'
import type { EnableResult } from './enable-namespaces.js'
import { baselineHook } from './baseline-hook.js'
import { snapshotPlanDir, withPlanDir } from './plan-dir.js'
import { planFolderOf } from '../plan/plan-files.js'
import { prepareSetup } from './setup.js'

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
  /** How the user started autopilot, for the resume command printed on failure. */
  invocation?: string
  /** `--rebase[=<rev>]`: move the run onto this revision (HEAD by default), keeping tasks whose patches still apply. */
  rebase?: string
  /** Who turned the sandbox off outside the plan (`--sandbox off`, the action input); AUTOPILOT_SANDBOX=off counts too. */
  sandboxOffBy?: string
  /** May change the host so the sandbox works (the action on a hosted runner). */
  enableSandbox?: (problem: string) => Promise<EnableResult>
  /** What to do when the branch holds commits autopilot did not make (default: refuse). */
  branchChoice?: BranchChoice
  /** Where the branch lives, when not the user's repository (the action's `run`: `origin`). */
  branchHome?: BranchHome
  /** Commit author and extra trailers (the action's); default the plan's `pr.author`, else the repository's identity. */
  identity?: CommitIdentity
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
  /** The branch where it lives, as the guard inspected it (the push lease). */
  tipBefore?: string
  /** Landed tasks that changed nothing: no commit of their own. */
  checked: string[]
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
    const offBy = opts.sandboxOffBy ?? sandboxOffInEnv(opts.env)
    const executor = opts.executor ?? new ProcessExecutor(processRegistry(store.processesDir), { sandbox: offBy === undefined, share: sandboxShareInEnv(opts.env) })
    // Before anything runs: sandboxed, knowingly not, or refused (exit 3).
    const sandbox = await decideSandbox({ executor, plan, offBy, enable: opts.enableSandbox })
    if (sandbox.note) opts.out(`${sandbox.note}\n`)
    if (opts.fresh) await store.reset()
    // Tasks read the decision from their plan: `sandbox: off` however it was turned off.
    const decided = sandbox.sandboxed ? loaded : { ...loaded, plan: { ...plan, sandbox: 'off' as const } }
    return await runWithLock({ opts, executor, loaded: decided, planFile, repoRoot, userGit, store })
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
  const declared = loaded.plan
  const planPath = relative(repoRoot, run.planFile)
  const previous = await store.loadManifest()
  const baseCommit = await resolveBase(userGit, declared, previous, opts.out, opts.rebase)
  await guardBranch(userGit, declared, EXIT.usage)
  const graph = buildGraph(declared.tasks)
  const order = topoOrder(graph)
  const logsRoot = logsRootOf(repoRoot)
  await ensureIgnoredDir(logsRoot)
  const { names, runLogDir } = await claimRunLogDir(logsRoot, declared.issue)

  const manifest = startManifest({ plan: declared, planHash: loaded.hash, planPath, baseCommit, previous })
  const workspace = await openWorkspace(executor, repoRoot, defaultWorkRoot(repoRoot, declared.issue, opts.env))
  // The plan folder as it is now in the checkout (committed or not), read-only to steps at $AUTOPILOT_PLAN_DIR.
  const planDir = await snapshotPlanDir(repoRoot, planFolderOf(run.planFile, repoRoot), join(workspace.root, 'plan-dir'), basename(run.planFile))
  workspace.shared.push({ source: planDir.dir, dest: planDir.dir })
  const plan = withPlanDir(declared, planDir)
  // Read before any step runs, so nothing a step writes can change who the commits are by.
  const identity: CommitIdentity = opts.identity ?? { author: parseIdentity(plan.pr.author) ?? (await userGit.userIdentity(opts.env)) ?? AUTOPILOT_IDENT }
  const reporter: Reporter = composite(
    consoleReporter({
      write: opts.out,
      tty: opts.isTTY,
      levels: levels(graph),
      columns: process.stdout.columns,
      color: colorEnabled(opts.env, opts.isTTY)
    }),
    statusLogReporter(join(logsRoot, names.status))
  )
  const saver = manifestSaver(store, manifest)
  await saver.save()
  reporter.event({ type: 'run-started', manifest })

  const mask = planMasker(plan, opts.env)
  const setup = await prepareSetup({
    plan,
    baseCommit,
    workspace,
    executor,
    callerEnv: opts.env,
    mask,
    reporter,
    layersRoot: join(dirname(workspace.root), 'setup'),
    logDir: join(runLogDir, '_setup'),
    signal: opts.signal
  })
  const ctx = await createTaskContext({
    plan,
    baseCommit,
    executor,
    store,
    repoRoot,
    workspace,
    callerEnv: opts.env,
    reporter,
    logRoot: runLogDir,
    logBase: repoRoot,
    backoffMs: opts.backoffMs ?? 1000,
    noCache: opts.fresh,
    // Records carried over from the previous run, before statuses start changing.
    carried: new Map(Object.values(manifest.tasks).map(r => [r.id, { ...r }])),
    // The run being moved by --rebase: its finished tasks are replayed on the new base, not re-run.
    rebaseFrom: opts.rebase && previous && previous.baseCommit !== baseCommit ? new Map(Object.values(previous.tasks).map(r => [r.id, r])) : undefined,
    planDir
  })
  ctx.setup = setup
  const baseline = await baselineHook({ plan, baseCommit, workspace, executor, callerEnv: opts.env, mask, manifest, previous, reporter, signal: opts.signal, setup })
  ctx.baseline = baseline.judge
  await saver.save()
  const results = new Map<string, StoredResult>()
  const samePlan = previous !== undefined && previous.planHash === loaded.hash && previous.baseCommit === baseCommit
  const landing: IntegrationInput = {
    plan,
    planPath,
    order,
    baseCommit,
    date: manifest.startedAt,
    workspace,
    identity,
    previous: samePlan ? previous.commits : undefined,
    previousDiffstats: samePlan ? previous.diffstats : undefined,
    secrets: namedSecrets(plan, opts.env),
    mask
  }
  // Tasks land on the base as they finish, in topological order, while later ones still run; the
  // branch guard below uses these commits unless the user stacks on someone else's (`--onto-branch`).
  const streamed = startIntegration(landing)
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
        void streamed.offer(id, status, results.get(id))
      },
      maxConsecutiveFailures: plan.limits['max-consecutive-failures'],
      maxRuntimeMs: plan.limits['max-runtime-minutes'] !== undefined ? plan.limits['max-runtime-minutes'] * 60_000 : undefined,
      signal: opts.signal
    })
  } finally {
    await workspace.close().catch(warnOnFailure(reporter, 'could not remove the worktrees of this run'))
  }
  manifest.breaker = outcome.breaker ?? (outcome.interrupted ? 'interrupted' : undefined)
  manifest.usage = usageTotal(manifest)

  // The branch is inspected once every task has finished (the branch guard): the streamed commits are
  // kept when they go on the base, else the tasks are integrated again onto the branch's tip.
  const integrated = await integrateGuarded({
    ...landing,
    results,
    streamed,
    home: opts.branchHome ?? { remote: repoRoot },
    branch: manifest.branch,
    recorded: await store.loadDelivered(),
    choice: opts.branchChoice ?? { ontoBranch: false, force: false },
    how: cliHints(opts.planArg)
  })
  manifest.commits = integrated.commits
  manifest.diffstats = integrated.diffstats
  manifest.gates = integrated.gates
  let delivered: string | undefined
  if (!integrated.problem && Object.keys(integrated.commits).length > 0) {
    // Again at the end: the user may have checked the branch out while the run went on.
    await guardBranch(userGit, plan, EXIT.taskFailed)
    delivered = await deliverBranch(workspace.repo, userGit, manifest.branch, integrated.head)
    if (!opts.branchHome) await store.saveDelivered({ branch: manifest.branch, head: integrated.head, at: new Date().toISOString() })
  }
  manifest.finishedAt = new Date().toISOString()
  const saveError = await saver.save()
  // A copy per run beside its logs: `.ai/runs/` keeps only the latest, `autopilot history` reads them all.
  await writeFile(join(runLogDir, 'manifest.json'), JSON.stringify(manifest) + '\n').catch(warnOnFailure(reporter, 'could not keep a copy of the manifest beside the logs'))
  if (saveError) throw new AutopilotError(stateWriteProblem(saveError), EXIT.stopped)
  reporter.event({ type: 'run-finished', manifest })
  await reporter.close?.()
  return await writeReports({ run, plan, manifest, integrated, delivered, logsRoot, runLogDir, names, mask: ctx.mask, baselineSummary: baseline.summary() })
}

/** The summary, the failure report and the closing lines; the run's result. */
async function writeReports(input: {
  run: LockedRun
  /** The plan as the tasks ran it (plan folder resolved). */
  plan: Plan
  manifest: RunManifest
  integrated: IntegrationResult & { tip?: string }
  delivered?: string
  logsRoot: string
  runLogDir: string
  /** File names of this run's logs. */
  names: ReturnType<typeof runLogNames>
  mask: (text: string) => string
  /** Markdown on the baseline, appended to the summary. */
  baselineSummary: string
}): Promise<LocalRunResult> {
  const { run, manifest, integrated, delivered, logsRoot, runLogDir, names, mask } = input
  const { opts, repoRoot } = run
  const plan = input.plan
  const allLanded = plan.tasks.every(t => LANDABLE.has(manifest.tasks[t.id].status))
  const summaryFile = join(logsRoot, names.summary)
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
    failedFile = join(logsRoot, names.failed)
    await writeFile(failedFile, mask(renderFailedLog({ plan, manifest, planArg: opts.planArg ?? '', problem: integrated.problem, invocation: opts.invocation })))
  }
  opts.out('\n' + finalTable(plan, manifest) + '\n\n')
  if (manifest.breaker) opts.out(`stopped: ${manifest.breaker}\n`)
  if (delivered) opts.out(`branch: ${delivered} (${Object.keys(integrated.commits).length} commits)\n`)
  if (integrated.problem) opts.out(`not delivered: ${integrated.problem}\n`)
  opts.out(`summary: ${relative(opts.cwd, summaryFile)}\nlogs: ${relative(opts.cwd, runLogDir)}\n`)
  if (failedFile) opts.out(`failure report: ${relative(opts.cwd, failedFile)}\nto resume: ${suggestCommand(opts.invocation, `run ${opts.planArg ?? ''}`)}\n`)
  const exitCode = manifest.breaker ? EXIT.stopped : allLanded && !integrated.problem ? EXIT.ok : EXIT.taskFailed
  return {
    exitCode,
    manifest,
    summaryFile,
    failedFile,
    branch: delivered,
    integrationProblem: integrated.problem,
    head: integrated.head,
    tipBefore: integrated.tip,
    checked: integrated.checked ?? []
  }
}

/** The base commit: the plan's `base`, else the one a resumed run started from, else HEAD. */
async function resolveBase(git: Git, plan: Plan, previous: RunManifest | undefined, out: (s: string) => void, rebase?: string): Promise<string> {
  const ref = rebase ?? plan.base ?? 'HEAD'
  const commit = await git.resolveCommit(ref)
  if (!commit) {
    throw new AutopilotError(
      rebase
        ? `--rebase: "${rebase}" is not a commit in this repository`
        : plan.base
          ? `base "${plan.base}" is not a commit in this repository (plan field \`base\`)`
          : 'the repository has no commit yet; commit something first'
    )
  }
  const head = commit
  if (rebase) {
    if (previous && previous.baseCommit !== head) out(`autopilot: rebasing the run from ${previous.baseCommit.slice(0, 12)} onto ${head.slice(0, 12)}\n`)
    return head
  }
  if (!plan.base && previous && previous.baseCommit !== head) {
    out(
      `autopilot: resuming from base ${previous.baseCommit.slice(0, 12)} (HEAD is now ${head.slice(0, 12)}; ` +
        'use --rebase to move the run onto HEAD, keeping finished tasks whose changes still apply, or --fresh to start over)\n'
    )
    return previous.baseCommit
  }
  return head
}

/** Refuses a plan whose branch is the repository's default branch or one the user has checked out. */
async function guardBranch(user: Git, plan: Plan, exitCode: number): Promise<void> {
  const problem = branchProblem({
    branch: branchName(plan),
    allowOutside: plan.pr['allow-branch-outside-autopilot'],
    defaultBranch: await originDefaultBranch(user),
    checkedOut: await checkedOutBranches(user)
  })
  if (problem) throw new AutopilotError(`autopilot will not deliver: ${problem}`, exitCode)
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

/**
 * A log folder of this run's own: two runs of a plan within one second (a quick failure, then `--fresh`) would
 * otherwise share one, and the second would overwrite the first's manifest copy that `autopilot history` reads.
 * The second is claimed atomically (mkdir fails on an existing folder); the next free second is taken.
 */
async function claimRunLogDir(logsRoot: string, issue: number): Promise<{ names: ReturnType<typeof runLogNames>; runLogDir: string }> {
  for (let at = Date.now(); ; at += 1000) {
    const names = runLogNames(issue, runTimestamp(new Date(at)))
    const runLogDir = join(logsRoot, names.dir)
    try {
      await mkdir(runLogDir)
      return { names, runLogDir }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
    }
  }
}
