// The branch guard (issue #10, point 7): autopilot/ only unless opted out; never the default or a checked-out branch.
import { describe, expect, it } from 'vitest'
import { branchProblem } from '../../src/gates/branch-guard.js'
import { parsePlan } from '../../src/plan/load.js'

const facts = { allowOutside: false, defaultBranch: 'trunk', checkedOut: ['feature/x'] }

describe('branchProblem', () => {
  it.each([
    ['autopilot/issue-1', {}, undefined],
    ['refs/heads/autopilot/issue-1', {}, undefined],
    ['main', {}, 'outside autopilot\'s own branches'],
    ['feature/y', {}, 'pr.allow-branch-outside-autopilot: true'],
    ['feature/y', { allowOutside: true }, undefined],
    ['trunk', { allowOutside: true }, "is the repository's default branch: autopilot never moves it"],
    ['main', { allowOutside: true, defaultBranch: undefined }, "default branch (or looks like it)"],
    ['master', { allowOutside: true, defaultBranch: undefined }, "default branch (or looks like it)"],
    ['main', { allowOutside: true }, undefined],
    ['feature/x', { allowOutside: true }, 'is checked out in your repository'],
    ['autopilot/mine', { checkedOut: ['autopilot/mine'] }, 'is checked out in your repository'],
    ['autopilot/trunk', { defaultBranch: 'autopilot/trunk' }, 'default branch']
  ] as const)('%s %j', (branch, over, phrase) => {
    const problem = branchProblem({ ...facts, ...over, branch })
    if (phrase === undefined) expect(problem).toBeUndefined()
    else expect(problem).toContain(phrase)
  })
})

describe('plan check on branch', () => {
  const plan = (extra: string) => `version: 1\nissue: 1\ntitle: t\n${extra}\ntasks:\n  - id: a\n    steps:\n      - run: 'true'\n`
  it('refuses a branch outside autopilot/ with the line and the opt-in', () => {
    expect(() => parsePlan(plan('branch: main'), 'p.yaml')).toThrow(/p\.yaml:4:\d+.*branch "main" is outside autopilot's own branches.*allow-branch-outside-autopilot/s)
  })
  it('accepts it with pr.allow-branch-outside-autopilot, and autopilot/ branches without', () => {
    expect(parsePlan(plan('branch: release-notes\npr:\n  allow-branch-outside-autopilot: true'), 'p.yaml').plan.branch).toBe('release-notes')
    expect(parsePlan(plan('branch: autopilot/x'), 'p.yaml').plan.branch).toBe('autopilot/x')
  })
})
