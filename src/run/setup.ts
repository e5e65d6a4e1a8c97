/**
 * The plan's `setup` steps (issue 13): run once per run on the base, in the
 * sandbox, network allowed unless a step denies it; what they leave that git
 * ignores becomes the setup layer every task (and the baseline) starts with.
 * An unchanged setup (same steps, same lock files) reuses the kept layer and
 * runs nothing.
 */
import { appendFile, mkdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import picomatch from 'picomatch'
import { DEFAULT_SETUP_KEY_FILES, type Plan, type Step } from '../plan/schema.js'
import { AutopilotError, EXIT } from '../errors.js'
import type { Reporter } from '../report/reporter.js'
import type { CommandExecutor } from './executor.js'
import type { Workspace } from './workspace.js'
import { shellRequest, taskShellIn } from './step-env.js'
import { tail } from './expectation.js'
import { stepName } from './step-runner.js'
import { findLayer, keepLayer, layerEntries, pruneLayers, setupKey, type SetupLayer } from './setup-layer.js'

/** Keeps the layers a store of them can hold: the local work dir, or the Actions cache. */
export interface LayerCache {
  /** Brings the layer for `key` into `root/<key>` when the cache has it. */
  restore(key: string, root: string): Promise<boolean>
  /** Best effort: keeps `root/<key>` for later runs or jobs. */
  save(key: string, root: string): Promise<void>
}

/** Files of `files` that key the setup cache: the plan's globs, else the lock files (matched by name at any depth). */
export function setupKeyFiles<T extends { path: string }>(plan: Plan, files: T[]): T[] {
  const globs = plan['setup-key-files'] ?? DEFAULT_SETUP_KEY_FILES
  const match = picomatch(globs, { dot: true, basename: plan['setup-key-files'] === undefined })
  return files.filter(f => match(f.path))
}

/** The setup layer of this run: kept, restored, or built by running the setup steps now. */
export async function prepareSetup(input: {
  plan: Plan
  baseCommit: string
  workspace: Workspace
  executor: CommandExecutor
  callerEnv: NodeJS.ProcessEnv
  mask: (text: string) => string
  reporter: Reporter
  /** Folder of kept layers (one subfolder per key). */
  layersRoot: string
  /** Folder for the setup logs. */
  logDir: string
  cache?: LayerCache
  signal?: AbortSignal
}): Promise<SetupLayer | undefined> {
  const { plan, workspace } = input
  if (plan.setup.length === 0) return undefined
  const key = setupKey(plan, setupKeyFiles(plan, await workspace.repo.treeFiles(input.baseCommit)))
  const note = (message: string) => input.reporter.event({ type: 'note', message })
  const kept = (await findLayer(input.layersRoot, key)) ?? ((await input.cache?.restore(key, input.layersRoot)) ? await findLayer(input.layersRoot, key) : undefined)
  if (kept) {
    note(`setup: reused the kept layer ${key.slice(0, 12)} (${kept.entries.map(e => e.path).join(', ') || 'empty'}); nothing installed`)
    return kept
  }
  const name = '.setup'
  const git = await workspace.addWorktree(name, input.baseCommit)
  const worktree = workspace.worktreePath(name)
  try {
    const tmpDir = await workspace.freshTmp(name)
    const view = await workspace.prepareSandbox(name, git, tmpDir, input.baseCommit)
    const signal = input.signal ?? new AbortController().signal
    for (const [i, step] of plan.setup.entries()) {
      const log = join(input.logDir, `${String(i + 1).padStart(2, '0')}.log`)
      await mkdir(dirname(log), { recursive: true })
      note(`setup: step ${i + 1} "${stepName(step)}"`)
      const shell = taskShellIn({ plan, task: setupTask(plan), worktree, tmpDir, view, callerEnv: input.callerEnv, mask: input.mask, signal })
      // Setup installs dependencies: network is allowed unless the step itself denies it.
      const asStep: Step = { ...step, network: step.network ?? 'allow' }
      const req = shellRequest(shell, step.run!, asStep)
      if (step['working-directory']) req.cwd = join(worktree, step['working-directory'])
      const r = await input.executor.runStep(req)
      await appendFile(log, `$ ${step.run}\n${r.output}\n=== exit ${r.exitCode ?? r.signal}${r.timedOut ? ' (timed out)' : ''}\n`)
      if (r.exitCode !== 0 && !step['continue-on-error']) {
        throw new AutopilotError(
          `setup step ${i + 1} "${stepName(step)}" ${r.timedOut ? 'timed out' : `exited with ${r.exitCode ?? r.signal}`}; no task ran. ` +
            `Log: ${log}\n${tail(r.output, 20)}`,
          EXIT.taskFailed
        )
      }
    }
    const changed = await git.changedPaths()
    if (changed.length) {
      note(
        `setup: warning: setup changed files git does not ignore (${changed.slice(0, 5).join(', ')}${changed.length > 5 ? ', ...' : ''}); ` +
          'only ignored files (dependencies, build output) reach the tasks'
      )
    }
    const layer = await keepLayer(input.layersRoot, key, worktree, layerEntries(await git.ignoredEntries()))
    note(`setup: kept layer ${key.slice(0, 12)}: ${layer.entries.map(e => e.path).join(', ') || 'nothing ignored was left'}`)
    await pruneLayers(input.layersRoot, key)
    await input.cache?.save(key, input.layersRoot)
    return layer
  } finally {
    await workspace.removeWorktree(name)
  }
}

/** Setup runs with the plan's defaults and no task's own settings. */
function setupTask(plan: Plan): Plan['tasks'][number] {
  return { id: '_setup', needs: [], steps: plan.setup, checks: [], 'max-attempts': 1 }
}
