// The package as a user gets it (issue 17): `npm pack`, installed from the tarball into a fresh repository
// with no network (an empty npm cache and --offline: nothing can be fetched), then `npx autopilot validate`,
// a plan run end to end, and a failing plan whose resume line is the command this user can type.
import { execFileSync, spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { projectRoot } from '../support/local-repo.js'

const root = mkdtempSync(path.join(tmpdir(), 'autopilot-pack-'))
const repo = path.join(root, 'repo')
// No registry can be reached: an unreachable one, an empty cache, and offline mode.
const npmEnv = {
  PATH: process.env.PATH!,
  HOME: root,
  npm_config_cache: path.join(root, 'npm-cache'),
  npm_config_offline: 'true',
  npm_config_registry: 'http://127.0.0.1:9/',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
  AUTOPILOT_WORK_DIR: path.join(root, 'work')
}
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=u', '-c', 'user.email=u@example.com', ...args], { cwd: repo, encoding: 'utf8' })
const inRepo = (cmd: string, args: string[]) => spawnSync(cmd, args, { cwd: repo, env: npmEnv, encoding: 'utf8', timeout: 240_000 })
let files: string[] = []

beforeAll(() => {
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', root], { cwd: projectRoot, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } }))
  files = packed.files.map((f: { path: string }) => f.path)
  mkdirSync(path.join(repo, '.ai', 'plans', '1'), { recursive: true })
  writeFileSync(path.join(repo, 'package.json'), JSON.stringify({ name: 'my-project', private: true }))
  writeFileSync(path.join(repo, '.gitignore'), 'node_modules/\n')
  writeFileSync(path.join(repo, 'README.md'), '# my project\n')
  copyFileSync(path.join(projectRoot, 'examples', 'diamond', 'Autopilot.yaml'), path.join(repo, '.ai', 'plans', '1', 'Autopilot.yaml'))
  git('init', '-q', '-b', 'main')
  git('add', '-A')
  git('commit', '-qm', 'my project')
  const install = inRepo('npm', ['install', '--save-dev', path.join(root, packed.filename)])
  expect(install.status, install.stderr).toBe(0)
}, 300_000)
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('the packed package', () => {
  it('ships the CLI bundle and its schema, not the sources or the tests', () => {
    expect(files).toEqual(expect.arrayContaining(['bin/autopilot.js', 'dist/cli/index.js', 'package.json', 'README.md']))
    expect(files.filter(f => /^(src|__tests__|scripts|bench)\//.test(f))).toEqual([])
  })

  it('installed offline, validates and runs a plan through `npx autopilot`', () => {
    const validate = inRepo('npx', ['autopilot', 'validate'])
    expect(validate.stderr).toBe('')
    expect(validate.stdout).toContain('.ai/plans/1/Autopilot.yaml: valid')
    const run = inRepo('npx', ['autopilot', 'run', '1'])
    expect(run.status, run.stdout + run.stderr).toBe(0)
    expect(run.stdout).toContain('branch: autopilot/issue-1 (4 commits)')
    expect(git('log', '--format=%s', 'main..autopilot/issue-1').trim().split('\n')).toHaveLength(4)
  }, 240_000)

  it('tells a user who ran `npx autopilot` to resume with `npx autopilot`', () => {
    mkdirSync(path.join(repo, '.ai', 'plans', '2'), { recursive: true })
    writeFileSync(path.join(repo, '.ai', 'plans', '2', 'Autopilot.yaml'), 'version: 1\nissue: 2\ntitle: Fails\ntasks:\n  - id: broken\n    steps:\n      - run: exit 3\n')
    git('add', '-A')
    git('commit', '-qm', 'a failing plan')
    const run = inRepo('npx', ['autopilot', 'run', '2'])
    expect(run.status).toBe(1)
    expect(run.stdout).toContain('to resume: npx autopilot run 2\n')
    const failed = run.stdout.match(/failure report: (\S+)/)![1]
    expect(readFileSync(path.join(repo, failed), 'utf8')).toContain('\n  npx autopilot run 2\n')
  }, 240_000)
})
