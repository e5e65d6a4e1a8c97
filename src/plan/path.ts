// Paths into a plan (`tasks[1].needs[0]`): the shape every problem names its place with.

/** A path into the plan document: object keys and array indexes. */
export type PlanPath = readonly (string | number)[]

const BARE_KEY = /^[A-Za-z_$][\w$-]*$/

/** Format a path the way users read it: `tasks[1].needs[0]`, `agents.codex`, `env["a.b"]`. */
export function formatPath(path: PlanPath): string {
  let out = ''
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`
    else if (BARE_KEY.test(seg)) out += out === '' ? seg : `.${seg}`
    else out += `[${JSON.stringify(seg)}]`
  }
  return out
}

/** A problem before it has a file position: where it is and what is wrong. */
export interface RawProblem {
  path: PlanPath
  message: string
  /** Point at the key of the last segment instead of its value (unknown keys). */
  atKey?: boolean
}
