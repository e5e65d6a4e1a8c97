// parsePlan/loadPlan: every fixture's exact problems, defaults, positions, and no crash on any input.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { AutopilotError, formatProblem, PlanError } from '../../src/errors.js'
import { loadPlan, parsePlan } from '../../src/plan/load.js'
import { didYouMean } from '../../src/plan/suggest.js'

const root = path.resolve(import.meta.dirname, '../..')
const fixtures = path.join(root, '__tests__/fixtures/plans')
const invalid = readdirSync(path.join(fixtures, 'invalid')).filter((f) => f.endsWith('.yaml'))

/** Each invalid fixture lists its exact problems as trailing `# expect: line:col: path: message` comments. */
function expectations(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => l.startsWith('# expect: '))
    .map((l) => l.slice('# expect: '.length))
}

function problemsOf(text: string, file = 'plan.yaml'): string[] {
  try {
    parsePlan(text, file)
  } catch (e) {
    if (e instanceof PlanError) return e.problems.map((p) => formatProblem(p).slice(file.length + 1))
    throw e
  }
  return []
}

describe('invalid fixtures', () => {
  it('has one fixture per error class', () => {
    expect(invalid.length).toBeGreaterThanOrEqual(20)
  })
  it.each(invalid)('%s reports exactly its expected problems', (name) => {
    const text = readFileSync(path.join(fixtures, 'invalid', name), 'utf8')
    const expected = expectations(text)
    expect(expected.length).toBeGreaterThan(0)
    expect(problemsOf(text)).toEqual(expected)
  })
})

describe('parsePlan on valid plans', () => {
  it('fills defaults and hashes the text', () => {
    const text = readFileSync(path.join(fixtures, 'valid/minimal.yaml'), 'utf8')
    const loaded = parsePlan(text, 'minimal.yaml')
    expect(loaded.plan.tasks[0]).toMatchObject({ id: 'a', needs: [], checks: [], 'max-attempts': 1 })
    expect(loaded.plan.tasks[0].steps[0]).toMatchObject({ run: 'make', retries: 0, 'continue-on-error': false })
    expect(loaded.plan.gates['max-changed-lines']).toBe(2000)
    expect(loaded.hash).toMatch(/^[0-9a-f]{64}$/)
    expect(parsePlan(`${text}\n`, 'x').hash).not.toBe(loaded.hash)
    expect(loaded.warnings).toEqual([])
  })

  it('locates values for annotations', () => {
    const loaded = parsePlan(readFileSync(path.join(root, 'examples/653/Autopilot.yaml'), 'utf8'), 'p.yaml')
    const line = (n: number) => loaded.text.split('\n')[n - 1]
    const at = loaded.locate(['tasks', 1, 'needs', 0])
    expect(line(at.line).slice(at.col - 1)).toBe('analysis]')
    const task = loaded.locate(['tasks', 3])
    expect(line(task.line).slice(task.col - 1)).toBe('id: review')
    // A missing path falls back to its nearest ancestor.
    expect(loaded.locate(['tasks', 3, 'nope'])).toEqual(task)
  })

  it('reports same-level path overlaps as warnings with their place', () => {
    const loaded = parsePlan(readFileSync(path.join(fixtures, 'valid/overlap.yaml'), 'utf8'), 'o.yaml')
    expect(loaded.warnings.map((w) => `${w.line}:${w.col}: ${w.path}`)).toEqual(['15:21: tasks[2].paths[1]', '20:5: tasks[4]'])
    expect(loaded.warnings[0].message).toContain('"api-docs" and "all-docs"')
  })

  it.each(['653', 'diamond', 'wide'])('accepts examples/%s', (name) => {
    const text = readFileSync(path.join(root, 'examples', name, 'Autopilot.yaml'), 'utf8')
    expect(text.startsWith('# yaml-language-server: $schema=../../schema/autopilot.schema.json\n')).toBe(true)
    expect(problemsOf(text)).toEqual([])
  })
})

describe('loadPlan', () => {
  it('names a missing file', async () => {
    await expect(loadPlan(path.join(fixtures, 'nope.yaml'), 'nope.yaml')).rejects.toThrow(new AutopilotError('plan not found: nope.yaml'))
  })
  it('uses the display name in problems', async () => {
    const err = await loadPlan(path.join(fixtures, 'invalid/cycle.yaml'), 'shown.yaml').catch((e) => e)
    expect(err).toBeInstanceOf(PlanError)
    expect(err.message).toMatch(/^shown\.yaml:6:13: /)
  })
})

describe('robustness: only PlanError, whatever the input', () => {
  const onlyPlanErrors = (text: string) => {
    try {
      parsePlan(text, 'f')
    } catch (e) {
      if (!(e instanceof PlanError)) throw e
      for (const p of e.problems) expect(p.line).toBeGreaterThanOrEqual(1)
    }
  }
  it('arbitrary text', () => {
    fc.assert(fc.property(fc.string(), onlyPlanErrors), { numRuns: 300 })
  })
  it('arbitrary YAML values, shaped like a plan or not', () => {
    const value = fc.jsonValue({ maxDepth: 4 })
    const planish = fc.record(
      {
        version: fc.oneof(fc.constant(1), value),
        issue: value,
        title: value,
        agents: fc.dictionary(fc.constantFrom('codex', 'command', 'x'), value),
        tasks: fc.array(
          fc.record(
            {
              id: fc.oneof(fc.constantFrom('a', 'b', 'c'), value),
              needs: fc.oneof(fc.array(fc.constantFrom('a', 'b', 'c', 'z')), value),
              paths: fc.oneof(fc.array(fc.constantFrom('docs/**', '/x', '../y', '{', 'a')), value),
              steps: fc.oneof(
                fc.array(fc.dictionary(fc.constantFrom('run', 'agent', 'prompt', 'command', 'expect', 'x'), value)),
                value
              )
            },
            { requiredKeys: [] }
          )
        )
      },
      { requiredKeys: [] }
    )
    fc.assert(fc.property(fc.oneof(planish, value), (v) => onlyPlanErrors(stringify(v))), { numRuns: 500 })
  })
})

describe('didYouMean', () => {
  it.each([
    ['anlysis', ['analysis', 'impl'], 'analysis'],
    ['titel', ['title', 'tasks'], 'title'],
    ['x', ['review'], undefined],
    ['ab', ['xy'], undefined],
    ['codx', ['codex', 'claude'], 'codex']
  ])('%s among %j -> %s', (word, candidates, expected) => {
    expect(didYouMean(word, candidates)).toBe(expected)
  })
})
