// The import readers and the plan builder on fixtures of our own writing (__tests__/fixtures/import/), plus the
// builder's rules: valid unique ids, done tasks left out, cycles refused, folders as globs, the 2 KB intent.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildPlan } from '../../src/import/build.js'
import { detectFile, detectFolder } from '../../src/import/detect.js'
import { readIssueFile } from '../../src/import/issue.js'
import { readProjectPlan } from '../../src/import/project-plan.js'
import { readSource } from '../../src/import/read.js'
import { readSpeckit } from '../../src/import/speckit.js'
import { readMiyabi } from '../../src/import/miyabi.js'
import { scopeToGlob } from '../../src/import/paths.js'
import { uniqueIds, validId } from '../../src/import/ids.js'
import { readTaskmaster } from '../../src/import/taskmaster.js'
import { readWorkstreams } from '../../src/import/workstreams.js'
import type { ImportedSource, SourceFile } from '../../src/import/types.js'
import { parsePlan } from '../../src/plan/load.js'

const dir = path.resolve(import.meta.dirname, '../fixtures/import')
const file = (rel: string): SourceFile => ({ path: rel, text: readFileSync(path.join(dir, rel), 'utf8') })
const build = (s: ImportedSource, issue = 9) => {
  const built = buildPlan(s, { issue, sourceName: 'src' })
  const plan = parsePlan(built.yaml, 'out.yaml').plan
  return { built, plan, needs: Object.fromEntries(plan.tasks.map((t) => [t.id, t.needs])) }
}

