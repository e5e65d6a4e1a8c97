/**
 * The gates about which paths a change touches: `paths` (allow-list and
 * deny-list), `protected`, `escapes` (leaving the repository, symlinks,
 * submodules, executable bits) and `deletes`. Pure functions over a ChangeSet.
 */
import type { Gates } from '../plan/schema.js'
import type { ChangeSet, FileChange, GateDecision } from './types.js'
import {
  allowMatcher,
  denyMatcher,
  hasSuspiciousChars,
  isProtectedPath,
  literalGlob,
  resolveSymlink,
  showPath,
  unsafePathReason,
  yamlList
} from './path-rules.js'
import { resolveInTree } from './symlink-tree.js'

const SYMLINK = '120000'
const GITLINK = '160000'
const EXECUTABLE = '100755'

/** What the path gates need to know about where they run. */
export interface GateScope {
  gates: Gates
  /** Globs every changed path must match: the task's `paths` plus `gates.allow-paths` (a run: every task's). */
  allowed: string[]
  /** Globs inside which a file may be made executable (the task's own `paths`). */
  execAllowed: string[]
  /** The setting to extend when a path is outside `allowed`, e.g. `tasks[2].paths`, and its current value. */
  pathsSetting: string
  pathsCurrent: string[]
}

/** Both sides of a change that touch the tree: a rename removes its old path too; a copy only reads it. */
export function touchedPaths(file: FileChange): string[] {
  return file.kind === 'renamed' && file.oldPath !== undefined ? [file.oldPath, file.path] : [file.path]
}

function allTouched(changes: ChangeSet): string[] {
  return [...new Set(changes.files.flatMap(touchedPaths))]
}

function extend(setting: string, current: readonly string[], add: readonly string[]): string {
  return `${setting}: ${yamlList([...current, ...add.filter((a) => !current.includes(a))])}`
}

/** `paths`: every changed path inside the allowed globs and outside `gates.deny-paths`. */
export function pathsGate(changes: ChangeSet, scope: GateScope): GateDecision {
  const isAllowed = allowMatcher(scope.allowed)
  const deniedBy = denyMatcher(scope.gates['deny-paths'])
  const outside: string[] = []
  const hits = new Map<string, string>()
  for (const p of allTouched(changes)) {
    const glob = deniedBy(p)
    if (glob !== undefined) hits.set(p, glob)
    else if (!isAllowed(p)) outside.push(p)
  }
  if (outside.length === 0 && hits.size === 0) {
    return { gate: 'paths', allowed: true, reason: `all ${allTouched(changes).length} changed paths are inside the allowed paths` }
  }
  const reasons: string[] = []
  const optIns: string[] = []
  const findings: string[] = []
  if (outside.length > 0) {
    reasons.push(
      `${outside.length} changed path(s) are outside the allowed paths (${scope.allowed.length ? yamlList(scope.allowed) : 'none set: deny by default'}); ` +
        'a task may only change what the plan names, so a runaway step cannot rewrite unrelated code'
    )
    optIns.push(extend(scope.pathsSetting, scope.pathsCurrent, outside.map(literalGlob)))
    findings.push(...outside.map((p) => `${showPath(p)}: outside the allowed paths`))
  }
  if (hits.size > 0) {
    const globs = new Set(hits.values())
    reasons.push(`${hits.size} changed path(s) match gates.deny-paths, which the plan forbids whatever else allows them`)
    optIns.push(`gates.deny-paths: ${yamlList(scope.gates['deny-paths'].filter((g) => !globs.has(g)))}`)
    findings.push(...[...hits].map(([p, g]) => `${showPath(p)}: matches deny-paths ${JSON.stringify(g)}`))
  }
  return { gate: 'paths', allowed: false, reason: reasons.join('; '), optIn: optIns.join(' and '), findings }
}

