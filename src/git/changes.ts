/**
 * Turns a task's real change (the worktree INDEX against its base commit) into
 * a `ChangeSet` for the gates: NUL-separated git output only, so names with
 * spaces, quotes or newlines parse exactly. Parsing is pure; `collectChanges`
 * is the only part that runs git, through an injected `GitRunner`.
 */
import type { ChangeKind, ChangeSet, FileChange } from '../gates/types.js'
import type { Gates } from '../plan/schema.js'
import { looksBinary, MAX_READ_BYTES, printableStrings } from './content.js'

/** Runs git with these arguments in the task worktree; resolves stdout, rejects on a non-zero exit. */
export type GitRunner = (args: string[], stdin?: string | Buffer) => Promise<Buffer>

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

/** Bounds on what collectChanges reads (issue #10, point 8): decided from sizes, before any content is read. */
export interface CollectLimits {
  /** Files larger than this are not read (the size gate denies them): `gates.max-file-bytes`. */
  fileBytes: number
  /** More changed files than this and no content is read at all (the size gate denies the change). */
  files: number
}

/** The limits for one task's change, from the plan's gates (`level: 'run'` for the integrated branch). */
export function changeLimits(plan: { gates: Gates }, level: 'task' | 'run' = 'task'): CollectLimits {
  return {
    fileBytes: plan.gates['max-file-bytes'],
    files: plan.gates[level === 'task' ? 'max-changed-files' : 'max-run-changed-files']
  }
}

/** Bytes of path arguments one git process is given (far below ARG_MAX): longer lists are split over several calls. */
export const MAX_PATHSPEC_ARG_BYTES = 64 * 1024

/** A symlink's target is short; a longer "link" blob is not read and counts as suspicious. */
const MAX_LINK_BYTES = 4096

/**
 * Collect the staged change of a worktree against `base`: the caller has run
 * `git add -A` first, so the INDEX holds exactly what the task would commit.
 * Sizes come first (`cat-file --batch-check`): a blob above `limits.fileBytes`
 * is never read, and past `limits.files` changed files no content is read; the
 * rest is read in one `cat-file --batch`, and no argument list grows with the
 * change (object names go through stdin, paths in bounded chunks).
 */
export async function collectChanges(git: GitRunner, base: string, limits?: CollectLimits): Promise<ChangeSet> {
  const { raw } = parseRawNumstatZ(await git(['diff', '--cached', '-z', '--raw', '--no-abbrev', ...DIFF_OPTS, base, '--']))
  const files = raw.map(fromRaw)
  const links = await treeLinks(git)
  const sizes = await blobSizes(git, raw.flatMap((r) => [r.oldSha, r.newSha]))
  const readLimit = Math.min(limits?.fileBytes ?? MAX_READ_BYTES, MAX_READ_BYTES)
  const readAll = files.length <= (limits?.files ?? Infinity)
  raw.forEach((r, i) => {
    const file = files[i]
    if (file.kind !== 'deleted' && file.newMode !== GITLINK_MODE) file.size = sizes.get(r.newSha) ?? 0
  })
  // Which blobs to read: changed symlinks, and (within the limits) every other changed blob's new side.
  const wanted = new Set<string>()
  raw.forEach((r, i) => {
    const file = files[i]
    if (file.newMode === GITLINK_MODE || file.kind === 'deleted') return
    if (file.newMode === SYMLINK_MODE) {
      if (file.size <= MAX_LINK_BYTES) wanted.add(r.newSha)
    } else if (readAll && file.size <= readLimit) wanted.add(r.newSha)
  })
  const blobs = await readBlobs(git, [...wanted])
  const oldWanted: string[] = []
  raw.forEach((r, i) => {
    const file = files[i]
    if (file.newMode === GITLINK_MODE || file.kind === 'deleted') return
    if (file.newMode === SYMLINK_MODE) {
      const target = blobs.get(r.newSha)
      // A "link" too long to be one is shown as such, and the escapes gate refuses its odd target.
      file.symlinkTarget = target ? target.toString('utf8') : `\0(${file.size} bytes, not read)`
      return
    }
    const content = blobs.get(r.newSha)
    // Unread (too big, or too many files): binary, no lines; the size gate denies it either way.
    file.binary = content ? looksBinary(content) : true
    const hadOld = file.kind !== 'added' && r.oldMode !== '000000' && r.oldMode !== GITLINK_MODE && r.oldMode !== SYMLINK_MODE
    if (file.binary && content && hadOld && (sizes.get(r.oldSha) ?? Infinity) <= readLimit) oldWanted.push(r.oldSha)
  })
  const olds = await readBlobs(git, oldWanted)
  raw.forEach((r, i) => {
    const file = files[i]
    const content = blobs.get(r.newSha)
    if (!file.binary || !content || file.newMode === SYMLINK_MODE) return
    // Strings already in the old side are not new: a modified binary is judged by what it adds.
    const old = new Set(printableStrings(olds.get(r.oldSha) ?? Buffer.alloc(0)).map((s) => s.text))
    file.addedLines = printableStrings(content).filter((s) => !old.has(s.text))
  })
  // Line counts and added lines of text files come from a `--text` patch (attributes and config a task
  // wrote cannot make git call them binary); binary and unread files are left out of it.
  const text = raw
    .map((r, i) => ({ r, file: files[i] }))
    .filter(({ r, file }) => readAll && isTextSide(file, r, sizes, readLimit))
  for (const chunk of chunkPaths(text.flatMap(({ file }) => [file.path, ...(file.oldPath ? [file.oldPath] : [])]))) {
    const patch = await git([
      'diff', '--cached', '-U0', '--src-prefix=a/', '--dst-prefix=b/', ...DIFF_OPTS, base, '--',
      ...chunk.map((p) => `:(literal,top)${p}`)
    ])
    const parsed = parsePatchLines(patch)
    for (const { file } of text) {
      const p = parsed.get(file.path)
      if (!p) continue
      file.added = p.added.length
      file.removed = p.removed
      if (isScannable(file)) file.addedLines = p.added
      if (p.removedLines.length) file.removedLines = p.removedLines
    }
  }
  return { files, links }
}

