// Logged-in agents: each driver's login files under the caller's HOME, their binds under a step's own
// HOME (that agent's calls only), and the doctor's report of what each agent would see.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { allDrivers, getDriver, loggedIn, loginBinds, loginFilesFound, loginReport } from '../../src/agents/index.js'

let home: string | undefined
afterEach(() => {
  if (home) rmSync(home, { recursive: true, force: true })
})

function plant(files: string[]): void {
  const h = home!
  for (const f of files) {
    mkdirSync(path.dirname(path.join(h, f)), { recursive: true })
    writeFileSync(path.join(h, f), `{"planted":"${f}"}`)
  }
}

describe('login files', () => {
  it('each CLI names its own login file first, and no two agents share a file', () => {
    expect(getDriver('codex').loginFiles[0]).toBe('.codex/auth.json')
    expect(getDriver('claude').loginFiles[0]).toBe('.claude/.credentials.json')
    expect(getDriver('gemini').loginFiles[0]).toBe('.gemini/oauth_creds.json')
    expect(getDriver('copilot').loginFiles[0]).toBe('.copilot/config.json')
    const all = allDrivers().flatMap((d) => d.loginFiles)
    expect(new Set(all).size).toBe(all.length)
  })

  it('finds only the planted files of that agent, and binds them under the step HOME only', () => {
    home = mkdtempSync(path.join(tmpdir(), 'login-home-'))
    plant(['.codex/auth.json', '.claude/.credentials.json', '.ssh/id_ed25519'])
    const codex = loginFilesFound(getDriver('codex'), home)
    expect(codex).toEqual([path.join(home, '.codex/auth.json')])
    expect(loggedIn(getDriver('codex'), home)).toBe(true)
    expect(loggedIn(getDriver('gemini'), home)).toBe(false)
    // codex's call sees codex's file at the same place under its own HOME, and nothing of claude's.
    expect(loginBinds(codex, home, '/task/home')).toEqual([{ source: path.join(home, '.codex/auth.json'), dest: '/task/home/.codex/auth.json' }])
    // A path outside the caller's HOME is never bound.
    expect(loginBinds(['/etc/passwd'], home, '/task/home')).toEqual([])
  })

  it('the doctor report says what each agent would see', () => {
    home = mkdtempSync(path.join(tmpdir(), 'login-home-'))
    plant(['.claude/.credentials.json', '.claude.json', '.gemini/settings.json'])
    const lines = loginReport(allDrivers(), home)
    expect(lines).toContain('claude: logged in; its steps see, read-only: ~/.claude/.credentials.json, ~/.claude.json')
    expect(lines).toContain('gemini: settings only; its steps see, read-only: ~/.gemini/settings.json')
    expect(lines.find((l) => l.startsWith('codex:'))).toBe('codex: not logged in (none of ~/.codex/auth.json, ~/.codex/config.toml)')
    expect(lines.find((l) => l.startsWith('aider:'))).toContain('no login files')
  })
})