/** `protected`: no protected path (workflows, plans, git internals, keys, manifests...) unless `gates.allow-protected` names it. */
export function protectedGate(changes: ChangeSet, gates: Gates): GateDecision {
  const allowed = allowMatcher(gates['allow-protected'])
  const hits = allTouched(changes).filter((p) => isProtectedPath(p) && !allowed(p))
  if (hits.length === 0) return { gate: 'protected', allowed: true, reason: 'no protected path changed' }
  return {
    gate: 'protected',
    allowed: false,
    reason:
      `${hits.length} protected path(s) changed: CI workflows, plans, git internals and hooks, credentials and ` +
      'dependency manifests can run code on CI or developer machines, leak secrets or pull in new code, so ' +
      'they change only when the plan names them (names are compared case- and Unicode-insensitively)',
    optIn: extend('gates.allow-protected', gates['allow-protected'], hits.map(literalGlob)),
    findings: hits.map((p) => `${showPath(p)}: protected`)
  }
}

interface EscapeFinding {
  text: string
  /** The setting that allows it, or undefined when nothing may. */
  allow?: { setting: string; current: string[]; add: string }
}

/** Where a link ends: through every link of the final tree when the change set carries them. */
function resolveLink(linkPath: string, target: string, tree: ReadonlyMap<string, string> | undefined) {
  if (!tree) return { where: resolveSymlink(linkPath, target), via: [] as string[] }
  const r = resolveInTree(linkPath, tree)
  if ('inside' in r) return { where: r, via: [] as string[] }
  return { where: { outside: true as const }, via: r.via, loop: 'loop' in r }
}

function symlinkFindings(linkPath: string, target: string, scope: GateScope, tree: ReadonlyMap<string, string> | undefined): EscapeFinding[] {
  const protectedOk = allowMatcher(scope.gates['allow-protected'])
  const { where, via, loop } = resolveLink(linkPath, target, tree)
  const shown = `${showPath(linkPath)} -> ${JSON.stringify(target)}`
  const chain = via.length > 1 ? ` (through ${via.slice(1).map(showPath).join(' -> ')})` : ''
  if (hasSuspiciousChars(target)) {
    return [{ text: `${shown}: symlink target holds control, invisible or non-UTF-8 characters (no setting allows it)` }]
  }
  if (loop) return [{ text: `${shown}: symlinks loop${chain}; a checkout would fail on it (no setting allows it)` }]
  if ('outside' in where) {
    return [{ text: `${shown}: symlink points outside the repository${chain}, where later steps and CI would read or write (no setting allows it)` }]
  }
  if (where.inside === '') {
    return [{ text: `${shown}: symlink to the repository root exposes every protected file through another path (no setting allows it)` }]
  }
  if ((isProtectedPath(where.inside) || isProtectedPath(`${where.inside}/x`)) && !protectedOk(where.inside)) {
    return [
      {
        text: `${shown}: symlink points at protected path ${showPath(where.inside)}, a way around the protected gate`,
        allow: { setting: 'gates.allow-protected', current: scope.gates['allow-protected'], add: literalGlob(where.inside) }
      }
    ]
  }
  return []
}

function escapeFindings(file: FileChange, scope: GateScope, tree?: ReadonlyMap<string, string>): EscapeFinding[] {
  const found: EscapeFinding[] = []
  const protectedOk = allowMatcher(scope.gates['allow-protected'])
  for (const p of touchedPaths(file)) {
    const why = unsafePathReason(p)
    if (why) found.push({ text: `${showPath(p)}: ${why}; such a path cannot land (no setting allows it, rename the file)` })
  }
  if ((file.newMode === GITLINK || file.oldMode === GITLINK) && !protectedOk(file.path)) {
    found.push({
      text: `${showPath(file.path)}: submodule (gitlink) change; it pins code from another repository that the diff does not show`,
      allow: { setting: 'gates.allow-protected', current: scope.gates['allow-protected'], add: literalGlob(file.path) }
    })
  }
  if (file.kind !== 'deleted' && file.newMode === SYMLINK) found.push(...symlinkFindings(file.path, file.symlinkTarget ?? '', scope, tree))
  const madeExecutable = file.kind !== 'deleted' && file.newMode === EXECUTABLE && file.oldMode !== EXECUTABLE
  if (madeExecutable && !allowMatcher(scope.execAllowed)(file.path)) {
    found.push({
      text: `${showPath(file.path)}: made executable (${file.oldMode ?? 'new'} -> ${EXECUTABLE}) outside the task's own paths`,
      allow: { setting: scope.pathsSetting, current: scope.pathsCurrent, add: literalGlob(file.path) }
    })
  }
  return found
}

