export const id = 928;
export const ids = [928];
export const modules = {

/***/ 85880:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ openActionPlan)
/* harmony export */ });
/* harmony import */ var _run_open_repo_plan_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(84670);
/* harmony import */ var _run_executor_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83615);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _run_sandbox_gate_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(62588);
/** What every action command starts from: settings, the plan, the checkout and the executor. */




async function openActionPlan(settings, runner) {
    const planArg = settings.plan || (runner.context.issueNumber !== undefined ? String(runner.context.issueNumber) : '');
    if (!planArg) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb('input "plan" is empty and the event has no issue; pass `plan:` (a path or an issue number)');
    }
    const sandboxOffBy = settings.sandbox === 'off' ? 'the action input `sandbox: off`' : (0,_run_sandbox_gate_js__WEBPACK_IMPORTED_MODULE_3__/* .sandboxOffInEnv */ .Vu)(runner.env);
    const executor = new _run_executor_js__WEBPACK_IMPORTED_MODULE_1__/* .ProcessExecutor */ .l(undefined, { sandbox: sandboxOffBy === undefined });
    const opened = await (0,_run_open_repo_plan_js__WEBPACK_IMPORTED_MODULE_0__/* .openRepoPlan */ .c)(planArg, runner.context.workspace, executor);
    return { ...opened, planArg, executor, sandboxOffBy };
}


/***/ }),

/***/ 84670:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  c: () => (/* binding */ openRepoPlan)
});

// EXTERNAL MODULE: ./src/plan/load.ts + 6 modules
var load = __webpack_require__(60005);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/plan/locate.ts
var locate = __webpack_require__(44493);
;// CONCATENATED MODULE: ./src/plan/open.ts
// What commands call to get the plan a `[plan]` argument names, loaded and validated.



/**
 * Resolve `arg` (path, issue number or nothing, see resolvePlanPath) from `cwd`
 * and load it; problems name the file relative to `cwd` when it is below it.
 */
async function openPlan(arg, cwd) {
    const file = await resolvePlanPath(arg, cwd);
    return loadPlan(file, displayPath(file, cwd));
}
/** `file` relative to `cwd` when it is inside it, else absolute. */
function displayPath(file, cwd) {
    const rel = external_node_path_default().relative(cwd, file);
    return rel === '' || rel.startsWith('..') || external_node_path_default().isAbsolute(rel) ? file : rel;
}

// EXTERNAL MODULE: ./src/plan/plan-files.ts
var plan_files = __webpack_require__(63602);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/git/git.ts
var git_git = __webpack_require__(10308);
;// CONCATENATED MODULE: ./src/run/open-repo-plan.ts
/** The plan a command names and the git repository it belongs to. Kept small: every entry point loads it. */






/** Opens the plan and the repository it belongs to. */
async function openRepoPlan(planArg, cwd, executor) {
    const planFile = await (0,locate/* resolvePlanPath */.PC)(planArg, cwd);
    const loaded = await (0,load/* loadPlan */.Y)(planFile, displayPath(planFile, cwd));
    const git = new git_git/* Git */.TU(executor, cwd);
    const repoRoot = await git.findTopLevel();
    if (repoRoot === undefined)
        throw new errors/* AutopilotError */.Wz(`${cwd} is not inside a git repository; autopilot runs plans in one`);
    (0,plan_files/* assertPlanFiles */.Ds)(loaded, planFile, repoRoot);
    return { loaded, planFile, repoRoot, userGit: git.at(repoRoot) };
}


/***/ }),

/***/ 62588:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MF: () => (/* binding */ decideSandbox),
/* harmony export */   Nd: () => (/* binding */ sandboxShareInEnv),
/* harmony export */   Vu: () => (/* binding */ sandboxOffInEnv)
/* harmony export */ });
/* harmony import */ var _sandbox_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(10570);

/**
 * Whether steps may run here. `offBy` names who turned the sandbox off outside the plan
 * (AUTOPILOT_SANDBOX=off, `--sandbox off`, the action input). `enable`, when given, may change
 * the host so namespaces work (hosted runners, src/run/enable-namespaces.ts).
 * Throws SandboxUnavailableError (exit 3) when the sandbox is on but cannot be had.
 */
async function decideSandbox(input) {
    const offBy = input.offBy ?? (input.plan.sandbox === 'off' ? '`sandbox: off` in the plan' : undefined);
    if (offBy)
        return { sandboxed: false, note: (0,_sandbox_js__WEBPACK_IMPORTED_MODULE_0__/* .sandboxOffWarning */ .b4)(`turned off by ${offBy}`) };
    const problem = await input.executor.sandboxProblem();
    if (!problem)
        return { sandboxed: true };
    if (input.enable) {
        const r = await input.enable(problem);
        if (r.ok)
            return { sandboxed: true, note: r.log };
        throw new _sandbox_js__WEBPACK_IMPORTED_MODULE_0__/* .SandboxUnavailableError */ .Mh(`${problem}; ${r.log}`);
    }
    throw new _sandbox_js__WEBPACK_IMPORTED_MODULE_0__/* .SandboxUnavailableError */ .Mh(problem);
}
/** Who turned the sandbox off in the environment (AUTOPILOT_SANDBOX=off), if anyone. */
function sandboxOffInEnv(env) {
    return env.AUTOPILOT_SANDBOX === 'off' ? 'AUTOPILOT_SANDBOX=off' : undefined;
}
/** Folders the caller shares read-write with every step (AUTOPILOT_SANDBOX_SHARE, absolute paths, `:`-separated). */
function sandboxShareInEnv(env) {
    return (env.AUTOPILOT_SANDBOX_SHARE ?? '').split(':').filter(p => p.startsWith('/'));
}


