// Telling a shell command from a prose sentence in sources' test/verify fields.

/** Programs a test or verify command typically starts with. */
const PROGRAMS = new Set(
  'python python3 pytest py.test tox nox uv poetry pip pipenv npm npx pnpm yarn bun bunx node deno tsc vitest jest mocha eslint prettier go cargo rustc make cmake ctest just mvn mvnw gradle gradlew ./gradlew ./mvnw bundle rake rspec ruby rails dotnet bash sh zsh git test ls grep diff docker terraform ruff mypy black flake8 pylint php composer mix elixir swift xcodebuild openspec markdownlint shellcheck actionlint'.split(' ')
)

/**
 * True when `text` reads as one shell command (`pytest tests/core -q`,
 * `./scripts/check.sh`), not a sentence ("All tests pass.").
 */
export function looksLikeCommand(text: string): boolean {
  const t = text.trim()
  if (t === '' || t.includes('\n')) return false
  const first = t.split(/\s+/)[0]!
  if (first.startsWith('./') || first.startsWith('scripts/')) return true
  return PROGRAMS.has(first) && !/[.!]$/.test(t)
}