/**
 * Links the change did not touch but now leads somewhere else: an old
 * `docs/latest -> v2/guide.md` becomes an escape once the task makes `docs/v2`
 * a link out of the repository (that link is denied itself too; this names the victim).
 */
function unchangedLinkFindings(changes: ChangeSet, scope: GateScope, tree: ReadonlyMap<string, string> | undefined): EscapeFinding[] {
  if (!tree) return []
  const changed = new Set(changes.files.map((f) => f.path))
  const out: EscapeFinding[] = []
  for (const [p, target] of tree) {
    if (changed.has(p)) continue
    const r = resolveInTree(p, tree)
    const via = 'via' in r ? r.via : []
    if (!('inside' in r) && via.some((v) => changed.has(v))) out.push(...symlinkFindings(p, target, scope, tree))
  }
  return out
}

/** Mode changes worth showing in a report even when they are allowed. */
function modeChanges(changes: ChangeSet): string[] {
  return changes.files
    .filter((f) => f.kind !== 'deleted' && f.oldMode !== undefined && f.newMode !== undefined && f.oldMode !== f.newMode)
    .map((f) => `${showPath(f.path)} ${f.oldMode} -> ${f.newMode}`)
}

/**
 * `escapes`: nothing that reaches outside the change's visible text: paths
 * leaving the repository or holding control characters, symlinks out of the
 * repository or onto protected paths, submodule pointers, new executables
 * outside the task's own paths.
 */
export function escapesGate(changes: ChangeSet, scope: GateScope): GateDecision {
  const tree = changes.links ? new Map(Object.entries(changes.links)) : undefined
  const found = [...changes.files.flatMap((f) => escapeFindings(f, scope, tree)), ...unchangedLinkFindings(changes, scope, tree)]
  const modes = modeChanges(changes)
  if (found.length === 0) {
    const note = modes.length ? `; mode changes: ${modes.join(', ')}` : ''
    return { gate: 'escapes', allowed: true, reason: `no path, symlink or submodule leaves the change's scope${note}` }
  }
  const hard = found.filter((f) => !f.allow)
  const bySetting = new Map<string, { current: string[]; add: string[] }>()
  for (const f of found) {
    if (!f.allow) continue
    const entry = bySetting.get(f.allow.setting) ?? { current: f.allow.current, add: [] }
    entry.add.push(f.allow.add)
    bySetting.set(f.allow.setting, entry)
  }
  const optIn = hard.length
    ? undefined
    : [...bySetting].map(([setting, e]) => extend(setting, e.current, e.add)).join(' and ')
  return {
    gate: 'escapes',
    allowed: false,
    reason:
      `${found.length} change(s) reach beyond the reviewed text (paths or symlinks out of the repository, ` +
      'submodules, new executables): a reviewer would not see what they do' +
      (hard.length ? `; ${hard.length} of them no setting can allow` : ''),
    ...(optIn ? { optIn } : {}),
    findings: found.map((f) => f.text)
  }
}

/** `deletes`: no file deleted unless `gates.allow-deletes`. */
export function deletesGate(changes: ChangeSet, gates: Gates): GateDecision {
  const deleted = changes.files.filter((f) => f.kind === 'deleted').map((f) => f.path)
  if (deleted.length === 0) return { gate: 'deletes', allowed: true, reason: 'no file deleted' }
  if (gates['allow-deletes']) {
    return { gate: 'deletes', allowed: true, reason: `${deleted.length} file(s) deleted, allowed by gates.allow-deletes` }
  }
  return {
    gate: 'deletes',
    allowed: false,
    reason: `${deleted.length} file(s) deleted: deleting is easy to miss in review and can remove tests or safeguards`,
    optIn: 'gates.allow-deletes: true',
    findings: deleted.map((p) => `${showPath(p)}: deleted`)
  }
}
