// docs/agents.md tells users to point each CLI at a gateway the way the real-CLI tests point it at the
// scripted model server (agents-real*.test.ts), so what the docs say is what the suite proves.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { allDrivers, loginReport } from '../../src/agents/index.js'
import { DEFAULT_PROGRESS, progressLine } from '../../src/run/progress.js'
import { projectRoot } from '../support/local-repo.js'
import { codexProvider, gatewayEnv } from '../support/model-server-agents.js'

const doc = readFileSync(path.join(projectRoot, 'docs/agents.md'), 'utf8')
const section = (agent: string) => doc.split(/^## /m).find(s => s.startsWith(`${agent}\n`)) ?? ''
const row = (agent: string, name: string) => section(agent).split('\n').find(l => l.startsWith(`| ${name} |`)) ?? ''

describe('docs/agents.md gateways and logins', () => {
  it('names every variable the real-CLI tests set to reach the model server, in that agent\'s Gateway row', () => {
    const env = gatewayEnv('http://127.0.0.1:1')
    expect(row('claude', 'Gateway')).toContain('`ANTHROPIC_BASE_URL`')
    expect(row('gemini', 'Gateway')).toContain('`GOOGLE_GEMINI_BASE_URL`')
    expect(row('copilot', 'Gateway')).toContain('`COPILOT_PROVIDER_BASE_URL`')
    for (const name of Object.keys(env)) expect(doc).toContain(`\`${name}\``)
  })

  it("shows codex's provider config with the same keys the test passes", () => {
    const [, selector, , provider] = codexProvider('http://127.0.0.1:1')
    expect(row('codex', 'Gateway')).toContain(selector)
    for (const key of provider.match(/\w+(?==)/g)!) expect(row('codex', 'Gateway')).toContain(`${key}=`)
  })

  it('lists every login file of every driver', () => {
    for (const d of allDrivers()) for (const f of d.loginFiles) expect(section(d.name), `${d.name} ${f}`).toContain(`~/${f}`)
  })

  it('says, for each of the four CLIs, how its login is used', () => {
    for (const agent of ['codex', 'claude', 'gemini', 'copilot']) expect(row(agent, 'Login'), agent).toMatch(/read-only/)
  })

  it("shows doctor's login lines as loginReport prints them", () => {
    const home = mkdtempSync(path.join(tmpdir(), 'agents-docs-home-'))
    try {
      for (const f of ['.codex/auth.json', '.claude/.credentials.json', '.claude.json', '.gemini/settings.json']) {
        mkdirSync(path.dirname(path.join(home, f)), { recursive: true })
        writeFileSync(path.join(home, f), '{}')
      }
      for (const line of loginReport(allDrivers(), home)) expect(doc).toContain(`\n  ${line}\n`)
    } finally {
      rmSync(home, { recursive: true, force: true })
    }
  })

  it('shows the progress line as it is printed, and the variable that tunes it', () => {
    const line = progressLine({ taskId: 'hello', agent: 'claude', startedAt: 0, lastOutputAt: 25_000, now: 45_000 }, DEFAULT_PROGRESS)
    expect(doc).toContain(`\n${line}\n`)
    expect(doc).toContain('`AUTOPILOT_PROGRESS_QUIET_MS`')
  })
})
