// Mistakes real users made in their first plans (issue 13): each is accepted, warned about or located with its fix.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatProblem, PlanError } from '../../src/errors.js'
import { loadPlan, parsePlan } from '../../src/plan/load.js'
import { folderGlobProblem } from '../../src/plan/path-warnings.js'

const plan = (tasks: string, head = '') => `version: 1\nissue: 653\ntitle: t\n${head}tasks:\n${tasks}`

describe('needs as one string', () => {
  it('is the list of that one id, as in GitHub workflows', () => {
    const loaded = parsePlan(plan('  - id: a\n    steps: [{ run: make }]\n  - id: b\n    needs: a\n    steps: [{ run: make }]\n'), 'p.yaml')
    expect(loaded.plan.tasks[1].needs).toEqual(['a'])
    expect(loaded.plan.tasks[0].needs).toEqual([])
  })
  it('still finds a cycle through it', () => {
    const text = plan('  - id: a\n    needs: b\n    steps: [{ run: make }]\n  - id: b\n    needs: a\n    steps: [{ run: make }]\n')
    const err = (() => {
      try {
        parsePlan(text, 'p.yaml')
      } catch (e) {
        return e as PlanError
      }
    })()
    expect(err).toBeInstanceOf(PlanError)
    expect(err!.problems.map((p) => formatProblem(p))).toContain('p.yaml:6:12: tasks[0].needs: dependency cycle: a -> b -> a (each task needs the next)')
  })
})

describe('folder-like paths', () => {
  it.each([
    ['docs', '"docs" matches only a file named "docs", not what is inside a folder of that name; write "docs/**" if you mean the folder'],
    ['src/humanize/', '"src/humanize/" ends with "/" and matches no file; write "src/humanize/**" for everything under the folder'],
    ['src/lib', '"src/lib" matches only a file named "lib", not what is inside a folder of that name; write "src/lib/**" if you mean the folder']
  ])('%s gets a warning with the glob to write', (glob, message) => {
    expect(folderGlobProblem(glob)).toBe(message)
  })
  it.each(['docs/**', 'src/*.ts', 'README.md', 'Makefile', 'Dockerfile', 'LICENSE', '.github/CODEOWNERS', 'src/a.py'])('%s is not warned about', (glob) => {
    expect(folderGlobProblem(glob)).toBeUndefined()
  })
  it('is a located warning from validate, and the plan stays valid', () => {
    const loaded = parsePlan(plan('  - id: a\n    paths: [docs, src/**]\n    steps: [{ run: make }]\n', 'gates:\n  allow-paths: [tests/]\n'), 'p.yaml')
    expect(loaded.warnings.map((w) => `${w.line}:${w.col}: ${w.path}`)).toEqual(['5:17: gates.allow-paths[0]', '8:13: tasks[0].paths[0]'])
  })
})

describe('the issue number and the plan folder', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'plan-folder-'))
  const write = (n: string, text: string) => {
    mkdirSync(path.join(dir, '.ai/plans', n), { recursive: true })
    const file = path.join(dir, '.ai/plans', n, 'Autopilot.yaml')
    writeFileSync(file, text)
    return file
  }
  it('differing is a located error naming both', async () => {
    const file = write('12', plan('  - id: a\n    steps: [{ run: make }]\n'))
    const err = await loadPlan(file, 'Autopilot.yaml').catch((e) => e)
    expect(err).toBeInstanceOf(PlanError)
    expect(formatProblem(err.problems[0])).toBe(
      "Autopilot.yaml:2:8: issue: issue 653 differs from the plan's folder (plans/12/): the folder names the issue; make them the same or move the plan to plans/653/"
    )
  })
  it('matching loads', async () => {
    const file = write('653', plan('  - id: a\n    steps: [{ run: make }]\n'))
    await expect(loadPlan(file)).resolves.toMatchObject({ plan: { issue: 653 } })
  })
  it('a plan outside a plans/<n>/ folder is not checked', async () => {
    writeFileSync(path.join(dir, 'other.yaml'), plan('  - id: a\n    steps: [{ run: make }]\n'))
    await expect(loadPlan(path.join(dir, 'other.yaml'))).resolves.toBeDefined()
  })
})
