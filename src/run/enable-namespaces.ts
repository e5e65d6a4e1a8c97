/**
 * Makes bubblewrap work on hosts that restrict unprivileged user namespaces,
 * when autopilot may use passwordless sudo (GitHub's hosted runners).
 *
 * Ubuntu 24.04 sets `kernel.apparmor_restrict_unprivileged_userns=1`: an
 * unconfined program may not create a user namespace with capabilities, so
 * bwrap fails ("Operation not permitted", or `RTM_NEWADDR` with
 * `--unshare-net`). The narrow fix, which Ubuntu itself ships from 25.04, is an
 * AppArmor profile that lets `/usr/bin/bwrap` (only it) create namespaces; the
 * broad fallback turns the restriction off for every program.
 */
import type { CommandExecutor, ProcessExecutor } from './executor.js'

/** Runs a command as root without asking for a password (`sudo -n`). */
export interface PrivilegedRunner {
  run(argv: string[], stdin?: string): Promise<{ exitCode: number; stderr: string }>
}

export interface EnableResult {
  ok: boolean
  /** How it was enabled ('apparmor' preferred, 'sysctl' fallback), or why not. */
  method?: 'apparmor' | 'sysctl'
  /** One line for the log. */
  log: string
}

/** Where the profile goes. */
export const PROFILE_PATH = '/etc/apparmor.d/autopilot-bwrap'

/** The AppArmor profile letting `bwrap` (and only it) create user namespaces. */
export function bwrapProfile(bwrap: string): string {
  return [
    'abi <abi/4.0>,',
    'include <tunables/global>',
    '',
    `profile autopilot-bwrap ${bwrap} flags=(unconfined) {`,
    '  userns,',
    '',
    '  include if exists <local/autopilot-bwrap>',
    '}',
    ''
  ].join('\n')
}

/**
 * Tries the AppArmor profile, then the sysctl, re-probing after each with `recheck` (which returns
 * the remaining problem, or undefined once the sandbox works).
 */
export async function enableNamespaces(input: {
  sudo: PrivilegedRunner
  bwrap: string
  recheck: () => Promise<string | undefined>
}): Promise<EnableResult> {
  const { sudo } = input
  if ((await sudo.run(['true'])).exitCode !== 0) {
    return { ok: false, log: 'autopilot could not enable it itself: no passwordless sudo here' }
  }
  const tried: string[] = []
  const write = await sudo.run(['tee', PROFILE_PATH], bwrapProfile(input.bwrap))
  const load = write.exitCode === 0 ? await sudo.run(['apparmor_parser', '-r', PROFILE_PATH]) : write
  if (load.exitCode === 0) {
    const still = await input.recheck()
    if (!still) {
      return { ok: true, method: 'apparmor', log: `autopilot: enabled the sandbox with an AppArmor profile for ${input.bwrap} (${PROFILE_PATH})` }
    }
    tried.push(`the AppArmor profile loaded but bwrap still fails: ${still}`)
  } else {
    tried.push(`the AppArmor profile could not be loaded: ${load.stderr.trim() || `exit ${load.exitCode}`}`)
  }
  const sysctl = await sudo.run(['sysctl', '-w', 'kernel.apparmor_restrict_unprivileged_userns=0'])
  if (sysctl.exitCode === 0) {
    const still = await input.recheck()
    if (!still) {
      return {
        ok: true,
        method: 'sysctl',
        log: `autopilot: enabled the sandbox with sysctl kernel.apparmor_restrict_unprivileged_userns=0 (${tried.join('; ')})`
      }
    }
    tried.push(`after the sysctl bwrap still fails: ${still}`)
  } else {
    tried.push(`sysctl failed: ${sysctl.stderr.trim() || `exit ${sysctl.exitCode}`}`)
  }
  return { ok: false, log: `autopilot could not enable it: ${tried.join('; ')}` }
}

/** The real PrivilegedRunner: `sudo -n`, through the executor (sudo from a system folder). */
export function sudoRunner(executor: CommandExecutor, sudo: string): PrivilegedRunner {
  return {
    async run(argv, stdin) {
      const r = await executor.runTool({ argv: [sudo, '-n', ...argv], cwd: '/', env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' }, stdin })
      return { exitCode: r.exitCode, stderr: r.stderr }
    }
  }
}

/** `enable` for decideSandbox on a host where autopilot may change the system (the action on a runner). */
export function hostEnabler(executor: ProcessExecutor, sudo?: PrivilegedRunner): (problem: string) => Promise<EnableResult> {
  return async () => {
    const bwrap = executor.programs.bwrap
    const sudoPath = executor.programs.sudo
    if (!bwrap) return { ok: false, log: 'bubblewrap is not installed (apt-get install -y bubblewrap)' }
    if (!sudo && !sudoPath) return { ok: false, log: 'autopilot could not enable it itself: no sudo here' }
    return await enableNamespaces({
      sudo: sudo ?? sudoRunner(executor, sudoPath!),
      bwrap,
      recheck: () => {
        executor.recheck()
        return executor.sandboxProblem()
      }
    })
  }
}
