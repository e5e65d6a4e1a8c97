// `autopilot mcp`: the Model Context Protocol over stdio, for an agent to validate, run and watch plans.
import type { Command } from '../cli-io.js'
import { EXIT } from '../errors.js'
import { parseCommandArgs } from './parse-args.js'

const usage = `Usage: autopilot mcp

Speak the Model Context Protocol on stdin/stdout (for an agent: Claude Code,
Codex, ...) in the current repository. Tools, each answering JSON:
  validate  a plan's problems with file, line and column
  graph     levels and critical path
  import    another tool's plan as an Autopilot plan (as autopilot import; optionally written)
  run       starts \`autopilot run\` (same lock, sandbox and gates) and returns at once
  status    running or the outcome, each task's status and reason
  logs      the end of the run's log or a task's log
  history   success rates, cost and frequent failures
See docs/overnight.md.

Options:
  -h, --help  show this help`

export const mcpCommand: Command = {
  name: 'mcp',
  summary: 'serve validate, graph, run, status, logs and history over MCP (stdio)',
  usage,
  async run(args, io) {
    parseCommandArgs('mcp', args, {}, 0)
    // Loaded here, not at the top: every other command starts without the MCP SDK.
    const { StdioServerTransport } = await import('@modelcontextprotocol/sdk/server/stdio.js')
    const { createMcpServer } = await import('../session/mcp.js')
    const server = createMcpServer({ cwd: io.cwd, env: io.env }, '0.1.0')
    const transport = new StdioServerTransport()
    const closed = new Promise<void>(resolve => (transport.onclose = resolve))
    await server.connect(transport)
    // Ends when the client closes stdin.
    process.stdin.once('end', () => void server.close())
    await closed
    return EXIT.ok
  }
}
