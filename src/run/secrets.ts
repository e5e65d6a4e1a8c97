/** Which of the caller's variables a plan can pass to steps: their values are masked everywhere. */
import type { Plan } from '../plan/schema.js'
import { getDriver } from '../agents/index.js'
import { createMasker, type Masker } from '../report/mask.js'

/** Every `pass-env` name in the plan, plus the credentials of every agent it uses. */
export function secretNames(plan: Plan): string[] {
  const names = new Set<string>(plan.defaults['pass-env'])
  for (const a of Object.values(plan.agents)) for (const n of a?.['pass-env'] ?? []) names.add(n)
  for (const t of plan.tasks) {
    for (const s of t.steps) {
      for (const n of s['pass-env'] ?? []) names.add(n)
      for (const agent of s.agent ? [s.agent, ...(s.fallback ?? t.fallback ?? plan.agents[s.agent]?.fallback ?? [])] : []) {
        const d = getDriver(agent)
        for (const n of d.credentials.flat()) names.add(n)
        // Optional provider settings: only the secret ones (keys, tokens, headers); a provider type or
        // model name masked everywhere would garble every log.
        for (const n of d.optionalEnv ?? []) if (/KEY|TOKEN|SECRET|HEADERS/.test(n)) names.add(n)
      }
    }
  }
  return [...names]
}

/** The masker for a run: every value the plan may pass to a step, as the caller's environment holds it. */
export function planMasker(plan: Plan, env: NodeJS.ProcessEnv): Masker {
  return createMasker(secretValues(plan, env))
}

/** The values behind `secretNames` that are set. */
export function secretValues(plan: Plan, env: NodeJS.ProcessEnv): string[] {
  return secretNames(plan).map(n => env[n] ?? '').filter(Boolean)
}
