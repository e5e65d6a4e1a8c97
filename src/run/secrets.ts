/** Which of the caller's variables a plan can pass to steps: their values are masked everywhere. */
import type { Plan } from '../plan/schema.js'
import { getDriver } from '../agents/index.js'
import { createMasker, type Masker } from '../report/mask.js'
import type { NamedSecret } from '../gates/index.js'

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

/**
 * `env` names that look like they hold a credential. `env` values are written
 * in the plan (public to whoever reads it), so most are settings; but a value
 * under such a name is treated as a secret: masked, and kept out of changes.
 */
export const SECRET_NAME = /(TOKEN|SECRET|PASSWORD|PASSWD|PASSPHRASE|CREDENTIAL|PRIVATE|API_?KEY|ACCESS_?KEY|AUTH)/i

/** Plan `env` entries (defaults, tasks, steps) whose names look secret. */
function secretEnvEntries(plan: Plan): NamedSecret[] {
  const maps = [plan.defaults.env, ...plan.tasks.flatMap(t => [t.env ?? {}, ...t.steps.map(s => s.env ?? {})])]
  return maps.flatMap(m => Object.entries(m).filter(([n, v]) => SECRET_NAME.test(n) && v)).map(([name, value]) => ({ name, value }))
}

/**
 * Every value the plan hands to tasks, with its variable: `pass-env` values,
 * agent credentials (from the caller's environment), and secret-named `env`
 * values. The `secret-values` gate keeps them out of changes; every text
 * autopilot writes masks them.
 */
export function namedSecrets(plan: Plan, env: NodeJS.ProcessEnv): NamedSecret[] {
  const passed = secretNames(plan).flatMap(n => (env[n] ? [{ name: n, value: env[n] }] : []))
  return [...passed, ...secretEnvEntries(plan)]
}

/** The values behind `namedSecrets`. */
export function secretValues(plan: Plan, env: NodeJS.ProcessEnv): string[] {
  return [...new Set(namedSecrets(plan, env).map(s => s.value))]
}
