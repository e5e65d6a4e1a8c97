/**
 * The plan folder and the plan's `setup` on Actions (issue 13). The plan job
 * runs setup once and saves its layer to the Actions cache, so the legs of a
 * level do not install in parallel; every task job takes the plan folder's
 * copy and restores the layer from the cache (keyed like the local layer), and
 * on a miss runs setup itself, with a warning.
 */
import { join, relative } from 'node:path'
import * as cache from '@actions/cache'
import type { Plan } from '../plan/schema.js'
import { planFolderOf } from '../plan/plan-files.js'
import type { Reporter } from '../report/reporter.js'
import type { CommandExecutor, ProcessExecutor } from '../run/executor.js'
import { snapshotPlanDir, withPlanDir, type PlanDirCopy } from '../run/plan-dir.js'
import { prepareSetup } from '../run/setup.js'
import type { SetupLayer } from '../run/setup-layer.js'
import { defaultWorkRoot, openWorkspace, type Workspace } from '../run/workspace.js'
import { decideSandbox } from '../run/sandbox-gate.js'
import { hostEnabler } from '../run/enable-namespaces.js'
import { planMasker } from '../run/secrets.js'
import { actionsLayerCache } from '../state/actions-layer-cache.js'
import type { Runner } from './runner.js'

/** What a task job's tasks need beside the plan: the plan folder's copy and the setup layer. */
export interface ActionPlanFiles {
  /** The plan with `$AUTOPILOT_PLAN_DIR` set for every step. */
  plan: Plan
  planDir: PlanDirCopy
  setup?: SetupLayer
}

/** Where a job keeps setup layers: the same relative layout in every job, so the cache entry restores there. */
const layersRoot = (runner: Runner) => join(runner.context.tempDir, 'autopilot-setup')

/**
 * The plan folder's copy (shared read-only with every step of `workspace`) and the setup layer:
 * restored from the cache in a task job (`role: 'task'`), or built and saved by the plan job.
 */
export async function preparePlanFiles(input: {
  role: 'plan' | 'task'
  /** The plan as the sandbox decision left it. */
  plan: Plan
  planFile: string
  repoRoot: string
  baseCommit: string
  workspace: Workspace
  executor: CommandExecutor
  runner: Runner
  signal?: AbortSignal
}): Promise<ActionPlanFiles> {
  const { runner, workspace } = input
  const folder = planFolderOf(input.planFile, input.repoRoot)
  const planDir = await snapshotPlanDir(input.repoRoot, folder, join(workspace.root, 'plan-dir'), relative(join(input.repoRoot, folder), input.planFile))
  workspace.shared.push({ source: planDir.dir, dest: planDir.dir })
  const plan = withPlanDir(input.plan, planDir)
  let restored: boolean | undefined
  const reporter: Reporter = { event: e => e.type === 'note' && runner.info(e.message) }
  const setup = await prepareSetup({
    plan,
    baseCommit: input.baseCommit,
    workspace,
    executor: input.executor,
    callerEnv: runner.env,
    mask: planMasker(plan, runner.env),
    reporter: {
      event: e => {
        // A task job that finds no layer installs on its own: worth a warning (the plan job should have saved it).
        if (input.role === 'task' && restored === false && e.type === 'note' && e.message.startsWith('setup: step 1 ')) {
          runner.warning('autopilot: the setup layer is not in the Actions cache (the plan job did not save it); this job runs setup itself')
        }
        reporter.event(e)
      }
    },
    layersRoot: layersRoot(runner),
    logDir: join(runner.context.tempDir, 'autopilot-logs', '_setup'),
    cache: actionsLayerCache({
      cache,
      warn: m => runner.warning(m),
      onRestore: hit => (restored = hit),
      warnOnFailedSave: input.role === 'plan'
    }),
    signal: input.signal
  })
  return { plan, planDir, setup }
}

/**
 * The plan job's part: run the setup once (in the sandbox, as tasks will) and save its layer, so the
 * task jobs restore it instead of installing. Nothing to do for a plan without setup.
 */
export async function planJobSetup(input: {
  plan: Plan
  planFile: string
  repoRoot: string
  baseCommit: string
  executor: ProcessExecutor
  sandboxOffBy?: string
  runner: Runner
}): Promise<void> {
  const { plan, runner, executor } = input
  if (plan.setup.length === 0) return
  const sandbox = await decideSandbox({ executor, plan, offBy: input.sandboxOffBy, enable: hostEnabler(executor) })
  if (sandbox.note) (sandbox.sandboxed ? runner.info : runner.warning).call(runner, sandbox.note)
  const workspace = await openWorkspace(
    executor,
    input.repoRoot,
    defaultWorkRoot(input.repoRoot, plan.issue, { AUTOPILOT_WORK_DIR: join(runner.context.tempDir, 'autopilot-work') })
  )
  await runner.group('setup', () =>
    preparePlanFiles({ ...input, role: 'plan', plan: sandbox.sandboxed ? plan : { ...plan, sandbox: 'off' as const }, workspace })
  )
}
