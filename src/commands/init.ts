// `autopilot init [issue]`: write .ai/plans/<n>/Autopilot.yaml from an issue's task list and the repository's toolchains.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { CliIo, Command } from '../cli-io.js'
import { EXIT, UsageError } from '../errors.js'
import { createGitHubClient } from '../github/client.js'
import { getIssue } from '../github/issue.js'
import { buildInitPlan } from '../import/init.js'
import type { IssueText } from '../import/issue.js'
import type { RepoProbe } from '../import/toolchain.js'
import { findRepoRoot } from '../plan/locate.js'
import { AGENT_NAMES } from '../plan/schema.js'
import { agentOption, positiveInt, writePlan } from './import.js'
import { parseCommandArgs } from './parse-args.js'

const usage = `Usage: autopilot init [issue] [options]

Write .ai/plans/<issue>/Autopilot.yaml (and one prompt file per task) from an
issue: each "- [ ] ..." item of its task list becomes a task ("depends on #2",
"after #1" make edges); the repository's toolchains (node npm/pnpm/yarn,
python pip/uv/poetry, go, rust, java maven/gradle, ruby bundler) fill
\`setup\` and every task's default \`checks\`.

The issue is read from GitHub when GITHUB_TOKEN (or GH_TOKEN) is set and the
repository is known (--repo or GITHUB_REPOSITORY); else from --from-file, or
from stdin. A file's leading "# title" line is the issue title.

Options:
  --from-file F  the issue as Markdown ("-" for stdin)
  --repo O/R     repository to read the issue from (default: GITHUB_REPOSITORY)
  --agent A      agent of every task (default claude): ${AGENT_NAMES.join(', ')}
  --force        overwrite an existing plan and prompt files
  -h, --help     show this help

Exit codes: 0 written, 2 usage, an unreadable issue, or an existing plan without --force.`

export const initCommand: Command = {
  name: 'init',
  summary: "write an issue's plan from its task list and the repository's toolchains",
  usage,
  async run(args, io) {
    const parsed = parseCommandArgs(
      'init',
      args,
      { 'from-file': { type: 'string' }, repo: { type: 'string' }, agent: { type: 'string' }, force: { type: 'boolean', default: false } },
      1
    )
    const v = parsed.values
    const number = parsed.positionals[0] === undefined ? undefined : positiveInt(parsed.positionals[0], 'issue')
    const agent = v.agent === undefined ? undefined : agentOption(String(v.agent))
    const root = findRepoRoot(io.cwd)
    const issue = await readIssueInput(number, v['from-file'] as string | undefined, v.repo as string | undefined, io)
    const init = buildInitPlan({ issue, repo: fileProbe(root), agent })
    for (const w of init.warnings) io.err(`warning: ${w}`)
    if (init.toolchains.length > 0) io.err(`toolchains: ${init.toolchains.map((t) => t.name).join(', ')}`)
    await writePlan(init, path.join(root, init.file), io.cwd, v.force === true)
    io.out(`wrote ${init.file}: ${init.plan.tasks.length} task(s), ${init.prompts.length} prompt file(s); check it with "autopilot validate ${issue.number}"`)
    return EXIT.ok
  }
}

async function readIssueInput(number: number | undefined, fromFile: string | undefined, repoArg: string | undefined, io: CliIo): Promise<IssueText & { number: number }> {
  const token = io.env.GITHUB_TOKEN || io.env.GH_TOKEN
  const repo = repoArg ?? io.env.GITHUB_REPOSITORY
  if (fromFile === undefined && token && repo && number !== undefined) {
    const [owner, name] = repo.split('/')
    if (!owner || !name) throw new UsageError(`--repo "${repo}": expected owner/name`)
    const client = createGitHubClient({ token, baseUrl: io.env.GITHUB_API_URL, log: { warning: (m) => io.err(`warning: ${m}`) } })
    const got = await getIssue(client, owner, name, number)
    return { ...got, path: `${repo}#${number}` }
  }
  let body: string
  let where: string
  if (fromFile !== undefined && fromFile !== '-') {
    const file = path.resolve(io.cwd, fromFile)
    if (!existsSync(file)) throw new UsageError(`--from-file ${fromFile}: no such file`)
    body = readFileSync(file, 'utf8')
    where = fromFile
  } else if (fromFile === '-' || !process.stdin.isTTY) {
    body = await readStdin()
    where = 'stdin'
  } else {
    throw new UsageError('autopilot init: no issue to read: set GITHUB_TOKEN and name the issue, or pass --from-file F (or pipe the issue on stdin)')
  }
  if (number === undefined) throw new UsageError('autopilot init: name the issue number (autopilot init 42 --from-file issue.md)')
  return { number, body, path: where }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const c of process.stdin) chunks.push(c as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

/** The repository root as a RepoProbe. */
export function fileProbe(root: string): RepoProbe {
  return {
    exists: (rel) => existsSync(path.join(root, rel)),
    read: (rel) => {
      try {
        return readFileSync(path.join(root, rel), 'utf8')
      } catch {
        return undefined
      }
    }
  }
}
