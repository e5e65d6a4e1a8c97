// The README's inputs/outputs table matches action.yml (regenerate with `npx tsx scripts/gen-action-docs.ts`).
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { embedWorkflows, END_MARKER, main, renderActionDocs, replaceBetweenMarkers, START_MARKER } from '../../scripts/gen-action-docs.js'

const root = join(import.meta.dirname, '..', '..')
const action = readFileSync(join(root, 'action.yml'), 'utf8')
const readmePath = join(root, 'README.md')
const readme = existsSync(readmePath) ? readFileSync(readmePath, 'utf8') : ''
const hasMarkers = readme.includes(START_MARKER) && readme.includes(END_MARKER)

describe('action docs', () => {
  it('renders every input and output of action.yml', () => {
    const table = renderActionDocs(action)
    for (const name of ['command', 'plan', 'task', 'token', 'pr-token', 'max-parallel', 'dry-run', 'max-level-jobs']) {
      expect(table).toMatch(new RegExp(`^\\| \`${name}\` \\| (yes|no) \\|`, 'm'))
    }
    for (const name of ['levels', 'level-count', 'jobs', 'plan-hash', 'base', 'status', 'pull-request-url', 'usage']) {
      expect(table).toMatch(new RegExp(`^\\| \`${name}\` \\| \\S`, 'm'))
    }
    expect(table).toContain('| `command` | yes |  |')
    expect(table).toContain('`${{ github.token }}`')
  })

  it('keeps table cells on one line with pipes escaped', () => {
    const table = renderActionDocs('inputs:\n  a:\n    description: "x | y\\nz"\n    default: "1"\noutputs: {}\n')
    expect(table).toContain('| `a` | no | `1` | x \\| y z |')
  })

  it('replaces only the text between the markers, and is idempotent', () => {
    const doc = `# T\n${START_MARKER}\nold\n${END_MARKER}\ntail\n`
    const once = replaceBetweenMarkers(doc, 'NEW')
    expect(once).toBe(`# T\n${START_MARKER}\nNEW\n${END_MARKER}\ntail\n`)
    expect(replaceBetweenMarkers(once!, 'NEW')).toBe(once)
    expect(replaceBetweenMarkers('# no markers\n', 'NEW')).toBeUndefined()
  })

  it('the script: --check fails on a stale README, a run fixes it, then --check passes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'action-docs-'))
    try {
      copyFileSync(join(root, 'action.yml'), join(dir, 'action.yml'))
      writeFileSync(join(dir, 'README.md'), `# x\n${START_MARKER}\nstale\n${END_MARKER}\n`)
      expect(main(['--check'], dir)).toBe(1)
      expect(readFileSync(join(dir, 'README.md'), 'utf8')).toContain('stale')
      expect(main([], dir)).toBe(0)
      expect(readFileSync(join(dir, 'README.md'), 'utf8')).toContain('| `pr-token` | no |')
      expect(main(['--check'], dir)).toBe(0)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('embeds a workflow file verbatim between its markers', () => {
    const doc = 'a\n<!-- workflow:x.yml:start -->\nold\n<!-- workflow:x.yml:end -->\nb\n'
    expect(embedWorkflows(doc, (f) => `name: ${f}\n`)).toBe(
      'a\n<!-- workflow:x.yml:start -->\n```yaml\nname: x.yml\n```\n<!-- workflow:x.yml:end -->\nb\n'
    )
  })

  it("the copy-paste workflows in README.md (one caller) and docs/workflows.md (all of them) are the files in workflows-examples/, verbatim", () => {
    expect(readme).toContain('<!-- workflow:on-label.yml:start -->')
    const doc = readFileSync(join(root, 'docs', 'workflows.md'), 'utf8')
    for (const file of ['on-label.yml', 'on-dispatch.yml', 'on-schedule.yml', 'on-comment.yml', 'uses-example.yml']) {
      expect(doc, file).toContain(`<!-- workflow:${file}:start -->`)
    }
    const read = (f: string) => readFileSync(join(root, 'workflows-examples', f), 'utf8')
    expect(embedWorkflows(readme, read), 'run: npx tsx scripts/gen-action-docs.ts').toBe(readme)
    expect(embedWorkflows(doc, read), 'run: npx tsx scripts/gen-action-docs.ts').toBe(doc)
  })

  it('the script refreshes a stale workflow in docs/workflows.md too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'action-docs-'))
    try {
      copyFileSync(join(root, 'action.yml'), join(dir, 'action.yml'))
      mkdirSync(join(dir, 'workflows-examples'))
      mkdirSync(join(dir, 'docs'))
      writeFileSync(join(dir, 'workflows-examples', 'x.yml'), 'name: x\n')
      writeFileSync(join(dir, 'README.md'), `# x\n${START_MARKER}\n${END_MARKER}\n`)
      writeFileSync(join(dir, 'docs', 'workflows.md'), '<!-- workflow:x.yml:start -->\nold\n<!-- workflow:x.yml:end -->\n')
      expect(main([], dir)).toBe(0)
      expect(main(['--check'], dir)).toBe(0)
      writeFileSync(join(dir, 'docs', 'workflows.md'), '<!-- workflow:x.yml:start -->\nold\n<!-- workflow:x.yml:end -->\n')
      expect(main(['--check'], dir)).toBe(1)
      expect(main([], dir)).toBe(0)
      expect(readFileSync(join(dir, 'docs', 'workflows.md'), 'utf8')).toContain('```yaml\nname: x\n```')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it.skipIf(!hasMarkers)(
    `README.md's table is current${hasMarkers ? '' : ' (skipped: README.md has no action-docs markers yet)'}`,
    () => {
      expect(replaceBetweenMarkers(readme, renderActionDocs(action)), 'run: npx tsx scripts/gen-action-docs.ts').toBe(readme)
    }
  )
})
