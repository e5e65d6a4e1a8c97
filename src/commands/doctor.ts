// `autopilot doctor`: which isolation holds on this machine, each promise proven inside the sandbox.
import type { Command } from '../cli-io.js'
import { EXIT } from '../errors.js'
import { ProcessExecutor } from '../run/executor.js'
import { renderDoctor, runDoctor } from '../run/doctor.js'
import { Git } from '../git/git.js'
import { parseCommandArgs } from './parse-args.js'
import { allDrivers, loginReport } from '../agents/index.js'

const usage = `Usage: autopilot doctor

Check the step sandbox on this machine: runs a probe inside a real step
sandbox for each promise of docs/safety.md (own namespaces, no capabilities,
nothing can be unmounted, your checkout, the caller's HOME, other tasks and
host /tmp invisible, HOME empty, autopilot's environment unreachable, only
\`lo\` under network: deny) and prints one line per promise with what the
probe saw. Then, per agent, which of its login files under your HOME
(\`codex login\`, \`claude login\`...) its steps would see, read-only; shell
steps see none.

Exit codes: 0 every promise holds; 1 a promise does not hold here, or the
sandbox cannot be had at all (the output says why and how to enable it).

Options:
  -h, --help  show this help`

export const doctorCommand: Command = {
  name: 'doctor',
  summary: 'prove the step sandbox on this machine (each promise checked inside it)',
  usage,
  async run(args, io) {
    parseCommandArgs('doctor', args, {}, 0)
    const executor = new ProcessExecutor()
    // The checkout the probes must not see: the repository around cwd, else cwd itself.
    const checkout = await new Git(executor, io.cwd).topLevel().catch(() => io.cwd)
    const report = await runDoctor({ executor, checkout })
    // The HOME `autopilot run` reads login files from: the caller's environment.
    io.out(renderDoctor(report, loginReport(allDrivers(), io.env.HOME)))
    return report.ok ? EXIT.ok : EXIT.taskFailed
  }
}
