// The plan commands end to end: `autopilot validate|graph|schema`, in process and as a real process.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { CliIo, Command } from '../../src/cli-io.js'
import { main } from '../../src/cli.js'
import { JSON_SCHEMA_PATH } from '../../src/plan/json-schema.js'

const root = path.resolve(import.meta.dirname, '../..')
const invalidDir = '__tests__/fixtures/plans/invalid'
const invalid = readdirSync(path.join(root, invalidDir)).filter((f) => f.endsWith('.yaml'))

async function run(argv: string[], cwd = root) {
  const out: string[] = []
  const err: string[] = []
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), cwd, env: {}, isTTY: false }
  const code = await main(argv, io)
  return { code, stdout: out.join('\n'), stderr: err.join('\n') }
}

describe('autopilot validate', () => {
  it('accepts examples/653: 4 tasks in 4 levels', async () => {
    const r = await run(['validate', 'examples/653/Autopilot.yaml'])
    expect(r).toMatchObject({ code: 0, stderr: '' })
    expect(r.stdout).toContain('examples/653/Autopilot.yaml: valid')
    expect(r.stdout).toContain('4 tasks in 4 levels')
    expect(r.stdout).toContain('critical path: analysis -> impl -> test -> review (60 min)')
    expect(r.stdout).toContain('0 warnings')
  })

  it.each(invalid)('rejects %s with exit 2 and its exact problems', async (name) => {
    const file = path.join(invalidDir, name)
    const expected = readFileSync(path.join(root, file), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('# expect: '))
      .map((l) => `${file}:${l.slice('# expect: '.length)}`)
    const r = await run(['validate', file])
    expect(r.code).toBe(2)
    const lines = r.stderr.split('\n')
    expect(lines.slice(0, -1)).toEqual(expected)
    expect(lines.at(-1)).toBe(`${file}: invalid, ${expected.length} problem${expected.length === 1 ? '' : 's'}`)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  it('prints overlap warnings with their place and still exits 0', async () => {
    const r = await run(['validate', '__tests__/fixtures/plans/valid/overlap.yaml'])
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/^__tests__\/fixtures\/plans\/valid\/overlap\.yaml:15:21: tasks\[2\]\.paths\[1\]: warning: tasks "api-docs"/)
    expect(r.stdout).toContain('2 warnings')
  })

  it('names a missing plan file', async () => {
    expect(await run(['validate', 'nope.yaml'])).toMatchObject({ code: 2, stderr: 'plan not found: nope.yaml' })
  })
})

describe('finding the plan in a repository', () => {
  const repo = mkdtempSync(path.join(tmpdir(), 'autopilot-cli-'))
  afterAll(() => rmSync(repo, { recursive: true, force: true }))
  mkdirSync(path.join(repo, '.git'))
  mkdirSync(path.join(repo, 'sub'))

  it('takes an issue number, or the only plan', async () => {
    expect((await run(['validate'], repo)).stderr).toMatch(/^no plan found/)
    cpSync(path.join(root, 'examples/diamond'), path.join(repo, '.ai/plans/1'), { recursive: true })
    const byIssue = await run(['validate', '1'], path.join(repo, 'sub'))
    expect(byIssue.code).toBe(0)
    expect(byIssue.stdout).toContain(`${path.join(repo, '.ai/plans/1/Autopilot.yaml')}: valid`)
    const only = await run(['graph', '--format', 'json'], repo)
    expect(only).toMatchObject({ code: 0, stdout: '{"levels":[["a"],["b","c"],["d"]],"criticalPath":["a","b","d"]}' })
    cpSync(path.join(root, 'examples/wide'), path.join(repo, '.ai/plans/2'), { recursive: true })
    const two = await run(['validate'], repo)
    expect(two.code).toBe(2)
    expect(two.stderr).toBe('2 plans found; pass an issue number or a path:\n  .ai/plans/1/Autopilot.yaml\n  .ai/plans/2/Autopilot.yaml')
  })
})

describe('autopilot graph', () => {
  it('renders mermaid by default', async () => {
    const r = await run(['graph', 'examples/diamond'])
    expect(r.code).toBe(0)
    expect(r.stdout.split('\n')).toEqual(expect.arrayContaining(['flowchart TD', '  t0 --> t1', '  t2 --> t3']))
  })
  it('renders one matrix line per level, padded with --levels', async () => {
    const r = await run(['graph', 'examples/wide/Autopilot.yaml', '-f', 'matrix', '--levels', '4'])
    expect(r.code).toBe(0)
    const lines = r.stdout.split('\n').map((l) => JSON.parse(l))
    expect(lines).toHaveLength(4)
    expect(lines[0]).toEqual({ include: [{ task: 'glossary' }] })
    expect(lines[1].include).toHaveLength(8)
    expect(lines[3]).toEqual({ include: [] })
  })
  it('rejects a bad plan, format, flag or count with exit 2', async () => {
    expect((await run(['graph', `${invalidDir}/cycle.yaml`])).code).toBe(2)
    expect(await run(['graph', 'examples/653', '--format', 'svg'])).toMatchObject({
      code: 2,
      stderr: 'unknown --format "svg"; expected one of: mermaid, json, matrix'
    })
    expect(await run(['graph', '--colour'])).toMatchObject({
      code: 2,
      stderr: 'unknown option --colour for "autopilot graph"; valid options: --format, --levels, --help'
    })
    expect((await run(['graph', 'examples/653', '--levels', '-1'])).code).toBe(2)
    expect((await run(['graph', 'a', 'b'])).stderr).toBe('autopilot graph: unexpected argument "b"')
  })
})

describe('autopilot schema and help', () => {
  it('schema prints the committed JSON Schema', async () => {
    const r = await run(['schema'])
    expect(r.code).toBe(0)
    expect(`${r.stdout}\n`).toBe(readFileSync(path.join(root, JSON_SCHEMA_PATH), 'utf8'))
  })
  it('--help at the top and for every command', async () => {
    const top = await run(['--help'])
    expect(top.code).toBe(0)
    expect(top.stdout).toMatch(/^Usage: autopilot <command>/)
    for (const name of ['validate', 'graph', 'schema']) {
      expect(top.stdout).toContain(`  ${name}`)
      const own = await run([name, '--help'])
      expect(own.code).toBe(0)
      expect(own.stdout).toMatch(new RegExp(`^Usage: autopilot ${name}`))
      expect((await run(['help', name])).stdout).toBe(own.stdout)
    }
    expect((await run([])).code).toBe(2)
    expect(await run(['valdate'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^unknown command "valdate" \(did you mean "validate"\?\)/) })
    expect((await run(['validate', '--strict'])).stderr).toBe('unknown option --strict for "autopilot validate"; valid options: --help')
  })
  it('turns an unexpected error into exit 70 with its stack', async () => {
    const broken: Command = { name: 'boom', summary: '', usage: '', run: async () => Promise.reject(new TypeError('oops')) }
    const err: string[] = []
    const code = await main(['boom'], { out: () => {}, err: (t) => err.push(t), cwd: root, env: {}, isTTY: false }, [broken])
    expect(code).toBe(70)
    expect(err.join('\n')).toMatch(/^internal error: oops\nTypeError: oops\n\s+at /)
  })
})

describe('as a process (src/bin.ts)', () => {
  const bin = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/bin.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 30_000 })

  it('exits 0 with the summary for a valid plan', () => {
    const r = bin('validate', 'examples/653/Autopilot.yaml')
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('4 tasks in 4 levels')
  })
  it('exits 2 with problems and no stack trace for a bad plan', () => {
    const r = bin('validate', `${invalidDir}/unknown-needs.yaml`)
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain(`${invalidDir}/unknown-needs.yaml:9:9: tasks[1].needs[0]: unknown task "anlysis" (did you mean "analysis"?)\n`)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })
})
