/**
 * Which branch autopilot may write (issue #10, point 7): its own namespace,
 * `autopilot/...`, unless the plan opts out; and never the repository's
 * default branch or a branch the user has checked out, whatever the plan
 * says (a force-update there would replace the user's work). Pure.
 */

/** The namespace autopilot's branches live in. */
export const BRANCH_PREFIX = 'autopilot/'

/** Branches that exist in the repository autopilot writes to, as far as it knows. */
export interface BranchFacts {
  /** The branch the plan delivers to. */
  branch: string
  /** `pr.allow-branch-outside-autopilot` */
  allowOutside: boolean
  /** The repository's default branch (origin's HEAD, or GitHub's `default_branch`), when known. */
  defaultBranch?: string
  /** Branches checked out in the user's checkout and its worktrees. */
  checkedOut: readonly string[]
}

/** Why the plan's `branch` is outside autopilot's namespace without the opt-in, or undefined. */
export function namespaceProblem(branch: string, allowOutside: boolean): string | undefined {
  const b = branch.replace(/^refs\/heads\//, '')
  if (!b.startsWith(BRANCH_PREFIX) && !allowOutside) {
    return (
      `branch "${b}" is outside autopilot's own branches: autopilot force-updates the branch it delivers, so it writes ` +
      `only branches starting with "${BRANCH_PREFIX}". Use \`branch: ${BRANCH_PREFIX}${b}\`, or set ` +
      '`pr.allow-branch-outside-autopilot: true` if this branch is only ever written by autopilot'
    )
  }
  return undefined
}

/** Why autopilot must not write `branch` in a repository with these facts, or undefined when it may. */
export function branchProblem(facts: BranchFacts): string | undefined {
  const outside = namespaceProblem(facts.branch, facts.allowOutside)
  if (outside) return outside
  const b = facts.branch.replace(/^refs\/heads\//, '')
  // Without a known default branch, the usual names are held back too: a wrong guess only costs a rename.
  const defaults = facts.defaultBranch ? [facts.defaultBranch] : ['main', 'master']
  if (defaults.includes(b)) {
    return (
      `branch "${b}" is the repository's default branch${facts.defaultBranch ? '' : ' (or looks like it)'}: autopilot never ` +
      'moves it (no setting allows it); deliver to a branch of its own and merge the pull request'
    )
  }
  if (facts.checkedOut.includes(b)) {
    return (
      `branch "${b}" is checked out in your repository: autopilot never moves a branch you are on (no setting allows it); ` +
      'switch to another branch or pick another `branch:`'
    )
  }
  return undefined
}
