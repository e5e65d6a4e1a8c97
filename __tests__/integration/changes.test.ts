// collectChanges against real git: a mkdtemp repository, `git add -A`, then the index diffed against the base.
import { execFile } from 'node:child_process'
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { collectChanges, type GitRunner } from '../../src/git/changes.js'
import type { ChangeSet, FileChange } from '../../src/gates/types.js'

const run = promisify(execFile)
const ENV = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 't',
  GIT_AUTHOR_EMAIL: 't@example.com',
  GIT_COMMITTER_NAME: 't',
  GIT_COMMITTER_EMAIL: 't@example.com'
}

function runner(cwd: string): GitRunner {
  return async (args, stdin) => {
    const child = run('git', args, { cwd, env: ENV, encoding: 'buffer', maxBuffer: 256 * 1024 * 1024 })
    child.child.stdin?.on('error', () => {})
    child.child.stdin?.end(stdin ?? '')
    const { stdout } = await child
    return stdout
  }
}

const NEWLINE_NAME = 'odd\nname "q".txt'

let dir: string
let changes: ChangeSet
let base: string
const byPath = (p: string): FileChange => {
  const f = changes.files.find((c) => c.path === p)
  if (!f) throw new Error(`no change for ${JSON.stringify(p)} in ${JSON.stringify(changes.files.map((c) => c.path))}`)
  return f
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'autopilot-changes-'))
  const git = runner(dir)
  const home = path.join(dir, '..', path.basename(dir) + '-home')
  await mkdir(home, { recursive: true })
  Object.assign(ENV, { HOME: home })
  await git(['init', '-q', '-b', 'main'])
  // User config that would change diff output must not matter.
  await git(['config', 'diff.noprefix', 'true'])
  await git(['config', 'color.ui', 'always'])
  await git(['config', 'core.quotePath', 'false'])
  await writeFile(path.join(dir, 'modify.txt'), 'one\ntwo\nthree\n')
  await writeFile(path.join(dir, 'delete.txt'), 'bye\n')
  await writeFile(path.join(dir, 'rename-me.txt'), Array.from({ length: 40 }, (_, i) => `line ${i}`).join('\n') + '\n')
  await writeFile(path.join(dir, 'tool.sh'), 'echo hi\n')
  await writeFile(path.join(dir, 'was-file'), 'content\n')
  await git(['add', '-A'])
  await git(['commit', '-q', '-m', 'base'])
  base = (await git(['rev-parse', 'HEAD'])).toString().trim()

  await writeFile(path.join(dir, 'modify.txt'), 'one\n+++ b/fake header\nthree\nfour\n')
  await rm(path.join(dir, 'delete.txt'))
  await git(['mv', 'rename-me.txt', 'renamed with space.txt'])
  await writeFile(path.join(dir, 'renamed with space.txt'), Array.from({ length: 40 }, (_, i) => `line ${i}`).join('\n') + '\nadded 41\n')
  await chmod(path.join(dir, 'tool.sh'), 0o755)
  await symlink('../outside', path.join(dir, 'link-out'))
  await rm(path.join(dir, 'was-file'))
  await symlink('modify.txt', path.join(dir, 'was-file'))
  await writeFile(path.join(dir, 'blob.bin'), Buffer.from([0, 1, 2, 3, 0, 255, 254]))
  await writeFile(path.join(dir, NEWLINE_NAME), 'first\nsecond\n')
  await writeFile(path.join(dir, 'ünïcode.txt'), 'héllo\n')
  const sub = path.join(dir, 'vendor-sub')
  await mkdir(sub)
  await run('git', ['init', '-q'], { cwd: sub, env: ENV })
  await run('git', ['commit', '-q', '--allow-empty', '-m', 'sub'], { cwd: sub, env: ENV })
  await git(['add', '-A'])
  changes = await collectChanges(git, base)
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
  await rm(dir + '-home', { recursive: true, force: true })
})

