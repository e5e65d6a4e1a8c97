/**
 * The one context every task of a run shares, built in one place for both
 * deployments (the local run and the Actions task job): the plan, the base,
 * the workspace, the adapters and the run-wide settings. Runners take
 * `(context, task, ...)`; what varies per task or per step is passed beside it.
 */
import type { Plan } from '../plan/schema.js'
import type { TaskRecord } from '../state/manifest.js'
import type { StateStore } from '../state/store.js'
import type { Reporter } from '../report/reporter.js'
import type { CommandExecutor } from './executor.js'
import { openWorkspace, type Workspace } from './workspace.js'
import type { AgentCalls } from './step-runner.js'
import { createAgentCalls } from './agent-calls.js'
import { planMasker } from './secrets.js'
import type { BaselineJudge } from './baseline.js'
import type { SetupLayer } from './setup-layer.js'
import type { PlanDirCopy } from './plan-dir.js'

export interface TaskContext {
  plan: Plan
  baseCommit: string
  baseTree: string
  workspace: Workspace
  executor: CommandExecutor
  store: StateStore
  /** The caller's environment: steps get only what the plan names from it. */
  callerEnv: NodeJS.ProcessEnv
  /** Hides every secret value the plan may pass to a step. */
  mask: (text: string) => string
  agents: AgentCalls
  reporter: Reporter
  /** Folder for logs: one subfolder per task. */
  logRoot: string
  /** Log paths in records are relative to this folder. */
  logBase: string
  /** Base delay between step retries; doubles each time. */
  backoffMs: number
  /** Records kept from an earlier attempt of this run (resume). */
  carried?: ReadonlyMap<string, TaskRecord>
  /** Skip content-addressed results (`--fresh`: start over for real). */
  noCache?: boolean
  /** Checks already failing on the base are not blamed on a task (src/run/baseline.ts). */
  baseline?: BaselineJudge
  /** What the plan's setup left, put into each task's worktree (src/run/setup-layer.ts). */
  setup?: SetupLayer
  /** The read-only copy of the plan folder steps see at $AUTOPILOT_PLAN_DIR (src/run/plan-dir.ts). */
  planDir?: PlanDirCopy
  /**
   * `run --rebase`: the records of the run being moved onto the new base. A task that succeeded there, whose
   * ancestors were all kept too, is replayed (its patch applied, its checks and gates run again) instead of re-run.
   */
  rebaseFrom?: ReadonlyMap<string, TaskRecord>
}

/** Builds the context: opens the workspace, reads the base tree, the masker and the agents' ledger. */
export async function createTaskContext(input: {
  plan: Plan
  baseCommit: string
  executor: CommandExecutor
  store: StateStore
  repoRoot: string
  /** Where the run's workspace lives (opened here unless `workspace` is given). */
  workRoot?: string
  /** A workspace already opened (the local run: the plan folder's copy and setup live in it). */
  workspace?: Workspace
  callerEnv: NodeJS.ProcessEnv
  reporter: Reporter
  logRoot: string
  logBase?: string
  backoffMs: number
  carried?: ReadonlyMap<string, TaskRecord>
  noCache?: boolean
  /** The plan folder's copy: prompt files are read there (src/run/plan-dir.ts). */
  planDir?: PlanDirCopy
  rebaseFrom?: ReadonlyMap<string, TaskRecord>
}): Promise<TaskContext> {
  const { plan, executor, store, callerEnv, reporter } = input
  const workspace = input.workspace ?? (await openWorkspace(executor, input.repoRoot, input.workRoot!))
  return {
    plan,
    baseCommit: input.baseCommit,
    baseTree: await workspace.repo.treeOf(input.baseCommit),
    workspace,
    executor,
    store,
    callerEnv,
    mask: planMasker(plan, callerEnv),
    agents: createAgentCalls({ plan, callerEnv, store, ledger: await store.loadLedger(), warn: message => reporter.event({ type: 'note', message, level: 'warning' }), planDir: input.planDir }),
    reporter,
    logRoot: input.logRoot,
    logBase: input.logBase ?? input.logRoot,
    backoffMs: input.backoffMs,
    carried: input.carried,
    noCache: input.noCache,
    planDir: input.planDir,
    rebaseFrom: input.rebaseFrom
  }
}

/** A best-effort failure, made visible: a reporter note instead of silence. */
export function warnOnFailure(reporter: Reporter, what: string): (e: unknown) => void {
  return e => reporter.event({ type: 'note', level: 'warning', message: `autopilot: warning: ${what}: ${(e as Error).message ?? String(e)}` })
}