/***/ }),

/***/ 53448:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   VX: () => (/* binding */ secretValues),
/* harmony export */   Z_: () => (/* binding */ planMasker),
/* harmony export */   pr: () => (/* binding */ namedSecrets)
/* harmony export */ });
/* unused harmony exports secretNames, SECRET_NAME */
/* harmony import */ var _agents_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(85638);
/* harmony import */ var _report_mask_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(69488);


/** Every `pass-env` name in the plan, plus the credentials of every agent it uses. */
function secretNames(plan) {
    const names = new Set(plan.defaults['pass-env']);
    for (const a of Object.values(plan.agents))
        for (const n of a?.['pass-env'] ?? [])
            names.add(n);
    for (const t of plan.tasks) {
        for (const s of t.steps) {
            for (const n of s['pass-env'] ?? [])
                names.add(n);
            for (const agent of s.agent ? [s.agent, ...(s.fallback ?? t.fallback ?? plan.agents[s.agent]?.fallback ?? [])] : []) {
                const d = (0,_agents_index_js__WEBPACK_IMPORTED_MODULE_0__/* .getDriver */ .vZ)(agent);
                for (const n of d.credentials.flat())
                    names.add(n);
                // Optional provider settings: only the secret ones (keys, tokens, headers); a provider type or
                // model name masked everywhere would garble every log.
                for (const n of d.optionalEnv ?? [])
                    if (/KEY|TOKEN|SECRET|HEADERS/.test(n))
                        names.add(n);
            }
        }
    }
    return [...names];
}
/** The masker for a run: every value the plan may pass to a step, as the caller's environment holds it. */
function planMasker(plan, env) {
    return (0,_report_mask_js__WEBPACK_IMPORTED_MODULE_1__/* .createMasker */ .aD)(secretValues(plan, env));
}
/**
 * `env` names that look like they hold a credential. `env` values are written
 * in the plan (public to whoever reads it), so most are settings; but a value
 * under such a name is treated as a secret: masked, and kept out of changes.
 */
const SECRET_NAME = /(TOKEN|SECRET|PASSWORD|PASSWD|PASSPHRASE|CREDENTIAL|PRIVATE|API_?KEY|ACCESS_?KEY|AUTH)/i;
/** Plan `env` entries (defaults, tasks, steps) whose names look secret. */
function secretEnvEntries(plan) {
    const maps = [plan.defaults.env, ...plan.tasks.flatMap(t => [t.env ?? {}, ...t.steps.map(s => s.env ?? {})])];
    return maps.flatMap(m => Object.entries(m).filter(([n, v]) => SECRET_NAME.test(n) && v)).map(([name, value]) => ({ name, value }));
}
/**
 * Every value the plan hands to tasks, with its variable: `pass-env` values,
 * agent credentials (from the caller's environment), and secret-named `env`
 * values. The `secret-values` gate keeps them out of changes; every text
 * autopilot writes masks them.
 */
function namedSecrets(plan, env) {
    const passed = secretNames(plan).flatMap(n => (env[n] ? [{ name: n, value: env[n] }] : []));
    return [...passed, ...secretEnvEntries(plan)];
}
/** The values behind `namedSecrets`. */
function secretValues(plan, env) {
    return [...new Set(namedSecrets(plan, env).map(s => s.value))];
}


/***/ }),

/***/ 80701:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  p: () => (/* binding */ defaultWorkRoot),
  O: () => (/* binding */ openWorkspace)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/p-limit/index.js + 1 modules
var p_limit = __webpack_require__(70370);
// EXTERNAL MODULE: ./src/git/git.ts
var git = __webpack_require__(10308);
// EXTERNAL MODULE: ./src/state/files.ts
var files = __webpack_require__(60766);
;// CONCATENATED MODULE: ./src/run/step-git.ts
/**
 * The git dir a step sees: small, its own, and worthless to an attacker.
 *
 * A task's worktree belongs to autopilot's private clone, whose admin folder
 * (`repo.git/worktrees/<id>`: HEAD, index, commondir) and shared config,
 * refs and hooks are what autopilot's own git reads. None of that is shown in
 * the sandbox. Instead the worktree's `.git` file names a git dir made here for
 * the task (HEAD at the task's start, a copy of the index, an empty config),
 * which borrows every object read-only through `objects/info/alternates`, so an
 * agent can still run `git status`, `diff`, `log` and `commit` inside.
 * Whatever a step writes there (config, attributes, hooks, refs, replace refs,
 * alternates, or a rewritten `.git` file) changes only this throwaway folder.
 */


