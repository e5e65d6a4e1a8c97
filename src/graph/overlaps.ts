/**
 * Plan-time warning for tasks of the same level whose `paths` may overlap: their
 * patches are made in parallel from the same base and may conflict when landed.
 *
 * The test is a sound approximation (no false negatives, some false positives),
 * built on each glob's static base from `picomatch.scan` (`docs/**` -> `docs`):
 * - two literal paths overlap when equal or one is a directory above the other;
 * - a literal and a glob overlap when the glob matches the literal, or the
 *   literal is the glob's base or a directory above it;
 * - two globs overlap when one base is the other's or a directory above it
 *   (`src/**\/*.ts` and `src/**\/*.md` are flagged although disjoint).
 * A glob matches only below its base, so globs with unrelated bases cannot overlap.
 */
import picomatch from 'picomatch'
import type { PlanPath } from '../plan/path.js'
import { buildGraph, levels } from './graph.js'

/** Two same-level tasks that may write the same files. */
export interface Overlap {
  /** Where to point: the later task's overlapping `paths` entry (or the task, when it uses `gates.allow-paths`). */
  path: PlanPath
  message: string
  level: number
  tasks: [string, string]
  globs: [string, string]
}

interface OverlapPlan {
  tasks: readonly { id: string; needs: readonly string[]; paths?: readonly string[] }[]
  gates?: { 'allow-paths'?: readonly string[] }
}

/** Every pair of same-level tasks with possibly overlapping paths (first overlapping globs named). */
export function overlaps(plan: OverlapPlan): Overlap[] {
  const g = buildGraph(plan.tasks)
  const byId = new Map(plan.tasks.map((t, i) => [t.id, { task: t, index: i }]))
  const shared = plan.gates?.['allow-paths'] ?? []
  const out: Overlap[] = []
  // Every pair of a level is compared: scan each glob once, not once per pair (1,000 tasks: 500,000 pairs).
  const scans = new Map<string, Scanned>()
  levels(g).forEach((level, levelIndex) => {
    for (let j = 1; j < level.length; j++) {
      const later = byId.get(level[j])!
      const laterGlobs = later.task.paths ?? shared
      for (let i = 0; i < j; i++) {
        const earlier = byId.get(level[i])!
        const earlierGlobs = earlier.task.paths ?? shared
        const hit = firstOverlap(earlierGlobs, laterGlobs, scans)
        if (!hit) continue
        const [ga, gb, k] = hit
        const shown = (glob: string, own: boolean) => `"${glob}"${own ? '' : ' (gates.allow-paths)'}`
        out.push({
          path: later.task.paths ? ['tasks', later.index, 'paths', k] : ['tasks', later.index],
          message:
            `tasks "${earlier.task.id}" and "${later.task.id}" run in parallel (level ${levelIndex}) and may both change ` +
            `files matching ${shown(ga, earlier.task.paths !== undefined)} and ${shown(gb, later.task.paths !== undefined)}; ` +
            'their patches may conflict (add a need or narrow "paths")',
          level: levelIndex,
          tasks: [earlier.task.id, later.task.id],
          globs: [ga, gb]
        })
      }
    }
  })
  return out
}

function firstOverlap(a: readonly string[], b: readonly string[], scans: Map<string, Scanned>): [string, string, number] | undefined {
  for (let k = 0; k < b.length; k++) for (const ga of a) if (globsMayOverlap(ga, b[k], scans)) return [ga, b[k], k]
  return undefined
}

interface Scanned {
  isGlob: boolean
  base: string
  matches?: (path: string) => boolean
}

function scanned(glob: string, scans: Map<string, Scanned>): Scanned {
  let s = scans.get(glob)
  if (!s) {
    const r = picomatch.scan(glob)
    s = { isGlob: r.isGlob, base: trimSlash(r.base) }
    scans.set(glob, s)
  }
  return s
}

/** Whether some path could match both globs (sound: never false when one exists). */
export function globsMayOverlap(a: string, b: string, scans: Map<string, Scanned> = new Map()): boolean {
  const sa = scanned(a, scans)
  const sb = scanned(b, scans)
  if (!sa.isGlob && !sb.isGlob) return within(sa.base, sb.base) || within(sb.base, sa.base)
  if (!sa.isGlob) return literalMeetsGlob(sa.base, b, sb)
  if (!sb.isGlob) return literalMeetsGlob(sb.base, a, sa)
  return within(sa.base, sb.base) || within(sb.base, sa.base)
}

function literalMeetsGlob(literal: string, glob: string, scan: Scanned): boolean {
  scan.matches ??= picomatch(glob, { dot: true })
  return scan.matches(literal) || within(scan.base, literal)
}

/** `inner` is `outer` or below it (path segments, not characters: `docs2` is not in `docs`). */
function within(inner: string, outer: string): boolean {
  return outer === '' || inner === outer || inner.startsWith(`${outer}/`)
}

function trimSlash(p: string): string {
  return p.replace(/\/+$/, '')
}
