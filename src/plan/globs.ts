// Checks for the repository-relative paths and globs a plan names (`paths`, `working-directory`...).
import picomatch from 'picomatch'

const ABSOLUTE = /^(?:[\\/]|[A-Za-z]:)/

/** Why `p` is not a safe repository-relative path, or undefined when it is. */
export function relativePathProblem(p: string): string | undefined {
  if (ABSOLUTE.test(p)) return `"${p}" is absolute; use a path relative to the repository root`
  if (p.split(/[\\/]/).includes('..')) return `"${p}" climbs out with ".."; paths must stay inside the repository`
  return undefined
}

/**
 * Why `glob` is not a usable path glob, or undefined when it is. Negation is
 * refused because a list of globs is a union here: `gates.deny-paths` says "not".
 */
export function globProblem(glob: string): string | undefined {
  const rel = relativePathProblem(glob)
  if (rel) return rel
  if (glob.startsWith('!')) return `"${glob}" is negated; list what may change, and use gates.deny-paths for exclusions`
  try {
    // strictBrackets turns an unbalanced [ { ( into an error instead of a literal character.
    picomatch.makeRe(glob, { strictBrackets: true })
  } catch (e) {
    const message = (e as Error).message
    const unbalanced = /^Missing closing: "(.)"/.exec(message)
    return `invalid glob "${glob}": ${unbalanced ? `missing a closing "${unbalanced[1]}"` : message}`
  }
  return undefined
}
