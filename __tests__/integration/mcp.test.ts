// `autopilot mcp` over real stdio with the SDK's own client: the tools, a located validation error, and a run
// started through MCP and polled to completion (the same run, lock and gates as `autopilot run`).
import { existsSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js'
import { afterEach, describe, expect, it } from 'vitest'
import { projectRoot, reposPerTest } from '../support/local-repo.js'

const { repo } = reposPerTest()
const nodeBin = existsSync(path.join(projectRoot, 'node_modules/.bin/node')) ? path.join(projectRoot, 'node_modules/.bin/node') : process.execPath
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
const clients: Client[] = []
afterEach(async () => {
  for (const c of clients.splice(0)) await c.close()
})

async function connect(cwd: string, env: Record<string, string>): Promise<Client> {
  const client = new Client({ name: 'autopilot-test', version: '1.0.0' })
  clients.push(client)
  await client.connect(new StdioClientTransport({ command: nodeBin, args: ['--import', tsx, path.join(projectRoot, 'src/bin.ts'), 'mcp'], cwd, env, stderr: 'pipe' }))
  return client
}

type Json = Record<string, unknown>
const call = async (c: Client, name: string, args: Json = {}) => (await c.callTool({ name, arguments: args })).structuredContent as Json

describe('autopilot mcp', () => {
  it('lists the tools, validates with a located error, starts a run and polls it to completion', async () => {
    const r = repo()
    r.writePlan({ issue: 95, gates: { 'allow-paths': ['out/**'] }, tasks: [{ id: 'hello', steps: [{ run: 'sleep 1; mkdir -p out && echo hi > out/hello' }] }] })
    r.writePlan('version: 1\nissue: 96\ntitle: bad\ntasks:\n  - id: a\n    needs: [ghost]\n    steps:\n      - run: "true"\n', { commit: false })
    const c = await connect(r.repo, r.env)

    const { tools } = await c.listTools()
    expect(tools.map((t) => t.name).sort()).toEqual(['graph', 'history', 'import', 'logs', 'run', 'status', 'validate'])

    const bad = await call(c, 'validate', { plan: '96' })
    expect(bad.valid).toBe(false)
    const [problem] = bad.problems as Json[]
    expect(problem).toMatchObject({ file: '.ai/plans/96/Autopilot.yaml', line: 6, path: 'tasks[0].needs[0]' })
    expect(problem.message).toMatch(/ghost/)
    expect(await call(c, 'validate', { plan: '95' })).toMatchObject({ valid: true, issue: 95, tasks: 1, levels: 1 })
    expect(await call(c, 'graph', { plan: '95' })).toEqual({ levels: [['hello']], criticalPath: ['hello'] })
    // import: the same code as `autopilot import`, writing a plan that validates.
    writeFileSync(
      path.join(r.repo, 'tasks.json'),
      JSON.stringify({ tasks: [{ id: 1, title: 'Parse', description: 'Parse CSV', status: 'pending', dependencies: [] }, { id: 2, title: 'Export', description: 'x', status: 'pending', dependencies: [1] }] })
    )
    const imported = await call(c, 'import', { source: 'tasks.json', issue: 97, output: '.ai/plans/97/Autopilot.yaml' })
    expect(imported).toMatchObject({ issue: 97, tasks: 2, written: '.ai/plans/97/Autopilot.yaml' })
    expect(await call(c, 'graph', { plan: '97' })).toEqual({ levels: [['task-1'], ['task-2']], criticalPath: ['task-1', 'task-2'] })
    const missing = await c.callTool({ name: 'import', arguments: { source: 'nope.md' } })
    expect(missing.isError).toBe(true)
    expect((missing.structuredContent as Json).error).toMatch(/nope\.md/)

    const started = await call(c, 'run', { plan: '95' })
    expect(started).toMatchObject({ started: true, issue: 95 })
    let status: Json = {}
    const deadline = Date.now() + 60_000
    do {
      await new Promise((res) => setTimeout(res, 300))
      status = await call(c, 'status', { plan: '95' })
    } while (status.running && Date.now() < deadline)
    expect(status).toMatchObject({ running: false, outcome: 'succeeded', exitCode: 0, branch: 'autopilot/issue-95' })
    expect(status.tasks).toEqual([{ id: 'hello', status: 'succeeded', attempts: 1 }])
    // The same run the CLI makes: its branch with one commit per task, its manifest under .ai/runs/.
    expect(r.git(['log', '--format=%s', '-1', 'autopilot/issue-95']).trim()).toBe('hello (autopilot #95: hello)')
    expect(r.manifest(95)!.tasks.hello.gates.map((g) => g.gate)).toContain('paths')
    const logs = await call(c, 'logs', { plan: '95' })
    expect(logs.text).toContain('branch: autopilot/issue-95')
    const taskLog = await call(c, 'logs', { plan: '95', task: 'hello' })
    expect(taskLog.text).toContain('=== hello: succeeded')
    const history = await call(c, 'history')
    expect(history.runs).toBe(1)
  }, 90_000)
})
