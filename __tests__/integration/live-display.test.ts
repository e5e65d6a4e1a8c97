// The live display on a real terminal (issue 17): the CLI runs under a pseudo-terminal made by script(1)
// from util-linux; the running task's step name, elapsed time and last output line appear, colours are
// used, and NO_COLOR removes them (only the cursor moves of the redraw stay).
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { projectRoot, reposPerTest, type LocalRepo } from '../support/local-repo.js'

const { repo } = reposPerTest()
const nodeBin = existsSync(path.join(projectRoot, 'node_modules/.bin/node')) ? path.join(projectRoot, 'node_modules/.bin/node') : process.execPath
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`

/** `autopilot run` under a 100-column pseudo-terminal; everything the terminal received. */
function runOnTerminal(r: LocalRepo, env: Record<string, string>): Promise<{ code: number | null; screen: string }> {
  const cli = [nodeBin, '--import', tsx, path.join(projectRoot, 'src/bin.ts'), 'run', '70'].map(quote).join(' ')
  const child = spawn('script', ['--quiet', '--return', '--command', `stty cols 100 rows 40; exec ${cli}`, '/dev/null'], {
    cwd: r.repo,
    env: { ...r.env, TERM: 'xterm-256color', ...env },
    stdio: ['pipe', 'pipe', 'pipe']
  })
  let screen = ''
  child.stdout.on('data', (d: Buffer) => (screen += d.toString('utf8')))
  child.stderr.on('data', (d: Buffer) => (screen += d.toString('utf8')))
  return new Promise(resolve => child.on('close', code => resolve({ code, screen })))
}

const plan = {
  issue: 70,
  gates: { 'allow-paths': ['out/**'] },
  tasks: [
    {
      id: 'talker',
      steps: [
        { name: 'get ready', run: 'mkdir -p out' },
        { name: 'say hello', run: 'echo "first line"; sleep 1; echo "the very last line"; sleep 2.5; echo hi > out/hi' }
      ]
    }
  ]
}
const SGR = /\x1b\[[0-9;]*m/

describe('the live display under a pseudo-terminal', () => {
  it('shows the running step, its elapsed time and last output line, and the total, in colour', { timeout: 120_000 }, async () => {
    const r = repo()
    r.writePlan(plan)
    const { code, screen } = await runOnTerminal(r, {})
    expect(code).toBe(0)
    expect(screen).toMatch(SGR)
    const text = screen.replace(new RegExp(SGR.source, 'g'), '')
    expect(text).toMatch(/▶ talker {2}step 2\/2 say hello {2}0:0[1-9]/)
    expect(text).toContain('› the very last line')
    expect(text).toMatch(/0 done · 1 running · 0 left · 0:0\d/)
    expect(text).toMatch(/✔ talker {2}succeeded/)
    expect(text).toMatch(/1 done · 0 running · 0 left/)
    // Redrawn in place: the cursor moves up over the block.
    expect(screen).toMatch(/\x1b\[\d+A\x1b\[0J/)
  })

  it('writes no colour with NO_COLOR', { timeout: 120_000 }, async () => {
    const r = repo()
    r.writePlan(plan)
    const { code, screen } = await runOnTerminal(r, { NO_COLOR: '1' })
    expect(code).toBe(0)
    expect(screen).toMatch(/▶ talker {2}step 2\/2 say hello {2}0:0[1-9] {2}› the very last line/)
    expect(screen).not.toMatch(SGR)
    // Nothing but the redraw's cursor moves is left once they are taken out.
    expect(screen.replace(/\x1b\[\d+A\x1b\[0J/g, '')).not.toContain('\x1b')
  })
})
