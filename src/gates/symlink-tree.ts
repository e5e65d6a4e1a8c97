/**
 * Symlinks judged on the final tree (issue #10, point 5): a link is resolved
 * through every other link of the task's tree, as the kernel will once the
 * branch is checked out, so a chain whose links each stay inside the
 * repository on their own (`a -> b/x`, `b -> ../../..`) cannot end at
 * /etc/passwd. Pure: the tree's links are data.
 */
import path from 'node:path'

/** Where a path of the tree ends after following every link on the way. */
export type TreeResolution = { inside: string } | { outside: true; via: string[] } | { loop: true; via: string[] }

/** More link hops than this (Linux's own limit is 40) is treated as a loop. */
export const MAX_HOPS = 40

function isAbsoluteTarget(t: string): boolean {
  return t.startsWith('/') || t.startsWith('~') || /^[A-Za-z]:/.test(t)
}

/**
 * Resolve `linkPath` (itself a link in `links`, or any path) through every
 * link of the tree: `links` maps each symlink's repository-relative path to
 * its target. Each component is checked against the links as the walk goes,
 * so a directory link in the middle of another link's target is followed too.
 * `via` names the links followed, for the finding.
 */
export function resolveInTree(linkPath: string, links: ReadonlyMap<string, string>): TreeResolution {
  const via: string[] = []
  // Components still to walk, and those already resolved (a real directory or file of the tree).
  let todo = linkPath.split('/').filter((c) => c !== '' && c !== '.')
  let done: string[] = []
  let hops = 0
  while (todo.length > 0) {
    const part = todo.shift()!
    if (part === '..') {
      if (done.length === 0) return { outside: true, via }
      done.pop()
      continue
    }
    const candidate = [...done, part].join('/')
    const target = links.get(candidate)
    if (target === undefined) {
      done.push(part)
      continue
    }
    if (++hops > MAX_HOPS) return { loop: true, via }
    via.push(candidate)
    const t = target.replace(/\\/g, '/')
    if (isAbsoluteTarget(t)) return { outside: true, via }
    // The target replaces the link: resolved from the link's directory, then the rest of the walk.
    todo = [...t.split('/').filter((c) => c !== '' && c !== '.'), ...todo]
  }
  return { inside: path.posix.normalize(done.join('/') || '.').replace(/^\.$/, '') }
}
