/**
 * The programs autopilot itself starts (git, the sandbox tool, the shells,
 * prlimit), resolved once to absolute paths from system locations only.
 *
 * Why not PATH: the caller's PATH may list HOME or relative folders first
 * (`~/.local/bin`, `node_modules/.bin`), and those are exactly what a step can
 * write. A step that planted `~/.local/bin/git` or `node_modules/.bin/bwrap`
 * would otherwise run outside the sandbox at autopilot's next call.
 */
import { accessSync, constants, statSync } from 'node:fs'
import { join } from 'node:path'
import { AutopilotError } from '../errors.js'

/** Where autopilot looks for its own programs, in this order; never HOME, never a worktree. */
export const SYSTEM_DIRS = ['/usr/bin', '/bin', '/usr/local/bin', '/usr/sbin', '/sbin'] as const

export const PROGRAM_NAMES = ['git', 'bwrap', 'sh', 'bash', 'prlimit', 'sudo', 'unshare'] as const
export type ProgramName = (typeof PROGRAM_NAMES)[number]

/** Absolute path of each program found; a missing program has no entry. */
export type Programs = Partial<Record<ProgramName, string>>

/** What to install when a program is missing (Debian package names). */
const PACKAGE: Record<ProgramName, string> = {
  git: 'git',
  bwrap: 'bubblewrap',
  sh: 'dash',
  bash: 'bash',
  prlimit: 'util-linux',
  sudo: 'sudo',
  unshare: 'util-linux'
}

/** Finds each program in `dirs` (first executable regular file wins). Pure apart from reading the file system. */
export function resolvePrograms(dirs: readonly string[] = SYSTEM_DIRS): Programs {
  const found: Programs = {}
  for (const name of PROGRAM_NAMES) {
    for (const dir of dirs) {
      const path = join(dir, name)
      if (isExecutableFile(path)) {
        found[name] = path
        break
      }
    }
  }
  return found
}

let cached: Programs | undefined

/** The system programs, resolved on first use and then fixed for the life of the process. */
export function systemPrograms(): Programs {
  cached ??= Object.freeze(resolvePrograms())
  return cached
}

/** The absolute path of `name`, or a clear error naming the package to install. */
export function programPath(programs: Programs, name: ProgramName): string {
  const path = programs[name]
  if (!path) {
    throw new AutopilotError(
      `\`${name}\` is not installed in ${SYSTEM_DIRS.join(', ')} (autopilot only runs its own programs from there); ` +
        `install it: apt-get install -y ${PACKAGE[name]}`,
      1
    )
  }
  return path
}

/** argv with a bare program name autopilot knows (git, sh, bash...) replaced by its absolute system path. */
export function resolveArgv(programs: Programs, argv: string[]): string[] {
  const first = argv[0]
  if (first === undefined || first.includes('/') || !(PROGRAM_NAMES as readonly string[]).includes(first)) return argv
  return [programPath(programs, first as ProgramName), ...argv.slice(1)]
}

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}
