// `autopilot import` and `autopilot init` as commands: files written and refused, exit codes, the issue read from
// the fake GitHub, and toolchain detection on small generated repositories of each ecosystem.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CliIo } from '../../src/cli-io.js'
import { main } from '../../src/cli.js'
import { fileProbe } from '../../src/commands/init.js'
import { detectToolchains } from '../../src/import/toolchain.js'
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js'

const fixtures = path.resolve(import.meta.dirname, '../fixtures/import')
const tmp = mkdtempSync(path.join(tmpdir(), 'autopilot-import-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

async function run(argv: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const out: string[] = []
  const err: string[] = []
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), cwd, env, isTTY: false }
  const code = await main(argv, io)
  return { code, stdout: out.join('\n'), stderr: err.join('\n') }
}

/** A fresh folder with a `.git` marker and `files`. */
function repo(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmp, 'repo-'))
  mkdirSync(path.join(dir, '.git'))
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    writeFileSync(path.join(dir, name), text)
  }
  return dir
}

describe('autopilot import', () => {
  it('prints a plan that validates, says which format it chose, and warns on stderr', async () => {
    const cwd = repo()
    const r = await run(['import', path.join(fixtures, 'PROJECT_PLAN.md'), '--issue', '5'], cwd)
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/^format: project-plan \(/)
    expect(r.stderr).toMatch(/^warning: .*Pending Approval/m)
    writeFileSync(path.join(cwd, 'plan.yaml'), r.stdout)
    expect((await run(['validate', 'plan.yaml'], cwd)).code).toBe(0)
  })

  it('-o writes the plan and one prompt file per task, referenced by prompt-file; validate passes; no overwrite without --force', async () => {
    const cwd = repo()
    const args = ['import', path.join(fixtures, 'bundle'), '--issue', '8', '-o', '.ai/plans/8/Autopilot.yaml']
    const r = await run(args, cwd)
    expect(r.code, r.stderr).toBe(0)
    const plan = readFileSync(path.join(cwd, '.ai/plans/8/Autopilot.yaml'), 'utf8')
    expect(plan).toContain('prompt-file: .ai/plans/8/prompts/WS-01-core.md')
    expect(readFileSync(path.join(cwd, '.ai/plans/8/prompts/WS-02-cli.md'), 'utf8')).toMatch(/^# WS-02-cli\n\nTasks:\n- Wire the CLI to the core/)
    expect(await run(['validate', '8'], cwd)).toMatchObject({ code: 0 })
    const again = await run(args, cwd)
    expect(again).toMatchObject({ code: 2 })
    expect(again.stderr).toMatch(/Autopilot\.yaml already exists .*pass --force/)
    expect((await run([...args, '--force'], cwd)).code).toBe(0)
  })

  it('exits 2 with file:line for unreadable input, and names unknown flags and formats', async () => {
    const cwd = repo()
    const bad = await run(['import', path.join(fixtures, 'bad-tasks.json'), '--issue', '1'], cwd)
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/bad-tasks\.json:4: not valid JSON/)
    expect(bad.stderr).not.toMatch(/\n\s+at /)
    expect((await run(['import', 'nope.md'], cwd)).stderr).toBe('nope.md: no such file or folder')
    expect((await run(['import', path.join(fixtures, 'issue.md'), '--format', 'jira'], cwd)).stderr).toMatch(/--format "jira" is unknown; allowed: auto, miyabi/)
    expect((await run(['import', path.join(fixtures, 'issue.md'), '--agent', 'gpt'], cwd)).stderr).toMatch(/--agent "gpt" is unknown/)
  })
})

