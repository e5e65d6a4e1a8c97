// Which plan `[plan]` means: path, directory, issue number or the only plan; the repository root.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { findRepoRoot, resolvePlanPath } from '../../src/plan/locate.js'
import { displayPath } from '../../src/plan/open.js'

let repo: string
const plan = (issue: number) => {
  const dir = path.join(repo, '.ai/plans', String(issue))
  mkdirSync(dir, { recursive: true })
  writeFileSync(path.join(dir, 'Autopilot.yaml'), 'version: 1\n')
  return path.join(dir, 'Autopilot.yaml')
}

beforeEach(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'autopilot-locate-'))
  mkdirSync(path.join(repo, '.git'))
  mkdirSync(path.join(repo, 'src/deep'), { recursive: true })
})
afterEach(() => rmSync(repo, { recursive: true, force: true }))

describe('findRepoRoot', () => {
  it('walks up to the directory holding .git (a directory or a worktree file)', () => {
    expect(findRepoRoot(path.join(repo, 'src/deep'))).toBe(repo)
    writeFileSync(path.join(repo, 'src/.git'), 'gitdir: elsewhere\n')
    expect(findRepoRoot(path.join(repo, 'src/deep'))).toBe(path.join(repo, 'src'))
  })
  it('fails clearly outside a repository', () => {
    rmSync(path.join(repo, '.git'), { recursive: true })
    expect(() => findRepoRoot(path.join(repo, 'src'))).toThrow(/not inside a git repository/)
  })
})

describe('resolvePlanPath', () => {
  it('resolves an issue number (or #n) from anywhere in the repository', async () => {
    const file = plan(653)
    expect(await resolvePlanPath('653', path.join(repo, 'src/deep'))).toBe(file)
    expect(await resolvePlanPath('#653', repo)).toBe(file)
    await expect(resolvePlanPath('7', repo)).rejects.toThrow('no plan for issue 7: .ai/plans/7/Autopilot.yaml does not exist')
  })
  it('resolves a file or a directory relative to cwd', async () => {
    const file = plan(1)
    expect(await resolvePlanPath('.ai/plans/1/Autopilot.yaml', repo)).toBe(file)
    expect(await resolvePlanPath('../.ai/plans/1', path.join(repo, 'src'))).toBe(file)
    await expect(resolvePlanPath('nope.yaml', repo)).rejects.toThrow('plan not found: nope.yaml')
  })
  it('without an argument takes the only plan, else lists the candidates', async () => {
    await expect(resolvePlanPath(undefined, repo)).rejects.toThrow(/no plan found: expected \.ai\/plans\/<issue>\/Autopilot\.yaml/)
    const first = plan(12)
    expect(await resolvePlanPath(undefined, path.join(repo, 'src'))).toBe(first)
    plan(3)
    mkdirSync(path.join(repo, '.ai/plans/empty'))
    await expect(resolvePlanPath(undefined, repo)).rejects.toThrow(
      '2 plans found; pass an issue number or a path:\n  .ai/plans/12/Autopilot.yaml\n  .ai/plans/3/Autopilot.yaml'
    )
  })
})

describe('displayPath', () => {
  it('is relative below cwd, absolute elsewhere', () => {
    expect(displayPath(path.join(repo, 'a/b.yaml'), repo)).toBe(path.join('a', 'b.yaml'))
    expect(displayPath(path.join(repo, 'a/b.yaml'), path.join(repo, 'src'))).toBe(path.join(repo, 'a/b.yaml'))
  })
})
