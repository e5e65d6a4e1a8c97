/**
 * The repository's toolchains, from its files: what `setup` installs once per
 * run and which default `checks` every task gets. Pure over a small file
 * probe, so it is table-tested on generated repositories.
 */

/** Read-only view of the repository root. */
export interface RepoProbe {
  exists(rel: string): boolean
  /** File text, or undefined when absent. */
  read(rel: string): string | undefined
}

export interface Toolchain {
  /** e.g. `node (pnpm)`, `python (uv)`, `go`, `rust (cargo)`, `java (gradle)`, `ruby (bundler)`. */
  name: string
  setup: { name: string; run: string }[]
  checks: string[]
}

/** npm's placeholder test script: not a test. */
const NO_TEST = /no test specified/

/** Every toolchain found at the root, in a fixed order. */
export function detectToolchains(repo: RepoProbe): Toolchain[] {
  return [node(repo), python(repo), go(repo), rust(repo), java(repo), ruby(repo)].filter((t): t is Toolchain => t !== undefined)
}

function node(repo: RepoProbe): Toolchain | undefined {
  const text = repo.read('package.json')
  if (text === undefined) return undefined
  let scripts: Record<string, string> = {}
  let declared = ''
  try {
    const pkg = JSON.parse(text) as { scripts?: Record<string, string>; packageManager?: string }
    scripts = pkg.scripts ?? {}
    declared = pkg.packageManager ?? ''
  } catch {
    // A broken package.json still means node; the checks are left to the user.
  }
  const pm = declared.startsWith('pnpm') || repo.exists('pnpm-lock.yaml') ? 'pnpm' : declared.startsWith('yarn') || repo.exists('yarn.lock') ? 'yarn' : 'npm'
  const install =
    pm === 'pnpm'
      ? 'pnpm install --frozen-lockfile'
      : pm === 'yarn'
        ? repo.exists('.yarnrc.yml')
          ? 'yarn install --immutable'
          : 'yarn install --frozen-lockfile'
        : repo.exists('package-lock.json') || repo.exists('npm-shrinkwrap.json')
          ? 'npm ci'
          : 'npm install'
  const run = (s: string) => (pm === 'npm' ? `npm run ${s}` : `${pm} run ${s}`)
  const checks: string[] = []
  for (const s of ['typecheck', 'lint']) if (scripts[s]) checks.push(run(s))
  if (scripts.test && !NO_TEST.test(scripts.test)) checks.push(`${pm} test`)
  return { name: `node (${pm})`, setup: [{ name: `install node dependencies (${pm})`, run: install }], checks }
}

function python(repo: RepoProbe): Toolchain | undefined {
  const pyproject = repo.read('pyproject.toml')
  const hasReq = repo.exists('requirements.txt')
  if (pyproject === undefined && !hasReq && !repo.exists('setup.py') && !repo.exists('Pipfile')) return undefined
  const hasTests = repo.exists('tests') || repo.exists('test') || /\[tool\.pytest/.test(pyproject ?? '') || repo.exists('pytest.ini')
  if (repo.exists('uv.lock') || /\[tool\.uv\]/.test(pyproject ?? '')) {
    return { name: 'python (uv)', setup: [{ name: 'install python dependencies (uv)', run: 'uv sync' }], checks: hasTests ? ['uv run pytest'] : [] }
  }
  if (repo.exists('poetry.lock') || /\[tool\.poetry\]/.test(pyproject ?? '')) {
    return { name: 'python (poetry)', setup: [{ name: 'install python dependencies (poetry)', run: 'poetry install --no-interaction' }], checks: hasTests ? ['poetry run pytest'] : [] }
  }
  const install = hasReq ? 'python -m pip install -r requirements.txt' : repo.exists('Pipfile') ? 'pipenv install --dev' : 'python -m pip install -e .'
  return { name: 'python (pip)', setup: [{ name: 'install python dependencies (pip)', run: install }], checks: hasTests ? ['python -m pytest'] : [] }
}

function go(repo: RepoProbe): Toolchain | undefined {
  if (!repo.exists('go.mod')) return undefined
  return { name: 'go', setup: [{ name: 'download go modules', run: 'go mod download' }], checks: ['go build ./...', 'go test ./...'] }
}

function rust(repo: RepoProbe): Toolchain | undefined {
  if (!repo.exists('Cargo.toml')) return undefined
  return { name: 'rust (cargo)', setup: [{ name: 'fetch crates', run: 'cargo fetch' }], checks: ['cargo test'] }
}

function java(repo: RepoProbe): Toolchain | undefined {
  if (repo.exists('pom.xml')) {
    const mvn = repo.exists('mvnw') ? './mvnw' : 'mvn'
    return { name: 'java (maven)', setup: [{ name: 'resolve maven dependencies', run: `${mvn} -B -q dependency:go-offline` }], checks: [`${mvn} -B test`] }
  }
  if (repo.exists('build.gradle') || repo.exists('build.gradle.kts') || repo.exists('settings.gradle') || repo.exists('settings.gradle.kts')) {
    const gradle = repo.exists('gradlew') ? './gradlew' : 'gradle'
    return { name: 'java (gradle)', setup: [{ name: 'resolve gradle dependencies', run: `${gradle} --no-daemon dependencies` }], checks: [`${gradle} --no-daemon test`] }
  }
  return undefined
}

function ruby(repo: RepoProbe): Toolchain | undefined {
  if (!repo.exists('Gemfile')) return undefined
  const check = repo.exists('.rspec') || repo.exists('spec') ? 'bundle exec rspec' : repo.exists('Rakefile') ? 'bundle exec rake' : undefined
  return { name: 'ruby (bundler)', setup: [{ name: 'install gems (bundler)', run: 'bundle install' }], checks: check ? [check] : [] }
}