/** Where, inside the sandbox, the borrowed object stores appear (read-only). */
const SANDBOX_OBJECTS = '/.autopilot/objects';
/**
 * The object stores `objects` uses: itself and, through `info/alternates`, the stores it borrows
 * from (the user's repository, for a `--shared` clone), depth-first as git reads them.
 */
async function objectStores(objects, depth = 0) {
    const stores = [objects];
    if (depth >= 5)
        return stores;
    let text = '';
    try {
        text = await (0,promises_.readFile)((0,external_node_path_.join)(objects, 'info', 'alternates'), 'utf8');
    }
    catch {
        return stores;
    }
    for (const line of text.split('\n')) {
        const entry = line.trim();
        if (!entry || entry.startsWith('#'))
            continue;
        const path = (0,external_node_path_.isAbsolute)(entry) ? entry : (0,external_node_path_.resolve)(objects, entry);
        for (const s of await objectStores(path, depth + 1))
            if (!stores.includes(s))
                stores.push(s);
    }
    return stores;
}
/** The binds that show `stores` at neutral paths, each with its `info` (and so its alternates) emptied. */
function objectBinds(stores, emptyDir) {
    return stores.flatMap((source, i) => [
        { source, dest: `${SANDBOX_OBJECTS}/${i}` },
        // The host paths in a store's own alternates do not exist in here; git would complain on every call.
        { source: emptyDir, dest: `${SANDBOX_OBJECTS}/${i}/info` }
    ]);
}
/**
 * Makes (afresh) the step's git dir `dir` for `worktree` and points the worktree's `.git` at it.
 * Returns the binds the sandbox needs for its objects.
 */
async function makeStepGitDir(input) {
    const { dir } = input;
    await (0,promises_.rm)(dir, { recursive: true, force: true });
    const empty = (0,external_node_path_.join)(dir, '..', '.empty');
    await (0,promises_.mkdir)(empty, { recursive: true });
    await (0,promises_.mkdir)((0,external_node_path_.join)(dir, 'objects', 'info'), { recursive: true });
    await (0,promises_.mkdir)((0,external_node_path_.join)(dir, 'refs', 'heads'), { recursive: true });
    await (0,promises_.mkdir)((0,external_node_path_.join)(dir, 'refs', 'tags'), { recursive: true });
    await (0,promises_.writeFile)((0,external_node_path_.join)(dir, 'HEAD'), `${input.head}\n`);
    await (0,promises_.writeFile)((0,external_node_path_.join)(dir, 'config'), '[core]\n\trepositoryformatversion = 0\n\tfilemode = true\n\tbare = false\n');
    await (0,promises_.writeFile)((0,external_node_path_.join)(dir, 'objects', 'info', 'alternates'), input.stores.map((_, i) => `${SANDBOX_OBJECTS}/${i}\n`).join(''));
    await (0,promises_.copyFile)(input.index, (0,external_node_path_.join)(dir, 'index')).catch(() => { });
    await restoreDotGit(input.worktree, dir);
    return { dir, binds: objectBinds(input.stores, empty) };
}
/** Replaces whatever the worktree's `.git` is now (file, folder, link) by a file naming `gitDir`. */
async function restoreDotGit(worktree, gitDir) {
    const dotGit = (0,external_node_path_.join)(worktree, '.git');
    // Removed first: writing through a link a step left there would write wherever it points.
    await (0,promises_.rm)(dotGit, { recursive: true, force: true });
    await (0,promises_.writeFile)(dotGit, `gitdir: ${gitDir}\n`, { flag: 'wx' });
}

;// CONCATENATED MODULE: ./src/run/workspace.ts
/**
 * Where tasks run: a private bare clone of the user's repository (objects
 * shared, nothing copied) and a pool of worktrees outside the user's checkout,
 * one per task running at once. A worktree is switched from one task's start
 * tree to the next, writing only the files that differ, so a task costs what
 * its change costs, not what the repository weighs. The user's HEAD, index,
 * working files, hooks and worktree list are never touched; only the final
 * branch is fetched back into their repository.
 */








