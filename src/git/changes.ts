/**
 * Turns a task's real change (the worktree INDEX against its base commit) into
 * a `ChangeSet` for the gates: NUL-separated git output only, so names with
 * spaces, quotes or newlines parse exactly. Parsing is pure; `collectChanges`
 * is the only part that runs git, through an injected `GitRunner`.
 */
import pLimit from 'p-limit'
import type { ChangeKind, ChangeSet, FileChange } from '../gates/types.js'
import { looksBinary, MAX_READ_BYTES, printableStrings } from './content.js'

/** Runs git with these arguments in the task worktree; resolves stdout, rejects on a non-zero exit. */
export type GitRunner = (args: string[]) => Promise<Buffer>

/** Symlink and gitlink modes, as git prints them. */
export const SYMLINK_MODE = '120000'
export const GITLINK_MODE = '160000'

/** One entry of `git diff --raw -z`, before sizes and added lines are known. */
export interface RawEntry {
  kind: ChangeKind
  path: string
  oldPath?: string
  oldMode: string
  newMode: string
  oldSha: string
  newSha: string
  /** Rename/copy similarity, e.g. 97. */
  score?: number
}

/** Per-file line counts from `--numstat -z`. */
export interface NumstatEntry {
  path: string
  oldPath?: string
  binary: boolean
  added: number
  removed: number
}

const STATUS: Record<string, ChangeKind> = {
  A: 'added',
  M: 'modified',
  D: 'deleted',
  R: 'renamed',
  C: 'copied',
  T: 'type-changed'
}

/**
 * Output options every diff call shares. User config must not change what we
 * parse: prefixes, colour, external diff drivers, textconv and `diff.relative`
 * are all pinned here. `--text` because a task can write the shared
 * repository's `info/attributes` (`* -diff`) or config (`core.bigFileThreshold`)
 * to make git call every file binary, hiding its lines from the secret scanner
 * and the size gate; binary files are told apart from content instead (`looksBinary`).
 */
const DIFF_OPTS = [
  '--text',
  '--no-color',
  '--no-ext-diff',
  '--no-textconv',
  '--no-relative',
  '--ignore-submodules=none',
  '--submodule=short',
  '-M'
]

/**
 * Parse `git diff -z --raw --numstat` output (raw records first, then numstat
 * records, as git prints them). Pure.
 */
export function parseRawNumstatZ(buf: Buffer | string): { raw: RawEntry[]; numstat: NumstatEntry[] } {
  const tokens = (typeof buf === 'string' ? buf : buf.toString('utf8')).split('\0')
  const raw: RawEntry[] = []
  const numstat: NumstatEntry[] = []
  let i = 0
  while (i < tokens.length) {
    const token = tokens[i++]
    if (token === '') continue
    if (token.startsWith(':')) {
      // ":<oldmode> <newmode> <oldsha> <newsha> <status><score>" then 1 or 2 paths
      const [oldMode, newMode, oldSha, newSha, status] = token.slice(1).split(' ')
      const letter = status?.[0] ?? ''
      const kind = STATUS[letter]
      if (!kind) throw new Error(`unexpected git diff status ${JSON.stringify(status)}`)
      const entry: RawEntry = { kind, path: '', oldMode, newMode, oldSha, newSha }
      if (kind === 'renamed' || kind === 'copied') {
        entry.oldPath = tokens[i++]
        entry.score = Number(status.slice(1)) || undefined
      }
      entry.path = tokens[i++]
      raw.push(entry)
      continue
    }
    // "<added>\t<removed>\t<path>", or "<added>\t<removed>\t" then old and new path for renames
    const m = /^(-|\d+)\t(-|\d+)\t([\s\S]*)$/.exec(token)
    if (!m) throw new Error(`unexpected git numstat record ${JSON.stringify(token)}`)
    const binary = m[1] === '-' && m[2] === '-'
    const entry: NumstatEntry = {
      path: m[3],
      binary,
      added: binary ? 0 : Number(m[1]),
      removed: binary ? 0 : Number(m[2])
    }
    if (m[3] === '') {
      entry.oldPath = tokens[i++]
      entry.path = tokens[i++]
    }
    numstat.push(entry)
  }
  return { raw, numstat }
}

const C_ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 }

/**
 * Undo git's C-style path quoting (`"b/nl\nname"`, octal escapes for bytes
 * >= 0x80 when core.quotePath is on). Unquoted input is returned as is. Pure.
 */
