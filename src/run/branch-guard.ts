/**
 * The branch guard: autopilot never destroys commits it did not make. Before
 * the branch is assembled, the branch as it is now (in the user's repository
 * locally, on `origin` on Actions) is compared with the head autopilot last
 * delivered; commits beyond it are someone else's, and the branch is not
 * moved unless the user chose to stack on them (`onto-branch`) or to replace
 * them (`force`). See issue 12.
 */
import type { BranchCommit, Git } from '../git/git.js'
import type { DeliveredHead } from '../state/store.js'
import { integrate, type Integration, type IntegrationResult } from './integrate.js'

/** What the user chose to do with a branch that holds commits autopilot did not make. */
export interface BranchChoice {
  /** Build the new task commits on top of the branch's current tip. */
  ontoBranch: boolean
  /** Replace the branch, dropping commits autopilot did not make. */
  force: boolean
}

/** Where the branch is built from, or why it must not be touched. */
export interface BranchPlan {
  /** Commit the task commits go on: the base, or the branch tip with `onto-branch`. */
  parent: string
  /** The branch tip as it was inspected (undefined: no such branch); the push lease. */
  tip?: string
  /** Tasks whose identical patch is already on the branch (`onto-branch`): their commit there. */
  onBranch: Map<string, { sha: string; patch: string }>
  /** Commits autopilot did not make, newest first. */
  foreign: BranchCommit[]
  /** The refusal, when the branch holds foreign commits and the user chose nothing. */
  problem?: string
}

/**
 * Decides how to build `branch`. `repo` must already hold `tip`'s history (the
 * caller fetched it). `recorded` is the head autopilot last delivered, if it
 * was recorded; without it, commits lacking this issue's `Autopilot-Issue`
 * trailer count as someone else's.
 */
export async function planBranch(
  repo: Git,
  input: { branch: string; issue: number; base: string; tip?: string; recorded?: string; choice: BranchChoice; how: RefusalHints }
): Promise<BranchPlan> {
  const { tip, base, choice } = input
  const none: BranchPlan = { parent: base, tip, onBranch: new Map(), foreign: [] }
  if (!tip) return none
  const recorded = input.recorded && (await repo.hasCommit(input.recorded)) ? input.recorded : undefined
  const ours = (c: BranchCommit) => c.issue.split(',').includes(String(input.issue))
  const all = await repo.commitsBeyond(tip, [base])
  // New since the recorded delivery: every commit (even one carrying autopilot's trailers, e.g. an amended one);
  // without a record, every commit lacking this issue's trailer.
  const foreign = recorded ? await repo.commitsBeyond(tip, [recorded]) : all.filter(c => !ours(c))
  // Someone else's commits autopilot already stacked on in an earlier delivery (`onto-branch`): keep stacking.
  const accepted = recorded ? (await repo.commitsBeyond(recorded, [base])).filter(c => !ours(c)) : []
  if (choice.force) return { ...none, foreign }
  if (foreign.length && !choice.ontoBranch) return { ...none, foreign, problem: refusal(input.branch, foreign, recorded, input.how) }
  if (foreign.length === 0 && accepted.length === 0) return none
  const onBranch = new Map<string, { sha: string; patch: string }>()
  // Oldest first, so a task landed twice maps to its newest commit.
  for (const c of [...all].reverse()) {
    if (ours(c) && c.task) onBranch.set(c.task, { sha: c.sha, patch: c.patch })
  }
  return { parent: tip, tip, onBranch, foreign }
}

/** How the user asks for each way forward, in the words of where they run. */
export interface RefusalHints {
  ontoBranch: string
  force: string
}

/** The command-line words for the two ways forward. */
export function cliHints(planArg: string | undefined): RefusalHints {
  const cmd = (flag: string) => `\`${['autopilot run', planArg, flag].filter(Boolean).join(' ')}\``
  return { ontoBranch: cmd('--onto-branch'), force: cmd('--force') }
}

export const ACTION_HINTS: RefusalHints = { ontoBranch: 'the action input `onto-branch: true`', force: 'the action input `force: true`' }

/** The refusal: the commits that would be lost and the two ways forward. */
export function refusal(branch: string, foreign: BranchCommit[], recorded: string | undefined, how: RefusalHints): string {
  const since = recorded ? ` after the head autopilot last delivered (${recorded.slice(0, 12)})` : ''
  const list = foreign.slice(0, 20).map(c => `  - ${c.sha.slice(0, 12)} ${c.subject} (${c.author})`)
  if (foreign.length > 20) list.push(`  - ... and ${foreign.length - 20} more`)
  return (
    `branch ${branch} holds ${foreign.length} commit(s) autopilot did not make${since}:\n${list.join('\n')}\n` +
    'autopilot did not move the branch, so they are not lost. To go on, either\n' +
    `  - keep them and add the new task commits on top: ${how.ontoBranch}, or\n` +
    `  - replace the branch, dropping them: ${how.force}.`
  )
}

/** Where the branch lives: the user's repository locally, `origin` on Actions. */
export interface BranchHome {
  /** A path or URL git can fetch from. */
  remote: string
  /** `-c` options for reaching it (an auth header on Actions). */
  configArgs?: string[]
}

/**
 * Integration behind the branch guard: inspects the branch where it lives,
 * then either refuses (nothing is built) or integrates onto the right parent.
 * `tip` in the result is the branch as inspected: the lease for the push.
 * `streamed` is an integration onto the base fed while the tasks ran (the
 * local run): used as is when the branch plan builds on the base, as it does
 * unless the user stacks on someone else's commits.
 */
export async function integrateGuarded(
  input: Parameters<typeof integrate>[0] & {
    home: BranchHome
    branch: string
    recorded?: DeliveredHead
    choice: BranchChoice
    how: RefusalHints
    streamed?: Integration
  }
): Promise<IntegrationResult & { tip?: string }> {
  const repo = input.workspace.repo
  const tip = await repo.fetchRemoteBranch(input.home.remote, input.branch, input.home.configArgs)
  const recorded = input.recorded?.branch === input.branch ? input.recorded.head : undefined
  const bp = await planBranch(repo, { branch: input.branch, issue: input.plan.issue, base: input.baseCommit, tip, recorded, choice: input.choice, how: input.how })
  if (bp.problem) return { commits: {}, head: input.baseCommit, gates: [], problem: bp.problem, tip }
  if (input.streamed && bp.parent === input.baseCommit && bp.onBranch.size === 0) return { ...(await input.streamed.finish()), tip }
  return { ...(await integrate({ ...input, parent: bp.parent, onBranch: bp.onBranch })), tip }
}