/** The default work root: per repository and issue, under the system temp dir. */
function defaultWorkRoot(repoRoot, issue, env) {
    const base = env.AUTOPILOT_WORK_DIR ?? (0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'autopilot');
    const id = (0,external_node_crypto_.createHash)('sha256').update(repoRoot).digest('hex').slice(0, 12);
    return (0,external_node_path_.join)(base, id, String(issue));
}
async function openWorkspace(executor, repoRoot, root) {
    const repoDir = (0,external_node_path_.join)(root, 'repo.git');
    const user = new git/* Git */.TU(executor, repoRoot);
    if (!(await (0,files/* exists */.t2)((0,external_node_path_.join)(repoDir, 'HEAD')))) {
        await (0,promises_.mkdir)(root, { recursive: true });
        await user.at(root).cloneBareShared(repoRoot, repoDir);
    }
    const repo = new git/* Git */.TU(executor, repoDir);
    // Caches agents write into the worktree they work in (aider's repo map) are not part of a task's
    // change. Ignored files never land, so an agent cannot smuggle anything through this list.
    await (0,promises_.mkdir)((0,external_node_path_.join)(repoDir, 'info'), { recursive: true });
    await (0,promises_.writeFile)((0,external_node_path_.join)(repoDir, 'info', 'exclude'), '# autopilot: agent caches, never part of a change\n.aider*\n');
    const indexDir = (0,external_node_path_.join)(root, 'index');
    await (0,promises_.mkdir)(indexDir, { recursive: true });
    await (0,promises_.mkdir)((0,external_node_path_.join)(root, 'tmp'), { recursive: true });
    // `git worktree add/remove/prune` read and write repo.git/worktrees/ without a lock: side by side they
    // fail ("failed to read worktrees/<x>/commondir") or prune a worktree being created (bench/: 32 tasks
    // at once failed 1 run in 2). So they run one at a time.
    const serial = (0,p_limit/* default */.A)(1);
    const adminDirs = new Map();
    const remove = async (path) => {
        // The step pointed `.git` at its own git dir (or replaced it): point it back, so `worktree remove` accepts it.
        const admin = adminDirs.get(path);
        if (admin)
            await restoreDotGit(path, admin).catch(() => { });
        await serial(() => repo.worktreeRemove(path));
        await (0,promises_.rm)(path, { recursive: true, force: true });
        await forget(path);
    };
    /** The task's HOME and step git dir, made by `prepareSandbox` for the worktree at `path`. */
    const forget = async (path) => {
        await (0,promises_.rm)((0,external_node_path_.join)(root, 'home', (0,external_node_path_.basename)(path)), { recursive: true, force: true });
        await (0,promises_.rm)((0,external_node_path_.join)(root, 'stepgit', (0,external_node_path_.basename)(path)), { recursive: true, force: true });
    };
    // Read on first use: the chain of object stores the private clone borrows from (the user's repository).
    let stores;
    const shared = [];
    const free = [];
    const all = new Set();
    const privateIndexes = new Map();
    let made = 0;
    const wtPath = (name) => (0,external_node_path_.join)(root, 'wt', name);
    /**
     * A worktree is named for the task it serves (`wt/<task>`), idle ones `wt/.idle-<n>` (task ids cannot
     * start with a dot). Moving it is a rename plus git's two pointers, rewritten here: `git worktree move`
     * refuses worktrees holding submodules, which a step may have left.
     */
    const move = async (slot, to) => {
        if (slot.path === to)
            return;
        if (await (0,files/* exists */.t2)(to))
            await remove(to);
        // The step's `.git` names its own git dir: point it back at the admin dir before the move.
        await restoreDotGit(slot.path, slot.gitDir);
        await forget(slot.path);
        adminDirs.delete(slot.path);
        privateIndexes.delete(slot.path);
        await (0,promises_.rename)(slot.path, to);
        await (0,promises_.writeFile)((0,external_node_path_.join)(slot.gitDir, 'gitdir'), `${(0,external_node_path_.join)(to, '.git')}\n`);
        slot.path = to;
        adminDirs.set(to, slot.gitDir);
        privateIndexes.set(to, slot.privateIndex);
        slot.git = repo.worktreeAt(to, slot.gitDir).withIndex(slot.privateIndex);
    };
    const create = async (name, tree, head) => {
        const path = wtPath(name);
        // A leftover of an interrupted run; a registered but missing path is overridden by `add --force`.
        if (await (0,files/* exists */.t2)(path))
            await remove(path);
        await serial(() => repo.worktreeAddNoCheckout(path, head));
        // Pinned before any step runs: a step may later rewrite the worktree's `.git` file.
        const pinned = await repo.pinnedWorktree(path);
        const gitDir = pinned.gitDir;
        const privateIndex = (0,external_node_path_.join)(indexDir, `slot-${++made}`);
        const slot = { path, gitDir, git: pinned.withIndex(privateIndex), privateIndex };
        adminDirs.set(path, gitDir);
        privateIndexes.set(path, privateIndex);
        await (0,promises_.rm)(privateIndex, { force: true });
        // The first checkout writes every file; later switches write only the difference.
        await slot.git.switchTree(tree);
        all.add(slot);
        return slot;
    };
    const discard = async (slot) => {
        all.delete(slot);
        await remove(slot.path);
        await (0,promises_.rm)(slot.privateIndex, { force: true });
    };
    const freshTmp = async (name) => {
        const dir = (0,external_node_path_.join)(root, 'tmp', name);
        await (0,promises_.rm)(dir, { recursive: true, force: true });
        await (0,promises_.mkdir)(dir, { recursive: true });
        return dir;
    };
    return {
        root,
        shared,
        repo,
        freshTmp,
        worktreePath: wtPath,
        async addWorktree(name, commit) {
            const path = wtPath(name);
            // A leftover of an interrupted run; a registered but missing path is overridden by `add --force`.
            if (await (0,files/* exists */.t2)(path))
                await remove(path);
            await serial(() => repo.worktreeAddNoCheckout(path, commit));
            // Pinned before any step runs: a step may later rewrite the worktree's `.git` file.
            const git = await repo.pinnedWorktree(path);
            adminDirs.set(path, git.gitDir);
            // What `worktree add` itself runs to check out, here outside the serial section.
            await git.checkoutIndexTree();
            return git;
        },
        async removeWorktree(name) {
            await remove(wtPath(name));
        },
        async prepareSandbox(name, git, tmpDir, head) {
            const path = wtPath(name);
            const home = (0,external_node_path_.join)(root, 'home', name);
            await (0,promises_.rm)(home, { recursive: true, force: true });
            await (0,promises_.mkdir)(home, { recursive: true });
            stores ??= objectStores((0,external_node_path_.join)(repoDir, 'objects'));
            const step = await makeStepGitDir({
                dir: (0,external_node_path_.join)(root, 'stepgit', name),
                worktree: path,
                head,
                // A pool worktree's index is autopilot's private one; the step's git gets a copy (stat data
                // included, so its `git status` stays cheap) and never the original.
                index: privateIndexes.get(path) ?? (0,external_node_path_.join)(git.gitDir, 'index'),
                stores: await stores
            });
            return { home, spec: { writable: [path, tmpDir, home, step.dir], readOnly: [...step.binds, ...shared] } };
        },
        async buildTree(base, patches, name) {
            if (patches.length === 0)
                return await repo.treeOf(base);
            const file = (0,external_node_path_.join)(await freshTmp(`${name}-deps`), 'dependencies.patch');
            const git = repo.withIndex((0,external_node_path_.join)(root, 'tmp', `${name}-deps.index`));
            await git.readTree(base);
            // One `git apply` for all of them (one patch stream, applied in order): a process per ancestor
            // made deep tasks start late (bench/: 60-task DAG, ~11 applies per task).
            await (0,promises_.writeFile)(file, Buffer.concat(patches));
            await git.applyToIndex(file);
            const tree = await git.writeTree();
            await (0,promises_.rm)((0,external_node_path_.join)(root, 'tmp', `${name}-deps`), { recursive: true, force: true });
            await (0,promises_.rm)((0,external_node_path_.join)(root, 'tmp', `${name}-deps.index`), { force: true });
            return tree;
        },
        async acquire(name, tree, head) {
            let slot = free.pop();
            if (slot) {
                try {
                    await move(slot, wtPath(name));
                    // Whatever the last task left (a rollback's files, ignored caches) is staged, then the
                    // index and files move to the new tree: only paths that differ are written.
                    await slot.git.stageAll();
                    await slot.git.switchTree(tree);
                    await slot.git.cleanAll();
                    // A step may have pointed `.git` at a repository of its own; the next task's steps get the real one.
                    await restoreDotGit(slot.path, slot.gitDir);
                }
                catch {
                    // A worktree a step made unusable (unremovable files): replaced by a fresh one.
                    await discard(slot);
                    slot = undefined;
                }
            }
            slot ??= await create(name, tree, head);
            await slot.git.detachHead(head);
            return slot;
        },
        async release(slot) {
            const s = slot;
            await move(s, wtPath(`.idle-${(0,external_node_path_.basename)(s.privateIndex)}`));
            free.push(s);
        },
        async close() {
            for (const slot of [...all])
                await discard(slot);
            free.length = 0;
        }
    };
}


