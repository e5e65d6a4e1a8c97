/**
 * `autopilot init`'s plan: the issue's task list as tasks (or one task for the
 * whole issue when it has none), the repository's toolchains as `setup` and
 * default `checks`. Pure: the issue and a probe of the repository come in.
 */
import type { AgentName } from '../plan/schema.js'
import { PLANS_DIR, PLAN_FILE } from '../plan/locate.js'
import { buildPlan, type BuiltPlan } from './build.js'
import { readIssue, type IssueText } from './issue.js'
import { detectToolchains, type RepoProbe, type Toolchain } from './toolchain.js'

export interface InitInput {
  issue: IssueText & { number: number }
  repo: RepoProbe
  agent?: AgentName
}

export interface InitPlan extends BuiltPlan {
  /** Repository-relative path of the plan file. */
  file: string
  toolchains: Toolchain[]
}

/** The plan folder of an issue, relative to the repository root. */
export function planFolderFor(issue: number): string {
  return `${PLANS_DIR}/${issue}`
}

/** Build the plan for `init`. */
export function buildInitPlan(input: InitInput): InitPlan {
  const source = readIssue(input.issue)
  if (source.tasks.length === 0) {
    // An issue without a task list is one task: the whole issue is its prompt.
    source.tasks.push({
      key: 'implement',
      name: source.title,
      needs: [],
      file: input.issue.path,
      line: 1,
      done: false,
      prompt: input.issue.body.trim() || source.title
    })
    source.warnings.push(`${input.issue.path}: no task list ("- [ ] ...") in the issue; the plan has one task for the whole issue`)
  }
  const toolchains = detectToolchains(input.repo)
  const checks = toolchains.flatMap((t) => t.checks)
  for (const t of source.tasks) t.checks = [...(t.checks ?? []), ...checks]
  const planDir = planFolderFor(input.issue.number)
  const built = buildPlan(source, {
    issue: input.issue.number,
    agent: input.agent,
    planDir,
    sourceName: input.issue.path,
    by: 'autopilot init',
    setup: toolchains.flatMap((t) => t.setup)
  })
  if (toolchains.length === 0) built.warnings.push('no toolchain recognised (package.json, pyproject.toml, go.mod, Cargo.toml, pom.xml, Gemfile...): no setup and no default checks')
  return { ...built, file: `${planDir}/${PLAN_FILE}`, toolchains }
}
