// Generates the README's inputs/outputs table from action.yml, between the action-docs markers, and embeds the
// example workflows verbatim in README.md and docs/workflows.md.
// Usage: tsx scripts/gen-action-docs.ts [--check]   (--check: exit 1 when README.md is stale, change nothing)
// Hand-written rather than the `action-docs` package: the table is ~40 lines of code, and that package brings its
// own marker format and a dependency tree the action does not otherwise need.
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parse } from 'yaml'

export const START_MARKER = '<!-- action-docs:start -->'
export const END_MARKER = '<!-- action-docs:end -->'

interface ActionIo {
  description?: string
  required?: boolean
  default?: unknown
}

interface ActionMeta {
  inputs?: Record<string, ActionIo>
  outputs?: Record<string, ActionIo>
}

/** Markdown for a table cell: one line, pipes escaped. */
function cell(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim()
}

function code(text: string): string {
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``
}

/** The inputs and outputs tables for an action.yml's text (deterministic: action.yml order). */
export function renderActionDocs(actionYaml: string): string {
  const meta = (parse(actionYaml) ?? {}) as ActionMeta
  const lines = ['### Inputs', '', '| Input | Required | Default | Description |', '| --- | --- | --- | --- |']
  for (const [name, input] of Object.entries(meta.inputs ?? {})) {
    const def = input.default === undefined || input.default === '' ? '' : code(String(input.default))
    lines.push(`| ${code(name)} | ${input.required ? 'yes' : 'no'} | ${cell(def)} | ${cell(input.description ?? '')} |`)
  }
  lines.push('', '### Outputs', '', '| Output | Description |', '| --- | --- |')
  for (const [name, output] of Object.entries(meta.outputs ?? {})) {
    lines.push(`| ${code(name)} | ${cell(output.description ?? '')} |`)
  }
  return lines.join('\n')
}

/** README text with the table between the markers replaced; undefined when the markers are missing. */
export function replaceBetweenMarkers(readme: string, table: string, startMarker = START_MARKER, endMarker = END_MARKER): string | undefined {
  const start = readme.indexOf(startMarker)
  const end = readme.indexOf(endMarker, start + startMarker.length)
  if (start === -1 || end === -1) return undefined
  return `${readme.slice(0, start + startMarker.length)}\n${table}\n${readme.slice(end)}`
}

/**
 * Copy-paste-ready workflows: every `<!-- workflow:<file>:start -->` ... `<!-- workflow:<file>:end -->`
 * block in the README holds workflows-examples/<file> verbatim, so the README cannot drift from the
 * files the tests lint and run.
 */
export function embedWorkflows(readme: string, read: (file: string) => string): string {
  let out = readme
  for (const m of readme.matchAll(/<!-- workflow:([\w.-]+):start -->/g)) {
    const file = m[1]
    const block = ['```yaml', read(file).trimEnd(), '```'].join('\n')
    out = replaceBetweenMarkers(out, block, `<!-- workflow:${file}:start -->`, `<!-- workflow:${file}:end -->`) ?? out
  }
  return out
}

/** Files with embedded workflows besides README.md (relative to the repository root). */
export const WORKFLOW_DOCS = ['docs/workflows.md']

/**
 * Entry point: update README.md's table and the workflows embedded in README.md and WORKFLOW_DOCS (or print the
 * table when README.md has no markers). Returns the exit code.
 */
export function main(args: string[], root = resolve(import.meta.dirname, '..')): number {
  const table = renderActionDocs(readFileSync(join(root, 'action.yml'), 'utf8'))
  const readWorkflow = (file: string) => readFileSync(join(root, 'workflows-examples', file), 'utf8')
  const readmePath = join(root, 'README.md')
  const readme = readOr(readmePath, '')
  const withTable = replaceBetweenMarkers(readme, table)
  if (withTable === undefined) {
    process.stdout.write(`${table}\n`)
    process.stderr.write(`README.md has no ${START_MARKER} / ${END_MARKER} markers: printed the table instead.\n`)
    return args.includes('--check') ? 1 : 0
  }
  const updates = [{ path: readmePath, before: readme, after: embedWorkflows(withTable, readWorkflow) }]
  for (const doc of WORKFLOW_DOCS) {
    const before = readOr(join(root, doc), undefined)
    if (before !== undefined) updates.push({ path: join(root, doc), before, after: embedWorkflows(before, readWorkflow) })
  }
  const stale = updates.filter(u => u.after !== u.before)
  if (stale.length === 0) return 0
  if (args.includes('--check')) {
    process.stderr.write(`${stale.map(u => u.path).join(', ')}: inputs/outputs table or workflow examples are stale: run \`npx tsx scripts/gen-action-docs.ts\`.\n`)
    return 1
  }
  for (const u of stale) writeFileSync(u.path, u.after)
  process.stderr.write(`${stale.map(u => u.path).join(', ')}: inputs/outputs table and workflow examples updated.\n`)
  return 0
}

function readOr<T>(path: string, fallback: T): string | T {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return fallback
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2))
}
