/** Which of the caller's variables a plan can pass to steps: their values are masked everywhere. */
import type { Plan } from '../plan/schema.js'
import { getDriver } from '../agents/index.js'

/** Every `pass-env` name in the plan, plus the credentials of every agent it uses. */
export function secretNames(plan: Plan): string[] {
  const names = new Set<string>(plan.defaults['pass-env'])
  for (const a of Object.values(plan.agents)) for (const n of a?.['pass-env'] ?? []) names.add(n)
  for (const t of plan.tasks) {
    for (const s of t.steps) {
      for (const n of s['pass-env'] ?? []) names.add(n)
      for (const agent of s.agent ? [s.agent, ...(s.fallback ?? t.fallback ?? plan.agents[s.agent]?.fallback ?? [])] : []) {
        for (const n of getDriver(agent).credentials.flat()) names.add(n)
      }
    }
  }
  return [...names]
}
