// Pure workflow semantics for the local runner: `${{ }}` via GitHub's own evaluator (@actions/expressions) plus the
// status functions, matrix expansion, `needs` order, and the GITHUB_OUTPUT/GITHUB_ENV file format.
import { data, Evaluator, Lexer, Parser } from '@actions/expressions'
import type { FunctionDefinition, FunctionInfo } from '@actions/expressions/funcs/info'
import { truthy } from '@actions/expressions/result'

/** Job or step status as the status functions see it. */
export interface Status {
  success: boolean
  failure: boolean
  cancelled: boolean
}

/** Context values (`github`, `inputs`, `needs`, `matrix`, ...) as plain JSON, plus the status. */
export interface Scope {
  contexts: Record<string, unknown>
  status: Status
}

const CONTEXT_NAMES = [
  'github', 'inputs', 'needs', 'matrix', 'secrets', 'env', 'steps', 'strategy', 'job', 'jobs', 'runner', 'vars'
]
const STATUS_NAMES = ['always', 'success', 'failure', 'cancelled']
const STATUS_FUNCTIONS: FunctionInfo[] = STATUS_NAMES.map((name) => ({ name, minArgs: 0, maxArgs: 0 }))
const STATUS_CALL = /\b(always|success|failure|cancelled)\s*\(/i
const WHOLE = /^\s*\$\{\{([\s\S]*?)\}\}\s*$/
const EMBEDDED = /\$\{\{([\s\S]*?)\}\}/g

/** Evaluates one expression (without `${{ }}`) to plain JSON. */
export function evalExpression(expr: string, scope: Scope): unknown {
  return fromData(evalData(expr, scope))
}

function evalData(expr: string, scope: Scope): data.ExpressionData {
  const lexed = new Lexer(expr).lex()
  const parsed = new Parser(lexed.tokens, CONTEXT_NAMES, STATUS_FUNCTIONS).parse()
  const context = new data.Dictionary(
    ...Object.entries(scope.contexts).map(([key, value]) => ({ key, value: toData(value) }))
  )
  const { success, failure, cancelled } = scope.status
  const fn = (name: string, value: boolean): [string, FunctionDefinition] => [
    name,
    { name, minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(value) }
  ]
  const functions = new Map([fn('always', true), fn('success', success), fn('failure', failure), fn('cancelled', cancelled)])
  return new Evaluator(parsed, context, functions).evaluate()
}

/**
 * A template value: a string that is exactly one `${{ }}` keeps its type (a matrix from `fromJSON` stays an array);
 * other strings get each expression interpolated as a string. Non-strings pass through.
 */
export function evalTemplate(value: unknown, scope: Scope): unknown {
  if (typeof value !== 'string' || !value.includes('${{')) return value
  const whole = WHOLE.exec(value)
  if (whole && !whole[1].includes('}}')) return evalExpression(whole[1], scope)
  return value.replace(EMBEDDED, (_, expr: string) => evalData(expr, scope).coerceString())
}

/** Evaluates templates in a whole YAML value (mapping values and sequence items; keys are literal). */
export function evalValue(value: unknown, scope: Scope): unknown {
  if (Array.isArray(value)) return value.map((v) => evalValue(v, scope))
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, evalValue(v, scope)]))
  }
  return evalTemplate(value, scope)
}

/**
 * An `if:`: with or without `${{ }}`; an expression that calls no status function gets GitHub's implicit
 * `success() &&`. Missing means `success()` (or `fallback` when given, e.g. for `continue-on-error`).
 */
export function evalCondition(cond: unknown, scope: Scope, fallback?: boolean): boolean {
  if (cond === undefined || cond === null || cond === '') return fallback ?? scope.status.success
  if (typeof cond === 'boolean') return fallback === undefined ? scope.status.success && cond : cond
  let expr = String(cond)
  const whole = WHOLE.exec(expr)
  if (whole) expr = whole[1]
  else if (expr.includes('${{')) expr = `'${String(evalTemplate(expr, scope)).replace(/'/g, "''")}'`
  if (fallback === undefined && !STATUS_CALL.test(expr)) expr = `success() && (${expr})`
  return truthy(evalData(expr, scope))
}

