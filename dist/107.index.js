export const id = 107;
export const ids = [107];
export const modules = {

/***/ 7440:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  E: () => (/* binding */ planJobSetup),
  c: () => (/* binding */ preparePlanFiles)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/@actions/cache/lib/cache.js + 91 modules
var cache = __webpack_require__(18091);
// EXTERNAL MODULE: ./src/plan/plan-files.ts
var plan_files = __webpack_require__(63602);
// EXTERNAL MODULE: ./src/run/plan-dir.ts
var plan_dir = __webpack_require__(23804);
// EXTERNAL MODULE: ./src/run/setup.ts
var run_setup = __webpack_require__(41688);
// EXTERNAL MODULE: ./src/run/workspace.ts + 1 modules
var run_workspace = __webpack_require__(80701);
// EXTERNAL MODULE: ./src/run/sandbox-gate.ts
var sandbox_gate = __webpack_require__(62588);
// EXTERNAL MODULE: ./src/run/enable-namespaces.ts
var enable_namespaces = __webpack_require__(81151);
// EXTERNAL MODULE: ./src/run/secrets.ts
var secrets = __webpack_require__(53448);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/state/actions-store.ts + 1 modules
var actions_store = __webpack_require__(53124);
;// CONCATENATED MODULE: ./src/state/actions-layer-cache.ts
/**
 * The setup layer (src/run/setup-layer.ts) in the Actions cache: the plan job
 * runs setup once and saves the layer; every task job restores it instead of
 * installing. One entry per setup key, saved and restored as the same
 * relative path (`<key>`) from the layers folder, so the cache version (a hash
 * of the path list) is the same in every job.
 */



/** Cache key of a layer: shared by every plan whose setup and key files are the same. */
const layerCacheKey = (key) => `autopilot-setup-${key}`;
function actionsLayerCache(o) {
    return {
        async restore(key, root) {
            const hit = await (0,actions_store/* inCacheDir */.$M)(root, false, async () => {
                // A half-restored folder from an earlier try would look like the layer's content.
                await (0,promises_.rm)((0,external_node_path_.join)(root, key), { recursive: true, force: true });
                return (await o.cache.restoreCache([key], layerCacheKey(key))) !== undefined;
            }, o.warn);
            o.onRestore?.(hit === true);
            return hit === true;
        },
        async save(key, root) {
            const id = await (0,actions_store/* inCacheDir */.$M)(root, false, () => o.cache.saveCache([key], layerCacheKey(key)), o.warn);
            if ((id === undefined || id === -1) && o.warnOnFailedSave) {
                o.warn(`autopilot: the setup layer ${key.slice(0, 12)} was not saved to the Actions cache; each task job will run setup itself`);
            }
        }
    };
}

;// CONCATENATED MODULE: ./src/action/setup-job.ts
/**
 * The plan folder and the plan's `setup` on Actions (issue 13). The plan job
 * runs setup once and saves its layer to the Actions cache, so the legs of a
 * level do not install in parallel; every task job takes the plan folder's
 * copy and restores the layer from the cache (keyed like the local layer), and
 * on a miss runs setup itself, with a warning.
 */










/** Where a job keeps setup layers: the same relative layout in every job, so the cache entry restores there. */
const layersRoot = (runner) => (0,external_node_path_.join)(runner.context.tempDir, 'autopilot-setup');
/**
 * The plan folder's copy (shared read-only with every step of `workspace`) and the setup layer:
 * restored from the cache in a task job (`role: 'task'`), or built and saved by the plan job.
 */
async function preparePlanFiles(input) {
    const { runner, workspace } = input;
    const folder = (0,plan_files/* planFolderOf */.Zv)(input.planFile, input.repoRoot);
    const planDir = await (0,plan_dir/* snapshotPlanDir */.hQ)(input.repoRoot, folder, (0,external_node_path_.join)(workspace.root, 'plan-dir'), (0,external_node_path_.relative)((0,external_node_path_.join)(input.repoRoot, folder), input.planFile));
    workspace.shared.push({ source: planDir.dir, dest: planDir.dir });
    const plan = (0,plan_dir/* withPlanDir */.jT)(input.plan, planDir);
    let restored;
    const reporter = { event: e => e.type === 'note' && runner.info(e.message) };
    const setup = await (0,run_setup/* prepareSetup */.X)({
        plan,
        baseCommit: input.baseCommit,
        workspace,
        executor: input.executor,
        callerEnv: runner.env,
        mask: (0,secrets/* planMasker */.Z_)(plan, runner.env),
        reporter: {
            event: e => {
                // A task job that finds no layer installs on its own: worth a warning (the plan job should have saved it).
                if (input.role === 'task' && restored === false && e.type === 'note' && e.message.startsWith('setup: step 1 ')) {
                    runner.warning('autopilot: the setup layer is not in the Actions cache (the plan job did not save it); this job runs setup itself');
                }
                reporter.event(e);
            }
        },
        layersRoot: layersRoot(runner),
        logDir: (0,external_node_path_.join)(runner.context.tempDir, 'autopilot-logs', '_setup'),
        cache: actionsLayerCache({
            cache: cache,
            warn: m => runner.warning(m),
            onRestore: hit => (restored = hit),
            warnOnFailedSave: input.role === 'plan'
        }),
        signal: input.signal
    });
    return { plan, planDir, setup };
}
/**
 * The plan job's part: run the setup once (in the sandbox, as tasks will) and save its layer, so the
 * task jobs restore it instead of installing. Nothing to do for a plan without setup.
 */
async function planJobSetup(input) {
    const { plan, runner, executor } = input;
    if (plan.setup.length === 0)
        return;
    const sandbox = await (0,sandbox_gate/* decideSandbox */.MF)({ executor, plan, offBy: input.sandboxOffBy, enable: (0,enable_namespaces/* hostEnabler */.wE)(executor) });
    if (sandbox.note)
        (sandbox.sandboxed ? runner.info : runner.warning).call(runner, sandbox.note);
    const workspace = await (0,run_workspace/* openWorkspace */.O)(executor, input.repoRoot, (0,run_workspace/* defaultWorkRoot */.p)(input.repoRoot, plan.issue, { AUTOPILOT_WORK_DIR: (0,external_node_path_.join)(runner.context.tempDir, 'autopilot-work') }));
    await runner.group('setup', () => preparePlanFiles({ ...input, role: 'plan', plan: sandbox.sandboxed ? plan : { ...plan, sandbox: 'off' }, workspace }));
}


/***/ }),

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
/* harmony import */ var _run_task_context_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(41826);
/* harmony import */ var _run_secrets_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(53448);
/* harmony import */ var _run_sandbox_gate_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(62588);
/* harmony import */ var _run_enable_namespaces_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(81151);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(83916);
/* harmony import */ var _open_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(85880);
/* harmony import */ var _store_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(85743);
/* harmony import */ var _setup_job_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(7440);
/**
 * `command: task`: one matrix leg. Runs its task(s) exactly as the local
 * engine does, with the dependencies' results downloaded from this run's
 * artifacts; uploads each result as an artifact; reuses cached results.
 */














