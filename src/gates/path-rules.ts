/**
 * Path rules shared by the gates: the default protected list, the
 * normalisation that stops case and Unicode tricks from dodging it, and the
 * checks for paths that leave the repository. Pure; matching is picomatch.
 */
import path from 'node:path'
import picomatch from 'picomatch'

/**
 * Protected by default (issue #4): CI and plan definitions, git internals and
 * hooks, environment and credential files, dependency manifests and lock files.
 * Matched anywhere in the tree (monorepos), case-insensitively, after
 * `normalizeForProtection`.
 */
export const DEFAULT_PROTECTED: readonly string[] = [
  // CI, automation and the plans themselves
  '.github/**',
  '.ai/plans/**',
  '.gitlab-ci.yml',
  '.circleci/**',
  '.buildkite/**',
  'azure-pipelines.yml',
  '.travis.yml',
  '**/Jenkinsfile',
  // git internals, attributes, submodules, hooks
  '**/.git',
  '**/.git/**',
  '**/.gitmodules',
  '**/.gitattributes',
  '**/.husky/**',
  '**/.githooks/**',
  '**/.git-hooks/**',
  '**/lefthook.yml',
  '**/.lefthook.yml',
  '**/.pre-commit-config.yaml',
  // environment, keys and credentials
  '**/.env',
  '**/.env.*',
  '**/.envrc',
  '**/*.pem',
  '**/*.key',
  '**/*.p12',
  '**/*.pfx',
  '**/*.jks',
  '**/*.keystore',
  '**/id_rsa*',
  '**/id_dsa*',
  '**/id_ecdsa*',
  '**/id_ed25519*',
  '**/.ssh/**',
  '**/.aws/**',
  '**/.docker/config.json',
  '**/.npmrc',
  '**/.yarnrc',
  '**/.yarnrc.yml',
  '**/.netrc',
  '**/_netrc',
  '**/.pypirc',
  '**/.git-credentials',
  '**/credentials',
  '**/credentials.{json,yml,yaml,toml,xml,ini,csv}',
  '**/*.kdbx',
  // dependency manifests and lock files
  '**/package.json',
  '**/package-lock.json',
  '**/npm-shrinkwrap.json',
  '**/yarn.lock',
  '**/pnpm-lock.yaml',
  '**/pnpm-workspace.yaml',
  '**/bun.lock',
  '**/bun.lockb',
  '**/deno.lock',
  '**/Cargo.toml',
  '**/Cargo.lock',
  '**/go.mod',
  '**/go.sum',
  '**/go.work',
  '**/go.work.sum',
  '**/requirements*.txt',
  '**/constraints*.txt',
  '**/Pipfile',
  '**/Pipfile.lock',
  '**/pyproject.toml',
  '**/poetry.lock',
  '**/uv.lock',
  '**/setup.py',
  '**/setup.cfg',
  '**/Gemfile',
  '**/Gemfile.lock',
  '**/*.gemspec',
  '**/composer.json',
  '**/composer.lock',
  '**/pom.xml',
  '**/build.gradle',
  '**/build.gradle.kts',
  '**/settings.gradle',
  '**/settings.gradle.kts',
  '**/gradle/wrapper/**',
  '**/mix.exs',
  '**/mix.lock',
  '**/Package.swift',
  '**/Package.resolved',
  '**/Podfile',
  '**/Podfile.lock',
  '**/pubspec.yaml',
  '**/pubspec.lock',
  '**/packages.lock.json',
  '**/Directory.Packages.props',
  '**/nuget.config',
  '**/flake.lock'
]

const isDefaultProtected = picomatch([...DEFAULT_PROTECTED], { dot: true, nocase: true })

/** Control characters (newlines, tabs, ESC...), format characters (bidi overrides, zero-width) and U+FFFD (bytes that were not UTF-8). */
const SUSPICIOUS_CHAR = /[\p{Cc}\p{Cf}\u2028\u2029\uFFFD]/u
const IGNORABLE_CHAR = /[\p{Cc}\p{Default_Ignorable_Code_Point}]/gu

/**
 * The form a path is compared in against protected and denied globs, so that
 * every name a filesystem or GitHub could treat as a protected one is caught:
 * NFKC (fullwidth `．ｇｉｔｈｕｂ` -> `.github`), characters HFS+ ignores
 * (zero-width joiners) and control characters removed, `\` as a separator,
 * per component NTFS trailing dots/spaces and `:stream` suffixes dropped,
 * 8.3 short name `GIT~1` read as `.git`, then lower case (macOS and Windows
 * filesystems are case-insensitive).
 */
