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
  return distance(word.toLowerCase(), best.toLowerCase()) <= limit ? best : undefined
}

/** ` (did you mean "x"?)` or the empty string: ready to append to a message. */
export function suggestion(word: string, candidates: readonly string[]): string {
  const best = didYouMean(word, candidates)
  return best === undefined ? '' : ` (did you mean "${best}"?)`
}
