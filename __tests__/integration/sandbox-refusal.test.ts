// Issue #10 point 9: where the sandbox cannot be had, steps do not run unless the plan (or the caller)
// says `sandbox: off`; on a host that allows it (passwordless sudo, as on GitHub's hosted runners) the
// action enables it itself, preferring the AppArmor profile over the sysctl. The host that refuses
// namespaces is simulated with a test-only program table whose `bwrap` fails the way Ubuntu 24.04's
// does until the (fake) sudo has "loaded the profile" or "set the sysctl"; then it execs the real bwrap.
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ProcessExecutor } from '../../src/run/executor.js'
import { runLocal } from '../../src/run/local-run.js'
import { resolvePrograms } from '../../src/run/programs.js'
import { hostEnabler, type PrivilegedRunner } from '../../src/run/enable-namespaces.js'
import { reposPerTest, type LocalRepo } from '../support/local-repo.js'

const { repo } = reposPerTest()

/** A bwrap that refuses like AppArmor's restriction does until `enabled` exists. */
function restrictedHost(r: LocalRepo) {
  const enabled = path.join(r.scratch, 'namespaces-enabled')
  const bwrap = path.join(r.scratch, 'bwrap')
  writeFileSync(
    bwrap,
    `#!/bin/sh\nif [ -e '${enabled}' ]; then exec '${resolvePrograms().bwrap}' "$@"; fi\n` +
      'echo "bwrap: setting up uid map: Permission denied" >&2\nexit 1\n'
  )
  chmodSync(bwrap, 0o755)
  const executor = new ProcessExecutor(undefined, { programs: { ...resolvePrograms(), bwrap } })
  return { enabled, executor }
}

/** A passwordless sudo that records what it ran; `works` says which fix takes effect. */
function fakeSudo(enabled: string, works: 'apparmor' | 'sysctl' | 'none' | 'no-sudo') {
  const calls: string[] = []
  const sudo: PrivilegedRunner = {
    async run(argv, stdin) {
      calls.push(argv.join(' ') + (stdin ? ` <<${stdin.split('\n').find((l) => l.startsWith('profile'))}` : ''))
      if (works === 'no-sudo') return { exitCode: 1, stderr: 'sudo: a password is required' }
      if (argv[0] === 'apparmor_parser') {
        if (works !== 'apparmor') return { exitCode: 1, stderr: 'apparmor_parser: Unable to replace "autopilot-bwrap"' }
        writeFileSync(enabled, '')
      }
      if (argv[0] === 'sysctl' && works === 'sysctl') writeFileSync(enabled, '')
      return { exitCode: 0, stderr: '' }
    }
  }
  return { sudo, calls }
}

function plan(r: LocalRepo, issue: number, extra: Record<string, unknown> = {}) {
  const marker = path.join(r.scratch, `ran-${issue}`)
  r.writePlan({ issue, ...extra, gates: { 'allow-paths': ['out.txt'] }, tasks: [{ id: 't', steps: [{ run: `echo ran > out.txt; touch '${marker}' 2>/dev/null || true` }] }] })
  return marker
}

async function run(r: LocalRepo, issue: number, executor: ProcessExecutor, enable?: ReturnType<typeof hostEnabler>) {
  const out: string[] = []
  const result = await runLocal({ planArg: String(issue), cwd: r.repo, env: r.env, out: (t) => void out.push(t), isTTY: false, backoffMs: 10, executor, enableSandbox: enable })
  return { result, out: out.join('') }
}

describe('a host that refuses namespaces', () => {
  it('refuses to run any step (exit 3), saying why and how to enable the sandbox or turn it off', async () => {
    const r = repo()
    const { executor } = restrictedHost(r)
    const marker = plan(r, 71)
    const err = await run(r, 71, executor).then(
      () => undefined,
      (e: Error & { exitCode?: number }) => e
    )
    expect(err?.name).toBe('SandboxUnavailableError')
    expect(err?.exitCode).toBe(3)
    expect(err?.message).toContain('setting up uid map: Permission denied')
    expect(err?.message).toContain('apparmor_restrict_unprivileged_userns')
    expect(err?.message).toContain('`sandbox: off`')
    expect(existsSync(marker)).toBe(false)
    expect(r.manifest(71)).toBeUndefined()
  })

  it('runs steps without the sandbox when the plan says `sandbox: off`, and says so', async () => {
    const r = repo()
    const { executor } = restrictedHost(r)
    const marker = plan(r, 72, { sandbox: 'off' })
    const { result, out } = await run(r, 72, executor)
    expect(result.exitCode, out).toBe(0)
    expect(out).toContain('steps run WITHOUT the sandbox (turned off by `sandbox: off` in the plan)')
    // Unsandboxed, the step could write outside its worktree: that is what `off` means.
    expect(existsSync(marker)).toBe(true)
    const log = readFileSync(path.join(r.repo, result.manifest.tasks.t.steps[0].log!), 'utf8')
    expect(log).toContain('(not sandboxed)')
  })

  it('is enabled with the AppArmor profile when sudo allows it, then runs steps sandboxed', async () => {
    const r = repo()
    const { enabled, executor } = restrictedHost(r)
    const marker = plan(r, 73)
    const { sudo, calls } = fakeSudo(enabled, 'apparmor')
    const { result, out } = await run(r, 73, executor, hostEnabler(executor, sudo))
    expect(result.exitCode, out).toBe(0)
    expect(out).toContain('enabled the sandbox with an AppArmor profile for')
    expect(calls).toEqual([
      'true',
      `tee /etc/apparmor.d/autopilot-bwrap <<profile autopilot-bwrap ${path.join(r.scratch, 'bwrap')} flags=(unconfined) {`,
      'apparmor_parser -r /etc/apparmor.d/autopilot-bwrap'
    ])
    // Sandboxed: the scratch folder outside the worktree was out of reach.
    expect(existsSync(marker)).toBe(false)
    expect(result.manifest.tasks.t.status).toBe('succeeded')
  })

  it('falls back to the sysctl when the profile does not help, and says which it used', async () => {
    const r = repo()
    const { enabled, executor } = restrictedHost(r)
    plan(r, 74)
    const { sudo, calls } = fakeSudo(enabled, 'sysctl')
    const { result, out } = await run(r, 74, executor, hostEnabler(executor, sudo))
    expect(result.exitCode, out).toBe(0)
    expect(out).toContain('enabled the sandbox with sysctl kernel.apparmor_restrict_unprivileged_userns=0')
    expect(out).toContain('Unable to replace')
    expect(calls.at(-1)).toBe('sysctl -w kernel.apparmor_restrict_unprivileged_userns=0')
  })

  it('still refuses when there is no passwordless sudo', async () => {
    const r = repo()
    const { enabled, executor } = restrictedHost(r)
    plan(r, 75)
    const { sudo } = fakeSudo(enabled, 'no-sudo')
    await expect(run(r, 75, executor, hostEnabler(executor, sudo))).rejects.toThrow(/no passwordless sudo/)
  })
})
