/**
 * What the gates look at: the real change a task made, as plain data parsed
 * from git (see src/git/changes.ts), and what they answer.
 */

export type ChangeKind = 'added' | 'modified' | 'deleted' | 'renamed' | 'copied' | 'type-changed'

/** One changed path in a task's diff against its starting tree. */
export interface FileChange {
  kind: ChangeKind
  /** Path after the change (repository-relative, as git prints it). */
  path: string
  /** Path before the change, for renames and copies. */
  oldPath?: string
  /** Octal git modes, e.g. '100644', '100755', '120000' (symlink), '160000' (gitlink). */
  oldMode?: string
  newMode?: string
  /** Judged from the content (a NUL byte, as git does), not from attributes or config a task can change. */
  binary: boolean
  /** Lines added / removed (binary files: 0). */
  added: number
  removed: number
  /** Size in bytes of the new content (0 when deleted). */
  size: number
  /** Target of a symlink, when the new side is one. */
  symlinkTarget?: string
  /**
   * Added text lines with their line numbers in the new file, for secret
   * scanning; for a binary file, the printable strings it adds.
   */
  addedLines: { line: number; text: string }[]
  /** Removed text lines (absent when not parsed), so a gate can weigh what a change removes. */
  removedLines?: string[]
}

export interface ChangeSet {
  files: FileChange[]
  /**
   * Every symlink of the final tree (changed or not), path to target: links
   * are judged through each other (see symlink-tree.ts). Absent: only the
   * changed links' own targets are known.
   */
  links?: Record<string, string>
}

/** One gate's answer. */
export interface GateDecision {
  gate: string
  allowed: boolean
  /** What was denied and why it is risky (or why it passed). */
  reason: string
  /** The exact plan setting that would allow it, when one exists. */
  optIn?: string
  /** Findings behind a denial, e.g. the paths or secret locations. */
  findings?: string[]
}

/** Gate names, in the order reports show them. */
export const GATE_NAMES = ['paths', 'protected', 'escapes', 'deletes', 'size', 'secrets', 'secret-values', 'silent-success', 'forbid-added'] as const
export type GateName = (typeof GATE_NAMES)[number]
