/** Which plans a session runs: every plan under .ai/plans/ marked `ready: true`, and the issues listed. */
import { readdir } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { loadPlan } from '../plan/load.js'
import { PLAN_FILE, PLANS_DIR } from '../plan/locate.js'
import { AutopilotError, PlanError } from '../errors.js'
import type { SessionPlan } from './types.js'

/**
 * Every plan of the repository as a session entry, in issue order: `pending`
 * when selected (ready, or listed), `not-ready` when not, `invalid` when it
 * does not validate (its first problem as what to look at). A listed issue
 * without a plan is a usage error.
 */
export async function selectPlans(repoRoot: string, opts: { ready: boolean; issues: number[] }): Promise<SessionPlan[]> {
  const dir = path.join(repoRoot, PLANS_DIR)
  const names = existsSync(dir) ? (await readdir(dir, { withFileTypes: true })).filter(d => d.isDirectory()).map(d => d.name) : []
  const out: SessionPlan[] = []
  for (const name of names) {
    const file = path.join(dir, name, PLAN_FILE)
    if (!existsSync(file)) continue
    const rel = path.relative(repoRoot, file)
    const dirIssue = /^\d+$/.test(name) ? Number(name) : null
    try {
      const { plan } = await loadPlan(file, rel)
      const listed = opts.issues.includes(plan.issue) || (dirIssue !== null && opts.issues.includes(dirIssue))
      out.push({ issue: plan.issue, plan: rel, title: plan.title, tasks: plan.tasks.length, outcome: listed || (opts.ready && plan.ready) ? 'pending' : 'not-ready' })
    } catch (e) {
      if (!(e instanceof PlanError)) throw e
      out.push({ issue: dirIssue, plan: rel, outcome: 'invalid', lookAt: e.message.split('\n')[0] })
    }
  }
  for (const n of opts.issues) {
    if (!out.some(p => p.issue === n)) throw new AutopilotError(`no plan for issue ${n} under ${PLANS_DIR}/ (listed on the command line)`)
  }
  return out.sort((a, b) => (a.issue ?? Infinity) - (b.issue ?? Infinity) || a.plan.localeCompare(b.plan))
}
