export const id = 107;
export const ids = [107];
export const modules = {

/***/ 64107:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   taskJob: () => (/* binding */ taskJob)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _graph_graph_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1924);
/* harmony import */ var _state_manifest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(87572);
/* harmony import */ var _state_keys_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(87469);
/* harmony import */ var _run_workspace_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(80701);
/* harmony import */ var _run_execute_task_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8736);
/* harmony import */ var _run_agent_calls_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(50355);
/* harmony import */ var _run_secrets_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(53448);
/* harmony import */ var _run_sandbox_gate_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(62588);
/* harmony import */ var _run_enable_namespaces_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(81151);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(83916);
/* harmony import */ var _open_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(85880);
/* harmony import */ var _store_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(44867);
/**
 * `command: task`: one matrix leg. Runs its task(s) exactly as the local
 * engine does, with the dependencies' results downloaded from this run's
 * artifacts; uploads each result as an artifact; reuses cached results.
 */













async function taskJob(settings, runner) {
    const { loaded, repoRoot, userGit, executor, sandboxOffBy } = await (0,_open_js__WEBPACK_IMPORTED_MODULE_10__/* .openActionPlan */ .U)(settings, runner);
    const plan = loaded.plan;
    for (const id of settings.tasks) {
        if (!plan.tasks.some(t => t.id === id)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_9__/* .UsageError */ .eb(`input "task" names "${id}", which is not a task of ${loaded.file}; tasks: ${plan.tasks.map(t => t.id).join(', ')}`);
        }
    }
    if (settings.dryRun) {
        // `dry-run: true`: say what would run, run no step, store nothing.
        const { renderDryRun } = await __webpack_require__.e(/* import() */ 751).then(__webpack_require__.bind(__webpack_require__, 87132));
        runner.info(`dry run: this leg would run ${settings.tasks.join(', ')}\n${renderDryRun(plan)}`);
        runner.setOutput('status', 'dry-run');
        return;
    }
    const graph = (0,_graph_graph_js__WEBPACK_IMPORTED_MODULE_1__/* .buildGraph */ .ZG)(plan.tasks);
    const baseCommit = await userGit.commitOf('HEAD');
    const sandbox = await (0,_run_sandbox_gate_js__WEBPACK_IMPORTED_MODULE_8__/* .decideSandbox */ .MF)({ executor, plan, offBy: sandboxOffBy, enable: (0,_run_enable_namespaces_js__WEBPACK_IMPORTED_MODULE_12__/* .hostEnabler */ .wE)(executor) });
    if (sandbox.note)
        (sandbox.sandboxed ? runner.info : runner.warning).call(runner, sandbox.note);
    const store = (0,_store_js__WEBPACK_IMPORTED_MODULE_11__/* .openActionsStore */ .D)(runner, plan.issue);
    const workspace = await (0,_run_workspace_js__WEBPACK_IMPORTED_MODULE_4__/* .openWorkspace */ .O)(executor, repoRoot, (0,_run_workspace_js__WEBPACK_IMPORTED_MODULE_4__/* .defaultWorkRoot */ .p)(repoRoot, plan.issue, { AUTOPILOT_WORK_DIR: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(runner.context.tempDir, 'autopilot-work') }));
    const mask = (0,_run_secrets_js__WEBPACK_IMPORTED_MODULE_7__/* .planMasker */ .Z_)(plan, runner.env);
    for (const v of (0,_run_secrets_js__WEBPACK_IMPORTED_MODULE_7__/* .secretValues */ .VX)(plan, runner.env))
        runner.setSecret(v);
    const reporter = {
        event: e => {
            if (e.type === 'output')
                runner.info(e.line);
            else if (e.type === 'step')
                runner.info(`── step ${e.step.index + 1} ${e.step.name}: ${e.step.status}${e.step.message ? ` (${e.step.message})` : ''}`);
        }
    };
    const env = {
        // Tasks read the decision from their plan: `sandbox: off` however it was turned off.
        plan: sandbox.sandboxed ? plan : { ...plan, sandbox: 'off' },
        baseCommit,
        baseTree: await workspace.repo.treeOf(baseCommit),
        workspace,
        executor,
        store,
        callerEnv: runner.env,
        mask,
        agents: (0,_run_agent_calls_js__WEBPACK_IMPORTED_MODULE_6__/* .createAgentCalls */ .F)({ plan, callerEnv: runner.env, store, ledger: await store.loadLedger(), warn: m => runner.warning(m) }),
        reporter,
        logRoot: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(runner.context.tempDir, 'autopilot-logs'),
        logBase: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(runner.context.tempDir, 'autopilot-logs'),
        backoffMs: 2000
    };
    const results = new Map();
    const statuses = [];
    for (const id of settings.tasks) {
        const result = await runner.group(`task ${id}`, async () => {
            const deps = [];
            for (const a of (0,_graph_graph_js__WEBPACK_IMPORTED_MODULE_1__/* .ancestors */ .T1)(graph, id)) {
                const r = results.get(a) ?? (await store.loadResult(a));
                if (!r || !_state_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .LANDABLE */ .M.has(r.record.status))
                    return await blocked(id, a, r?.record, store);
                results.set(a, r);
                deps.push(r);
            }
            return await (0,_run_execute_task_js__WEBPACK_IMPORTED_MODULE_5__/* .executeTask */ .d)(env, id, deps, new AbortController().signal);
        });
        results.set(id, result);
        statuses.push(result.record.status);
        const r = result.record;
        runner.info(`task ${id}: ${r.status}${r.reason ? `: ${mask(r.reason.split('\n')[0])}` : ''}`);
        if (!_state_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .LANDABLE */ .M.has(r.status) && r.status !== 'blocked') {
            runner.error(mask(`task ${id} ${r.status}${r.failedStep ? ` at step "${r.failedStep}"` : ''}: ${(r.reason ?? '').split('\n')[0]}`), {
                title: `autopilot: task ${id} ${r.status}`
            });
        }
    }
    const notLanded = settings.tasks.filter((_, i) => !_state_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .LANDABLE */ .M.has(statuses[i]));
    // Only a task that failed makes its leg red: a blocked one finishes green with a notice naming the root cause.
    const failed = notLanded.filter(id => results.get(id).record.status !== 'blocked');
    for (const id of notLanded.filter(id => !failed.includes(id))) {
        runner.notice(mask(`task ${id} blocked: ${results.get(id).record.reason ?? ''}; it did not run, finalize reports it`), {
            title: `autopilot: task ${id} blocked`
        });
    }
    runner.setOutput('status', failed.length ? 'failed' : notLanded.length ? 'blocked' : 'succeeded');
    if (failed.length) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_9__/* .TaskFailedError */ .zX(`task ${failed.join(', ')} did not succeed; see the log group and the annotations above`, failed[0]);
    }
}
/** A task whose dependency did not land: recorded (and uploaded) as blocked, never run. */
async function blocked(id, dep, depRecord, store) {
    const patch = Buffer.alloc(0);
    const record = {
        id,
        status: 'blocked',
        attempts: 0,
        steps: [],
        gates: [],
        patchDigest: (0,_state_keys_js__WEBPACK_IMPORTED_MODULE_3__/* .sha256 */ .sc)(patch),
        // The root cause travels down a chain of blocked tasks: `needs c, which is blocked because needs b, which failed`.
        reason: !depRecord
            ? `needs ${dep}, which has no result in this run`
            : depRecord.status === 'blocked'
                ? `needs ${dep}, which is blocked because ${depRecord.reason ?? 'a task before it did not land'}`
                : `needs ${dep}, which ${depRecord.status}`
    };
    const result = { record, patch };
    await store.saveResult(result);
    return result;
}


/***/ })

};