/***/ }),

/***/ 53124:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cM: () => (/* binding */ ActionsStateStore),
  $M: () => (/* binding */ inCacheDir)
});

// UNUSED EXPORTS: artifactName, parseArtifactName

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./node_modules/p-limit/index.js + 1 modules
var p_limit = __webpack_require__(70370);
// EXTERNAL MODULE: ./src/state/files.ts
var state_files = __webpack_require__(60766);
// EXTERNAL MODULE: ./src/state/local-store.ts
var local_store = __webpack_require__(87922);
// EXTERNAL MODULE: ./src/agents/budget.ts
var budget = __webpack_require__(68277);
;// CONCATENATED MODULE: ./src/state/ledger-entries.ts

/** Reads a stored book; a ledger written before books existed counts as one contributor. */
function asBook(stored, day) {
    const s = stored;
    if (!s || s.day !== day)
        return { day, entries: {} };
    if (s.entries)
        return { day, entries: { ...s.entries } };
    return s.perAgent ? { day, entries: { earlier: { seq: 0, perAgent: s.perAgent } } } : { day, entries: {} };
}
/** a ∪ b by contributor, the higher seq winning; books of other days are ignored. */
function mergeBooks(day, ...books) {
    const entries = {};
    for (const b of books) {
        if (b.day !== day)
            continue;
        for (const [who, e] of Object.entries(b.entries)) {
            if (!entries[who] || entries[who].seq < e.seq)
                entries[who] = e;
        }
    }
    return { day, entries };
}
/** The day's usage: every entry summed. */
function totalOf(book) {
    const perAgent = {};
    for (const e of Object.values(book.entries)) {
        for (const [agent, u] of Object.entries(e.perAgent))
            perAgent[agent] = perAgent[agent] ? (0,budget/* addUsage */.vk)(perAgent[agent], u) : { ...u };
    }
    return { day: book.day, perAgent };
}
/**
 * What a contributor charged itself: the engine hands the store the whole
 * ledger (what it loaded plus its own charges), so its own part is that minus
 * the base it was given for the same day (after midnight the base is empty).
 */