/** How GitHub turns a value into a string (inputs, env, outputs): null is empty, objects are JSON. */
export function stringify(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return JSON.stringify(value)
}

function toData(value: unknown): data.ExpressionData {
  return JSON.parse(JSON.stringify(value ?? null), data.reviver) as data.ExpressionData
}

function fromData(d: data.ExpressionData): unknown {
  return JSON.parse(JSON.stringify(d, data.replacer)) as unknown
}

type Obj = Record<string, unknown>

/** Jobs ordered so every job comes after its `needs`; throws on unknown needs and cycles. */
export function topoOrder(jobs: Record<string, Obj>): string[] {
  const order: string[] = []
  const state = new Map<string, 'visiting' | 'done'>()
  const visit = (name: string, path: string[]): void => {
    if (!(name in jobs)) throw new Error(`job "${path.at(-1)}" needs unknown job "${name}"`)
    if (state.get(name) === 'done') return
    if (state.get(name) === 'visiting') throw new Error(`needs cycle: ${[...path, name].join(' -> ')}`)
    state.set(name, 'visiting')
    for (const n of needsOf(jobs[name])) visit(n, [...path, name])
    state.set(name, 'done')
    order.push(name)
  }
  for (const name of Object.keys(jobs)) visit(name, [])
  return order
}

/** A job's `needs` as a list (YAML allows one name or a sequence). */
export function needsOf(job: Obj): string[] {
  const n = job.needs
  return n === undefined ? [] : Array.isArray(n) ? n.map(String) : [String(n)]
}

/** Matrix legs: the cartesian product of the vectors, minus `exclude`, plus or extended by `include`. */
export function expandMatrix(matrix: unknown): Obj[] {
  if (matrix === undefined || matrix === null) return [{}]
  if (typeof matrix !== 'object' || Array.isArray(matrix)) throw new Error('strategy.matrix must be a mapping')
  const { include = [], exclude = [], ...vectors } = matrix as Obj
  let legs: Obj[] = [{}]
  for (const [key, values] of Object.entries(vectors)) {
    if (!Array.isArray(values) || values.length === 0) throw new Error(`Matrix vector '${key}' does not contain any values`)
    legs = legs.flatMap((leg) => values.map((v) => ({ ...leg, [key]: v })))
  }
  const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)
  const matches = (leg: Obj, part: Obj): boolean => Object.entries(part).every(([k, v]) => !(k in leg) || same(leg[k], v))
  legs = legs.filter((leg) => !(exclude as Obj[]).some((ex) => Object.entries(ex).every(([k, v]) => same(leg[k], v))))
  if (Object.keys(vectors).length === 0) legs = []
  for (const inc of include as Obj[]) {
    const original = Object.fromEntries(Object.entries(inc).filter(([k]) => k in vectors))
    const hits = legs.filter((leg) => matches(leg, original) && Object.keys(original).length > 0)
    if (hits.length > 0) for (const h of hits) Object.assign(h, inc)
    else legs.push({ ...inc })
  }
  if (legs.length === 0) throw new Error('Matrix must define at least one vector')
  return legs
}

/** Parses `GITHUB_OUTPUT` / `GITHUB_ENV`: `name=value` lines and `name<<DELIM` heredocs. */
export function parseFileCommands(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (line === '') continue
    const heredoc = /^([^=]+?)<<(.+)$/.exec(line)
    const eq = line.indexOf('=')
    if (heredoc && (eq === -1 || eq > line.indexOf('<<'))) {
      const value: string[] = []
      while (++i < lines.length && lines[i] !== heredoc[2]) value.push(lines[i])
      if (i >= lines.length) throw new Error(`file command: no closing ${heredoc[2]} for ${heredoc[1]}`)
      out[heredoc[1]] = value.join('\n')
    } else if (eq > 0) {
      out[line.slice(0, eq)] = line.slice(eq + 1)
    } else {
      throw new Error(`file command: cannot parse line "${line}"`)
    }
  }
  return out
}
