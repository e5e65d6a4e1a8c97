// `autopilot doctor` (issue #10 point 10): each promise proven by a probe inside the real sandbox; a
// sandbox that does not isolate (a fake bwrap that runs the command as is) or cannot be had fails it.
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ProcessExecutor } from '../../src/run/executor.js'
import { resolvePrograms } from '../../src/run/programs.js'
import { renderDoctor, runDoctor } from '../../src/run/doctor.js'
import { projectRoot, runCli } from '../support/local-repo.js'

const scratch = mkdtempSync(path.join(tmpdir(), 'autopilot-doctor-test-'))

function fakeBwrap(name: string, body: string): ProcessExecutor {
  const file = path.join(scratch, name)
  writeFileSync(file, `#!/bin/sh\n${body}\n`)
  chmodSync(file, 0o755)
  return new ProcessExecutor(undefined, { programs: { ...resolvePrograms(), bwrap: file } })
}

describe('autopilot doctor', () => {
  it('proves every promise inside the sandbox here and exits 0', async () => {
    const r = await runCli(['doctor'], projectRoot, { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/root' })
    expect(r.code, r.out + r.err).toBe(0)
    for (const name of ['namespaces', 'capabilities', 'mounts', 'checkout', 'caller HOME', 'other tasks', 'HOME', 'host /tmp', "autopilot's process", 'network: deny']) {
      expect(r.out).toMatch(new RegExp(`^ok +${name.replace(/[/]/g, '\\/')}: `, 'm'))
    }
    expect(r.out).toContain(`${projectRoot}: does not exist`)
    expect(r.out).toContain('CapEff: 0000000000000000')
    expect(r.out).toContain('every promise holds on this machine')
  })

  it("lists, per agent, the login files under the caller's HOME its steps would see, and none for shell steps", async () => {
    const home = path.join(scratch, 'home')
    const plant = (rel: string) => {
      mkdirSync(path.dirname(path.join(home, rel)), { recursive: true })
      writeFileSync(path.join(home, rel), '{"token":"planted"}\n')
    }
    // codex and claude logged in; gemini has only its settings; copilot nothing.
    for (const f of ['.codex/auth.json', '.claude/.credentials.json', '.claude.json', '.gemini/settings.json']) plant(f)
    const r = await runCli(['doctor'], projectRoot, { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home })
    expect(r.code, r.out + r.err).toBe(0)
    const section = r.out.slice(r.out.indexOf('logins:'))
    expect(section.split('\n').slice(0, 9)).toEqual([
      "logins: what each agent's steps see of your HOME (read-only, that agent's steps only)",
      '  codex: logged in; its steps see, read-only: ~/.codex/auth.json',
      '  claude: logged in; its steps see, read-only: ~/.claude/.credentials.json, ~/.claude.json',
      '  gemini: settings only; its steps see, read-only: ~/.gemini/settings.json',
      '  aider: no login files (credentials from the environment only)',
      '  copilot: not logged in (none of ~/.copilot/config.json)',
      '  command: no login files (credentials from the environment only)',
      '  shell steps: none (a shell step sees no login file; its HOME is its own, empty)',
      ''
    ])
    expect(r.out.trimEnd()).toMatch(/every promise holds on this machine$/)
  })

  it('fails, line by line, when the "sandbox" does not isolate', async () => {
    // Skips every bwrap option and runs the command as is: the probes must notice.
    const executor = fakeBwrap('no-isolation', 'while [ "$1" != "--" ]; do shift; done; shift; exec "$@"')
    const report = await runDoctor({ executor, checkout: projectRoot })
    const failed = report.results.filter((r) => !r.ok && !r.probe.info).map((r) => r.probe.name)
    expect(report.ok).toBe(false)
    expect(failed).toEqual(expect.arrayContaining(['namespaces', 'checkout', 'caller HOME', 'other tasks', 'host /tmp', "autopilot's process", 'network: deny']))
    expect(renderDoctor(report)).toMatch(/^FAILED  checkout: the user's checkout is invisible -- .* is visible$/m)
  })

  it('fails when the sandbox cannot be had, saying why', async () => {
    const executor = fakeBwrap('refused', 'echo "bwrap: No permissions to create new namespace" >&2; exit 1')
    const report = await runDoctor({ executor, checkout: projectRoot })
    expect(report.ok).toBe(false)
    expect(renderDoctor(report)).toContain('FAILED  sandbox: cannot be had here: `bwrap` could not create the step sandbox: bwrap: No permissions to create new namespace')
  })
})
