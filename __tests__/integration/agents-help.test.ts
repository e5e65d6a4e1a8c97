// Every flag a driver emits exists in the real CLI's --help (CLIs from scripts/install-agent-clis.sh),
// and aider's against its documented options. Skips, with the reason, when a CLI is not installed here.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { getDriver } from '../../src/agents/index.js'
import type { AgentName } from '../../src/agents/driver.js'

const ROOT = resolve(__dirname, '../..')
const CLI_BIN = join(ROOT, '.cache/agent-clis/node_modules/.bin')
const INSTALL = 'run scripts/install-agent-clis.sh'
// A throwaway HOME: --help must not read or write the user's config.
const HOME = mkdtempSync(join(tmpdir(), 'agent-help-home-'))

/** Options in an argv (`--x=v` counts as `--x`); values, positionals and the program name are skipped. */
function flagsOf(argv: string[], skip: number): string[] {
  return argv
    .slice(skip)
    .filter((a) => /^--?[A-Za-z]/.test(a))
    .map((a) => a.split('=')[0])
}

/** Build with every optional input set, so every flag the driver can emit is checked. */
function fullArgv(agent: AgentName): string[] {
  return getDriver(agent).build({
    prompt: 'p',
    promptFile: '/tmp/autopilot/prompt.md',
    cwd: '/tmp/wt',
    model: 'some-model',
    args: [],
    allowedTools: agent === 'copilot' ? ['write'] : ['Edit']
  }).argv
}

type Help = { ok: true; text: string } | { ok: false; reason: string }
const helpCache = new Map<string, Help>()

function help(cmd: string, args: string[]): Help {
  const key = [cmd, ...args].join(' ')
  const hit = helpCache.get(key)
  if (hit) return hit
  const h = runHelp(cmd, args)
  helpCache.set(key, h)
  return h
}

function runHelp(cmd: string, args: string[]): Help {
  const bin = join(CLI_BIN, cmd)
  if (!existsSync(bin)) return { ok: false, reason: `${cmd} not installed in .cache/agent-clis (${INSTALL})` }
  const r = spawnSync(bin, args, {
    encoding: 'utf8',
    timeout: 60_000,
    env: { PATH: process.env.PATH ?? '', HOME, NO_COLOR: '1', COPILOT_AUTO_UPDATE: 'false', CI: '1' }
  })
  const text = `${r.stdout ?? ''}${r.stderr ?? ''}`
  if (r.error) return { ok: false, reason: `${cmd} ${args.join(' ')} could not run: ${r.error.message}` }
  if (r.status !== 0) return { ok: false, reason: `${cmd} ${args.join(' ')} exited ${r.status}: ${text.slice(0, 200)}` }
  return { ok: true, text }
}

/** Is `flag` documented in a help text (as `--flag`, `--flag,`, `--flag <v>`, `-p, --print`...)? */
function documented(text: string, flag: string): boolean {
  return new RegExp(`(^|[\\s,\\[])${flag.replace(/[-]/g, '\\-')}(?=[\\s,=\\[\\]<]|$)`, 'm').test(text)
}

it('the flag matcher rejects what a help text does not list', () => {
  const text = '  -s, --sandbox <SANDBOX_MODE>\n      --json\n  --allowedTools, --allowed-tools <tools...>'
  expect(['--sandbox', '-s', '--json', '--allowedTools', '--allowed-tools'].every((f) => documented(text, f))).toBe(true)
  expect(['--full-auto', '--jso', '--allowed'].some((f) => documented(text, f))).toBe(false)
})

const CASES: { agent: AgentName; cmd: string; helpArgs: string[]; skip: number }[] = [
  { agent: 'codex', cmd: 'codex', helpArgs: ['exec', '--help'], skip: 2 },
  { agent: 'claude', cmd: 'claude', helpArgs: ['--help'], skip: 1 },
  { agent: 'gemini', cmd: 'gemini', helpArgs: ['--help'], skip: 1 },
  { agent: 'copilot', cmd: 'copilot', helpArgs: ['--help'], skip: 1 }
]

describe.each(CASES)('$cmd --help documents every flag the driver passes', ({ agent, cmd, helpArgs, skip }) => {
  it('all flags present', (ctx) => {
    const h = help(cmd, helpArgs)
    if (!h.ok) return ctx.skip(h.reason)
    const flags = flagsOf(fullArgv(agent), skip)
    expect(flags.length).toBeGreaterThan(1)
    const missing = flags.filter((f) => !documented(h.text, f))
    expect(missing, `flags not in \`${cmd} ${helpArgs.join(' ')}\``).toEqual([])
  })
})

it('codex exec: the sandbox mode we pass is one of its possible values', (ctx) => {
  const h = help('codex', ['exec', '--help'])
  if (!h.ok) return ctx.skip(h.reason)
  expect(h.text).toMatch(/possible values:[^\n]*workspace-write/)
})

it('gemini: the approval mode we pass is one of its choices', (ctx) => {
  const h = help('gemini', ['--help'])
  if (!h.ok) return ctx.skip(h.reason)
  expect(h.text).toMatch(/--approval-mode[^\n]*"auto_edit"/)
})

it('claude: the output format and permission mode we pass are among its choices', (ctx) => {
  const h = help('claude', ['--help'])
  if (!h.ok) return ctx.skip(h.reason)
  expect(h.text).toMatch(/"json"/)
  expect(h.text).toMatch(/"acceptEdits"/)
})

it('aider: every flag is in its documented options (aider is Python: not installed from npm)', () => {
  // aider-options.txt lists option names from aider's docs/config/options.md (see its header).
  const documentedOptions = new Set(
    readFileSync(join(ROOT, '__tests__/fixtures/agents/aider-options.txt'), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('-'))
      .map((l) => l.trim())
  )
  const missing = flagsOf(fullArgv('aider'), 1).filter((f) => !documentedOptions.has(f))
  expect(missing).toEqual([])
})
