// Plan-folder files: the references validate checks, where a prompt file is read from, and the run's copy of the folder.
import { mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parsePlan } from '../../src/plan/load.js'
import { missingPlanFiles, planDirReferences, promptFileSource } from '../../src/plan/plan-files.js'
import { readPlanDirFile, snapshotPlanDir } from '../../src/run/plan-dir.js'

const plan = (steps: string) =>
  parsePlan(`version: 1\nissue: 5\ntitle: t\ntasks:\n  - id: a\n    steps:\n${steps}`, 'p.yaml').plan

describe('$AUTOPILOT_PLAN_DIR references', () => {
  it.each([
    ['bash $AUTOPILOT_PLAN_DIR/fix.sh --x', ['fix.sh']],
    ['python3 "${AUTOPILOT_PLAN_DIR}/tools/gen.py"; echo done', ['tools/gen.py']],
    ['git apply $AUTOPILOT_PLAN_DIR/a.patch && cat $AUTOPILOT_PLAN_DIR/b.txt', ['a.patch', 'b.txt']],
    ['echo $AUTOPILOT_PLAN_DIRX/a', []],
    ['echo plain', []]
  ])('%s', (command, files) => expect(planDirReferences(command)).toEqual(files))
})

describe('where a prompt file is read from', () => {
  const inFolder = (rel: string) => rel === 'analysis.md'
  it('a path inside the plan folder: from the plan folder copy', () =>
    expect(promptFileSource('.ai/plans/5/analysis.md', '.ai/plans/5', inFolder)).toEqual({ planDir: 'analysis.md' }))
  it('a name of the plan folder: from the copy', () => expect(promptFileSource('analysis.md', '.ai/plans/5', inFolder)).toEqual({ planDir: 'analysis.md' }))
  it('anything else: from the task worktree', () => expect(promptFileSource('docs/p.md', '.ai/plans/5', inFolder)).toEqual({ worktree: 'docs/p.md' }))
})

describe('missing plan files are located problems', () => {
  const repo = mkdtempSync(path.join(tmpdir(), 'plan-files-'))
  mkdirSync(path.join(repo, '.ai/plans/5'), { recursive: true })
  mkdirSync(path.join(repo, 'docs'))
  writeFileSync(path.join(repo, '.ai/plans/5/analysis.md'), 'analyse')
  writeFileSync(path.join(repo, '.ai/plans/5/fix.sh'), 'true')
  writeFileSync(path.join(repo, 'docs/p.md'), 'p')
  symlinkSync('/proc/self/environ', path.join(repo, '.ai/plans/5/env.md'))
  const problems = (steps: string) => missingPlanFiles(plan(steps), repo, '.ai/plans/5').map((p) => p.message)

  it('existing files pass, in the folder (both spellings), in the repository, and scripts', () => {
    expect(
      problems(
        '      - { agent: codex, prompt-file: analysis.md }\n      - { agent: codex, prompt-file: .ai/plans/5/analysis.md }\n' +
          '      - { agent: codex, prompt-file: docs/p.md }\n      - run: bash $AUTOPILOT_PLAN_DIR/fix.sh\n'
      )
    ).toEqual([])
  })
  it('a missing prompt file and a missing script are each reported', () => {
    expect(problems('      - { agent: codex, prompt-file: nope.md }\n      - run: bash $AUTOPILOT_PLAN_DIR/gone.sh\n')).toEqual([
      'prompt file "nope.md" is not a regular file in the plan folder .ai/plans/5/ or the repository; create it or fix the path',
      '$AUTOPILOT_PLAN_DIR/gone.sh: no such file in the plan folder .ai/plans/5/ (it must be a regular file there, committed or not)'
    ])
  })
  it('a symbolic link is not a prompt file', () => {
    expect(problems('      - { agent: codex, prompt-file: env.md }\n')).toHaveLength(1)
  })
})

