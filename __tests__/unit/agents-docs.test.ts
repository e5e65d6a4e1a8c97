// docs/agents.md tells users to point each CLI at a gateway the way the real-CLI tests point it at the
// scripted model server (agents-real*.test.ts), so what the docs say is what the suite proves.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { allDrivers } from '../../src/agents/index.js'
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
})