export function unquoteGitPath(text: string): string {
  if (!text.startsWith('"') || !text.endsWith('"') || text.length < 2) return text
  const body = text.slice(1, -1)
  const bytes: number[] = []
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch, 'utf8'))
      continue
    }
    const next = body[++i]
    if (next >= '0' && next <= '7') {
      bytes.push(parseInt(body.slice(i, i + 3), 8))
      i += 2
    } else {
      bytes.push(C_ESCAPES[next] ?? next.charCodeAt(0))
    }
  }
  return Buffer.from(bytes).toString('utf8')
}

/** Strip the trailing tab git appends to names with spaces, the C quoting, then git's `a/` or `b/` prefix. */
function headerPath(rest: string, prefix: 'a/' | 'b/' = 'b/'): string {
  const name = unquoteGitPath(rest.endsWith('\t') ? rest.slice(0, -1) : rest)
  return name.startsWith(prefix) ? name.slice(2) : name
}

/** What a patch says about one file: its added lines (new-side numbers) and how many lines it removes. */
export interface PatchLines {
  added: { line: number; text: string }[]
  removed: number
  /** Text of the removed lines (for gates that weigh what a change adds against what it removes). */
  removedLines: string[]
  /** The file has a new side (`+++ b/...`); false for deletions. */
  hasNewSide: boolean
}

/**
 * Parse a `git diff -U0 --src-prefix=a/ --dst-prefix=b/` patch into each
 * file's added lines (with their line numbers in the new file) and removed
 * line count, keyed by the new path (the old one for deletions). Hunk line
 * counts are honoured, so an added line that itself reads `+++ b/x` or
 * `diff --git` is not mistaken for a header. Pure.
 */
export function parsePatchLines(patch: Buffer | string): Map<string, PatchLines> {
  const lines = (typeof patch === 'string' ? patch : patch.toString('utf8')).split('\n')
  const out = new Map<string, PatchLines>()
  let oldPath: string | undefined
  let current: PatchLines | undefined
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (line.startsWith('diff --git ')) {
      current = undefined
      oldPath = undefined
    } else if (line.startsWith('--- ')) {
      const rest = line.slice(4)
      oldPath = rest === '/dev/null' ? undefined : headerPath(rest, 'a/')
    } else if (line.startsWith('+++ ')) {
      const rest = line.slice(4)
      const path = rest === '/dev/null' ? oldPath : headerPath(rest)
      current = undefined
      if (path !== undefined) {
        current = out.get(path) ?? { added: [], removed: 0, removedLines: [], hasNewSide: false }
        // A type change is a deletion and an addition of the same path.
        if (rest !== '/dev/null') current.hasNewSide = true
        out.set(path, current)
      }
    } else if (line.startsWith('@@ ')) {
      const m = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line)
      if (!m) continue
      let oldLeft = m[1] === undefined ? 1 : Number(m[1])
      let newLeft = m[3] === undefined ? 1 : Number(m[3])
      let newLine = Number(m[2])
      // Consume exactly the hunk's lines ("\ No newline" markers do not count).
      while ((oldLeft > 0 || newLeft > 0) && i + 1 < lines.length) {
        const body = lines[++i]
        if (body.startsWith('\\')) continue
        if (body.startsWith('+')) {
          current?.added.push({ line: newLine++, text: body.slice(1) })
          newLeft--
        } else if (body.startsWith('-')) {
          if (current) {
            current.removed++
            current.removedLines.push(body.slice(1))
          }
          oldLeft--
        } else {
          oldLeft--
          newLeft--
          newLine++
        }
      }
    }
  }
  return out
}

/** The added lines of each new-side path of a `-U0` patch (see `parsePatchLines`). Pure. */
export function parseAddedLines(patch: Buffer | string): Map<string, { line: number; text: string }[]> {
  const out = new Map<string, { line: number; text: string }[]>()
  for (const [path, p] of parsePatchLines(patch)) if (p.hasNewSide) out.set(path, p.added)
  return out
}

/**
 * Join raw and numstat records (same order, same pairs) into `FileChange`s
 * without sizes, symlink targets or added lines. Pure.
 */
