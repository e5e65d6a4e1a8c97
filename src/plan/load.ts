// Loading a plan: YAML with positions, the zod schema, the semantic checks, every problem at once.
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { AutopilotError, PlanError, formatProblem, type PlanProblem } from '../errors.js'
import { overlaps } from '../graph/overlaps.js'
import { agentNetworkProblems } from '../agents/index.js'
import { semanticProblems } from './checks.js'
import { formatPath, type PlanPath, type RawProblem } from './path.js'
import { PlanSchema, type Plan } from './schema.js'
import { pathWarnings } from './path-warnings.js'
import { parseYamlSource, type Position } from './yaml-source.js'
import { problemsFromIssues } from './zod-issues.js'

/** A valid plan with where it came from. */
export interface LoadedPlan {
  /** The plan with every default filled in. */
  plan: Plan
  /** The file name problems and annotations use. */
  file: string
  text: string
  /** sha256 (hex) of `text`. */
  hash: string
  /** Non-fatal problems (same-level tasks with overlapping `paths`). */
  warnings: PlanProblem[]
  /** Line and column (1-based) of the value at `path`, e.g. `['tasks', 1, 'needs', 0]`; nearest ancestor if missing. */
  locate(path: (string | number)[]): Position
}

/**
 * Parse and validate plan text. Pure. Throws PlanError carrying every problem
 * found (YAML syntax, schema, ids, needs, cycles, steps), sorted by position.
 */
export function parsePlan(text: string, file: string, options: { path?: string } = {}): LoadedPlan {
  const source = parseYamlSource(text)
  const at = (raw: RawProblem): PlanProblem => {
    const pos = raw.atKey ? source.locateKey(raw.path) : source.locate(raw.path)
    return { file, line: pos.line, col: pos.col, path: formatPath(raw.path), message: raw.message }
  }
  if (source.syntaxErrors.length > 0) {
    const lines = text.split('\n')
    throw new PlanError(
      source.syntaxErrors.map((e) => ({ file, ...e.pos, path: '', message: `YAML: ${e.message}${blockScalarHint(lines[e.pos.line - 1])}` }))
    )
  }
  const data = source.data
  if (data === null || data === undefined) throw new PlanError([{ file, line: 1, col: 1, path: '', message: 'the plan is empty' }])
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new PlanError([at({ path: [], message: 'a plan is a mapping of keys (version, issue, title, tasks...)' })])
  }
  const parsed = PlanSchema.safeParse(data, { reportInput: true })
  const raw = [
    ...(parsed.success ? [] : problemsFromIssues(parsed.error.issues, PlanSchema)),
    ...semanticProblems(data),
    ...folderIssueProblems(data as Record<string, unknown>, options.path ?? file)
  ]
  if (!parsed.success || raw.length > 0) throw new PlanError(sortProblems(raw.map(at)))
  const plan = parsed.data
  return {
    plan,
    file,
    text,
    hash: createHash('sha256').update(text).digest('hex'),
    warnings: sortProblems([...overlaps(plan), ...pathWarnings(plan), ...agentNetworkProblems(plan)].map(at)),
    locate: (path: PlanPath) => source.locate(path)
  }
}

/**
 * Read and parse a plan file. `displayName` (default: `file`) is the name used
 * in problems, e.g. a path relative to the repository root.
 */
export async function loadPlan(file: string, displayName: string = file): Promise<LoadedPlan> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new AutopilotError(`plan not found: ${displayName}`)
    if (code === 'EISDIR') throw new AutopilotError(`plan is a directory, not a file: ${displayName}`)
    throw new AutopilotError(`cannot read plan ${displayName}: ${(e as Error).message}`)
  }
  return parsePlan(text, displayName, { path: file })
}

/** Keys whose value is free text, where quotes and `: ` trip YAML's plain scalars. */
const TEXT_KEYS = new Set(['run', 'rollback', 'prompt', 'name', 'title', 'intent'])

/**
 * `run: git commit -m "fix: x"` is read by YAML as a nested mapping ("Nested mappings are not allowed..."),
 * and `run: "npm test" -- -x` as a quoted string with junk after it. Say what fixes both.
 */
function blockScalarHint(line: string | undefined): string {
  const m = /^\s*(?:-\s+)?([A-Za-z][\w-]*)\s*:\s+(\S.*)$/.exec(line ?? '')
  if (!m || !TEXT_KEYS.has(m[1]) || /^[|>]/.test(m[2])) return ''
  return ` (the "${m[1]}" value has quotes or ": " that YAML reads as structure: write it as a block scalar, "${m[1]}: |" with the text on the next line, indented)`
}

/** `.ai/plans/<n>/Autopilot.yaml` must say `issue: <n>`: the folder is how runs, branches and sessions find it. */
function folderIssueProblems(data: Record<string, unknown>, file: string): RawProblem[] {
  const folder = /(?:^|[\\/])plans[\\/](\d+)[\\/][^\\/]+$/.exec(file)
  if (!folder || typeof data.issue !== 'number' || data.issue === Number(folder[1])) return []
  return [
    {
      path: ['issue'],
      message: `issue ${data.issue} differs from the plan's folder (plans/${folder[1]}/): the folder names the issue; make them the same or move the plan to plans/${data.issue}/`
    }
  ]
}

/** By line, then column; identical problems once. */
function sortProblems(problems: PlanProblem[]): PlanProblem[] {
  const seen = new Set<string>()
  return problems
    .filter((p) => {
      const key = formatProblem(p)
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
    .sort((a, b) => a.line - b.line || a.col - b.col)
}