async function taskJob(settings, runner) {
    const { loaded, repoRoot, userGit, executor, sandboxOffBy, planFile } = await (0,_open_js__WEBPACK_IMPORTED_MODULE_10__/* .openActionPlan */ .U)(settings, runner);
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
    const sandbox = await (0,_run_sandbox_gate_js__WEBPACK_IMPORTED_MODULE_8__/* .decideSandbox */ .MF)({ executor, plan, offBy: sandboxOffBy, enable: (0,_run_enable_namespaces_js__WEBPACK_IMPORTED_MODULE_13__/* .hostEnabler */ .wE)(executor) });
    if (sandbox.note)
        (sandbox.sandboxed ? runner.info : runner.warning).call(runner, sandbox.note);
    const store = (0,_store_js__WEBPACK_IMPORTED_MODULE_11__/* .openActionsStore */ .D)(runner, plan.issue);
    for (const v of (0,_run_secrets_js__WEBPACK_IMPORTED_MODULE_7__/* .secretValues */ .VX)(plan, runner.env))
        runner.setSecret(v);
    const reporter = {
        event: e => {
            if (e.type === 'output')
                runner.info(e.line);
            else if (e.type === 'note')
                (e.level === 'warning' ? runner.warning : runner.info).call(runner, e.message);
            else if (e.type === 'step')
                runner.info(`── step ${e.step.index + 1} ${e.step.name}: ${e.step.status}${e.step.message ? ` (${e.step.message})` : ''}`);
        }
    };
    const workspace = await (0,_run_workspace_js__WEBPACK_IMPORTED_MODULE_4__/* .openWorkspace */ .O)(executor, repoRoot, (0,_run_workspace_js__WEBPACK_IMPORTED_MODULE_4__/* .defaultWorkRoot */ .p)(repoRoot, plan.issue, { AUTOPILOT_WORK_DIR: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(runner.context.tempDir, 'autopilot-work') }));
    // The plan folder's copy and the setup layer (restored from the Actions cache): src/action/setup-job.ts.
    // Tasks read the sandbox decision from their plan: `sandbox: off` however it was turned off.
    const files = await (0,_setup_job_js__WEBPACK_IMPORTED_MODULE_12__/* .preparePlanFiles */ .c)({
        role: 'task', plan: sandbox.sandboxed ? plan : { ...plan, sandbox: 'off' }, planFile, repoRoot, baseCommit, workspace, executor, runner
    });
    const ctx = await (0,_run_task_context_js__WEBPACK_IMPORTED_MODULE_6__/* .createTaskContext */ .j)({
        plan: files.plan,
        baseCommit,
        executor,
        store,
        repoRoot,
        workspace,
        callerEnv: runner.env,
        reporter,
        logRoot: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(runner.context.tempDir, 'autopilot-logs'),
        planDir: files.planDir,
        backoffMs: 2000
    });
    ctx.setup = files.setup;
    const mask = ctx.mask;
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
            return await (0,_run_execute_task_js__WEBPACK_IMPORTED_MODULE_5__/* .executeTask */ .d)(ctx, id, deps, new AbortController().signal);
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