export function normalizeForProtection(p: string): string {
  return p
    .normalize('NFKC')
    .replace(IGNORABLE_CHAR, '')
    .replace(/\\/g, '/')
    .split('/')
    .map((c) => {
      const base = c.replace(/:.*$/s, '').replace(/[. ]+$/, '')
      const folded = (base === '' || base === '..' ? c : base).toLowerCase()
      return folded === 'git~1' ? '.git' : folded
    })
    .join('/')
}

/**
 * True when some word (a run of letters) mixes Latin with Cyrillic, Greek or
 * Armenian letters, the classic homograph (`.gіthub` with a Cyrillic `і`).
 * Such a name is treated as a possible imitation of a protected one; words
 * wholly in one script (`docs/руководство.md`) are ordinary paths.
 */
export function hasMixedScripts(p: string): boolean {
  const scripts = [/\p{Script=Latin}/u, /\p{Script=Cyrillic}/u, /\p{Script=Greek}/u, /\p{Script=Armenian}/u]
  return p
    .normalize('NFKC')
    .split(/[^\p{L}\p{M}]+/u)
    .some((word) => scripts.filter((re) => re.test(word)).length > 1)
}

/** Whether a changed path is protected by default (before `gates.allow-protected`). */
export function isProtectedPath(p: string): boolean {
  return isDefaultProtected(normalizeForProtection(p)) || hasMixedScripts(p)
}

/** A strict matcher for user allow-lists: exact case, dotfiles included. */
export function allowMatcher(globs: readonly string[]): (p: string) => boolean {
  if (globs.length === 0) return () => false
  const match = picomatch([...globs], { dot: true })
  return (p) => match(p)
}

/** A loose matcher for user deny-lists: raw path or its protection form, case-insensitively. */
export function denyMatcher(globs: readonly string[]): (p: string) => string | undefined {
  const each = globs.map((g) => ({ glob: g, match: picomatch(g, { dot: true, nocase: true }) }))
  return (p) => each.find((e) => e.match(p) || e.match(normalizeForProtection(p)))?.glob
}

/** Control, invisible, bidi or non-UTF-8 characters: nothing a legitimate file name needs. */
export function hasSuspiciousChars(text: string): boolean {
  return SUSPICIOUS_CHAR.test(text)
}

/** Why a path cannot be in a landing patch at all, or undefined when it can. */
export function unsafePathReason(p: string): string | undefined {
  if (p === '') return 'empty path'
  if (SUSPICIOUS_CHAR.test(p)) return 'contains a control, invisible or bidi character, or bytes that are not UTF-8'
  if (/^([\\/]|[A-Za-z]:)/.test(p)) return 'is an absolute path'
  // A separator on Windows (git for Windows refuses such paths): `a\..\..\x` would climb out there.
  if (p.includes('\\')) return 'contains a backslash, a path separator on Windows'
  const parts = p.split(/[\\/]/)
  if (parts.some((c) => c === '..')) return 'contains a `..` component'
  if (parts.some((c) => c === '.' || c === '')) return 'contains an empty or `.` component'
  return undefined
}

/**
 * Where a symlink at `linkPath` with content `target` points, as a
 * repository-relative path ('' = the root), or `outside` when it leaves the
 * repository (absolute, `~`, or too many `..`).
 */
export function resolveSymlink(linkPath: string, target: string): { inside: string } | { outside: true } {
  const t = target.replace(/\\/g, '/')
  if (t.startsWith('/') || t.startsWith('~') || /^[A-Za-z]:/.test(t)) return { outside: true }
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(linkPath), t))
  if (resolved === '..' || resolved.startsWith('../')) return { outside: true }
  return { inside: resolved === '.' ? '' : resolved.replace(/\/$/, '') }
}

/**
 * A glob that matches exactly this literal path (glob metacharacters escaped),
 * for the exact settings quoted in denials. Paths with backslashes never land
 * (see `unsafePathReason`), and picomatch folds runs of escaped backslashes.
 */
export function literalGlob(p: string): string {
  return p.replace(/[\\*?[\]{}()!+@|^$]/g, '\\$&')
}

/** A YAML flow list of strings, JSON-quoted so any path is copied back exactly. */
export function yamlList(items: readonly string[]): string {
  return `[${items.map((s) => JSON.stringify(s)).join(', ')}]`
}

/** Display form of a path in findings: JSON-quoted when it holds anything unusual. */
export function showPath(p: string): string {
  return /^[\w./@+-][\w ./@+-]*$/.test(p) ? p : JSON.stringify(p)
}
