// One entry point over the readers: which files of the input each format reads.
import { readCcpm } from './ccpm.js'
import { ImportError } from './errors.js'
import { readIssueFile } from './issue.js'
import { readMiyabi } from './miyabi.js'
import { readOpenSpec } from './openspec.js'
import { readProjectPlan } from './project-plan.js'
import { readSpeckit } from './speckit.js'
import { readTaskmaster } from './taskmaster.js'
import type { Format, ImportedSource, SourceFile } from './types.js'
import { readWorkstreams } from './workstreams.js'

const base = (p: string) => p.split('/').pop() ?? p

/**
 * Read `files` (a file, or a folder's files) as `format`. `name` is the folder
 * or file name (an OpenSpec change id, an epic name). Throws ImportError when
 * the format's main file is missing.
 */
export function readSource(format: Format, files: SourceFile[], name: string): ImportedSource {
  const pick = (test: (n: string) => boolean, what: string): SourceFile => {
    const f = files.find((x) => test(base(x.path)))
    if (!f) throw new ImportError(name, 1, `no ${what} here for --format ${format}`)
    return f
  }
  switch (format) {
    case 'miyabi':
      return readMiyabi(files.length === 1 ? files[0]! : latestPlans(files) ?? pick((n) => /^Plans.*\.md$/.test(n), 'Plans.md'))
    case 'openspec':
      pick((n) => n === 'tasks.md', 'tasks.md')
      return readOpenSpec(files.filter((f) => /^(tasks|proposal|design)\.md$/.test(base(f.path))), name)
    case 'ccpm':
      return readCcpm(files.filter((f) => /\.md$/.test(f.path) && !f.path.includes('/updates/')), name)
    case 'speckit':
      return readSpeckit(files.length === 1 ? files[0]! : pick((n) => n === 'tasks.md', 'tasks.md'))
    case 'taskmaster':
      return readTaskmaster(files.length === 1 ? files[0]! : pick((n) => n === 'tasks.json', 'tasks.json'))
    case 'workstreams':
      return readWorkstreams(files.filter((f) => /\.(json|ya?ml)$/i.test(f.path)))
    case 'project-plan':
      return readProjectPlan(files.length === 1 ? files[0]! : pick((n) => /^PROJECT_PLAN\.md$/i.test(n), 'PROJECT_PLAN.md'))
    case 'issue':
      return readIssueFile(files.length === 1 ? files[0]! : pick((n) => /\.md$/.test(n), 'Markdown file'))
  }
}

/** The newest `Plans-<timestamp>.md`, or `Plans.md`. A `Plans-latest.md` symlink stored as text is skipped. */
function latestPlans(files: SourceFile[]): SourceFile | undefined {
  const plans = files.filter((f) => /^Plans(-\d{8}-\d{6})?\.md$/.test(base(f.path)))
  return plans.sort((a, b) => base(b.path).localeCompare(base(a.path)))[0]
}
