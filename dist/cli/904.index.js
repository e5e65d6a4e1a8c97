export const id = 904;
export const ids = [904];
export const modules = {

/***/ 3904:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createMcpServer: () => (/* binding */ createMcpServer)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _modelcontextprotocol_sdk_server_mcp_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2371);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(1514);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _graph_graph_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1924);
/* harmony import */ var _plan_open_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6051);
/* harmony import */ var _plan_locate_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4493);
/* harmony import */ var _report_markdown_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4285);
/* harmony import */ var _run_local_run_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4682);
/* harmony import */ var _state_local_store_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(7922);
/* harmony import */ var _history_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(1244);
/* harmony import */ var _commands_import_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(1553);
/* harmony import */ var _import_types_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(984);
/* harmony import */ var _plan_schema_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(7684);
/**
 * The tools `autopilot mcp` offers an agent over the Model Context Protocol.
 * Each answers structured JSON; each is the CLI's own code path: `run` calls
 * the same `runLocal` as `autopilot run` (same lock, sandbox and gates) and
 * returns at once, `status` and `logs` read what the run writes.
 */















const planArg = { plan: zod__WEBPACK_IMPORTED_MODULE_13__/* .string */ .YjP().optional().describe('A plan path, an issue number, or nothing for the only plan under .ai/plans/') };
/** Every tool, registered on a new server. */
function createMcpServer(ctx, version) {
    const server = new _modelcontextprotocol_sdk_server_mcp_js__WEBPACK_IMPORTED_MODULE_2__/* .McpServer */ ._({ name: 'autopilot', version });
    const runs = new Map();
    const root = () => (0,_plan_locate_js__WEBPACK_IMPORTED_MODULE_6__/* .findRepoRoot */ .Gn)(ctx.cwd);
    const json = (value) => ({ content: [{ type: 'text', text: JSON.stringify(value) }], structuredContent: value });
    // A user mistake (a bad plan, no plan) is an answer, not a protocol error: the agent can fix it.
    const guarded = (fn) => async (a) => {
        try {
            return json(await fn(a));
        }
        catch (e) {
            if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .PlanError */ .W6)
                return { ...json({ error: 'invalid plan', problems: e.problems }), isError: true };
            if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .AutopilotError */ .Wz)
                return { ...json({ error: e.message }), isError: true };
            throw e;
        }
    };
    server.registerTool('validate', { description: 'Validate a plan: every problem with its file, line and column.', inputSchema: planArg }, guarded(async ({ plan }) => {
        try {
            const loaded = await (0,_plan_open_js__WEBPACK_IMPORTED_MODULE_5__/* .openPlan */ .u)(plan, ctx.cwd);
            const g = (0,_graph_graph_js__WEBPACK_IMPORTED_MODULE_4__/* .buildGraph */ .ZG)(loaded.plan.tasks);
            return { valid: true, file: loaded.file, issue: loaded.plan.issue, title: loaded.plan.title, tasks: loaded.plan.tasks.length, levels: (0,_graph_graph_js__WEBPACK_IMPORTED_MODULE_4__/* .levels */ .yr)(g).length, warnings: loaded.warnings };
        }
        catch (e) {
            if (!(e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .PlanError */ .W6))
                throw e;
            return { valid: false, problems: e.problems };
        }
    }));
    server.registerTool('graph', { description: "The plan's task graph: levels (tasks that may run together) and the critical path.", inputSchema: planArg }, guarded(async ({ plan }) => {
        const g = (0,_graph_graph_js__WEBPACK_IMPORTED_MODULE_4__/* .buildGraph */ .ZG)((await (0,_plan_open_js__WEBPACK_IMPORTED_MODULE_5__/* .openPlan */ .u)(plan, ctx.cwd)).plan.tasks);
        return { levels: (0,_graph_graph_js__WEBPACK_IMPORTED_MODULE_4__/* .levels */ .yr)(g), criticalPath: (0,_graph_graph_js__WEBPACK_IMPORTED_MODULE_4__/* .criticalPath */ .vC)(g) };
    }));
    server.registerTool('import', {
        description: "Turn another tool's plan (Miyabi Plans.md, OpenSpec, CCPM, spec-kit, Taskmaster tasks.json, workstreams...) into an Autopilot plan, as `autopilot import` does.",
        inputSchema: {
            source: zod__WEBPACK_IMPORTED_MODULE_13__/* .string */ .YjP().describe('File or folder to import, relative to the repository'),
            format: zod__WEBPACK_IMPORTED_MODULE_13__/* ["enum"] */ .k5n(['auto', ..._import_types_js__WEBPACK_IMPORTED_MODULE_14__/* .FORMATS */ .h]).optional().describe('Source format (default: detected)'),
            issue: zod__WEBPACK_IMPORTED_MODULE_13__/* .number */ .aig().int().positive().optional().describe('Issue number of the plan (default: the one the source names)'),
            agent: zod__WEBPACK_IMPORTED_MODULE_13__/* ["enum"] */ .k5n(_plan_schema_js__WEBPACK_IMPORTED_MODULE_12__/* .AGENT_NAMES */ .RO).optional().describe('Agent for tasks whose source names none'),
            output: zod__WEBPACK_IMPORTED_MODULE_13__/* .string */ .YjP().optional().describe('Write the plan there (prompts beside it); without it the YAML is returned only'),
            force: zod__WEBPACK_IMPORTED_MODULE_13__/* .boolean */ .zMY().optional().describe('Overwrite an existing plan and prompt files')
        }
    }, guarded(async (a) => {
        const notes = [];
        const output = a.output === undefined ? undefined : node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(ctx.cwd, a.output);
        const built = await (0,_commands_import_js__WEBPACK_IMPORTED_MODULE_11__/* .importPlan */ .Xw)({ target: a.source, cwd: ctx.cwd, format: a.format ?? 'auto', issue: a.issue, agent: a.agent, output, log: m => notes.push(m) });
        if (output)
            await (0,_commands_import_js__WEBPACK_IMPORTED_MODULE_11__/* .writePlan */ .pD)(built, output, ctx.cwd, a.force === true);
        return {
            issue: built.plan.issue,
            tasks: built.plan.tasks.length,
            notes,
            yaml: built.yaml,
            ...(output ? { written: node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(ctx.cwd, output), prompts: built.prompts.map(p => p.path) } : {})
        };
    }));
    server.registerTool('run', {
        description: 'Start `autopilot run` on a plan (same lock, sandbox and gates as the CLI) and return at once; poll `status`.',
        inputSchema: { ...planArg, fresh: zod__WEBPACK_IMPORTED_MODULE_13__/* .boolean */ .zMY().optional().describe('Forget the previous run of this plan and start over') }
    }, guarded(async ({ plan, fresh }) => {
        const loaded = await (0,_plan_open_js__WEBPACK_IMPORTED_MODULE_5__/* .openPlan */ .u)(plan, ctx.cwd);
        const issue = loaded.plan.issue;
        if (runs.get(issue) && !runs.get(issue).done)
            return { started: false, issue, reason: 'this server is already running this plan; poll status' };
        const logDir = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(root(), '.ai', 'logs', 'autopilot');
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(logDir, { recursive: true });
        const log = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(logDir, `mcp-${issue}.log`);
        const active = { issue, startedAt: new Date().toISOString(), log, done: false };
        runs.set(issue, active);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.appendFile)(log, `=== autopilot run ${loaded.file} (via MCP) at ${active.startedAt}\n`);
        void (0,_run_local_run_js__WEBPACK_IMPORTED_MODULE_8__/* .runLocal */ .R)({ planArg: loaded.file, cwd: ctx.cwd, env: ctx.env, fresh, isTTY: false, out: t => void (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.appendFile)(log, t).catch(() => { }) }).then(r => Object.assign(active, { done: true, exitCode: r.exitCode }), (e) => Object.assign(active, { done: true, exitCode: e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .AutopilotError */ .Wz ? e.exitCode : 70, error: e.message }));
        return { started: true, issue, log: node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(ctx.cwd, log) };
    }));
    server.registerTool('status', { description: "A plan's run: running or its outcome, each task's status and reason, the branch.", inputSchema: planArg }, guarded(async ({ plan }) => {
        const issue = (await (0,_plan_open_js__WEBPACK_IMPORTED_MODULE_5__/* .openPlan */ .u)(plan, ctx.cwd)).plan.issue;
        const active = runs.get(issue);
        const m = await new _state_local_store_js__WEBPACK_IMPORTED_MODULE_9__/* .LocalStateStore */ .Mc(root(), issue).loadManifest();
        const running = active ? !active.done : m !== undefined && !m.finishedAt;
        return {
            issue,
            running,
            outcome: running ? 'running' : m ? (0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_7__/* .runOutcome */ .CL)(m) : 'not run',
            ...(active?.exitCode !== undefined ? { exitCode: active.exitCode } : {}),
            ...(active?.error ? { error: active.error } : {}),
            ...(m
                ? {
                    branch: m.branch,
                    baseCommit: m.baseCommit,
                    breaker: m.breaker,
                    tasks: Object.values(m.tasks).map(t => ({ id: t.id, status: t.status, attempts: t.attempts, reason: t.reason?.split('\n')[0] })),
                    usage: m.usage
                }
                : {})
        };
    }));
    server.registerTool('logs', {
        description: "The end of a run's log, or of one task's log.",
        inputSchema: { ...planArg, task: zod__WEBPACK_IMPORTED_MODULE_13__/* .string */ .YjP().optional().describe('Task id'), lines: zod__WEBPACK_IMPORTED_MODULE_13__/* .number */ .aig().int().positive().max(2000).optional() }
    }, guarded(async ({ plan, task, lines }) => {
        const issue = (await (0,_plan_open_js__WEBPACK_IMPORTED_MODULE_5__/* .openPlan */ .u)(plan, ctx.cwd)).plan.issue;
        let file;
        if (task) {
            const m = await new _state_local_store_js__WEBPACK_IMPORTED_MODULE_9__/* .LocalStateStore */ .Mc(root(), issue).loadManifest();
            const rec = m?.tasks[task];
            if (!rec)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .AutopilotError */ .Wz(`no task "${task}" in the last run of issue ${issue}`);
            file = rec.log ? node_path__WEBPACK_IMPORTED_MODULE_1___default().join(root(), rec.log) : undefined;
        }
        else
            file = runs.get(issue)?.log ?? node_path__WEBPACK_IMPORTED_MODULE_1___default().join(root(), '.ai', 'logs', 'autopilot', `mcp-${issue}.log`);
        const text = file ? await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8').catch(() => undefined) : undefined;
        if (text === undefined)
            return { issue, task, text: '', note: 'no log yet' };
        return { issue, task, file: node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(ctx.cwd, file), text: text.split('\n').slice(-(lines ?? 200)).join('\n') };
    }));
    server.registerTool('history', { description: 'Success rate, attempts, time, tokens and cost per plan and per agent; the most frequent failure kinds.', inputSchema: { last: zod__WEBPACK_IMPORTED_MODULE_13__/* .number */ .aig().int().positive().optional() } }, guarded(async ({ last }) => (0,_history_js__WEBPACK_IMPORTED_MODULE_10__/* .summarizeHistory */ .qD)(await (0,_history_js__WEBPACK_IMPORTED_MODULE_10__/* .readRunManifests */ .IX)(root()), last ?? 50, await (0,_history_js__WEBPACK_IMPORTED_MODULE_10__/* .readSessions */ .M1)(root()))));
    return server;
}


/***/ })

};