function ownPart(ledger, base) {
    const out = {};
    for (const [agent, u] of Object.entries(ledger.perAgent)) {
        const b = base && base.day === ledger.day ? base.perAgent[agent] : undefined;
        const own = {
            calls: u.calls - (b?.calls ?? 0),
            inputTokens: u.inputTokens - (b?.inputTokens ?? 0),
            outputTokens: u.outputTokens - (b?.outputTokens ?? 0)
        };
        if (u.costUsd !== undefined)
            own.costUsd = Math.round((u.costUsd - (b?.costUsd ?? 0)) * 1e6) / 1e6;
        if (own.calls > 0 || own.inputTokens > 0 || own.outputTokens > 0 || (own.costUsd ?? 0) > 0)
            out[agent] = own;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/state/actions-store.ts
/**
 * StateStore on GitHub Actions: each task's result is one artifact of the
 * workflow run (unique name: run id, attempt, task id), so later jobs of the
 * run can download it; content-addressed results and the per-day usage ledger
 * live in the Actions cache, so later runs can reuse them. The ledger is kept
 * as one entry per job (src/state/ledger-entries.ts): each leg uploads its own
 * as an artifact and folds it into a cache book, so parallel legs never lose
 * each other's usage. Cache trouble is a warning, never a failure.
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
    listed;
    /** This job's id in ledger entries; unique per store, so parallel legs never share an entry. */
    leg;
    contributor;
    ledgerSeq = 0;
    ledgerBase;
    book;
    constructor(o) {
        this.o = o;
        this.manifestFile = (0,external_node_path_.join)(o.tempDir, 'autopilot-state', 'manifest.json');
        this.leg = o.leg ?? (0,external_node_crypto_.randomUUID)();
        this.contributor = `${o.runId}-${o.runAttempt}-${this.leg}`;
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
    /**
     * Today's usage: every ledger entry this run's jobs uploaded (artifacts, so
     * a finished leg is never missed) merged with the newest book in the cache
     * (earlier runs). Remembers what it returned: saveLedger stores only this
     * job's own charges on top of it.
     */
    async loadLedger() {
        const day = new Date().toISOString().slice(0, 10);
        const cached = (await this.withCacheDir('ledger-load', dir => this.restoreBook(dir, day))) ?? { day, entries: {} };
        this.book = mergeBooks(day, cached, ...(await this.runBooks(day)));
        this.ledgerBase = totalOf(this.book);
        return Object.keys(this.book.entries).length ? this.ledgerBase : undefined;
    }
    /**
     * Keeps this job's own charges as its own entry (never another job's):
     * uploaded as an artifact of the run under a unique name, and merged into
     * a new cache book for later runs. Trouble is a warning.
     */
    async saveLedger(ledger) {
        const entry = { seq: ++this.ledgerSeq, perAgent: ownPart(ledger, this.ledgerBase) };
        const mine = { day: ledger.day, entries: { [this.contributor]: entry } };
        try {
            const root = (0,external_node_path_.join)(this.o.tempDir, 'autopilot-state', 'ledger-upload');
            await (0,promises_.rm)(root, { recursive: true, force: true });
            await (0,state_files/* writeAtomic */.vZ)((0,external_node_path_.join)(root, 'ledger.json'), JSON.stringify(mine));
            const name = `autopilot-${this.o.scope}-${this.o.runId}-${this.o.runAttempt}.ledger-${ledger.day}-${this.leg}-${entry.seq}`;
            await this.o.artifacts.uploadArtifact(name, [(0,external_node_path_.join)(root, 'ledger.json')], root, { retentionDays: 30 });
        }
        catch (e) {
            this.o.warn(`autopilot: this job's agent usage was not uploaded (${e.message}); later jobs may not count it`);
        }
        const known = this.book && this.book.day === ledger.day ? [this.book] : [];
        await this.saveBook(mergeBooks(ledger.day, ...known, mine));
    }
    /** Finalize: folds every entry of the run's legs into one cache book, so later runs count them all. */
    async consolidateLedger() {
        if ((await this.loadLedger()) && this.book)
            await this.saveBook(this.book);
    }
    async saveBook(book) {
        // Cache entries are immutable: each save is a new key holding the union of the newest book and ours.
        const key = this.cacheKey(`ledger-${book.day}-${this.contributor}-${Date.now()}`);
        await this.withCacheDir('ledger-save', async (dir) => {
            const merged = mergeBooks(book.day, await this.restoreBook(dir, book.day), book);
            await (0,promises_.rm)((0,external_node_path_.join)(dir, CACHE_PATH), { recursive: true, force: true });
            await (0,state_files/* writeAtomic */.vZ)((0,external_node_path_.join)(dir, CACHE_PATH, 'ledger.json'), JSON.stringify(merged));
            const id = await this.o.cache.saveCache([CACHE_PATH], key);
            if (id === -1)
                this.o.warn('autopilot: the usage ledger was not saved to the Actions cache');
        });
    }
    async restoreBook(dir, day) {
        const prefix = this.cacheKey(`ledger-${day}-`);
        const k = await this.o.cache.restoreCache([CACHE_PATH], prefix, [prefix]);
        return asBook(k ? await (0,state_files/* readJson */.Vh)((0,external_node_path_.join)(dir, CACHE_PATH, 'ledger.json')) : undefined, day);
    }
    /** The newest ledger entry of each of this run's jobs for `day`, downloaded from the run's artifacts. */
    async runBooks(day) {
        try {
            const { artifacts } = await this.o.artifacts.listArtifacts();
            const newest = new Map();
            const prefix = `autopilot-${this.o.scope}-${this.o.runId}-`;
            for (const a of artifacts) {
                const m = a.name.startsWith(prefix) ? /^(\d+)\.ledger-(\d{4}-\d{2}-\d{2})-(.+)-(\d+)$/.exec(a.name.slice(prefix.length)) : null;
                if (!m || m[2] !== day)
                    continue;
                const who = `${m[1]}-${m[3]}`;
                if ((newest.get(who)?.seq ?? -1) < Number(m[4]))
                    newest.set(who, { id: a.id, seq: Number(m[4]) });
            }
            const books = [];
            for (const [who, { id }] of newest) {
                const dir = (0,external_node_path_.join)(this.o.tempDir, 'autopilot-state', 'ledger-download', who);
                await (0,promises_.rm)(dir, { recursive: true, force: true });
                await this.o.artifacts.downloadArtifact(id, { path: dir });
                books.push(asBook(await (0,state_files/* readJson */.Vh)((0,external_node_path_.join)(dir, 'ledger.json')), day));
            }
            return books;
        }
        catch (e) {
            this.o.warn(`autopilot: this run's agent usage could not be read from its artifacts (${e.message})`);
            return [];
        }
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
     * Runs `fn` in a fresh scratch folder named `name` (see inCacheDir).
     */
    withCacheDir(name, fn) {
        const dir = (0,external_node_path_.join)(this.o.tempDir, 'autopilot-state', 'cache', name);
        return inCacheDir(dir, true, fn, this.o.warn);
    }
}
// The cache client works relative to the process's cwd and GITHUB_WORKSPACE, which
// inCacheDir changes: one cache operation at a time in the whole process (results and setup layers).
const cacheTurn = (0,p_limit/* default */.A)(1);
/**
 * Runs `fn` with the process in `dir`, which is also GITHUB_WORKSPACE: the cache
 * client globs relative to the working directory but stores (and restores) tar
 * entries relative to GITHUB_WORKSPACE, so both must be the folder for an entry
 * to come back where it was saved. `fresh` empties the folder first.
 * Any error becomes a warning: the cache is an optimisation.
 */
function inCacheDir(dir, fresh, fn, warn) {
    return cacheTurn(async () => {
        const previous = process.cwd();
        const workspace = process.env.GITHUB_WORKSPACE;
        try {
            if (fresh)
                await (0,promises_.rm)(dir, { recursive: true, force: true });
            await (0,promises_.mkdir)(dir, { recursive: true });
            process.chdir(dir);
            process.env.GITHUB_WORKSPACE = dir;
            return await fn(dir);
        }
        catch (e) {
            warn(`autopilot: Actions cache unavailable (${e.message}); continuing without it`);
            return undefined;
        }
        finally {
            process.chdir(previous);
            if (workspace === undefined)
                delete process.env.GITHUB_WORKSPACE;
            else
                process.env.GITHUB_WORKSPACE = workspace;
        }
    });
}
async function listFiles(root) {
    const entries = await (0,promises_.readdir)(root, { recursive: true, withFileTypes: true });
    return entries.filter(e => e.isFile()).map(e => (0,external_node_path_.join)(e.parentPath, e.name));
}


/***/ }),

/***/ 87922:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mc: () => (/* binding */ LocalStateStore),
/* harmony export */   Uv: () => (/* binding */ readResult),
/* harmony export */   Zk: () => (/* binding */ writeResult)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(60766);
/**
 * StateStore on the local filesystem:
 *   .ai/runs/<issue>/manifest.json, .ai/runs/<issue>/tasks/<id>/{result.json,patch.diff}
 *   .ai/runs/cache/<key>/{result.json,patch.diff}, .ai/runs/ledger.json
 */




class LocalStateStore {
    runsRoot;
    runDir;
    /** Live step process groups of a run (see src/run/process-registry.ts). */
    processesDir;
    constructor(repoRoot, issue) {
        this.runsRoot = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(repoRoot, '.ai', 'runs');
        this.runDir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(this.runsRoot, String(issue));
        this.processesDir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(this.runDir, 'processes');
    }
    async init() {
        await (0,_files_js__WEBPACK_IMPORTED_MODULE_3__/* .ensureIgnoredDir */ .cc)(this.runsRoot);
    }
    /** The manifest with its journal's task records applied (a torn last line is ignored). */
    async loadManifest() {
        const manifest = await (0,_files_js__WEBPACK_IMPORTED_MODULE_3__/* .readJson */ .Vh)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(this.runDir, 'manifest.json'));
        if (!manifest?.journal)
            return manifest;
        const text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(this.journalFile, 'utf8').catch((e) => {
            if (e.code === 'ENOENT')
                return '';
            throw e;
        });
        for (const line of text.split('\n')) {
            let entry;
            try {
                entry = JSON.parse(line);
            }
            catch {
                continue;
            }
            // Lines of an older journal (a crash between the rewrite and the journal's removal) are stale.
            if (entry.journal === manifest.journal && entry.task?.id && manifest.tasks[entry.task.id])
                manifest.tasks[entry.task.id] = entry.task;
        }
        return manifest;
    }
    /** The whole manifest, atomically; starts a new journal. */
    async saveManifest(manifest) {
        manifest.journal = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)();
        await (0,_files_js__WEBPACK_IMPORTED_MODULE_3__/* .writeAtomic */ .vZ)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(this.runDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
        this.journalBytes = 0;
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(this.journalFile, { force: true });
    }
    /**
     * One task's record appended to the manifest's journal: a change costs its
     * own size, not the whole manifest's (which `saveManifest` rewrites now and then).
     * Resolves with the journal's size.
     */
    async saveTaskRecord(manifest, record) {
        const line = JSON.stringify({ journal: manifest.journal, task: record }) + '\n';
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.appendFile)(this.journalFile, line);
        this.journalBytes = (this.journalBytes ?? 0) + Buffer.byteLength(line);
        return this.journalBytes;
    }
    journalBytes;
    get journalFile() {
        return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(this.runDir, 'manifest.journal');
    }
    async saveResult(result) {
        await writeResult((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(this.runDir, 'tasks', result.record.id), result);
    }
    loadResult(taskId) {
        return readResult((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(this.runDir, 'tasks', taskId));
    }
    lookup(key) {
        return readResult((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(this.runsRoot, 'cache', key));
    }
    async remember(key, result) {
        await writeResult((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(this.runsRoot, 'cache', key), result);
    }
    loadLedger() {
        return (0,_files_js__WEBPACK_IMPORTED_MODULE_3__/* .readJson */ .Vh)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(this.runsRoot, 'ledger.json'));
    }
    async saveLedger(ledger) {
        await (0,_files_js__WEBPACK_IMPORTED_MODULE_3__/* .writeAtomic */ .vZ)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(this.runsRoot, 'ledger.json'), JSON.stringify(ledger, null, 2) + '\n');
    }
    loadDelivered() {
        return (0,_files_js__WEBPACK_IMPORTED_MODULE_3__/* .readJson */ .Vh)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(this.runDir, 'delivered.json'));
    }
    async saveDelivered(delivered) {
        await (0,_files_js__WEBPACK_IMPORTED_MODULE_3__/* .writeAtomic */ .vZ)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(this.runDir, 'delivered.json'), JSON.stringify(delivered, null, 2) + '\n');
    }
    /** Forgets this plan's run (for `--fresh`); the shared cache and the delivered head stay. */
    async reset() {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(this.runDir, 'manifest.json'), { force: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(this.journalFile, { force: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(this.runDir, 'tasks'), { recursive: true, force: true });
    }
}
/** Patch first, record last: a record on disk always has its patch beside it. */
async function writeResult(dir, result) {
    await (0,_files_js__WEBPACK_IMPORTED_MODULE_3__/* .writeAtomic */ .vZ)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'patch.diff'), result.patch);
    await (0,_files_js__WEBPACK_IMPORTED_MODULE_3__/* .writeAtomic */ .vZ)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'result.json'), JSON.stringify(result.record, null, 2) + '\n');
}
async function readResult(dir) {
    const record = await (0,_files_js__WEBPACK_IMPORTED_MODULE_3__/* .readJson */ .Vh)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'result.json'));
    if (!record)
        return undefined;
    try {
        return { record, patch: await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'patch.diff')) };
    }
    catch {
        return undefined;
    }
}


/***/ })

};
