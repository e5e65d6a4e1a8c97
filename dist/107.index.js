export const id = 107;
export const ids = [107];
export const modules = {

/***/ 65621:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  D: () => (/* binding */ openActionsStore)
});

// EXTERNAL MODULE: ./node_modules/@actions/artifact/lib/artifact.js + 83 modules
var artifact = __webpack_require__(56518);
// EXTERNAL MODULE: ./node_modules/@actions/cache/lib/cache.js + 91 modules
var cache = __webpack_require__(18091);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/p-limit/index.js + 1 modules
var p_limit = __webpack_require__(70370);
// EXTERNAL MODULE: ./src/state/files.ts
var state_files = __webpack_require__(60766);
// EXTERNAL MODULE: ./src/state/local-store.ts
var local_store = __webpack_require__(87922);
;// CONCATENATED MODULE: ./src/state/actions-store.ts
/**
 * StateStore on GitHub Actions: each task's result is one artifact of the
 * workflow run (unique name: run id, attempt, task id), so later jobs of the
 * run can download it; content-addressed results and the per-day usage ledger
 * live in the Actions cache, so later runs can reuse them. Cache trouble is a
 * warning, never a failure.
 */





/** Artifact names: `autopilot-<issue>-<run>-<attempt>-<task>`. */
function artifactName(scope, runId, attempt, taskId) {
    return `autopilot-${scope}-${runId}-${attempt}-${taskId}`;
}
/** The task id and attempt an artifact name holds, if it is one of this run's results. */
function parseArtifactName(name, scope, runId) {
    const prefix = `autopilot-${scope}-${runId}-`;
    if (!name.startsWith(prefix))
        return undefined;
    const m = /^(\d+)-(.+)$/.exec(name.slice(prefix.length));
    return m && m[2] !== 'logs' ? { attempt: Number(m[1]), taskId: m[2] } : undefined;
}
// One relative path for every cache entry: the cache version hashes the path list.
const CACHE_PATH = 'entry';
class ActionsStateStore {
    o;
    manifestFile;
    // The cache client works relative to the process's cwd and GITHUB_WORKSPACE, which
    // withCacheDir changes: one cache operation at a time.
    cacheTurn = (0,p_limit/* default */.A)(1);
    listed;
    constructor(o) {
        this.o = o;
        this.manifestFile = (0,external_node_path_.join)(o.tempDir, 'autopilot-state', 'manifest.json');
    }
    loadManifest() {
        return (0,state_files/* readJson */.Vh)(this.manifestFile);
    }
    async saveManifest(manifest) {
        await (0,state_files/* writeAtomic */.vZ)(this.manifestFile, JSON.stringify(manifest, null, 2) + '\n');
    }
    /** Uploads result.json, patch.diff and the task's logs as one artifact. */
    async saveResult(result, logDir) {
        const id = result.record.id;
        const root = (0,external_node_path_.join)(this.o.tempDir, 'autopilot-state', 'upload', id);
        await (0,promises_.rm)(root, { recursive: true, force: true });
        await (0,local_store/* writeResult */.Zk)(root, result);
        if (logDir && (await (0,state_files/* exists */.t2)(logDir)))
            await (0,promises_.cp)(logDir, (0,external_node_path_.join)(root, id), { recursive: true });
        const files = await listFiles(root);
        await this.o.artifacts.uploadArtifact(artifactName(this.o.scope, this.o.runId, this.o.runAttempt, id), files, root, {
            retentionDays: 30
        });
    }
    /** The run's own reports (summary, failure report) as one artifact beside the task artifacts. */
    async saveRunLogs(files) {
        const root = (0,external_node_path_.join)(this.o.tempDir, 'autopilot-state', 'run-logs');
        await (0,promises_.rm)(root, { recursive: true, force: true });
        for (const [name, text] of Object.entries(files))
            await (0,state_files/* writeAtomic */.vZ)((0,external_node_path_.join)(root, name), text);
        // `.logs` cannot be a task id (no dots), so parseArtifactName never takes it for a result.
        const name = `autopilot-${this.o.scope}-${this.o.runId}-${this.o.runAttempt}.logs`;
        await this.o.artifacts.uploadArtifact(name, Object.keys(files).map(f => (0,external_node_path_.join)(root, f)), root, { retentionDays: 30 });
    }
    /** The latest attempt's result of `taskId` in this run, downloaded with its logs. */
    async loadResult(taskId) {
        const found = (await this.artifactsOfRun()).get(taskId);
        if (!found)
            return undefined;
        const dir = (0,external_node_path_.join)(this.o.tempDir, 'autopilot-state', 'download', taskId);
        await (0,promises_.rm)(dir, { recursive: true, force: true });
        await this.o.artifacts.downloadArtifact(found.id, { path: dir });
        return await (0,local_store/* readResult */.Uv)(dir);
    }
    /** Where loadResult put a task's downloaded logs. */
    downloadedLogDir(taskId) {
        return (0,external_node_path_.join)(this.o.tempDir, 'autopilot-state', 'download', taskId, taskId);
    }
    async lookup(key) {
        const hit = await this.withCacheDir(`result-${key}`, async (dir) => {
            const k = await this.o.cache.restoreCache([CACHE_PATH], this.cacheKey(`result-${key}`));
            return k ? await (0,local_store/* readResult */.Uv)((0,external_node_path_.join)(dir, CACHE_PATH)) : undefined;
        });
        return hit ?? undefined;
    }
    async remember(key, result) {
        await this.withCacheDir(`save-${key}`, async (dir) => {
            await (0,local_store/* writeResult */.Zk)((0,external_node_path_.join)(dir, CACHE_PATH), result);
            const id = await this.o.cache.saveCache([CACHE_PATH], this.cacheKey(`result-${key}`));
            if (id === -1)
                this.o.warn(`autopilot: the result of task ${result.record.id} was not saved to the Actions cache`);
        });
    }
    async loadLedger() {
        const day = new Date().toISOString().slice(0, 10);
        const prefix = this.cacheKey(`ledger-${day}-`);
        const hit = await this.withCacheDir('ledger-load', async (dir) => {
            const k = await this.o.cache.restoreCache([CACHE_PATH], prefix, [prefix]);
            return k ? await (0,state_files/* readJson */.Vh)((0,external_node_path_.join)(dir, CACHE_PATH, 'ledger.json')) : undefined;
        });
        return hit ?? undefined;
    }
    async saveLedger(ledger) {
        // Cache entries are immutable: each save is a new key; restore picks the newest by prefix.
        const key = this.cacheKey(`ledger-${ledger.day}-${this.o.runId}-${this.o.runAttempt}-${Date.now()}`);
        await this.withCacheDir('ledger-save', async (dir) => {
            await (0,state_files/* writeAtomic */.vZ)((0,external_node_path_.join)(dir, CACHE_PATH, 'ledger.json'), JSON.stringify(ledger));
            await this.o.cache.saveCache([CACHE_PATH], key);
        });
    }
    cacheKey(suffix) {
        return `autopilot-${this.o.scope}-${suffix}`;
    }
    artifactsOfRun() {
        this.listed ??= (async () => {
            const { artifacts } = await this.o.artifacts.listArtifacts();
            const out = new Map();
            for (const a of artifacts) {
                const p = parseArtifactName(a.name, this.o.scope, this.o.runId);
                if (!p)
                    continue;
                const prev = out.get(p.taskId);
                if (!prev || p.attempt > prev.attempt)
                    out.set(p.taskId, { id: a.id, attempt: p.attempt });
            }
            return out;
        })();
        return this.listed;
    }
    /**
     * Runs `fn` with the process in a fresh scratch folder that is also
     * GITHUB_WORKSPACE: the cache client globs relative to the working directory
     * but stores (and restores) tar entries relative to GITHUB_WORKSPACE, so
     * both must be the folder for `entry` to come back where it was saved.
     * Any error becomes a warning: the cache is an optimisation.
     */
    withCacheDir(name, fn) {
        return this.cacheTurn(() => this.inCacheDir(name, fn));
    }
    async inCacheDir(name, fn) {
        const dir = (0,external_node_path_.join)(this.o.tempDir, 'autopilot-state', 'cache', name);
        const previous = process.cwd();
        const workspace = process.env.GITHUB_WORKSPACE;
        try {
            await (0,promises_.rm)(dir, { recursive: true, force: true });
            await (0,promises_.mkdir)(dir, { recursive: true });
            process.chdir(dir);
            process.env.GITHUB_WORKSPACE = dir;
            return await fn(dir);
        }
        catch (e) {
            this.o.warn(`autopilot: Actions cache unavailable (${e.message}); continuing without it`);
            return undefined;
        }
        finally {
            process.chdir(previous);
            if (workspace === undefined)
                delete process.env.GITHUB_WORKSPACE;
            else
                process.env.GITHUB_WORKSPACE = workspace;
        }
    }
}
async function listFiles(root) {
    const entries = await (0,promises_.readdir)(root, { recursive: true, withFileTypes: true });
    return entries.filter(e => e.isFile()).map(e => (0,external_node_path_.join)(e.parentPath, e.name));
}