describe('the plan folder copy', () => {
  const repo = mkdtempSync(path.join(tmpdir(), 'plan-dir-'))
  const folder = '.ai/plans/5'
  mkdirSync(path.join(repo, folder, 'tools'), { recursive: true })
  writeFileSync(path.join(repo, folder, 'prompt.md'), 'do it')
  writeFileSync(path.join(repo, folder, 'tools/fix.sh'), 'echo fix')
  symlinkSync('/etc/passwd', path.join(repo, folder, 'passwd'))

  it('holds the regular files, read-only, and leaves links out', async () => {
    const copy = await snapshotPlanDir(repo, folder, path.join(repo, 'copy'))
    expect(readFileSync(path.join(copy.dir, 'tools/fix.sh'), 'utf8')).toBe('echo fix')
    expect(statSync(path.join(copy.dir, 'prompt.md')).mode & 0o222).toBe(0)
    expect(copy.skipped).toEqual(['passwd'])
    await expect(readPlanDirFile(copy, 'prompt.md')).resolves.toBe('do it')
    await expect(readPlanDirFile(copy, 'passwd')).rejects.toThrow(/not a regular file of the plan folder/)
    await expect(readPlanDirFile(copy, '../../../etc/passwd')).rejects.toThrow(/outside the plan folder/)
  })
  it('its digest changes with any file, and only then', async () => {
    const a = await snapshotPlanDir(repo, folder, path.join(repo, 'copy-a'))
    const b = await snapshotPlanDir(repo, folder, path.join(repo, 'copy-b'))
    expect(b.digest).toBe(a.digest)
    writeFileSync(path.join(repo, folder, 'prompt.md'), 'do it better')
    const c = await snapshotPlanDir(repo, folder, path.join(repo, 'copy-c'))
    expect(c.digest).not.toBe(a.digest)
  })
  it('the plan file itself is not in the digest (each task key holds its own definition)', async () => {
    writeFileSync(path.join(repo, folder, 'Autopilot.yaml'), 'version: 1\n')
    const a = await snapshotPlanDir(repo, folder, path.join(repo, 'copy-d'))
    writeFileSync(path.join(repo, folder, 'Autopilot.yaml'), 'version: 1\n# edited\n')
    const b = await snapshotPlanDir(repo, folder, path.join(repo, 'copy-e'))
    expect(b.digest).toBe(a.digest)
  })
})

describe('autopilot validate checks plan files', () => {
  it('a missing prompt file is a located error (exit 2); an uncommitted one is fine', async () => {
    const { main } = await import('../../src/cli.js')
    const repo = mkdtempSync(path.join(tmpdir(), 'plan-validate-'))
    mkdirSync(path.join(repo, '.git'))
    mkdirSync(path.join(repo, '.ai/plans/5'), { recursive: true })
    writeFileSync(
      path.join(repo, '.ai/plans/5/Autopilot.yaml'),
      'version: 1\nissue: 5\ntitle: t\ntasks:\n  - id: a\n    steps:\n      - agent: codex\n        prompt-file: analysis.md\n'
    )
    const run = async () => {
      const err: string[] = []
      const code = await main(['validate', '5'], { out: () => {}, err: (t) => err.push(t), cwd: repo, env: {}, isTTY: false })
      return { code, err: err.join('\n') }
    }
    const missing = await run()
    expect(missing.code).toBe(2)
    expect(missing.err).toContain('.ai/plans/5/Autopilot.yaml:8:22: tasks[0].steps[0].prompt-file: prompt file "analysis.md" is not a regular file')
    writeFileSync(path.join(repo, '.ai/plans/5/analysis.md'), 'analyse')
    expect(await run()).toMatchObject({ code: 0, err: '' })
  })
})

describe('prompt files an earlier step writes', () => {
  it('a repository path missing from the checkout is not an error (a step may write it); a bare name is', () => {
    const repo = mkdtempSync(path.join(tmpdir(), 'plan-files-later-'))
    mkdirSync(path.join(repo, '.ai/plans/5'), { recursive: true })
    const p = plan('      - { agent: codex, prompt-file: docs/brief.md }\n      - { agent: codex, prompt-file: brief.md }\n')
    expect(missingPlanFiles(p, repo, '.ai/plans/5').map((x) => x.path.join('.'))).toEqual(['tasks.0.steps.1.prompt-file'])
  })
})
