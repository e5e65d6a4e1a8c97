/**
 * Command lines that isolate a step with Linux namespaces (util-linux
 * `unshare`), built here as plain data; the executor runs them.
 *
 * The sandbox: a new user namespace (the step sees itself as root but has no
 * more rights than the caller), a new PID namespace with its own /proc (so a
 * step cannot read autopilot's own environment, where tokens live, through
 * /proc/<pid>/environ), and a new mount namespace in which the user's checkout
 * and the private clone's config, hooks and info are bind-mounted read-only
 * (so a step cannot plant hooks or filters, or write the user's files).
 * `network: deny` adds a network namespace with no interface up.
 */

/** Makes each path before `--` read-only, then execs the rest. Runs as root of the new namespaces. */
const LAUNCHER =
  'while [ "$1" != "--" ]; do ' +
  'mount --bind "$1" "$1" && mount -o remount,ro,bind "$1" || ' +
  '{ echo "autopilot sandbox: cannot make $1 read-only" >&2; exit 125; }; shift; done; shift; exec "$@"'

/** argv run inside the full sandbox, with `readOnly` paths (which must exist) bind-mounted read-only. */
export function sandboxArgv(argv: string[], readOnly: string[], denyNetwork: boolean): string[] {
  return [
    'unshare',
    '--user',
    '--map-root-user',
    '--pid',
    '--fork',
    '--mount',
    '--mount-proc',
    ...(denyNetwork ? ['--net'] : []),
    '--',
    'sh',
    '-c',
    LAUNCHER,
    'autopilot-sandbox',
    ...readOnly,
    '--',
    ...argv
  ]
}

/** argv in a new network namespace only (used when the full sandbox is unavailable). */
export function networkOnlyArgv(argv: string[], asRoot: boolean): string[] {
  return ['unshare', '--net', ...(asRoot ? [] : ['--map-root-user']), '--', ...argv]
}

/** Said once per run when steps cannot be sandboxed. */
export function sandboxWarning(problem: string): string {
  return (
    `autopilot: warning: steps run without the sandbox (${problem}). They can read this process's environment ` +
    'and write outside their worktree; the gates still check every change. Use Linux with unprivileged user namespaces.'
  )
}
