// Reads on a step's behalf (issue #10, point 4): regular files inside the repository only, no symlink followed.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { execFileSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readRepoFile } from '../../src/run/repo-file.js'

let root: string
const what = 'task "t" step "s" prompt-file'

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'repo-file-'))
  await mkdir(path.join(root, 'docs/real'), { recursive: true })
  await writeFile(path.join(root, 'docs/real/prompt.md'), 'do the thing\n')
  await symlink('/proc/self/environ', path.join(root, 'docs/environ.md'))
  await symlink('real', path.join(root, 'docs/inner'))
  await symlink('real/prompt.md', path.join(root, 'docs/relative.md'))
  await mkdir(path.join(root, 'docs/dir.md'))
  execFileSync('mkfifo', [path.join(root, 'docs/fifo.md')])
  await writeFile(path.join(root, 'docs/big.md'), Buffer.alloc(2048, 'a'))
})
afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

describe('readRepoFile', () => {
  it('reads a regular file inside the repository', async () => {
    expect(await readRepoFile(root, 'docs/real/prompt.md', what)).toBe('do the thing\n')
  })
  it.each([
    ['docs/environ.md', 'is a symbolic link'],
    ['docs/relative.md', 'is a symbolic link'],
    ['docs/inner/prompt.md', 'passes through a symbolic link (docs/inner)'],
    ['docs/dir.md', 'is not a regular file'],
    ['docs/fifo.md', 'is not a regular file'],
    ['docs/missing.md', 'does not exist'],
    ['../etc/passwd', 'is not a path inside the repository'],
    ['/etc/passwd', 'is not a path inside the repository']
  ])('refuses %s: %s, naming the step', async (rel, why) => {
    const err = await readRepoFile(root, rel, what).then(
      () => undefined,
      (e: Error) => e
    )
    expect(err?.name).toBe('AutopilotError')
    expect(err?.message).toContain(`${what} ${JSON.stringify(rel)} ${why}`)
    expect(err?.message).toContain('/proc/self/environ')
  })
  it('refuses a file larger than the cap', async () => {
    await expect(readRepoFile(root, 'docs/big.md', what, 1024)).rejects.toThrow(/2048 bytes, more than the 1024/)
  })
})
