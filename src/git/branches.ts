/**
 * What a repository says about its branches, for the branch guard
 * (src/gates/branch-guard.ts): its default branch (origin's HEAD) and the
 * branches checked out in it and its worktrees.
 */
import type { Git } from './git.js'

/** The default branch as origin's HEAD names it, when the clone recorded it. */
export async function originDefaultBranch(git: Git): Promise<string | undefined> {
  const r = await git.raw(['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD'])
  const ref = r.exitCode === 0 ? r.stdout.toString('utf8').trim() : ''
  return ref.startsWith('refs/remotes/origin/') ? ref.slice('refs/remotes/origin/'.length) : undefined
}

/** Branches checked out in the repository and each of its worktrees. */
export async function checkedOutBranches(git: Git): Promise<string[]> {
  const r = await git.raw(['worktree', 'list', '--porcelain', '-z'])
  if (r.exitCode !== 0) return []
  return r.stdout
    .toString('utf8')
    .split('\0')
    .filter((l) => l.startsWith('branch refs/heads/'))
    .map((l) => l.slice('branch refs/heads/'.length))
}
