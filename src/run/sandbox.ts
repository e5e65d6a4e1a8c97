/**
 * The step sandbox, built here as plain data (a bubblewrap argument vector);
 * the executor runs it.
 *
 * Isolation by construction: the step gets new user, mount, PID, IPC, UTS and
 * cgroup namespaces (and a network namespace holding only `lo` under
 * `network: deny`), no capabilities at all (so it cannot mount, unmount or
 * remount anything), and a root file system assembled from nothing: the system
 * folders read-only, a fresh /proc, /dev, /tmp and /dev/shm, and only the
 * folders the request names. The caller's HOME, the user's checkout, other
 * tasks, the private clone, host /tmp, /run, /var/run and their sockets simply
 * do not exist in there, so there is nothing to undo.
 */
import { existsSync, lstatSync, readlinkSync, realpathSync } from 'node:fs'
import { dirname, isAbsolute, resolve, sep } from 'node:path'
import { AutopilotError, EXIT } from '../errors.js'
import type { OverlayMount } from './setup-layer.js'

/** A read-only bind: `source` on the host appears at `dest` inside the sandbox. */
export interface Bind {
  source: string
  dest: string
}

/** What one step may see besides the system folders. */
export interface SandboxSpec {
  /** Folders the step may write, bound at the same path (its worktree, TMPDIR, HOME, its own git dir). */
  writable: string[]
  /**
   * Extra read-only binds (source -> destination), e.g. the git objects the step's git dir borrows, an
   * agent CLI's install folder, or a logged-in agent's credential file. Sources that do not exist are skipped.
   */
  readOnly?: Bind[]
  /**
   * The setup layer's folders, mounted over the worktree (read-only layer below, the task's own writable
   * folder above) in a user and mount namespace of their own before bubblewrap starts (src/run/setup-layer.ts).
   */
  overlays?: OverlayMount[]
}

/** Per-step resource limits, applied with prlimit inside the sandbox. */
export interface StepLimits {
  /** RLIMIT_DATA in MiB: heap and private memory (address space reservations are not counted). */
  memoryMb?: number
  /** RLIMIT_NPROC: processes (threads included) of the step's user. */
  processes?: number
}

/**
 * System folders shown read-only. Deliberately absent: /root and /home (the caller's HOME), /run and
 * /var (sockets, runner state), /tmp and /dev/shm (replaced by fresh ones), /mnt, /media, /srv, /sys.
 */
