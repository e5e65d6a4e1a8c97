// `npm run demo`: copies examples/demo into a temporary git repository and runs
// its plan end to end with the bundled CLI. The two agent steps are played by
// stand-in CLIs (__tests__/fixtures/agents/bin) that edit files as the prompt
// says and print usage in the real CLIs' formats, so no account is needed.
import { cpSync, mkdtempSync } from 'node:fs'
import { execFileSync, spawnSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const repo = mkdtempSync(join(tmpdir(), 'autopilot-demo-'))
cpSync(join(root, 'examples', 'demo'), repo, { recursive: true })
const git = (...args) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' })
git('init', '-q', '-b', 'main')
git('add', '-A')
git('-c', 'user.name=demo', '-c', 'user.email=demo@example.com', 'commit', '-qm', 'demo project')

console.log(`demo repository: ${repo}\n`)
const env = {
  ...process.env,
  PATH: `${join(root, '__tests__', 'fixtures', 'agents', 'bin')}:${process.env.PATH}`,
  // The stand-ins want a credential like the real CLIs; these are masked in every log.
  OPENAI_API_KEY: 'demo-openai-key-not-real',
  ANTHROPIC_API_KEY: 'demo-anthropic-key-not-real',
  AUTOPILOT_WORK_DIR: join(repo, '..', `${repo.split('/').pop()}-work`)
}
const run = spawnSync(process.execPath, [join(root, 'bin', 'autopilot.js'), 'run', '42'], { cwd: repo, env, stdio: 'inherit' })
if (run.status === 0) {
  console.log(`\nbranch autopilot/issue-42 in ${repo}:`)
  console.log(git('log', '--oneline', 'main..autopilot/issue-42').toString())
  console.log(`look around: cd ${repo} && git log -p autopilot/issue-42 && ls .ai/logs/autopilot`)
}
process.exit(run.status ?? 1)
