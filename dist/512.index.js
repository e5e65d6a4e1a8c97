export const id = 512;
export const ids = [512];
export const modules = {

/***/ 21512:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   finalizeJob: () => (/* binding */ finalizeJob)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _graph_graph_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1924);
/* harmony import */ var _state_manifest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(87572);
/* harmony import */ var _state_new_manifest_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(64281);
/* harmony import */ var _report_text_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(65655);
/* harmony import */ var _report_markdown_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(28812);
/* harmony import */ var _run_workspace_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(96120);
/* harmony import */ var _run_branch_guard_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(74807);
/* harmony import */ var _run_secrets_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(53448);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(83916);
/* harmony import */ var _open_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(85880);
/* harmony import */ var _store_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(65621);
/* harmony import */ var _deliver_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(67450);
/* harmony import */ var _identity_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(2634);
/**
 * `command: finalize` (runs even when tasks failed): collects every task's
 * result from this run's artifacts, integrates exactly as the local engine
 * does, runs the run-level gates, then delivers (push, PR, comment, summary).
 */














async function finalizeJob(settings, runner) {
    const { loaded, repoRoot, userGit, executor, planFile } = await (0,_open_js__WEBPACK_IMPORTED_MODULE_10__/* .openActionPlan */ .U)(settings, runner);
    const plan = loaded.plan;
    const graph = (0,_graph_graph_js__WEBPACK_IMPORTED_MODULE_1__/* .buildGraph */ .ZG)(plan.tasks);
    const order = (0,_graph_graph_js__WEBPACK_IMPORTED_MODULE_1__/* .topoOrder */ .LI)(graph);
    const baseCommit = await userGit.commitOf('HEAD');
    const store = (0,_store_js__WEBPACK_IMPORTED_MODULE_11__/* .openActionsStore */ .D)(runner, plan.issue);
    const manifest = (0,_state_new_manifest_js__WEBPACK_IMPORTED_MODULE_3__/* .startManifest */ .s)({ plan, planHash: loaded.hash, planPath: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.relative)(repoRoot, planFile), baseCommit });
    const results = new Map();
    await runner.group('collect task results', async () => {
        for (const id of order) {
            const r = await store.loadResult(id);
            if (r) {
                results.set(id, r);
                manifest.tasks[id] = r.record;
            }
            else {
                const failedDep = (0,_graph_graph_js__WEBPACK_IMPORTED_MODULE_1__/* .ancestors */ .T1)(graph, id).find(a => !_state_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .LANDABLE */ .M.has(manifest.tasks[a].status));
                manifest.tasks[id] = {
                    ...manifest.tasks[id],
                    status: failedDep ? 'blocked' : 'cancelled',
                    reason: failedDep ? `needs ${failedDep}, which ${manifest.tasks[failedDep].status}` : 'its job did not run or left no result'
                };
            }
            runner.info(`${id}: ${manifest.tasks[id].status}`);
        }
    });
    const workspace = await (0,_run_workspace_js__WEBPACK_IMPORTED_MODULE_6__/* .openWorkspace */ .O)(executor, repoRoot, (0,_run_workspace_js__WEBPACK_IMPORTED_MODULE_6__/* .defaultWorkRoot */ .p)(repoRoot, plan.issue, { AUTOPILOT_WORK_DIR: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(runner.context.tempDir, 'autopilot-work') }));
    // The base commit's own date: re-running finalize rebuilds identical commits, so the push is a no-op.
    const date = await userGit.text(['log', '-1', '--format=%cI', baseCommit]);
    const integration = await (0,_run_branch_guard_js__WEBPACK_IMPORTED_MODULE_7__/* .integrateGuarded */ .Wg)({
        plan,
        planPath: manifest.planPath,
        order,
        results,
        baseCommit,
        date,
        workspace,
        identity: (0,_identity_js__WEBPACK_IMPORTED_MODULE_13__/* .actionIdentity */ .L)(settings, plan, runner.env),
        home: await (0,_deliver_js__WEBPACK_IMPORTED_MODULE_12__/* .originHome */ .W)(userGit, settings, runner),
        branch: manifest.branch,
        recorded: await store.loadDelivered(),
        choice: settings,
        how: _run_branch_guard_js__WEBPACK_IMPORTED_MODULE_7__/* .ACTION_HINTS */ .gw
    });
    manifest.commits = integration.commits;
    manifest.gates = integration.gates;
    manifest.finishedAt = new Date().toISOString();
    const mask = (0,_run_secrets_js__WEBPACK_IMPORTED_MODULE_8__/* .planMasker */ .Z_)(plan, runner.env);
    const repo = runner.context.repository;
    const runUrl = repo ? `${runner.context.serverUrl}/${repo.owner}/${repo.repo}/actions/runs/${runner.context.runId}` : undefined;
    const delivered = await (0,_deliver_js__WEBPACK_IMPORTED_MODULE_12__/* .deliver */ .c)({
        runner,
        settings,
        plan,
        manifest,
        integration,
        repo: workspace.repo,
        checkout: userGit,
        mask,
        logsLocation: runUrl ? `[task artifacts of this run](${runUrl}#artifacts)` : undefined,
        lease: integration.tip,
        recordDelivered: head => store.saveDelivered({ branch: manifest.branch, head, at: new Date().toISOString() })
    });
    const notLanded = plan.tasks.filter(t => !_state_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .LANDABLE */ .M.has(manifest.tasks[t.id].status)).map(t => t.id);
    const problem = delivered.problem;
    const failed = notLanded.length > 0 || problem !== undefined;
    await store
        .saveRunLogs({
        'summary.md': mask((0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_5__/* .renderSummary */ .Br)({ plan, manifest })),
        ...(failed ? { 'FAILED.log': mask((0,_report_text_js__WEBPACK_IMPORTED_MODULE_4__/* .renderFailedLog */ .cS)({ plan, manifest, planArg: String(plan.issue), problem })) } : {})
    })
        .catch(e => runner.warning(`autopilot: could not upload the run logs: ${e.message}`));
    if (failed) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_9__/* .TaskFailedError */ .zX(problem ?? `autopilot #${plan.issue}: ${notLanded.length} task(s) did not land (${notLanded.join(', ')}); status ${delivered.status}`, notLanded[0] ?? '');
    }
}


/***/ }),

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
    /** The newest delivered head saved by any run (cache entries are immutable: one key per save, newest wins). */
    async loadDelivered() {
        const prefix = this.cacheKey('delivered-');
        const hit = await this.withCacheDir('delivered-load', async (dir) => {
            const k = await this.o.cache.restoreCache([CACHE_PATH], prefix, [prefix]);
            return k ? await (0,state_files/* readJson */.Vh)((0,external_node_path_.join)(dir, CACHE_PATH, 'delivered.json')) : undefined;
        });
        return hit ?? undefined;
    }
    async saveDelivered(delivered) {
        const key = this.cacheKey(`delivered-${this.o.runId}-${this.o.runAttempt}-${Date.now()}`);
        await this.withCacheDir('delivered-save', async (dir) => {
            await (0,state_files/* writeAtomic */.vZ)((0,external_node_path_.join)(dir, CACHE_PATH, 'delivered.json'), JSON.stringify(delivered));
            const id = await this.o.cache.saveCache([CACHE_PATH], key);
            if (id === -1)
                this.o.warn('autopilot: the delivered head was not saved to the Actions cache; the next run checks the branch by its trailers');
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


/***/ })

};
