/**
 * The GitHub matrix of each level job. A workflow has a fixed number of level
 * jobs; a deeper plan is folded so nothing is dropped: every level past the
 * last job runs, in topological order, as one leg of the last job.
 */

/**
 * Exactly `jobs` entries; entry k lists the legs of level job k+1, each leg a
 * space-separated list of task ids run in order. Unused entries are `[]`.
 */
export function foldLevels(levels: string[][], jobs: number): string[][] {
  const out: string[][] = []
  for (let k = 0; k < jobs; k++) {
    if (k < jobs - 1 || levels.length <= jobs) out.push(levels[k] ? packLegs(levels[k]) : [])
    else out.push([levels.slice(k).flat().join(' ')])
  }
  return out
}

/** GitHub refuses a matrix of more than 256 combinations. */
export const MAX_MATRIX_LEGS = 256

/**
 * One leg per task while a level fits in a matrix; a wider level is packed
 * into at most `max` legs of consecutive ids (the tasks of a level are
 * independent, so a leg runs its share one after another).
 */
export function packLegs(level: string[], max = MAX_MATRIX_LEGS): string[] {
  if (level.length <= max) return [...level]
  const per = Math.ceil(level.length / max)
  const legs: string[] = []
  for (let i = 0; i < level.length; i += per) legs.push(level.slice(i, i + per).join(' '))
  return legs
}
