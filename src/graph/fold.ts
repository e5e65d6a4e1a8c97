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
    if (k < jobs - 1 || levels.length <= jobs) out.push(levels[k] ? [...levels[k]] : [])
    else out.push([levels.slice(k).flat().join(' ')])
  }
  return out
}
