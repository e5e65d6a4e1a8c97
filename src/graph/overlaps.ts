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
  levels(g).forEach((level, levelIndex) => {
    for (let j = 1; j < level.length; j++) {
      const later = byId.get(level[j])!
      const laterGlobs = later.task.paths ?? shared
      for (let i = 0; i < j; i++) {
        const earlier = byId.get(level[i])!
        const earlierGlobs = earlier.task.paths ?? shared
        const hit = firstOverlap(earlierGlobs, laterGlobs)
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

function firstOverlap(a: readonly string[], b: readonly string[]): [string, string, number] | undefined {
  for (let k = 0; k < b.length; k++) for (const ga of a) if (globsMayOverlap(ga, b[k])) return [ga, b[k], k]
  return undefined
}

/** Whether some path could match both globs (sound: never false when one exists). */
export function globsMayOverlap(a: string, b: string): boolean {
  const sa = picomatch.scan(a)
  const sb = picomatch.scan(b)
  const baseA = trimSlash(sa.base)
  const baseB = trimSlash(sb.base)
  if (!sa.isGlob && !sb.isGlob) return within(baseA, baseB) || within(baseB, baseA)
  if (!sa.isGlob) return literalMeetsGlob(baseA, b, baseB)
  if (!sb.isGlob) return literalMeetsGlob(baseB, a, baseA)
  return within(baseA, baseB) || within(baseB, baseA)
}

function literalMeetsGlob(literal: string, glob: string, globBase: string): boolean {
  return picomatch(glob, { dot: true })(literal) || within(globBase, literal)
}

/** `inner` is `outer` or below it (path segments, not characters: `docs2` is not in `docs`). */
function within(inner: string, outer: string): boolean {
  return outer === '' || inner === outer || inner.startsWith(`${outer}/`)
}

function trimSlash(p: string): string {
  return p.replace(/\/+$/, '')
}
