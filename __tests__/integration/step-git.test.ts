// Issue #10 point 2: autopilot reads a task's result with a git dir and index the step cannot reach.
// A step rewrites everything git-related it can see (its git dir's config, attributes, hooks, replace
// refs, alternates, commondir, and the worktree's `.git` file itself); autopilot's git must not run any
// of it, and the task's patch must be exactly the file the step changed. Then the git wrapper on its own:
// replace refs, global config and attribute files, and a caller's GIT_DIR change nothing it does.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Git } from '../../src/git/git.js'
import { ProcessExecutor } from '../../src/run/executor.js'
import { git, reposPerTest, runUntouched } from '../support/local-repo.js'
import { withEnv } from '../support/env.js'

const { repo } = reposPerTest()

describe("a step's git dir", () => {
  it('is its own: nothing a step writes there (or in `.git`) runs in autopilot or changes the task diff', async () => {
    const r = repo()
    const marker = path.join(r.scratch, 'planted-code-ran')
    const plant = `touch '${marker}'; cat`
    const attack = [
      'gd=$(git rev-parse --absolute-git-dir)',
      'base=$(git rev-parse HEAD)',
      // Filters, fsmonitor, hooks and attributes in the git dir the step sees.
      `git config filter.evil.clean "${plant}"`,
      `git config filter.evil.smudge "${plant}"`,
      'mkdir -p "$gd/info" "$gd/hooks"',
      'printf "* filter=evil diff=evil\\n" > "$gd/info/attributes"',
      `printf '#!/bin/sh\\ntouch ${marker}\\n' > "$gd/hooks/pre-commit"; chmod +x "$gd/hooks/pre-commit"`,
      // Replace the base commit by one whose tree holds a workflow: the diff would then hide it.
      'mkdir -p .github/workflows && echo "on: push" > .github/workflows/evil.yml',
      'git add -A && evil=$(git -c user.name=x -c user.email=x@x commit-tree "$(git write-tree)" -p "$base" -m evil)',
      'git replace -f "$base" "$evil"',
      'git reset -q && rm -rf .github',
      // Alternates and commondir pointing at stores of the step's choosing.
      'mkdir -p "$TMPDIR/objects" && echo "$TMPDIR/objects" >> "$gd/objects/info/alternates"',
      'git init -q --bare "$TMPDIR/evil.git"',
      'echo "$TMPDIR/evil.git" > "$gd/commondir"',
      // Set last: the step's own git would run it too (in here, harmlessly).
      `git config core.fsmonitor "touch '${marker}'"`,
      // Finally the worktree's .git names a repository whose config holds the filter.
      `git --git-dir="$TMPDIR/evil.git" config filter.evil.clean "${plant}"`,
      `git --git-dir="$TMPDIR/evil.git" config core.fsmonitor "touch '${marker}'"`,
      'echo "gitdir: $TMPDIR/evil.git" > .git',
      'echo changed > a.txt',
      'echo STEP-DONE'
    ].join('\n')
    r.writePlan({ issue: 63, gates: { 'allow-paths': ['a.txt'] }, tasks: [{ id: 'git', steps: [{ run: attack }] }] })
    // The scratch folder (the marker's) stays out of the step's reach.
    const res = await runUntouched(r, ['run'], { AUTOPILOT_SANDBOX_SHARE: '' })
    const t = r.manifest(63)!.tasks.git
    expect(t.status, `${t.reason}\n${res.out}`).toBe('succeeded')
    expect(readFileSync(path.join(r.repo, t.steps[0].log!), 'utf8')).toContain('STEP-DONE')
    expect(existsSync(marker), 'code the step planted ran outside the sandbox').toBe(false)
    const patch = readFileSync(path.join(r.repo, '.ai', 'runs', '63', 'tasks', 'git', 'patch.diff'), 'utf8')
    expect(patch.match(/^diff --git .*/gm)).toEqual(['diff --git a/a.txt b/a.txt'])
    // The branch holds the change and nothing the replaced commit carried.
    const files = r.git(['ls-tree', '-r', '--name-only', 'autopilot/issue-63']).trim().split('\n')
    expect(files).toContain('a.txt')
    expect(files.filter((f) => f.startsWith('.github'))).toEqual([])
    expect(res.code).toBe(0)
  })
})

describe("autopilot's git", () => {
  it('ignores replace refs, global config and attribute files, and a GIT_DIR in its environment', async () => {
    const r = repo()
    const dir = r.repo
    const marker = path.join(r.scratch, 'filter-ran')
    const base = r.git(['rev-parse', 'HEAD']).trim()
    const baseTree = r.git(['rev-parse', 'HEAD^{tree}']).trim()
    // A replace ref for the base commit, as a step with write access to the repository would make.
    writeFileSync(path.join(dir, 'other.txt'), 'other\n')
    r.git(['add', 'other.txt'])
    const other = git(['commit-tree', r.git(['write-tree']).trim(), '-m', 'other'], dir).trim()
    r.git(['replace', base, other])
    r.git(['rm', '-q', '--cached', 'other.txt'])
    rmSync(path.join(dir, 'other.txt'))
    expect(r.git(['rev-parse', 'HEAD^{tree}']).trim()).not.toBe(baseTree)
    // A filter defined in a global config and named by a global attributes file and by .gitattributes.
    const home = path.join(r.scratch, 'home')
    mkdirSync(path.join(home, '.config', 'git'), { recursive: true })
    writeFileSync(path.join(home, '.gitconfig'), `[filter "evil"]\n\tclean = touch '${marker}'; cat\n\trequired = true\n`)
    writeFileSync(path.join(home, '.config', 'git', 'attributes'), '* filter=evil\n')
    writeFileSync(path.join(dir, '.gitattributes'), '* filter=evil\n')
    writeFileSync(path.join(dir, 'README.md'), '# changed\n')
    const elsewhere = path.join(r.scratch, 'elsewhere.git')
    git(['init', '-q', '--bare', elsewhere], r.scratch)

    const g = new Git(new ProcessExecutor(), dir)
    await withEnv({ HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), GIT_DIR: elsewhere }, async () => {
      expect(await g.treeOf(base)).toBe(baseTree)
      await g.stageAll()
      const patch = (await g.stagedPatch(base)).toString('utf8')
      expect(patch).toContain('+# changed')
      expect(patch).not.toContain('other.txt')
    })
    expect(existsSync(marker), 'a filter from global config ran').toBe(false)
  })
})