describe('toolchain detection', () => {
  const pkg = (scripts: Record<string, string>, extra: object = {}) => JSON.stringify({ name: 'x', scripts, ...extra })
  it.each([
    ['npm with a lock', { 'package.json': pkg({ test: 'vitest run', lint: 'eslint .' }), 'package-lock.json': '{}' }, 'node (npm)', ['npm ci'], ['npm run lint', 'npm test']],
    ['npm without a lock, placeholder test', { 'package.json': pkg({ test: 'echo "Error: no test specified" && exit 1' }) }, 'node (npm)', ['npm install'], []],
    ['pnpm', { 'package.json': pkg({ test: 'jest', typecheck: 'tsc' }), 'pnpm-lock.yaml': '' }, 'node (pnpm)', ['pnpm install --frozen-lockfile'], ['pnpm run typecheck', 'pnpm test']],
    ['yarn classic', { 'package.json': pkg({ test: 'jest' }), 'yarn.lock': '' }, 'node (yarn)', ['yarn install --frozen-lockfile'], ['yarn test']],
    ['yarn berry', { 'package.json': pkg({ test: 'jest' }), 'yarn.lock': '', '.yarnrc.yml': '' }, 'node (yarn)', ['yarn install --immutable'], ['yarn test']],
    ['pip', { 'requirements.txt': 'flask\n', 'tests/test_a.py': '' }, 'python (pip)', ['python -m pip install -r requirements.txt'], ['python -m pytest']],
    ['uv', { 'pyproject.toml': '[project]\nname="x"\n', 'uv.lock': '', 'tests/test_a.py': '' }, 'python (uv)', ['uv sync'], ['uv run pytest']],
    ['poetry', { 'pyproject.toml': '[tool.poetry]\nname="x"\n[tool.pytest.ini_options]\n' }, 'python (poetry)', ['poetry install --no-interaction'], ['poetry run pytest']],
    ['go', { 'go.mod': 'module x\n' }, 'go', ['go mod download'], ['go build ./...', 'go test ./...']],
    ['rust', { 'Cargo.toml': '[package]\nname="x"\n' }, 'rust (cargo)', ['cargo fetch'], ['cargo test']],
    ['maven wrapper', { 'pom.xml': '<project/>', mvnw: '' }, 'java (maven)', ['./mvnw -B -q dependency:go-offline'], ['./mvnw -B test']],
    ['gradle', { 'build.gradle.kts': '' }, 'java (gradle)', ['gradle --no-daemon dependencies'], ['gradle --no-daemon test']],
    ['bundler + rspec', { Gemfile: "source 'https://rubygems.org'\n", '.rspec': '' }, 'ruby (bundler)', ['bundle install'], ['bundle exec rspec']],
    ['bundler + rake', { Gemfile: '', Rakefile: '' }, 'ruby (bundler)', ['bundle install'], ['bundle exec rake']]
  ])('%s', (_name, files, name, setup, checks) => {
    const found = detectToolchains(fileProbe(repo(files)))
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ name, checks })
    expect(found[0]!.setup.map((s) => s.run)).toEqual(setup)
  })
  it('finds several toolchains in one repository, and none in an empty one', () => {
    expect(detectToolchains(fileProbe(repo({ 'go.mod': '', 'package.json': '{}' }))).map((t) => t.name)).toEqual(['node (npm)', 'go'])
    expect(detectToolchains(fileProbe(repo()))).toEqual([])
  })
})

describe('autopilot init', () => {
  let fake: FakeGitHub
  beforeAll(async () => {
    fake = await startFakeGitHub({ owner: 'octo-org', repo: 'octo-repo' })
    fake.state.issues.set(77, { title: 'Ship the thing', body: 'Why: users asked.\n\n- [ ] Build it\n- [ ] Test it (after #1)\n' })
  })
  afterAll(async () => fake?.close())
  const env = () => ({ GITHUB_TOKEN: 'ghs_fake_init_token', GITHUB_REPOSITORY: 'octo-org/octo-repo', GITHUB_API_URL: fake.url })

  it('reads the issue from GitHub and writes a plan that validates, with setup and default checks', async () => {
    const cwd = repo({ 'go.mod': 'module x\n' })
    const r = await run(['init', '77'], cwd, env())
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/^wrote \.ai\/plans\/77\/Autopilot\.yaml: 2 task\(s\), 2 prompt file\(s\)/)
    expect(r.stderr).toContain('toolchains: go')
    const v = await run(['validate', '77'], cwd)
    expect(v.code, v.stderr).toBe(0)
    const text = readFileSync(path.join(cwd, '.ai/plans/77/Autopilot.yaml'), 'utf8')
    expect(text).toContain('title: Ship the thing')
    expect(text).toContain('run: go mod download')
    expect(text).toMatch(/needs:\n\s+- task-1-build-it/)
    expect(text).toMatch(/checks:\n\s+- go build \.\/\.\.\.\n\s+- go test \.\/\.\.\./)
    expect(fake.requests.some((q) => q.operationId === 'issues/get')).toBe(true)
    expect(fake.invalidRequests()).toEqual([])
    expect((await run(['init', '77'], cwd, env())).stderr).toMatch(/already exists .*--force/)
  })

  it('reads --from-file without a token; an issue without a task list is one task', async () => {
    const cwd = repo()
    writeFileSync(path.join(cwd, 'issue.md'), '# Fix the typo\n\nThe README says "teh".\n')
    const r = await run(['init', '5', '--from-file', 'issue.md'], cwd)
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toMatch(/no task list .* one task for the whole issue/)
    expect(existsSync(path.join(cwd, '.ai/plans/5/prompts/implement.md'))).toBe(true)
    expect((await run(['validate', '5'], cwd)).code).toBe(0)
  })
})
