/**
 * Who autopilot's commits are by on Actions, and the trailers they carry:
 * input `commit-author`, else the plan's `pr.author`, else
 * `github-actions[bot]`; plus a `Co-authored-by` the user who triggered the
 * run (unless the plan says `pr.co-author: false`).
 */
import type { Plan } from '../plan/schema.js'
import { parseIdentity, type Identity } from '../git/git.js'
import type { CommitIdentity } from '../run/integrate.js'
import type { Settings } from './settings.js'

/** The identity GitHub shows for commits made by the Actions bot. */
export const ACTIONS_BOT: Identity = { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' }

export function actionIdentity(settings: Settings, plan: Plan, env: NodeJS.ProcessEnv): CommitIdentity {
  const author = parseIdentity(settings.commitAuthor) ?? parseIdentity(plan.pr.author) ?? ACTIONS_BOT
  const actor = env.GITHUB_TRIGGERING_ACTOR || env.GITHUB_ACTOR
  const trailers: string[] = []
  // A login is [A-Za-z0-9-] (bots end in [bot]); anything else is not put into a commit message.
  if (plan.pr['co-author'] && actor && /^[A-Za-z0-9-]+(\[bot\])?$/.test(actor) && actor !== 'github-actions[bot]') {
    const id = /^\d+$/.test(env.GITHUB_ACTOR_ID ?? '') && actor === env.GITHUB_ACTOR ? `${env.GITHUB_ACTOR_ID}+` : ''
    trailers.push(`Co-authored-by: ${actor} <${id}${actor}@users.noreply.github.com>`)
  }
  return { author, trailers }
}
