/**
 * How the user started autopilot, so every command autopilot suggests (the
 * resume line, `clean` hints) is one that works for them: `npx autopilot`
 * in a repository that installed the package, `npx autopilot-action` when it
 * ran from npx's cache without an install, `autopilot` when it is on PATH.
 * Issue 17: the README's `npx autopilot` ran an unrelated registry package.
 */
import { basename, isAbsolute, relative, sep } from 'node:path'

/** The name the package is published under (a test checks it against package.json). */
export const PACKAGE_NAME = 'autopilot-action'

/** The prefix when nothing better is known: works with or without an install. */
export const DEFAULT_INVOCATION = `npx ${PACKAGE_NAME}`

/**
 * The command prefix that reruns autopilot the way `script` (process.argv[1])
 * was started from `cwd`. Pure: the caller passes the process's facts.
 */
export function invocationOf(script: string | undefined, cwd: string): string {
  if (!script) return DEFAULT_INVOCATION
  const parts = script.split(sep)
  // npx without an install runs the bin from its own cache (~/.npm/_npx/<hash>/node_modules/.bin).
  if (parts.includes('_npx')) return DEFAULT_INVOCATION
  // Installed in a project (npm i -D): npx finds node_modules/.bin/autopilot.
  if (parts.includes('node_modules')) return 'npx autopilot'
  // Installed globally or linked: the bin is on PATH by its own name.
  if (basename(script) === 'autopilot') return 'autopilot'
  // A checkout of autopilot itself (`node bin/autopilot.js`, the demo): the same path again.
  if (basename(script) === 'autopilot.js') {
    const rel = relative(cwd, script)
    return `node ${rel.startsWith('..') || isAbsolute(rel) ? script : rel}`
  }
  return DEFAULT_INVOCATION
}

/** A full command line to suggest: `<invocation> <args>`. */
export function suggestCommand(invocation: string | undefined, args: string): string {
  return `${invocation ?? DEFAULT_INVOCATION} ${args}`.trimEnd()
}
