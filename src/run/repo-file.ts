/**
 * Reads autopilot makes on a step's behalf (issue #10, point 4): a file named
 * by the plan (`prompt-file`) is read from a worktree an earlier step could
 * have rewritten, so it must be a regular file inside that worktree, reached
 * without following any symbolic link. Otherwise a step could plant
 * `prompt.md -> /proc/self/environ` and have autopilot hand its own
 * environment (tokens included) to an agent.
 */
import { constants } from 'node:fs'
import { lstat, open } from 'node:fs/promises'
import path from 'node:path'
import { AutopilotError } from '../errors.js'

/** Largest file read on a step's behalf: a prompt is text for a model, not a data set. */
export const MAX_REPO_FILE_BYTES = 1024 * 1024

/**
 * The text of `rel` inside `root`, refusing (with an error naming `what`, e.g.
 * `task "a" step 2 prompt-file`) a path that leaves `root`, passes through or
 * ends at a symbolic link, or ends at anything but a regular file. Every
 * directory on the way is checked with lstat and the file is opened with
 * O_NOFOLLOW, then checked to be the very file lstat saw.
 */
export async function readRepoFile(root: string, rel: string, what: string, maxBytes = MAX_REPO_FILE_BYTES): Promise<string> {
  const refuse = (why: string) =>
    new AutopilotError(
      `${what} ${JSON.stringify(rel)} ${why}. autopilot reads files for a step only when they are regular files inside ` +
        'the repository, reached without symbolic links, so a step cannot make it read files outside (such as ' +
        '/proc/self/environ). Commit the file itself at that path.',
      1
    )
  const parts = rel.split(/[\\/]+/).filter((p) => p !== '' && p !== '.')
  if (path.isAbsolute(rel) || parts.length === 0 || parts.includes('..')) throw refuse('is not a path inside the repository')
  let at = root
  for (const [i, part] of parts.entries()) {
    at = path.join(at, part)
    const info = await lstat(at).catch(() => undefined)
    const shown = parts.slice(0, i + 1).join('/')
    if (!info) throw refuse(i === parts.length - 1 ? 'does not exist' : `cannot be read: ${shown} does not exist`)
    if (info.isSymbolicLink()) throw refuse(i === parts.length - 1 ? 'is a symbolic link' : `passes through a symbolic link (${shown})`)
    if (i < parts.length - 1 && !info.isDirectory()) throw refuse(`cannot be read: ${shown} is not a directory`)
    if (i === parts.length - 1 && !info.isFile()) throw refuse('is not a regular file')
  }
  const seen = await lstat(at)
  // O_NONBLOCK: were the file swapped for a FIFO between lstat and open, opening must not hang.
  const handle = await open(at, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK).catch((e: NodeJS.ErrnoException) => {
    throw refuse(e.code === 'ELOOP' ? 'is a symbolic link' : `cannot be opened (${e.code ?? e.message})`)
  })
  try {
    const info = await handle.stat()
    if (!info.isFile() || info.ino !== seen.ino || info.dev !== seen.dev) throw refuse('changed while it was being opened')
    if (info.size > maxBytes) throw refuse(`is ${info.size} bytes, more than the ${maxBytes} bytes autopilot reads for a step`)
    const buf = Buffer.alloc(info.size)
    const { bytesRead } = await handle.read(buf, 0, info.size, 0)
    return buf.subarray(0, bytesRead).toString('utf8')
  } finally {
    await handle.close()
  }
}
