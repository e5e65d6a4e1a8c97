export const id = 132;
export const ids = [132,751];
export const modules = {

/***/ 87132:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderDryRun: () => (/* binding */ renderDryRun)
/* harmony export */ });
/* harmony import */ var _graph_graph_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1924);
/* harmony import */ var _agents_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(85638);
/* harmony import */ var _step_env_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(79889);



function renderDryRun(plan) {
    const graph = (0,_graph_graph_js__WEBPACK_IMPORTED_MODULE_0__/* .buildGraph */ .ZG)(plan.tasks);
    const lines = [`dry run of issue #${plan.issue}: ${plan.title} (nothing is executed)`];
    for (const id of (0,_graph_graph_js__WEBPACK_IMPORTED_MODULE_0__/* .topoOrder */ .LI)(graph)) {
        const task = plan.tasks.find(t => t.id === id);
        lines.push('', `task ${id}${task.name ? ` (${task.name})` : ''}${task.needs.length ? `, needs ${task.needs.join(', ')}` : ''}`);
        lines.push(`  may change: ${(task.paths ?? plan.gates['allow-paths']).join(', ') || '(nothing: no paths and no gates.allow-paths)'}`);
        for (const [i, step] of task.steps.entries()) {
            if (step.run) {
                lines.push(`  step ${i + 1}: run ${JSON.stringify((0,_step_env_js__WEBPACK_IMPORTED_MODULE_2__/* .shellArgv */ .$K)(step.shell ?? plan.defaults.shell, step.run))}`);
                continue;
            }
            const resolved = (0,_agents_index_js__WEBPACK_IMPORTED_MODULE_1__/* .resolveAgentCall */ .UR)(plan, task, step);
            resolved.calls.forEach((call, k) => {
                const inv = (0,_agents_index_js__WEBPACK_IMPORTED_MODULE_1__/* .getDriver */ .vZ)(call.agent).build({
                    prompt: '<assembled prompt>',
                    promptFile: `<tmp>/prompt-${call.agent}.md`,
                    cwd: '<worktree>',
                    model: call.model,
                    args: call.args,
                    allowedTools: call.allowedTools,
                    command: call.command
                });
                const label = k === 0 ? `step ${i + 1}: agent ${call.agent}` : `  fallback ${k}: agent ${call.agent}`;
                lines.push(`  ${label} ${JSON.stringify(inv.argv)}${inv.stdin !== undefined ? ' (prompt on stdin)' : ''}`);
            });
        }
        for (const c of task.checks)
            lines.push(`  check: ${JSON.stringify((0,_step_env_js__WEBPACK_IMPORTED_MODULE_2__/* .shellArgv */ .$K)(plan.defaults.shell, typeof c === 'string' ? c : c.run))}`);
    }
    return lines.join('\n') + '\n';
}


/***/ }),

/***/ 79889:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $K: () => (/* binding */ shellArgv),
/* harmony export */   G7: () => (/* binding */ shellRequest),
/* harmony export */   aq: () => (/* binding */ buildStepEnv),
/* harmony export */   ty: () => (/* binding */ taskShellIn)
/* harmony export */ });
/* unused harmony export BASE_ENV_NAMES */
/** Variables every step gets from the caller (if set), because tools break without them. */
const BASE_ENV_NAMES = ['PATH', 'HOME', 'LANG', 'TZ', 'TERM'];
function buildStepEnv(input) {
    const { caller, plan, task, step } = input;
    const env = {};
    for (const name of BASE_ENV_NAMES) {
        const v = caller[name];
        if (v !== undefined)
            env[name] = v;
    }
    env.LANG ??= 'C.UTF-8';
    env.PATH ??= '/usr/local/bin:/usr/bin:/bin';
    env.TMPDIR = input.tmpDir;
    if (input.home !== undefined)
        env.HOME = input.home;
    env.CI = 'true';
    // AUTOPILOT_* also mark the process as ours, so a crashed run's strays can be found (process-registry.ts).
    Object.assign(env, plan.defaults.env, task.env ?? {}, step.env ?? {}, { AUTOPILOT: '1', AUTOPILOT_ISSUE: String(plan.issue), AUTOPILOT_TASK: task.id }, input.own ?? {});
    const names = new Set([...plan.defaults['pass-env'], ...(step['pass-env'] ?? []), ...(input.passExtra ?? [])]);
    const secrets = [];
    const missing = [];
    for (const name of names) {
        const v = caller[name];
        if (v === undefined) {
            missing.push(name);
            continue;
        }
        env[name] = v;
        if (v.length > 0)
            secrets.push(v);
    }
    return { env, secrets, missing };
}
/** The argument vector for a `run:` step in the given shell. */
function shellArgv(shell, script) {
    switch (shell) {
        case 'bash':
            return ['bash', '--noprofile', '--norc', '-eo', 'pipefail', '-c', script];
        case 'sh':
            return ['sh', '-e', '-c', script];
        default:
            // A custom shell, GitHub style: `{0}` is replaced by the script; else appended.
            return shell.includes('{0}')
                ? shell.split(/\s+/).map(p => (p === '{0}' ? script : p))
                : [...shell.split(/\s+/), script];
    }
}
/** The shell of a task's commands in `worktree`, seeing what `view` gives unless the plan says `sandbox: off`. */
function taskShellIn(o) {
    const { view, ...shell } = o;
    return { ...shell, home: view.home, sandbox: o.plan.sandbox === 'off' ? undefined : view.spec };
}
const NO_STEP = { retries: 0, 'continue-on-error': false };
/**
 * A check or rollback command in the task's worktree: the step's shell, network and
 * timeout (else the plan's defaults) and environment, sandboxed like any step.
 */
function shellRequest(s, command, step = NO_STEP) {
    const { plan, task } = s;
    return {
        argv: shellArgv(step.shell ?? plan.defaults.shell, command),
        cwd: s.worktree,
        env: buildStepEnv({ caller: s.callerEnv, plan, task, step, tmpDir: s.tmpDir, home: s.home }).env,
        timeoutMs: (step['timeout-minutes'] ?? plan.defaults['timeout-minutes']) * 60_000,
        network: step.network ?? plan.defaults.network,
        sandbox: s.sandbox,
        limits: s.limits,
        mask: s.mask,
        signal: s.signal
    };
}


/***/ })

};
