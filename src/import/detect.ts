/**
 * `--format auto`: which format a file or folder is, from its layout (file
 * names) and content, with the reason shown to the user. Pure.
 */
import type { Format, SourceFile } from './types.js'

export interface Detected {
  format: Format
  /** Why, in a few words ("Plans.md with `- **ID**:` bullets"). */
  reason: string
}

const base = (p: string) => p.split('/').pop() ?? p
const isJsonLike = (p: string) => /\.(json|ya?ml)$/i.test(p)

/** Recognise one file by its content (and name). */
export function detectFile(file: SourceFile): Detected {
  const name = base(file.path)
  const text = file.text
  if (isJsonLike(name)) {
    if (/"(dependencies|subtasks|testStrategy)"\s*:/.test(text) && /"tasks"\s*:/.test(text) && !/"files_scope"|"depends_on"/.test(text)) {
      return { format: 'taskmaster', reason: `${name} has a "tasks" array with Taskmaster fields (dependencies, subtasks, testStrategy)` }
    }
    return { format: 'workstreams', reason: `${name} is a JSON/YAML workstream (id, depends_on, files_scope...)` }
  }
  if (/^Plans-[\w.-]+\.md\s*$/.test(text)) return { format: 'miyabi', reason: `${name} names a Miyabi plan file (a symbolic link stored as text)` }
  if (/^#\s+Plans for Issue/m.test(text) || /^[-*]\s+\*\*ID\*\*\s*:/m.test(text)) return { format: 'miyabi', reason: `${name} has Miyabi "- **ID**:" task bullets` }
  if (/Ready for Autonomous Execution/i.test(text)) return { format: 'project-plan', reason: `${name} has a "Ready for Autonomous Execution" queue` }
  if (/^[-*]\s+\[[ xX]\]\s+T\d+\b/m.test(text) || /^#{3,}\s+T\d+[A-Za-z]?\s*:/m.test(text)) return { format: 'speckit', reason: `${name} has spec-kit "- [ ] T001" task lines` }
  if (/^---\r?\n[\s\S]*?\b(depends_on|conflicts_with|parallel)\s*:[\s\S]*?\r?\n---/.test(text) || (name === 'epic.md' && /^#\s+Epic:/m.test(text))) {
    return { format: 'ccpm', reason: `${name} has CCPM front matter (depends_on, parallel, conflicts_with)` }
  }
  if (name === 'proposal.md' || (name === 'tasks.md' && (/^##\s+\d+\.\s/m.test(text) || /^#\s+Task Checklist/m.test(text)))) {
    return { format: 'openspec', reason: `${name} is an OpenSpec change file (numbered "## 1." task groups)` }
  }
  return { format: 'issue', reason: `${name} read as an issue task list ("- [ ] ..." items)` }
}

/** Recognise a folder by its layout, then by the content of its files. */
export function detectFolder(files: SourceFile[]): Detected | undefined {
  const names = files.map((f) => f.path)
  const has = (re: RegExp) => names.some((n) => re.test(n))
  if (has(/(^|\/)tasks\/tasks\.json$/)) return { format: 'taskmaster', reason: 'folder holds tasks/tasks.json (Taskmaster)' }
  if (has(/(^|\/)epic\.md$/) || (has(/(^|\/)\d+\.md$/) && files.some((f) => /^\d+\.md$/.test(base(f.path)) && detectFile(f).format === 'ccpm'))) {
    return { format: 'ccpm', reason: 'folder holds epic.md / numbered task files (CCPM epic)' }
  }
  if (has(/(^|\/)proposal\.md$/) && has(/(^|\/)tasks\.md$/)) return { format: 'openspec', reason: 'folder holds proposal.md and tasks.md (OpenSpec change)' }
  const plans = files.find((f) => /^Plans(-[\w-]+)?\.md$/.test(base(f.path)))
  if (plans) return { format: 'miyabi', reason: `folder holds ${base(plans.path)} (Miyabi)` }
  const pp = files.find((f) => /^PROJECT_PLAN\.md$/i.test(base(f.path)))
  if (pp) return { format: 'project-plan', reason: 'folder holds PROJECT_PLAN.md' }
  const tasksMd = files.find((f) => base(f.path) === 'tasks.md')
  if (tasksMd) return detectFile(tasksMd)
  if (files.some((f) => isJsonLike(f.path))) return { format: 'workstreams', reason: 'folder holds JSON/YAML workstream files' }
  return undefined
}