export const SYSTEM_VIEW = ['/usr', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32', '/etc', '/opt'] as const

/** Files of /etc a sandboxed root could read but a step has no business with; shown empty. */
const HIDDEN_ETC = ['/etc/shadow', '/etc/gshadow', '/etc/shadow-', '/etc/gshadow-', '/etc/sudoers', '/etc/security/opasswd']

/** How the host's system folders look: what to bind, what to recreate as a symlink, what to hide. */
export interface HostLayout {
  /** `--ro-bind` these folders at the same path. */
  dirs: string[]
  /** Merged-/usr style links (`/bin -> usr/bin`), recreated as links. */
  links: { path: string; target: string }[]
  /** Files replaced by /dev/null. */
  hidden: string[]
  /** Files outside the view that a system file links to (e.g. /etc/resolv.conf -> /run/systemd/...). */
  extraFiles: string[]
}

/** Reads the host's layout once (cheap: a few lstat calls). */
export function hostLayout(): HostLayout {
  const layout: HostLayout = { dirs: [], links: [], hidden: [], extraFiles: [] }
  for (const path of SYSTEM_VIEW) {
    let st
    try {
      st = lstatSync(path)
    } catch {
      continue
    }
    if (st.isSymbolicLink()) layout.links.push({ path, target: readlinkSync(path) })
    else if (st.isDirectory()) layout.dirs.push(path)
  }
  layout.hidden = HIDDEN_ETC.filter(f => existsSync(f))
  // Name resolution on hosts whose resolv.conf is a link into /run (systemd-resolved, GitHub's runners).
  try {
    const real = realpathSync('/etc/resolv.conf')
    if (!insideAny(real, layout.dirs)) layout.extraFiles.push(real)
  } catch {
    // no resolv.conf: nothing to show
  }
  return layout
}

export interface SandboxCommand {
  /** Absolute path of bwrap. */
  bwrap: string
  /** Absolute path of prlimit, needed only with limits. */
  prlimit?: string
  layout: HostLayout
  spec: SandboxSpec
  /** Where the step starts (inside one of the writable folders, normally). */
  cwd: string
  denyNetwork: boolean
  limits?: StepLimits
}

/** The bubblewrap argument vector that runs `argv` in the sandbox. */
export function bwrapArgv(argv: string[], c: SandboxCommand): string[] {
  const a: string[] = [
    c.bwrap,
    '--unshare-user',
    '--unshare-pid',
    '--unshare-ipc',
    '--unshare-uts',
    '--unshare-cgroup-try',
    ...(c.denyNetwork ? ['--unshare-net'] : []),
    '--die-with-parent',
    '--new-session',
    '--cap-drop',
    'ALL',
    '--hostname',
    'autopilot'
  ]
  for (const d of c.layout.dirs) a.push('--ro-bind', d, d)
  for (const l of c.layout.links) a.push('--symlink', l.target, l.path)
  for (const f of c.layout.hidden) a.push('--ro-bind', '/dev/null', f)
  if (!c.denyNetwork) for (const f of c.layout.extraFiles) a.push('--ro-bind-try', f, f)
  a.push('--proc', '/proc', '--dev', '/dev', '--tmpfs', '/dev/shm', '--tmpfs', '/tmp')
  for (const w of c.spec.writable) a.push('--bind', w, w)
  for (const b of c.spec.readOnly ?? []) a.push('--ro-bind-try', b.source, b.dest)
  // Nothing outside the binds is writable, not even the sandbox's own root folder.
  a.push('--remount-ro', '/', '--chdir', c.cwd, '--')
  return [...a, ...limitArgv(c), ...argv]
}

function limitArgv(c: SandboxCommand): string[] {
  return prlimitArgv(c.prlimit, c.limits)
}

/** `prlimit --data=.. --nproc=.. --` for the given limits, or nothing when there are none. */
export function prlimitArgv(prlimit: string | undefined, l: StepLimits | undefined): string[] {
  if (!l || (l.memoryMb === undefined && l.processes === undefined)) return []
  if (!prlimit) throw new AutopilotError('`prlimit` (util-linux) is needed for limits.step-memory-mb / limits.step-processes', 1)
  return [
    prlimit,
    ...(l.memoryMb !== undefined ? [`--data=${l.memoryMb * 1024 * 1024}`] : []),
    ...(l.processes !== undefined ? [`--nproc=${l.processes}`] : []),
    '--'
  ]
}

/**
 * Read-only binds that make a program living outside the system folders runnable in the sandbox
 * (an agent CLI installed with npm under the project's `.cache`, say): its install folder, not more.
 * For a program inside a `node_modules` tree that is the outermost `node_modules` folder (the CLI's
 * dependencies live beside it). For a program file in a folder named `bin`, the install prefix above it
 * (`<prefix>/bin/tool` next to `<prefix>/lib`), unless that prefix is `home` (the caller's HOME), lies
 * above it, or is `~/.local`; else the program's own folder. A link is followed: both its folder and
 * its target's are bound.
 */
export function programBinds(argv0: string, path: string, cwd: string, systemDirs: readonly string[], writable: string[], home = ''): Bind[] {
  const found = findOnPath(argv0, path, cwd)
  // A program in the step's own folders is visible (and writable) already.
  if (!found || insideAny(found, writable)) return []
  let real: string
  try {
    real = realpathSync(found)
  } catch {
    return []
  }
  if (insideAny(found, systemDirs) && insideAny(real, systemDirs)) return []
  const dirs = new Set<string>()
  for (const p of found === real ? [real] : [found, real]) {
    if (insideAny(p, systemDirs)) continue
    const nm = p.indexOf(`${sep}node_modules${sep}`)
    if (nm >= 0) {
      dirs.add(p.slice(0, nm + `${sep}node_modules`.length))
      continue
    }
    const dir = dirname(p)
    const prefix = dirname(dir)
    const tooBroad = prefix === '/' || (home !== '' && (insideAny(home, [prefix]) || prefix === `${home}/.local`))
    dirs.add(p === real && dir.endsWith(`${sep}bin`) && !tooBroad ? prefix : dir)
  }
  return [...dirs].map(d => ({ source: d, dest: d }))
}

function findOnPath(argv0: string, path: string, cwd: string): string | undefined {
  if (argv0.includes('/')) return isAbsolute(argv0) ? argv0 : resolve(cwd, argv0)
  for (const dir of path.split(':')) {
    if (!dir) continue
    const candidate = resolve(cwd, dir, argv0)
    if (existsSync(candidate)) return candidate
  }
  return undefined
}

/** Whether `path` is one of `dirs` or below one. */
export function insideAny(path: string, dirs: readonly string[]): boolean {
  return dirs.some(d => path === d || path.startsWith(d.endsWith('/') ? d : d + '/'))
}

/** argv in a new network namespace only (`sandbox: off` with `network: deny`). */
export function networkOnlyArgv(bwrap: string, argv: string[], cwd: string): string[] {
  return [bwrap, '--unshare-user', '--unshare-net', '--die-with-parent', '--dev-bind', '/', '/', '--chdir', cwd, '--', ...argv]
}

/** The one line a refusal says: why, and how to enable the sandbox or knowingly go without. */
export function sandboxRefusal(problem: string): string {
  return (
    `autopilot: refusing to run steps: the step sandbox is unavailable here (${problem}). ` +
    'Steps are hostile until proven otherwise, so none runs without it. To enable it: install bubblewrap ' +
    '(apt-get install -y bubblewrap) and allow unprivileged user namespaces (on Ubuntu 24.04: load an AppArmor ' +
    'profile for /usr/bin/bwrap, or `sysctl -w kernel.apparmor_restrict_unprivileged_userns=0`); ' +
    '`autopilot doctor` shows what holds. To run without it anyway, knowing steps can then read autopilot\'s ' +
    'environment and write outside their worktree: `sandbox: off` in the plan, `--sandbox off`, the action input ' +
    '`sandbox: off`, or AUTOPILOT_SANDBOX=off.'
  )
}

/** Said once per run when the sandbox was knowingly turned off. */
export function sandboxOffWarning(why: string): string {
  return (
    `autopilot: warning: steps run WITHOUT the sandbox (${why}). They can read this process's environment ` +
    'and write outside their worktree; the gates still check every change.'
  )
}

/** Steps were refused because the sandbox cannot be had here. */
export class SandboxUnavailableError extends AutopilotError {
  override name = 'SandboxUnavailableError'
  constructor(readonly problem: string) {
    super(sandboxRefusal(problem), EXIT.stopped)
  }
}
