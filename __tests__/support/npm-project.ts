// A generated npm project whose code needs a dependency that only `npm ci` installs: the package is a tarball
// vendored in the repository (vendor/), so the install needs no registry and no network.
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { LocalRepo } from './local-repo.js'

/** Adds the project (package.json, lock file, vendor/pad-local-1.0.0.tgz, src/index.js) to `r` and commits it. */
export function addNpmProject(r: LocalRepo): LocalRepo {
  writeFileSync(path.join(r.repo, '.gitignore'), 'node_modules/\n')
  mkdirSync(path.join(r.repo, 'src'), { recursive: true })
  writeFileSync(path.join(r.repo, 'src/index.js'), "module.exports = require('pad-local')('x', 3)\n")
  const dep = path.join(r.scratch, 'pad-local')
  mkdirSync(dep, { recursive: true })
  writeFileSync(path.join(dep, 'package.json'), JSON.stringify({ name: 'pad-local', version: '1.0.0', main: 'index.js' }))
  writeFileSync(path.join(dep, 'index.js'), "module.exports = (s, n) => s.padStart(n, '-')\n")
  mkdirSync(path.join(r.repo, 'vendor'), { recursive: true })
  execFileSync('npm', ['pack', '--pack-destination', path.join(r.repo, 'vendor'), dep], { cwd: r.scratch, stdio: 'ignore' })
  writeFileSync(
    path.join(r.repo, 'package.json'),
    JSON.stringify({ name: 'app', version: '1.0.0', private: true, dependencies: { 'pad-local': 'file:vendor/pad-local-1.0.0.tgz' } })
  )
  execFileSync('npm', ['install', '--package-lock-only', '--offline', '--no-audit', '--no-fund'], { cwd: r.repo, stdio: 'ignore' })
  r.git(['add', '-A'])
  r.git(['commit', '-qm', 'app with a vendored dependency'])
  return r
}

/** The setup step that installs it, leaving a stamp (a nanosecond clock reading) that tells one install from another. */
export const NPM_SETUP = {
  name: 'install',
  run: 'npm ci --offline --no-audit --no-fund\nnode -e "console.log(process.hrtime.bigint())" > node_modules/.stamp'
}
