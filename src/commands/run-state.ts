// Shared by status/audit/clean: the plan, its repository, and where its run state lives.
import { ProcessExecutor } from '../run/executor.js'
import { openRepoPlan } from '../run/open-repo-plan.js'
import { defaultWorkRoot } from '../run/workspace.js'
import { LocalStateStore } from '../state/local-store.js'
import type { AuditInput } from '../run/audit.js'
import type { CliIo } from '../cli-io.js'

export async function openRunState(planArg: string | undefined, io: CliIo): Promise<AuditInput & { store: LocalStateStore }> {
  const executor = new ProcessExecutor()
  const { loaded, repoRoot, userGit } = await openRepoPlan(planArg, io.cwd, executor)
  const store = new LocalStateStore(repoRoot, loaded.plan.issue)
  return {
    plan: loaded.plan,
    manifest: await store.loadManifest(),
    repoRoot,
    runDir: store.runDir,
    workRoot: defaultWorkRoot(repoRoot, loaded.plan.issue, io.env),
    userGit,
    executor,
    invocation: io.invocation,
    store
  }
}
