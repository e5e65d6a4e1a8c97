// `autopilot import <file|dir>`: a plan from another tool's format (Miyabi, OpenSpec, CCPM, spec-kit, Taskmaster, workstreams, PROJECT_PLAN, an issue).
import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Command } from '../cli-io.js'
import { EXIT, UsageError } from '../errors.js'
import { buildPlan, type BuiltPlan } from '../import/build.js'
import { collect, siblings } from '../import/collect.js'
import { detectFile, detectFolder } from '../import/detect.js'
import { readSource } from '../import/read.js'
import { FORMATS, type Format } from '../import/types.js'
import { parsePlan } from '../plan/load.js'
import { AGENT_NAMES, type AgentName } from '../plan/schema.js'
import { parseCommandArgs } from './parse-args.js'

const usage = `Usage: autopilot import <file|dir> [options]

Turn another tool's plan into an Autopilot plan: Miyabi Plans.md, an OpenSpec
change, a CCPM epic, a spec-kit tasks.md, a Taskmaster tasks.json, workstream
bundles, a PROJECT_PLAN.md queue, or an issue's task list. The plan is printed
as YAML (or written with -o, with one prompt file per task beside it). Every
part of the source that could not be carried over is reported as a warning.

Options:
  --format F   auto (default), ${FORMATS.join(', ')}
  --issue N    issue number of the plan (default: the one the source names)
  --agent A    agent for tasks whose source names none (default claude): ${AGENT_NAMES.join(', ')}
  -o, --output FILE  write the plan there (prompts in <dir>/prompts/); refuses to overwrite
  --force      overwrite an existing plan and prompt files
  -h, --help   show this help

Exit codes: 0 imported (warnings allowed), 2 unreadable input or usage.`

export const importCommand: Command = {
  name: 'import',
  summary: "turn another tool's plan (Miyabi, OpenSpec, CCPM, spec-kit, Taskmaster...) into a plan",
  usage,
  async run(args, io) {
    const parsed = parseCommandArgs(
      'import',
      args,
      {
        format: { type: 'string', default: 'auto' },
        issue: { type: 'string' },
        agent: { type: 'string' },
        output: { type: 'string', short: 'o' },
        force: { type: 'boolean', default: false }
      },
      1
    )
    const target = parsed.positionals[0]
    if (!target) throw new UsageError('autopilot import: name the file or folder to import (see autopilot import --help)')
    const v = parsed.values
    const format = String(v.format)
    if (format !== 'auto' && !(FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`--format "${format}" is unknown; allowed: auto, ${FORMATS.join(', ')}`)
    }
    const issue = v.issue === undefined ? undefined : positiveInt(String(v.issue), '--issue')
    const agent = v.agent === undefined ? undefined : agentOption(String(v.agent))
    const output = v.output === undefined ? undefined : path.resolve(io.cwd, String(v.output))
    const built = await importPlan({ target, cwd: io.cwd, format: format as Format | 'auto', issue, agent, output, log: (m) => io.err(m) })
    if (output) {
      await writePlan(built, output, io.cwd, v.force === true)
      io.err(`wrote ${path.relative(io.cwd, output) || output}: ${built.plan.tasks.length} tasks, ${built.prompts.length} prompt files`)
    } else io.out(built.yaml)
    return EXIT.ok
  }
}

export interface ImportOptions {
  target: string
  cwd: string
  format: Format | 'auto'
  issue?: number
  agent?: AgentName
  /** Where the plan will be written; decides the prompt folder. */
  output?: string
  /** Progress and warnings (stderr). */
  log(message: string): void
}

/** Read, detect, convert and validate; the built plan always passes `autopilot validate`. */
export async function importPlan(o: ImportOptions): Promise<BuiltPlan> {
  const input = await collect(o.target, o.cwd)
  let format = o.format
  if (format === 'auto') {
    const found = input.isDir ? detectFolder(input.files) : detectFile(input.files[0]!)
    if (!found) throw new UsageError(`${o.target}: no plan files recognised here; pass --format (${FORMATS.join(', ')})`)
    format = found.format
    o.log(`format: ${found.format} (${found.reason})`)
  }
  let files = input.files
  if (!input.isDir && (format === 'openspec' || format === 'ccpm')) files = await siblings(o.target, o.cwd)
  const source = readSource(format, files, input.name)
  const planDir = o.output ? planFolder(o.output, o.cwd) : undefined
  const built = buildPlan(source, { issue: o.issue, agent: o.agent, planDir, sourceName: o.target })
  for (const w of built.warnings) o.log(`warning: ${w}`)
  if (built.done.length > 0) o.log(`left out ${built.done.length} done task(s): ${built.done.map((d) => d.id).join(', ')}`)
  // The contract: whatever import prints validates. A failure here is a bug in a reader, not the user's input.
  parsePlan(built.yaml, o.output ?? 'imported plan')
  return built
}

/** The plan's folder relative to its repository root (prompt-file paths are repository-relative). */
function planFolder(output: string, cwd: string): string {
  const root = repoRootOf(output)
  const dir = path.relative(root ?? cwd, path.dirname(output))
  if (dir.startsWith('..') || path.isAbsolute(dir)) throw new UsageError(`-o ${output}: outside a git repository and outside the current folder; prompt files need a repository-relative path`)
  return dir.split(path.sep).join('/') || '.'
}

/** Write the plan and its prompts; nothing is overwritten without `force`. */
export async function writePlan(built: BuiltPlan, output: string, cwd: string, force: boolean): Promise<void> {
  const root = repoRootOf(output) ?? cwd
  const targets = [output, ...built.prompts.map((p) => path.join(root, p.path))]
  const existing = targets.filter((t) => existsSync(t))
  if (existing.length > 0 && !force) {
    throw new UsageError(`${path.relative(cwd, existing[0]!) || existing[0]} already exists (${existing.length} file(s) would be overwritten); pass --force to replace`)
  }
  for (const p of built.prompts) {
    const file = path.join(root, p.path)
    await mkdir(path.dirname(file), { recursive: true })
    await writeFile(file, p.text)
  }
  await mkdir(path.dirname(output), { recursive: true })
  await writeFile(output, built.yaml)
}

/** The nearest folder at or above the plan's holding `.git`, if any. */
function repoRootOf(output: string): string | undefined {
  for (let d = path.dirname(output); ; d = path.dirname(d)) {
    if (existsSync(path.join(d, '.git'))) return d
    if (path.dirname(d) === d) return undefined
  }
}

/** An issue number option (`42` or `#42`). */
export function positiveInt(raw: string, flag: string): number {
  const n = /^#?\d+$/.test(raw) ? Number(raw.replace('#', '')) : NaN
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} "${raw}": expected an issue number (a whole number >= 1)`)
  return n
}

/** An `--agent` value. */
export function agentOption(raw: string): AgentName {
  if (!(AGENT_NAMES as readonly string[]).includes(raw)) throw new UsageError(`--agent "${raw}" is unknown; allowed: ${AGENT_NAMES.join(', ')}`)
  return raw as AgentName
}
