// "Did you mean" suggestions for misspelt keys, task ids and agent names.
import { closest, distance } from 'fastest-levenshtein'

/**
 * The candidate closest to `word`, when it is close enough to be a plausible
 * typo: 1 edit for words up to 3 characters, else up to a third of the longer
 * word (at least 2, so a swap such as `titel` finds `title`).
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const pool = candidates.filter((c) => c !== word)
  if (pool.length === 0 || word.length === 0) return undefined
  const best = closest(word, pool)
  const longest = Math.max(word.length, best.length)
  const limit = longest <= 3 ? 1 : Math.max(2, Math.floor(longest / 3))
  if (distance(word.toLowerCase(), best.toLowerCase()) <= limit) return best
  return byWord(word, pool)
}

/**
 * A shortened key is a whole word of a known one (`timeout` for `timeout-minutes`, `deletes` for
 * `allow-deletes`): too far for an edit distance, but plainly meant. Only when exactly one candidate fits.
 */
function byWord(word: string, pool: readonly string[]): string | undefined {
  if (word.length < 3) return undefined
  const lower = word.toLowerCase()
  const fits = pool.filter((c) => {
    const l = c.toLowerCase()
    return l.startsWith(`${lower}-`) || l.endsWith(`-${lower}`) || l.includes(`-${lower}-`)
  })
  return fits.length === 1 ? fits[0] : undefined
}

/** ` (did you mean "x"?)` or the empty string: ready to append to a message. */
export function suggestion(word: string, candidates: readonly string[]): string {
  const best = didYouMean(word, candidates)
  return best === undefined ? '' : ` (did you mean "${best}"?)`
}