export function mergeEntries(raw: RawEntry[], numstat: NumstatEntry[]): FileChange[] {
  return raw.map((r, index) => {
    const n = numstat[index]
    if (!n || n.path !== r.path) {
      throw new Error(`git raw and numstat output disagree at ${JSON.stringify(r.path)}`)
    }
    const change: FileChange = {
      kind: r.kind,
      path: r.path,
      binary: n.binary,
      added: n.added,
      removed: n.removed,
      size: 0,
      addedLines: []
    }
    if (r.oldPath !== undefined) change.oldPath = r.oldPath
    if (r.oldMode !== '000000') change.oldMode = r.oldMode
    if (r.newMode !== '000000') change.newMode = r.newMode
    return change
  })
}

/**
 * Collect the staged change of a worktree against `base`: the caller has run
 * `git add -A` first, so the INDEX holds exactly what the task would commit.
 */
export async function collectChanges(git: GitRunner, base: string): Promise<ChangeSet> {
  const { raw, numstat } = parseRawNumstatZ(
    await git(['diff', '--cached', '-z', '--raw', '--numstat', '--no-abbrev', ...DIFF_OPTS, base, '--'])
  )
  const files = mergeEntries(raw, numstat)
  const read = async (sha: string, size?: number): Promise<Buffer | undefined> => {
    const bytes = size ?? Number((await git(['cat-file', '-s', sha])).toString('utf8').trim())
    return bytes <= MAX_READ_BYTES ? await git(['cat-file', 'blob', sha]) : undefined
  }
  // One process per blob: GitRunner has no stdin for `cat-file --batch`; bounded so a big diff stays fast.
  const limit = pLimit(8)
  await Promise.all(
    files.map((file, i) =>
      limit(async () => {
        const { newSha, oldSha, oldMode } = raw[i]
        if (file.newMode === GITLINK_MODE) return
        if (file.kind === 'deleted') {
          if (oldMode !== GITLINK_MODE && oldMode !== SYMLINK_MODE) classify(file, await read(oldSha))
          return
        }
        file.size = Number((await git(['cat-file', '-s', newSha])).toString('utf8').trim())
        if (file.newMode === SYMLINK_MODE) {
          file.symlinkTarget = (await git(['cat-file', 'blob', newSha])).toString('utf8')
          return
        }
        const content = await read(newSha, file.size)
        classify(file, content)
        if (file.binary && content) {
          // Strings already in the old side are not new: a modified binary is judged by what it adds.
          const hadOld = file.kind !== 'added' && file.oldMode !== undefined && file.oldMode !== GITLINK_MODE
          const before = hadOld ? ((await read(oldSha)) ?? Buffer.alloc(0)) : Buffer.alloc(0)
          const old = new Set(printableStrings(before).map((s) => s.text))
          file.addedLines = printableStrings(content).filter((s) => !old.has(s.text))
        }
      })
    )
  )
  // Line counts and added lines of text files come from a `--text` patch: numstat calls a file
  // binary whenever attributes or config say so, whatever its content.
  const text = files.filter((f) => !f.binary && f.newMode !== GITLINK_MODE && f.oldMode !== GITLINK_MODE)
  if (text.length > 0) {
    // Binary files are left out: with --text their bytes would flood the patch.
    const skip = files.filter((f) => f.binary).flatMap((f) => [f.path, ...(f.oldPath ? [f.oldPath] : [])])
    const patch = await git([
      'diff',
      '--cached',
      '-U0',
      '--src-prefix=a/',
      '--dst-prefix=b/',
      ...DIFF_OPTS,
      base,
      '--',
      ...(skip.length ? [':/', ...skip.map((p) => `:(exclude,literal,top)${p}`)] : [])
    ])
    const parsed = parsePatchLines(patch)
    for (const file of text) {
      const p = parsed.get(file.path)
      if (!p) continue
      file.added = p.added.length
      file.removed = p.removed
      if (isScannable(file)) file.addedLines = p.added
      if (p.removedLines.length) file.removedLines = p.removedLines
    }
  }
  return { files }
}

/**
 * Binary by content, not by git's say (which attributes and config can
 * change): no lines, then. A blob too large to read keeps git's verdict.
 */
function classify(file: FileChange, content: Buffer | undefined): void {
  if (content !== undefined) file.binary = looksBinary(content)
  if (file.binary) {
    file.added = 0
    file.removed = 0
  }
}

/** Text files whose added lines are content (not symlink targets or submodule pointers). */
export function isScannable(file: FileChange): boolean {
  return (
    file.kind !== 'deleted' && !file.binary && file.newMode !== SYMLINK_MODE && file.newMode !== GITLINK_MODE
  )
}