;// CONCATENATED MODULE: ./src/action/store.ts
/** The Actions state store, wired to the real artifact and cache clients. */



function openActionsStore(runner, issue) {
    return new ActionsStateStore({
        artifacts: new artifact/* DefaultArtifactClient */.t9(),
        cache: cache,
        runId: runner.context.runId,
        runAttempt: runner.context.runAttempt,
        tempDir: runner.context.tempDir,
        scope: String(issue),
        warn: m => runner.warning(m)
    });
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
/* harmony import */ var _run_agent_calls_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(94903);
/* harmony import */ var _run_secrets_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(53448);
/* harmony import */ var _run_sandbox_gate_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(62588);
/* harmony import */ var _run_enable_namespaces_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(81151);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(83916);
/* harmony import */ var _open_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(85880);
/* harmony import */ var _store_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(65621);
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
        agents: (0,_run_agent_calls_js__WEBPACK_IMPORTED_MODULE_6__/* .createAgentCalls */ .F)({ plan, callerEnv: runner.env, store, ledger: await store.loadLedger() }),
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
    runner.setOutput('status', notLanded.length ? statuses.find(s => !_state_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .LANDABLE */ .M.has(s)) : statuses[0]);
    if (notLanded.length) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_9__/* .TaskFailedError */ .zX(`task ${notLanded.join(', ')} did not succeed; see the log group and the annotations above`, notLanded[0]);
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
        reason: `needs ${dep}, which ${depRecord ? depRecord.status : 'has no result in this run'}`
    };
    const result = { record, patch };
    await store.saveResult(result);
    return result;
}


/***/ })

};