/** A change whose both sides are text small enough to diff: its lines are counted from the patch. */
function isTextSide(file: FileChange, r: RawEntry, sizes: Map<string, number>, readLimit: number): boolean {
  if (file.binary || file.newMode === GITLINK_MODE || r.oldMode === GITLINK_MODE) return false
  if (file.kind === 'deleted') return (sizes.get(r.oldSha) ?? Infinity) <= readLimit
  return r.oldMode === '000000' || (sizes.get(r.oldSha) ?? Infinity) <= readLimit
}

/** Largest total of new bytes kept whole as a task's patch; past it (or past a file above the gate) only headers are kept. */
export const MAX_PATCH_BYTES = 64 * 1024 * 1024

/** Whether a change is small enough to keep as a whole patch (else its evidence is headers only). Pure. */
export function fitsWholePatch(changes: ChangeSet, limits: CollectLimits): boolean {
  if (changes.files.length > limits.files) return false
  const maxFileBytes = limits.fileBytes
  let total = 0
  for (const f of changes.files) {
    if (f.size > maxFileBytes) return false
    total += f.size
  }
  return total <= MAX_PATCH_BYTES
}

/** A raw record as a change with no sizes, lines or targets yet. Pure. */
function fromRaw(r: RawEntry): FileChange {
  const change: FileChange = { kind: r.kind, path: r.path, binary: false, added: 0, removed: 0, size: 0, addedLines: [] }
  if (r.oldPath !== undefined) change.oldPath = r.oldPath
  if (r.oldMode !== '000000') change.oldMode = r.oldMode
  if (r.newMode !== '000000') change.newMode = r.newMode
  return change
}

/** Paths split into lists whose argument bytes stay under MAX_PATHSPEC_ARG_BYTES. Pure. */
export function chunkPaths(paths: readonly string[], maxBytes = MAX_PATHSPEC_ARG_BYTES): string[][] {
  const out: string[][] = []
  let current: string[] = []
  let bytes = 0
  for (const p of paths) {
    const n = Buffer.byteLength(p) + 20
    if (current.length > 0 && bytes + n > maxBytes) {
      out.push(current)
      current = []
      bytes = 0
    }
    current.push(p)
    bytes += n
  }
  if (current.length > 0) out.push(current)
  return out
}

const NULL_SHA = /^0+$/

/** Size of each blob, from one `cat-file --batch-check` (names on stdin). */
async function blobSizes(git: GitRunner, shas: string[]): Promise<Map<string, number>> {
  const unique = [...new Set(shas.filter((s) => !NULL_SHA.test(s)))]
  const out = new Map<string, number>()
  if (unique.length === 0) return out
  const text = (await git(['cat-file', '--batch-check'], unique.join('\n') + '\n')).toString('utf8')
  for (const line of text.split('\n')) {
    const [sha, type, size] = line.split(' ')
    if (type && size !== undefined && type !== 'missing') out.set(sha, Number(size))
  }
  return out
}

/** Content of each blob, from one `cat-file --batch` (names on stdin). */
async function readBlobs(git: GitRunner, shas: string[]): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>()
  if (shas.length === 0) return out
  const buf = await git(['cat-file', '--batch'], shas.join('\n') + '\n')
  return parseBatch(buf)
}

/** Parse `cat-file --batch` output: "<sha> <type> <size>\n<content>\n" per object ("<name> missing\n" skipped). Pure. */
export function parseBatch(buf: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>()
  let at = 0
  while (at < buf.length) {
    const nl = buf.indexOf(0x0a, at)
    if (nl < 0) break
    const [sha, type, size] = buf.toString('utf8', at, nl).split(' ')
    at = nl + 1
    if (type === 'missing' || size === undefined) continue
    const n = Number(size)
    out.set(sha, buf.subarray(at, at + n))
    at += n + 1
  }
  return out
}

/** Every symlink in the index (the final tree), path to target: links are judged through each other. */
async function treeLinks(git: GitRunner): Promise<Record<string, string>> {
  const entries = (await git(['ls-files', '-s', '-z'])).toString('utf8').split('\0')
  const links: { path: string; sha: string }[] = []
  for (const e of entries) {
    if (!e.startsWith(`${SYMLINK_MODE} `)) continue
    const tab = e.indexOf('\t')
    links.push({ path: e.slice(tab + 1), sha: e.slice(7, tab).split(' ')[0] })
  }
  if (links.length === 0) return {}
  const sizes = await blobSizes(git, links.map((l) => l.sha))
  const blobs = await readBlobs(git, links.filter((l) => (sizes.get(l.sha) ?? Infinity) <= MAX_LINK_BYTES).map((l) => l.sha))
  const out: Record<string, string> = {}
  // A link blob too long to read is recorded as an absolute target: it can only be judged as leaving.
  for (const l of links) out[l.path] = blobs.get(l.sha)?.toString('utf8') ?? '/(not read)'
  return out
}

/** Text files whose added lines are content (not symlink targets or submodule pointers). */
export function isScannable(file: FileChange): boolean {
  return (
    file.kind !== 'deleted' && !file.binary && file.newMode !== SYMLINK_MODE && file.newMode !== GITLINK_MODE
  )
}