describe('collectChanges', () => {
  it('lists every change once', () => {
    expect(changes.files.map((f) => f.path).sort()).toEqual(
      [
        'blob.bin',
        'delete.txt',
        'link-out',
        'modify.txt',
        NEWLINE_NAME,
        'renamed with space.txt',
        'tool.sh',
        'vendor-sub',
        'was-file',
        'ünïcode.txt'
      ].sort()
    )
  })

  it('reads a modification with its added lines and their new line numbers', () => {
    const f = byPath('modify.txt')
    expect(f).toMatchObject({ kind: 'modified', added: 2, removed: 1, binary: false, oldMode: '100644', newMode: '100644' })
    expect(f.size).toBe(Buffer.byteLength('one\n+++ b/fake header\nthree\nfour\n'))
    expect(f.addedLines).toEqual([
      { line: 2, text: '+++ b/fake header' },
      { line: 4, text: 'four' }
    ])
  })

  it('reads a deletion', () => {
    expect(byPath('delete.txt')).toMatchObject({ kind: 'deleted', removed: 1, size: 0, oldMode: '100644', addedLines: [] })
    expect(byPath('delete.txt').newMode).toBeUndefined()
  })

  it('reads a rename with both sides, to a name with spaces', () => {
    const f = byPath('renamed with space.txt')
    expect(f).toMatchObject({ kind: 'renamed', oldPath: 'rename-me.txt', added: 1, removed: 0 })
    expect(f.addedLines).toEqual([{ line: 41, text: 'added 41' }])
  })

  it('reads a mode change', () => {
    expect(byPath('tool.sh')).toMatchObject({ kind: 'modified', oldMode: '100644', newMode: '100755', added: 0 })
  })

  it('reads a new symlink with its target, and no added lines', () => {
    expect(byPath('link-out')).toMatchObject({ kind: 'added', newMode: '120000', symlinkTarget: '../outside', addedLines: [] })
  })

  it('reads a file turned into a symlink as a type change', () => {
    expect(byPath('was-file')).toMatchObject({ kind: 'type-changed', oldMode: '100644', newMode: '120000', symlinkTarget: 'modify.txt' })
  })

  it('reads a binary file with its size', () => {
    expect(byPath('blob.bin')).toMatchObject({ kind: 'added', binary: true, added: 0, removed: 0, size: 7, addedLines: [] })
  })

  it('reads a name with a newline and quotes exactly', () => {
    expect(byPath(NEWLINE_NAME)).toMatchObject({ kind: 'added', added: 2, size: 13 })
    expect(byPath(NEWLINE_NAME).addedLines).toEqual([
      { line: 1, text: 'first' },
      { line: 2, text: 'second' }
    ])
  })

  it('reads a non-ASCII name', () => {
    expect(byPath('ünïcode.txt').addedLines).toEqual([{ line: 1, text: 'héllo' }])
  })

  it('reads an embedded repository as a gitlink', () => {
    expect(byPath('vendor-sub')).toMatchObject({ kind: 'added', newMode: '160000', size: 0, addedLines: [] })
  })

  it('returns no change for a clean index', async () => {
    const git = runner(dir)
    const head = (await git(['write-tree'])).toString().trim()
    const commit = (await git(['commit-tree', head, '-p', base, '-m', 'x'])).toString().trim()
    expect(await collectChanges(git, commit)).toEqual({ files: [], links: { 'link-out': '../outside', 'was-file': 'modify.txt' } })
  })

  it('rejects when git fails (unknown base)', async () => {
    await expect(collectChanges(runner(dir), 'no-such-ref')).rejects.toThrow()
  })
})

describe('collectChanges under hostile sizes (issue #10, point 8)', () => {
  let big: string
  beforeAll(async () => {
    big = await mkdtemp(path.join(tmpdir(), 'autopilot-changes-big-'))
    const git = runner(big)
    await git(['init', '-q', '-b', 'main'])
    await writeFile(path.join(big, 'a.txt'), 'a\n')
    await git(['add', '-A'])
    await git(['commit', '-q', '-m', 'base'])
  }, 30_000)
  afterAll(async () => {
    await rm(big, { recursive: true, force: true })
  })

  it('reads a file above the size limit by its size only, never its content', async () => {
    const git = runner(big)
    // 40 MB of text: sparse, so the test stays cheap.
    await run('truncate', ['-s', String(40 * 1024 * 1024), path.join(big, 'huge.txt')])
    await writeFile(path.join(big, 'small.txt'), 'token here\n')
    await git(['add', '-A'])
    const calls: string[][] = []
    const spy: GitRunner = (args, stdin) => (calls.push(args), git(args, stdin))
    const got = await collectChanges(spy, 'HEAD', { fileBytes: 1024 * 1024, files: 100 })
    const huge = got.files.find((f) => f.path === 'huge.txt')!
    expect(huge).toMatchObject({ size: 40 * 1024 * 1024, binary: true, added: 0, addedLines: [] })
    expect(got.files.find((f) => f.path === 'small.txt')).toMatchObject({ added: 1, addedLines: [{ line: 1, text: 'token here' }] })
    expect(calls.flat().join(' ')).not.toContain('huge.txt')
    await git(['rm', '-q', '--cached', 'huge.txt', 'small.txt'])
    await rm(path.join(big, 'huge.txt'))
    await rm(path.join(big, 'small.txt'))
  })

  it('12,000 files with long names: no argument list grows, no content read past the file limit, within seconds', async () => {
    const git = runner(big)
    // Staged straight into the index (one blob, 12,000 names): what collectChanges reads, without 12,000 files on disk.
    await writeFile(path.join(big, 'one.bin'), Buffer.from([0, 1, 2]))
    const blob = (await git(['hash-object', '-w', 'one.bin'])).toString().trim()
    await rm(path.join(big, 'one.bin'))
    const stem = 'n'.repeat(200)
    const info = Array.from({ length: 12_000 }, (_, i) => `100644 ${blob}\tmany/${stem}-${i}.bin`).join('\n') + '\n'
    await git(['update-index', '--index-info'], info)
    const calls: string[][] = []
    const spy: GitRunner = (args, stdin) => (calls.push(args), git(args, stdin))
    const started = Date.now()
    const got = await collectChanges(spy, 'HEAD', { fileBytes: 1024 * 1024, files: 100 })
    expect(Date.now() - started).toBeLessThan(20_000)
    expect(got.files).toHaveLength(12_000)
    expect(Math.max(...calls.map((a) => a.join(' ').length))).toBeLessThan(70 * 1024)
    expect(calls.length).toBeLessThan(10)
  }, 120_000)
})
