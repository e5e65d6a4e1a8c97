// Turns zod's issues into plan problems with short, specific messages ("unknown key", "did you mean").
import type { z } from 'zod'
import { AGENT_NAMES } from './schema.js'
import type { PlanPath, RawProblem } from './path.js'
import { suggestion } from './suggest.js'

type Issue = z.core.$ZodIssue
type AnySchema = z.core.$ZodType

/** Every issue of a failed parse as problems; `root` is the schema that was parsed (for known keys). */
export function problemsFromIssues(issues: readonly Issue[], root: AnySchema, prefix: PlanPath = []): RawProblem[] {
  return dropImpliedMissing(issues.flatMap((issue) => fromIssue(issue, root, [...prefix, ...(issue.path as PlanPath)])))
}

/** `runn: x` gives "unknown key runn (did you mean run?)": the "missing required key run" beside it says nothing new. */
function dropImpliedMissing(problems: RawProblem[]): RawProblem[] {
  const suggested = new Set<string>()
  for (const p of problems) {
    const hit = /^unknown key ".*" \(did you mean "(.*)"\?\)$/.exec(p.message)
    if (hit) suggested.add(JSON.stringify([...p.path.slice(0, -1), hit[1]]))
  }
  return problems.filter((p) => {
    const missing = /^missing required key "(.*)"$/.exec(p.message)
    return !missing || !suggested.has(JSON.stringify([...p.path, missing[1]]))
  })
}

function fromIssue(issue: Issue, root: AnySchema, path: PlanPath): RawProblem[] {
  const last = path[path.length - 1]
  const isAgentName = last === 'agent' || path[path.length - 2] === 'fallback'
  switch (issue.code) {
    case 'unrecognized_keys': {
      const agents = path.length === 1 && path[0] === 'agents'
      const known = agents ? [...AGENT_NAMES] : knownKeys(root, path)
      return issue.keys.map((key) => ({
        path: [...path, key],
        atKey: true,
        message: `unknown ${agents ? 'agent' : 'key'} "${key}"${suggestion(key, known)}`
      }))
    }
    case 'invalid_type':
      if (issue.input === undefined && typeof last === 'string') {
        return [{ path: path.slice(0, -1), message: `missing required key "${last}"` }]
      }
      return [{ path, message: `expected ${typeName(issue.expected)}, got ${describe(issue.input)}` }]
    case 'invalid_value': {
      if (!isDefaultMessage(issue.message)) return [{ path, message: issue.message }]
      const allowed = issue.values.map(String)
      const input = String(issue.input)
      if (isAgentName) return [{ path, message: `unknown agent "${input}"${suggestion(input, allowed)}` }]
      return [{ path, message: `invalid value ${JSON.stringify(issue.input)}: expected one of ${allowed.join(', ')}${suggestion(input, allowed)}` }]
    }
    case 'invalid_key': {
      const why = issue.issues.map((i) => i.message).join('; ')
      return [{ path, atKey: true, message: `invalid key "${String(last)}": ${why}` }]
    }
    case 'invalid_union':
      return fromUnion(issue, root, path)
    case 'too_small':
    case 'too_big':
      return [{ path, message: isDefaultMessage(issue.message) ? sizeMessage(issue) : issue.message }]
    default:
      return [{ path, message: issue.message }]
  }
}

/** For a union (e.g. a check: string or {name, run}), report the branch whose type matched, else a summary. */
function fromUnion(issue: Extract<Issue, { code: 'invalid_union' }>, root: AnySchema, path: PlanPath): RawProblem[] {
  const matched = issue.errors.find((branch) => !branch.some((i) => i.code === 'invalid_type' && i.path.length === 0))
  if (matched) return problemsFromIssues(matched, root, path)
  const expected = issue.errors.flatMap((b) => b.filter((i) => i.code === 'invalid_type').map((i) => typeName(i.expected)))
  const input = (issue as { input?: unknown }).input
  return [{ path, message: `expected ${[...new Set(expected)].join(' or ')}, got ${describe(input)}` }]
}

/** zod's built-in messages start with a capital ("Invalid input", "Too small"); ours from the schema do not. */
function isDefaultMessage(message: string): boolean {
  return /^(Invalid|Too (small|big))/.test(message)
}

function sizeMessage(issue: Extract<Issue, { code: 'too_small' | 'too_big' }>): string {
  const small = issue.code === 'too_small'
  const limit = Number(small ? (issue as { minimum: unknown }).minimum : (issue as { maximum: unknown }).maximum)
  const inclusive = issue.inclusive !== false
  switch (issue.origin) {
    case 'string':
      if (small && limit === 1) return 'must not be empty'
      return `must be ${small ? 'at least' : 'at most'} ${limit} characters`
    case 'array':
      if (small && limit === 1) return 'must not be empty'
      return `must have ${small ? 'at least' : 'at most'} ${limit} items`
    default:
      return `must be ${small ? (inclusive ? '>=' : '>') : inclusive ? '<=' : '<'} ${limit}`
  }
}

const TYPE_NAMES: Record<string, string> = {
  int: 'a whole number',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  record: 'a mapping'
}

function typeName(expected: string): string {
  return TYPE_NAMES[expected] ?? expected
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  if (typeof value === 'string') return `string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value)}`
  return `${typeof value} ${String(value)}`
}

/** The keys an object schema at `path` accepts (for "did you mean"). */
export function knownKeys(root: AnySchema, path: PlanPath): string[] {
  const schema = schemaAt(root, path)
  return schema ? keysOf(schema) : []
}

function keysOf(schema: AnySchema): string[] {
  const def = unwrap(schema)._zod.def
  if (def.type === 'object') return Object.keys((def as z.core.$ZodObjectDef).shape)
  if (def.type === 'union') return (def as z.core.$ZodUnionDef).options.flatMap((o) => keysOf(o))
  return []
}

function unwrap(schema: AnySchema): AnySchema {
  let s = schema
  for (;;) {
    const def = s._zod.def as { type: string; innerType?: AnySchema; in?: AnySchema }
    if (def.innerType) s = def.innerType
    else if (def.type === 'pipe' && def.in) s = def.in
    else return s
  }
}

function schemaAt(root: AnySchema, path: PlanPath): AnySchema | undefined {
  let s: AnySchema | undefined = root
  for (const seg of path) {
    if (!s) return undefined
    s = child(unwrap(s), seg)
  }
  return s
}

function child(schema: AnySchema, seg: string | number): AnySchema | undefined {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string }
  switch (def.type) {
    case 'object':
      return (def.shape as Record<string, AnySchema>)[seg]
    case 'array':
      return def.element as AnySchema
    case 'record':
      return def.valueType as AnySchema
    case 'union':
      for (const option of def.options as AnySchema[]) {
        const found = child(unwrap(option), seg)
        if (found) return found
      }
      return undefined
    default:
      return undefined
  }
}
