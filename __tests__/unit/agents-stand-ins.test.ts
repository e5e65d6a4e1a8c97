// The stand-in agents accept exactly what the drivers build and print what the drivers parse.
// (Spawns small node scripts; no git, no network.)
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { getDriver } from '../../src/agents/index.js'
import type { AgentName } from '../../src/agents/driver.js'

const BIN = resolve(__dirname, '../fixtures/agents/bin')
const KEYS: Record<string, string> = {
  codex: 'OPENAI_API_KEY', claude: 'ANTHROPIC_API_KEY', gemini: 'GEMINI_API_KEY', aider: 'OPENAI_API_KEY', copilot: 'COPILOT_GITHUB_TOKEN'
}
const dirs: string[] = []
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))

function call(agent: Exclude<AgentName, 'command'>, prompt: string, opts: { creds?: boolean; model?: string } = {}) {
  const cwd = mkdtempSync(join(tmpdir(), `stand-in-${agent}-`))
  const side = mkdtempSync(join(tmpdir(), 'stand-in-prompt-'))
  dirs.push(cwd, side)
  const promptFile = join(side, 'prompt.md')
  writeFileSync(promptFile, prompt)
  const driver = getDriver(agent)
  const inv = driver.build({ prompt, promptFile, cwd, args: [], model: opts.model })
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: side, ...inv.env }
  // A fake, runtime-built value: never a real key.
  if (opts.creds !== false) env[KEYS[agent]] = `fake-${agent}-${process.pid}`
  const r = spawnSync(join(BIN, inv.argv[0]), inv.argv.slice(1), { cwd, env, input: inv.stdin ?? '', encoding: 'utf8', timeout: 10_000 })
  const output = `${r.stdout}${r.stderr}`
  const session = driver.sessionFile?.(r.stdout, side)
  const usage = driver.parseUsage(r.stdout, session && existsSync(session) ? readFileSync(session, 'utf8') : undefined)
  return { cwd, exitCode: r.status, stdout: r.stdout, output, cls: driver.classify({ exitCode: r.status, output }), usage }
}

const AGENTS = ['codex', 'claude', 'gemini', 'aider', 'copilot'] as const

describe.each(AGENTS)('stand-in %s', (agent) => {
  it('takes the driver argv, edits as directed, and reports usage the driver parses', () => {
    const r = call(agent, 'Please add notes.\nAUTOPILOT_FAKE: write docs/notes.md line one\\nline two\nAUTOPILOT_FAKE: tokens 1200 300')
    expect(r.exitCode, r.output).toBe(0)
    expect(r.cls).toBe('ok')
    expect(readFileSync(join(r.cwd, 'docs/notes.md'), 'utf8')).toBe('line one\nline two\n')
    expect(r.usage?.calls).toBe(1)
    expect(r.usage?.outputTokens).toBe(300)
    expect(r.usage?.inputTokens).toBe(1200)
  })

  it('fails without credentials, classified as missing-credentials', () => {
    const r = call(agent, 'AUTOPILOT_FAKE: write x.txt y', { creds: false })
    expect(r.exitCode).not.toBe(0)
    expect(r.cls).toBe('missing-credentials')
    expect(existsSync(join(r.cwd, 'x.txt'))).toBe(false)
  })

  it('classifies a rate limit and a directed failure', () => {
    expect(call(agent, 'AUTOPILOT_FAKE: rate-limit').cls).toBe('rate-limit')
    const f = call(agent, 'AUTOPILOT_FAKE: fail 3 compiler exploded')
    expect(f.exitCode).toBe(3)
    expect(f.cls).toBe('non-zero-exit')
  })

  it('noop exits 0 and changes nothing; scoped directives apply to their agent only', () => {
    const r = call(agent, `AUTOPILOT_FAKE: noop\nAUTOPILOT_FAKE[${agent === 'codex' ? 'claude' : 'codex'}]: fail`)
    expect(r.exitCode).toBe(0)
    expect(r.cls).toBe('ok')
  })

  it('fail-first fails until the prompt carries a previous failure', () => {
    expect(call(agent, 'AUTOPILOT_FAKE: fail-first').exitCode).toBe(1)
    expect(call(agent, 'AUTOPILOT_FAKE: fail-first\n## The previous attempt failed\nboom').exitCode).toBe(0)
  })
})

describe('stand-in caps', () => {
  it.each(['claude', 'gemini', 'codex'] as const)('%s reports its turn cap as the real CLI does', (agent) => {
    expect(call(agent, 'AUTOPILOT_FAKE: cap').cls).toBe('turn-or-budget-cap')
  })
})