describe('PROJECT_PLAN queue', () => {
  const source = readProjectPlan(file('PROJECT_PLAN.md'))
  it('imports only the Ready entries, with Depends on as the only edges; DONE left out', () => {
    const { plan, needs, built } = build(source)
    expect(needs).toEqual({ task_3: [], task_5: ['task_3'] })
    expect(plan.tasks[0]!.name).toBe('Add User model with email and password fields')
    expect(built.done.map((d) => d.id)).toEqual(['task_8'])
    expect(built.yaml).toMatch(/^# {3}task_8: Remove the legacy session table$/m)
    expect(plan.intent).toBe('A small shop API with accounts.')
  })
  it('reports the entries of the other sections and the unmapped fields', () => {
    expect(source.warnings.join('\n')).toMatch(/1 entry under "Pending Approval ⏳" not imported/)
    expect(source.warnings.join('\n')).toMatch(/1 entry under "Not Ready ❌" not imported/)
    expect(source.warnings.join('\n')).toMatch(/"Estimated lines" \(2 entries\)/)
  })
})

describe('issue task list', () => {
  it('turns items into tasks with "depends on #N" and "after <words>" edges; checked items are done', () => {
    const { plan, needs, built } = build(readIssueFile(file('issue.md')))
    expect(plan.title).toBe('Greeting command')
    expect(needs).toEqual({
      'task-1-parse-the-name-argument': [],
      'task-3-print-the-greeting': ['task-1-parse-the-name-argument'],
      'task-4-document-the-command': ['task-3-print-the-greeting']
    })
    expect(built.done.map((d) => d.id)).toEqual(['task-2-agree-on-the-output-format'])
    expect(plan.tasks[2]!.steps[0]!.prompt).toContain('mention it in the README')
  })
})

describe('workstream bundle', () => {
  const source = readWorkstreams([file('bundle/ws-01-core.json'), file('bundle/ws-02-cli.yaml')])
  const { plan, needs, built } = build(source)
  it('carries scopes, commands, tools and fallbacks, attempts and estimates', () => {
    const core = plan.tasks[0]!
    expect(core).toMatchObject({
      id: 'WS-01-core',
      paths: ['src/core/**', 'tests/core/test_core.py'],
      checks: ['pytest tests/core -q'],
      fallback: ['codex', 'gemini'],
      'max-attempts': 5,
      'estimate-minutes': 45
    })
    expect(core.steps[0]!.agent).toBe('aider')
    expect(plan.tasks[1]!.steps[0]!.agent).toBe('claude')
    expect(plan.tasks[1]!.checks).toEqual(['python -m src.cli --help'])
    expect(needs['WS-02-cli']).toEqual(['WS-01-core'])
  })
  it('warns for the dependency outside the bundle, the prose test and the unknown field', () => {
    const w = built.warnings.join('\n')
    expect(w).toMatch(/WS-02-cli depends on "WS-00-missing", which this source does not define/)
    expect(w).toMatch(/not shell commands \(e\.g\. "All core tests are green\."\)/)
    expect(w).toMatch(/not carried over: risk_level/)
  })
})

describe('located errors', () => {
  it('invalid JSON names the file and line', () => {
    expect(() => readTaskmaster(file('bad-tasks.json'))).toThrow(/^bad-tasks\.json:4: not valid JSON/)
  })
  it('invalid CCPM front matter names the file and line', () => {
    const files = ['epic/epic.md', 'epic/91.md'].map(file)
    expect(() => readSource('ccpm', files, 'epic')).toThrow(/^epic\/91\.md:\d+: front matter is not valid YAML/)
  })
  it('a dependency cycle is refused with its path', () => {
    expect(() => build(readMiyabi(file('cycle.md')))).toThrow(/^cycle\.md:7: the source's dependencies form a cycle: task-12-a -> task-12-b -> task-12-a/)
  })
  it('a source with no tasks, or with nothing left, is refused clearly', () => {
    const empty: ImportedSource = { format: 'issue', title: 't', intent: '', tasks: [], warnings: [] }
    expect(() => buildPlan(empty, { sourceName: 'x.md', issue: 1 })).toThrow(/^x\.md:1: no tasks found in this issue source; expected a task list/)
    const allDone = readIssueFile({ path: 'i.md', text: '- [x] a\n- [x] b\n' })
    expect(() => buildPlan(allDone, { sourceName: 'i.md', issue: 1 })).toThrow(/^i\.md:1: nothing left to import: all 2 tasks of this issue source are done/)
  })
  it('a source without an issue number asks for --issue', () => {
    expect(() => buildPlan(readIssueFile(file('issue.md')), { sourceName: 'issue.md' })).toThrow(/pass --issue N/)
  })
})

describe('spec-kit groups', () => {
  it('consecutive [P] tasks form one group; each group needs the previous one; a phase needs all of the previous phase', () => {
    const text = ['## Phase 1', '- [ ] T001 a', '- [ ] T002 [P] b', '- [ ] T003 [P] c', '- [ ] T004 d', '## Phase 2', '- [ ] T005 [P] e', '- [ ] T006 [P] f', '- [x] T007 g', '- [ ] T008 h'].join('\n')
    const { needs } = build(readSpeckit({ path: 'tasks.md', text }))
    expect(needs).toEqual({
      T001: [],
      T002: ['T001'],
      T003: ['T001'],
      T004: ['T002', 'T003'],
      T005: ['T001', 'T002', 'T003', 'T004'],
      T006: ['T001', 'T002', 'T003', 'T004'],
      T008: []
    })
  })
})

describe('stated order against dependencies', () => {
  it('names each task the levels put beside or before what it depends on; the dependencies win', () => {
    const text = [
      '# Plans for Issue #3', '## 📝 Task Breakdown', '### 1. A', '- **ID**: `t-a`', '### 2. B', '- **ID**: `t-b`', '- **Dependencies**: t-a',
      '### 3. C', '- **ID**: `t-c`', '## 🔄 Execution Plan (DAG Levels)', '### Level 0', '- `t-a` - A', '- `t-b` - B', '### Level 1', '- `t-c` - C'
    ].join('\n')
    const { built, needs } = build(readMiyabi({ path: 'Plans.md', text }))
    expect(needs).toEqual({ 't-a': [], 't-b': ['t-a'], 't-c': [] })
    expect(built.warnings).toContain('Plans.md:13: the stated order puts t-b in level 0 and t-a in level 0, but t-b depends on it; the dependencies win')
    expect(built.warnings).toContain('Plans.md:15: the stated order puts t-c in level 1; its dependencies place it in level 0; the dependencies win')
  })
})

describe('ids, globs, intent', () => {
  it.each([
    ['task-428-db-schema', undefined, 'task-428-db-schema'],
    ['1.2', undefined, 'task-1-2'],
    ['179', 'task-179-stripe', 'task-179-stripe'],
    ['T010f', undefined, 'T010f'],
    ['Über große Änderung!', undefined, 'Uber-gro-e-Anderung']
  ])('validId(%s, %s) = %s', (key, hint, id) => {
    expect(validId(key, hint)).toBe(id)
  })
  it('makes repeated ids unique', () => {
    expect(uniqueIds(['a', 'a', 'a', 'b'])).toEqual(['a', 'a-2', 'a-3', 'b'])
  })
  it.each([
    ['src/core/', 'src/core/**'],
    ['`docs`', 'docs/**'],
    ['./src/a.ts', 'src/a.ts'],
    ['Makefile', 'Makefile'],
    ['reports/*', 'reports/*']
  ])('scope %s -> %s', (entry, glob) => {
    expect(scopeToGlob(entry)).toEqual({ glob })
  })
  it('refuses absolute and climbing scopes', () => {
    expect(scopeToGlob('/etc/passwd')).toHaveProperty('problem')
    expect(scopeToGlob('../x.ts')).toHaveProperty('problem')
  })
  it('cuts the intent at 2 KB with a warning', () => {
    const s = readIssueFile({ path: 'i.md', text: `# T\n\n${'é'.repeat(3000)}\n\n- [ ] a\n` })
    const { plan, built } = build(s)
    expect(Buffer.byteLength(plan.intent)).toBeLessThanOrEqual(2048)
    expect(built.warnings.join('\n')).toMatch(/intent keeps the first 2048/)
  })
})

describe('--format auto', () => {
  it.each([
    ['PROJECT_PLAN.md', 'project-plan'],
    ['issue.md', 'issue'],
    ['cycle.md', 'miyabi'],
    ['bundle/ws-01-core.json', 'workstreams'],
    ['bad-tasks.json', 'taskmaster'],
    ['epic/epic.md', 'ccpm']
  ])('%s is %s', (rel, format) => {
    expect(detectFile(file(rel)).format).toBe(format)
  })
  it('recognises folders by layout', () => {
    expect(detectFolder([file('epic/epic.md'), file('epic/91.md')])?.format).toBe('ccpm')
    expect(detectFolder([{ path: 'c/proposal.md', text: '' }, { path: 'c/tasks.md', text: '' }])?.format).toBe('openspec')
    expect(detectFolder([{ path: 'p/tasks/tasks.json', text: '{}' }])?.format).toBe('taskmaster')
    expect(detectFolder([{ path: 'x/ws-1.json', text: '{}' }])?.format).toBe('workstreams')
  })
})

describe('format variants', () => {
  it('PROJECT_PLAN: "Depends on:" on the entry line or as an undashed field', () => {
    const text = [
      '### Ready for Autonomous Execution', '→ **[task_1]** First', '→ **[task_2]** Second (Depends on: task_1)', '→ **[task_3]** Third', '  Depends on: task_2', '### Later'
    ].join('\n')
    const { needs, plan } = build(readProjectPlan({ path: 'PROJECT_PLAN.md', text }))
    expect(needs).toEqual({ task_1: [], task_2: ['task_1'], task_3: ['task_2'] })
    expect(plan.tasks[1]!.name).toBe('Second')
  })
  it('Miyabi: Plans-latest.md stored as text names the file to import', () => {
    const f = { path: 'Plans-latest.md', text: 'Plans-20251122-050008.md' }
    expect(detectFile(f).format).toBe('miyabi')
    expect(() => readMiyabi(f)).toThrow(/^Plans-latest\.md:1: this file only names Plans-20251122-050008\.md/)
  })
  it('CCPM: depends_on written as a string list; spec-kit: ### Phase headings', () => {
    const t = (n: number, deps: string) => ({ path: `e/${n}.md`, text: `---\nname: T${n}\nstatus: open\ndepends_on: ${deps}\n---\n# Task\n` })
    expect(build(readSource('ccpm', [t(1, '[]'), t(2, '"[1]"'), t(3, '1, 2')], 'e')).needs).toEqual({ 'task-1-t1': [], 'task-2-t2': ['task-1-t1'], 'task-3-t3': ['task-1-t1', 'task-2-t2'] })
    const text = ['# Tasks', '### Phase 1', '- [ ] T001 [P] a', '- [ ] T002 [P] b', '### Phase 2', '- [ ] T003 [P] c'].join('\n')
    expect(build(readSpeckit({ path: 'tasks.md', text })).needs).toEqual({ T001: [], T002: [], T003: ['T001', 'T002'] })
  })
})
