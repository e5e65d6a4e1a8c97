export const id = 489;
export const ids = [489];
export const modules = {

/***/ 85743:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ openActionsStore)
/* harmony export */ });
/* harmony import */ var _actions_artifact__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(56518);
/* harmony import */ var _actions_cache__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(18091);
/* harmony import */ var _state_actions_store_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(53124);
/** The Actions state store, wired to the real artifact and cache clients. */



function openActionsStore(runner, issue) {
    return new _state_actions_store_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionsStateStore */ .cM({
        artifacts: new _actions_artifact__WEBPACK_IMPORTED_MODULE_0__/* .DefaultArtifactClient */ .t9(),
        cache: _actions_cache__WEBPACK_IMPORTED_MODULE_1__,
        runId: runner.context.runId,
        runAttempt: runner.context.runAttempt,
        tempDir: runner.context.tempDir,
        scope: String(issue),
        warn: m => runner.warning(m)
    });
}


/***/ }),

/***/ 35611:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  p_: () => (/* binding */ denialText),
  wk: () => (/* binding */ denied),
  vZ: () => (/* binding */ evaluateRunGates),
  li: () => (/* binding */ evaluateTaskGates),
  z6: () => (/* binding */ maskDecision),
  CA: () => (/* binding */ optInHint)
});

// UNUSED EXPORTS: DEFAULT_PROTECTED, expectsChanges, isProtectedPath, normalizeForProtection, renderDenial, runScope, taskScope

// EXTERNAL MODULE: ./src/gates/path-rules.ts
var path_rules = __webpack_require__(86175);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/gates/symlink-tree.ts
/**
 * Symlinks judged on the final tree (issue #10, point 5): a link is resolved
 * through every other link of the task's tree, as the kernel will once the
 * branch is checked out, so a chain whose links each stay inside the
 * repository on their own (`a -> b/x`, `b -> ../../..`) cannot end at
 * /etc/passwd. Pure: the tree's links are data.
 */

/** More link hops than this (Linux's own limit is 40) is treated as a loop. */
const MAX_HOPS = 40;
function isAbsoluteTarget(t) {
    return t.startsWith('/') || t.startsWith('~') || /^[A-Za-z]:/.test(t);
}
/**
 * Resolve `linkPath` (itself a link in `links`, or any path) through every
 * link of the tree: `links` maps each symlink's repository-relative path to
 * its target. Each component is checked against the links as the walk goes,
 * so a directory link in the middle of another link's target is followed too.
 * `via` names the links followed, for the finding.
 */
function resolveInTree(linkPath, links) {
    const via = [];
    // Components still to walk, and those already resolved (a real directory or file of the tree).
    let todo = linkPath.split('/').filter((c) => c !== '' && c !== '.');
    let done = [];
    let hops = 0;
    while (todo.length > 0) {
        const part = todo.shift();
        if (part === '..') {
            if (done.length === 0)
                return { outside: true, via };
            done.pop();
            continue;
        }
        const candidate = [...done, part].join('/');
        const target = links.get(candidate);
        if (target === undefined) {
            done.push(part);
            continue;
        }
        if (++hops > MAX_HOPS)
            return { loop: true, via };
        via.push(candidate);
        const t = target.replace(/\\/g, '/');
        if (isAbsoluteTarget(t))
            return { outside: true, via };
        // The target replaces the link: resolved from the link's directory, then the rest of the walk.
        todo = [...t.split('/').filter((c) => c !== '' && c !== '.'), ...todo];
    }
    return { inside: external_node_path_default().posix.normalize(done.join('/') || '.').replace(/^\.$/, '') };
}

;// CONCATENATED MODULE: ./src/gates/path-gates.ts


const SYMLINK = '120000';
const GITLINK = '160000';
const EXECUTABLE = '100755';
/** Both sides of a change that touch the tree: a rename removes its old path too; a copy only reads it. */
function touchedPaths(file) {
    return file.kind === 'renamed' && file.oldPath !== undefined ? [file.oldPath, file.path] : [file.path];
}
function allTouched(changes) {
    return [...new Set(changes.files.flatMap(touchedPaths))];
}
function extend(setting, current, add) {
    return `${setting}: ${(0,path_rules/* yamlList */.gm)([...current, ...add.filter((a) => !current.includes(a))])}`;
}
/** `paths`: every changed path inside the allowed globs and outside `gates.deny-paths`. */
function pathsGate(changes, scope) {
    const isAllowed = (0,path_rules/* allowMatcher */._c)(scope.allowed);
    const deniedBy = (0,path_rules/* denyMatcher */.H2)(scope.gates['deny-paths']);
    const outside = [];
    const hits = new Map();
    for (const p of allTouched(changes)) {
        const glob = deniedBy(p);
        if (glob !== undefined)
            hits.set(p, glob);
        else if (!isAllowed(p))
            outside.push(p);
    }
    if (outside.length === 0 && hits.size === 0) {
        return { gate: 'paths', allowed: true, reason: `all ${allTouched(changes).length} changed paths are inside the allowed paths` };
    }
    const reasons = [];
    const optIns = [];
    const findings = [];
    if (outside.length > 0) {
        reasons.push(`${outside.length} changed path(s) are outside the allowed paths (${scope.allowed.length ? (0,path_rules/* yamlList */.gm)(scope.allowed) : 'none set: deny by default'}); ` +
            'a task may only change what the plan names, so a runaway step cannot rewrite unrelated code');
        optIns.push(extend(scope.pathsSetting, scope.pathsCurrent, outside.map(path_rules/* literalGlob */.Iq)));
        findings.push(...outside.map((p) => `${(0,path_rules/* showPath */.P8)(p)}: outside the allowed paths`));
    }
    if (hits.size > 0) {
        const globs = new Set(hits.values());
        reasons.push(`${hits.size} changed path(s) match gates.deny-paths, which the plan forbids whatever else allows them`);
        optIns.push(`gates.deny-paths: ${(0,path_rules/* yamlList */.gm)(scope.gates['deny-paths'].filter((g) => !globs.has(g)))}`);
        findings.push(...[...hits].map(([p, g]) => `${(0,path_rules/* showPath */.P8)(p)}: matches deny-paths ${JSON.stringify(g)}`));
    }
    return { gate: 'paths', allowed: false, reason: reasons.join('; '), optIn: optIns.join(' and '), findings };
}
/** `protected`: no protected path (workflows, plans, git internals, keys, manifests...) unless `gates.allow-protected` names it. */
function protectedGate(changes, gates) {
    const allowed = (0,path_rules/* allowMatcher */._c)(gates['allow-protected']);
    const hits = allTouched(changes).filter((p) => (0,path_rules/* isProtectedPath */.WF)(p) && !allowed(p));
    if (hits.length === 0)
        return { gate: 'protected', allowed: true, reason: 'no protected path changed' };
    return {
        gate: 'protected',
        allowed: false,
        reason: `${hits.length} protected path(s) changed: CI workflows, plans, git internals and hooks, credentials and ` +
            'dependency manifests can run code on CI or developer machines, leak secrets or pull in new code, so ' +
            'they change only when the plan names them (names are compared case- and Unicode-insensitively)',
        optIn: extend('gates.allow-protected', gates['allow-protected'], hits.map(path_rules/* literalGlob */.Iq)),
        findings: hits.map((p) => `${(0,path_rules/* showPath */.P8)(p)}: protected`)
    };
}
/** Where a link ends: through every link of the final tree when the change set carries them. */
function resolveLink(linkPath, target, tree) {
    if (!tree)
        return { where: (0,path_rules/* resolveSymlink */.yH)(linkPath, target), via: [] };
    const r = resolveInTree(linkPath, tree);
    if ('inside' in r)
        return { where: r, via: [] };
    return { where: { outside: true }, via: r.via, loop: 'loop' in r };
}
function symlinkFindings(linkPath, target, scope, tree) {
    const protectedOk = (0,path_rules/* allowMatcher */._c)(scope.gates['allow-protected']);
    const { where, via, loop } = resolveLink(linkPath, target, tree);
    const shown = `${(0,path_rules/* showPath */.P8)(linkPath)} -> ${JSON.stringify(target)}`;
    const chain = via.length > 1 ? ` (through ${via.slice(1).map(path_rules/* showPath */.P8).join(' -> ')})` : '';
    if ((0,path_rules/* hasSuspiciousChars */.rJ)(target)) {
        return [{ text: `${shown}: symlink target holds control, invisible or non-UTF-8 characters (no setting allows it)` }];
    }
    if (loop)
        return [{ text: `${shown}: symlinks loop${chain}; a checkout would fail on it (no setting allows it)` }];
    if ('outside' in where) {
        return [{ text: `${shown}: symlink points outside the repository${chain}, where later steps and CI would read or write (no setting allows it)` }];
    }
    if (where.inside === '') {
        return [{ text: `${shown}: symlink to the repository root exposes every protected file through another path (no setting allows it)` }];
    }
    if (((0,path_rules/* isProtectedPath */.WF)(where.inside) || (0,path_rules/* isProtectedPath */.WF)(`${where.inside}/x`)) && !protectedOk(where.inside)) {
        return [
            {
                text: `${shown}: symlink points at protected path ${(0,path_rules/* showPath */.P8)(where.inside)}, a way around the protected gate`,
                allow: { setting: 'gates.allow-protected', current: scope.gates['allow-protected'], add: (0,path_rules/* literalGlob */.Iq)(where.inside) }
            }
        ];
    }
    return [];
}
function escapeFindings(file, scope, tree) {
    const found = [];
    const protectedOk = (0,path_rules/* allowMatcher */._c)(scope.gates['allow-protected']);
    for (const p of touchedPaths(file)) {
        const why = (0,path_rules/* unsafePathReason */.m0)(p);
        if (why)
            found.push({ text: `${(0,path_rules/* showPath */.P8)(p)}: ${why}; such a path cannot land (no setting allows it, rename the file)` });
    }
    if ((file.newMode === GITLINK || file.oldMode === GITLINK) && !protectedOk(file.path)) {
        found.push({
            text: `${(0,path_rules/* showPath */.P8)(file.path)}: submodule (gitlink) change; it pins code from another repository that the diff does not show`,
            allow: { setting: 'gates.allow-protected', current: scope.gates['allow-protected'], add: (0,path_rules/* literalGlob */.Iq)(file.path) }
        });
    }
    if (file.kind !== 'deleted' && file.newMode === SYMLINK)
        found.push(...symlinkFindings(file.path, file.symlinkTarget ?? '', scope, tree));
    const madeExecutable = file.kind !== 'deleted' && file.newMode === EXECUTABLE && file.oldMode !== EXECUTABLE;
    if (madeExecutable && !(0,path_rules/* allowMatcher */._c)(scope.execAllowed)(file.path)) {
        found.push({
            text: `${(0,path_rules/* showPath */.P8)(file.path)}: made executable (${file.oldMode ?? 'new'} -> ${EXECUTABLE}) outside the task's own paths`,
            allow: { setting: scope.pathsSetting, current: scope.pathsCurrent, add: (0,path_rules/* literalGlob */.Iq)(file.path) }
        });
    }
    return found;
}
/**
 * Links the change did not touch but now leads somewhere else: an old
 * `docs/latest -> v2/guide.md` becomes an escape once the task makes `docs/v2`
 * a link out of the repository (that link is denied itself too; this names the victim).
 */
function unchangedLinkFindings(changes, scope, tree) {
    if (!tree)
        return [];
    const changed = new Set(changes.files.map((f) => f.path));
    const out = [];
    for (const [p, target] of tree) {
        if (changed.has(p))
            continue;
        const r = resolveInTree(p, tree);
        const via = 'via' in r ? r.via : [];
        if (!('inside' in r) && via.some((v) => changed.has(v)))
            out.push(...symlinkFindings(p, target, scope, tree));
    }
    return out;
}
/** Mode changes worth showing in a report even when they are allowed. */
function modeChanges(changes) {
    return changes.files
        .filter((f) => f.kind !== 'deleted' && f.oldMode !== undefined && f.newMode !== undefined && f.oldMode !== f.newMode)
        .map((f) => `${(0,path_rules/* showPath */.P8)(f.path)} ${f.oldMode} -> ${f.newMode}`);
}
/**
 * `escapes`: nothing that reaches outside the change's visible text: paths
 * leaving the repository or holding control characters, symlinks out of the
 * repository or onto protected paths, submodule pointers, new executables
 * outside the task's own paths.
 */
function escapesGate(changes, scope) {
    const tree = changes.links ? new Map(Object.entries(changes.links)) : undefined;
    const found = [...changes.files.flatMap((f) => escapeFindings(f, scope, tree)), ...unchangedLinkFindings(changes, scope, tree)];
    const modes = modeChanges(changes);
    if (found.length === 0) {
        const note = modes.length ? `; mode changes: ${modes.join(', ')}` : '';
        return { gate: 'escapes', allowed: true, reason: `no path, symlink or submodule leaves the change's scope${note}` };
    }
    const hard = found.filter((f) => !f.allow);
    const bySetting = new Map();
    for (const f of found) {
        if (!f.allow)
            continue;
        const entry = bySetting.get(f.allow.setting) ?? { current: f.allow.current, add: [] };
        entry.add.push(f.allow.add);
        bySetting.set(f.allow.setting, entry);
    }
    const optIn = hard.length
        ? undefined
        : [...bySetting].map(([setting, e]) => extend(setting, e.current, e.add)).join(' and ');
    return {
        gate: 'escapes',
        allowed: false,
        reason: `${found.length} change(s) reach beyond the reviewed text (paths or symlinks out of the repository, ` +
            'submodules, new executables): a reviewer would not see what they do' +
            (hard.length ? `; ${hard.length} of them no setting can allow` : ''),
        ...(optIn ? { optIn } : {}),
        findings: found.map((f) => f.text)
    };
}
/** `deletes`: no file deleted unless `gates.allow-deletes`. */
function deletesGate(changes, gates) {
    const deleted = changes.files.filter((f) => f.kind === 'deleted').map((f) => f.path);
    if (deleted.length === 0)
        return { gate: 'deletes', allowed: true, reason: 'no file deleted' };
    if (gates['allow-deletes']) {
        return { gate: 'deletes', allowed: true, reason: `${deleted.length} file(s) deleted, allowed by gates.allow-deletes` };
    }
    return {
        gate: 'deletes',
        allowed: false,
        reason: `${deleted.length} file(s) deleted: deleting is easy to miss in review and can remove tests or safeguards`,
        optIn: 'gates.allow-deletes: true',
        findings: deleted.map((p) => `${(0,path_rules/* showPath */.P8)(p)}: deleted`)
    };
}

// EXTERNAL MODULE: ./src/gates/secrets-gate.ts
var secrets_gate = __webpack_require__(54341);
// EXTERNAL MODULE: ./src/report/mask.ts
var mask = __webpack_require__(69488);
;// CONCATENATED MODULE: ./src/gates/secret-values-gate.ts


/** Where each secret turns up in a change: `path:line`, `path (file name)`, `path (symlink target)`. Pure. */
function findSecretValues(changes, secrets) {
    const forms = secrets.flatMap((s) => (0,mask/* secretFormsByEncoding */.im)(s.value).map((f) => ({ name: s.name, ...f })));
    if (forms.length === 0)
        return [];
    // A file may be named after the secret: its name is shown with every value masked.
    const hide = (0,mask/* createMasker */.aD)(secrets.map((s) => s.value));
    const describe = (p) => (0,path_rules/* showPath */.P8)(hide(p));
    const found = [];
    const seen = new Set();
    const look = (text, where) => {
        for (const f of forms) {
            const key = `${f.name}\0${where}`;
            if (!seen.has(key) && text.includes(f.form)) {
                seen.add(key);
                found.push({ name: f.name, where, encoding: f.encoding });
            }
        }
    };
    for (const file of changes.files) {
        for (const p of file.oldPath ? [file.oldPath, file.path] : [file.path])
            look(p, `${describe(file.path)} (file name)`);
        if (file.symlinkTarget)
            look(file.symlinkTarget, `${describe(file.path)} (symlink target)`);
        for (const l of file.addedLines)
            look(l.text, `${describe(file.path)}:${l.line}`);
        // Encoded values are often wrapped over lines (base64 at 76 columns): look at the lines joined too.
        if (file.addedLines.length > 1)
            look(file.addedLines.map((l) => l.text.trim()).join(''), `${describe(file.path)} (across lines)`);
    }
    return found;
}
/** `secret-values`: no value the plan hands to tasks lands in the change, unless `gates.allow-secret-values` names its variable. */
function secretValuesGate(changes, gates, secrets) {
    const allowed = new Set(gates['allow-secret-values']);
    const checked = secrets.filter((s) => !allowed.has(s.name));
    const found = findSecretValues(changes, checked);
    if (found.length === 0) {
        return {
            gate: 'secret-values',
            allowed: true,
            reason: `none of the ${checked.length} value(s) the plan hands to tasks is in the change` + (allowed.size ? ` (allowed: ${[...allowed].join(', ')})` : '')
        };
    }
    const names = [...new Set(found.map((f) => f.name))];
    return {
        gate: 'secret-values',
        allowed: false,
        reason: `the value of ${names.join(', ')} (handed to the task by the plan) is written into the change: once pushed it is public ` +
            'to everyone who can read the branch and must be revoked; a step must read it from its environment, never store it',
        optIn: `gates.allow-secret-values: ${(0,path_rules/* yamlList */.gm)([...gates['allow-secret-values'], ...names])}`,
        findings: found.map((f) => `${f.where}: the value of ${f.name}${f.encoding === 'plain' ? '' : ` (${f.encoding})`}`)
    };
}

;// CONCATENATED MODULE: ./src/gates/silent-success.ts
/** Whether a step must change files: `expect.changes` when set, otherwise true for agent steps. */
function expectsChanges(step) {
    return step.expect?.changes ?? step.agent !== undefined;
}
/** The plan path of a task, e.g. `tasks[2]`, or by id when it is not in the plan. */
function taskRef(plan, task) {
    const index = plan.tasks.findIndex((t) => t.id === task.id);
    return index >= 0 ? `tasks[${index}]` : `tasks[id=${task.id}]`;
}
/** `silent-success`: steps that expect changes produced a diff. */
function silentSuccessGate(changes, plan, task, stepsExpectedChanges) {
    const expecting = task.steps.flatMap((s, i) => (expectsChanges(s) ? [i] : []));
    const expected = stepsExpectedChanges ?? expecting.length > 0;
    if (!expected)
        return { gate: 'silent-success', allowed: true, reason: 'no step expects changes' };
    if (changes.files.length > 0) {
        return { gate: 'silent-success', allowed: true, reason: `steps expected changes and ${changes.files.length} file(s) changed` };
    }
    const ref = taskRef(plan, task);
    const settings = (expecting.length ? expecting : task.steps.map((_, i) => i)).map((i) => `${ref}.steps[${i}].expect.changes: false`);
    return {
        gate: 'silent-success',
        allowed: false,
        reason: 'the steps exited 0 but changed nothing although they were expected to (agent steps are by default): ' +
            'an agent that silently did nothing must not pass as done',
        optIn: settings.join(' and ')
    };
}

;// CONCATENATED MODULE: ./src/gates/size-gate.ts

/** Totals of a change set, as the size gate counts them. */
function changeTotals(changes) {
    let lines = 0;
    let binary = 0;
    for (const f of changes.files) {
        lines += f.added + f.removed;
        if (f.binary)
            binary++;
    }
    return { files: changes.files.length, lines, binary };
}
/** `size`: changed files, changed lines and file bytes within the plan's limits. */
function sizeGate(changes, gates, level) {
    const filesKey = level === 'task' ? 'max-changed-files' : 'max-run-changed-files';
    const linesKey = level === 'task' ? 'max-changed-lines' : 'max-run-changed-lines';
    const totals = changeTotals(changes);
    const maxBytes = gates['max-file-bytes'];
    const big = changes.files.filter((f) => f.kind !== 'deleted' && f.size > maxBytes);
    const problems = [];
    const optIns = [];
    const findings = [];
    if (totals.files > gates[filesKey]) {
        problems.push(`${totals.files} files changed, more than gates.${filesKey} (${gates[filesKey]})`);
        optIns.push(`gates.${filesKey}: ${totals.files}`);
    }
    if (totals.lines > gates[linesKey]) {
        problems.push(`${totals.lines} lines changed, more than gates.${linesKey} (${gates[linesKey]})`);
        optIns.push(`gates.${linesKey}: ${totals.lines}`);
    }
    if (big.length > 0) {
        const largest = Math.max(...big.map((f) => f.size));
        problems.push(`${big.length} file(s) larger than gates.max-file-bytes (${maxBytes})`);
        optIns.push(`gates.max-file-bytes: ${largest}`);
        findings.push(...big.map((f) => `${(0,path_rules/* showPath */.P8)(f.path)}: ${f.size} bytes${f.binary ? ' (binary)' : ''}`));
    }
    const summary = `${totals.files} files (${totals.binary} binary), ${totals.lines} lines`;
    if (problems.length === 0) {
        return { gate: 'size', allowed: true, reason: `${summary}: within the limits` };
    }
    return {
        gate: 'size',
        allowed: false,
        reason: `${problems.join('; ')}: a change this large cannot be reviewed with care and often means a step ran away`,
        optIn: optIns.join(' and '),
        ...(findings.length ? { findings } : {})
    };
}

;// CONCATENATED MODULE: ./src/gates/forbid-added.ts

/** Matches of `re` in `text` (a line can hold several). */
function countMatches(re, text) {
    let n = 0;
    for (const _ of text.matchAll(re))
        n++;
    return n;
}
/** One rule's tally over a change: matches added (with places) and removed. */
function tallyRule(rule, changes) {
    const re = new RegExp(rule.pattern, 'g');
    const inScope = rule.paths ? (0,path_rules/* allowMatcher */._c)(rule.paths) : () => true;
    const added = [];
    let addedCount = 0;
    let removedCount = 0;
    for (const f of changes.files) {
        // A rename keeps its old lines under the old name: judge the file by either.
        if (!inScope(f.path) && !(f.oldPath !== undefined && inScope(f.oldPath)))
            continue;
        for (const l of f.addedLines) {
            const n = countMatches(re, l.text);
            if (n > 0) {
                addedCount += n;
                added.push(`${(0,path_rules/* showPath */.P8)(f.path)}:${l.line}: ${rule.message}`);
            }
        }
        for (const text of f.removedLines ?? [])
            removedCount += countMatches(re, text);
    }
    return { added, addedCount, removedCount };
}
/** `forbid-added`: every rule of `gates.forbid-added`, against what the task adds and removes. */
function forbidAddedGate(changes, gates) {
    const rules = gates['forbid-added'];
    if (rules.length === 0)
        return { gate: 'forbid-added', allowed: true, reason: 'no gates.forbid-added rules' };
    const problems = [];
    const findings = [];
    for (const [i, rule] of rules.entries()) {
        const t = tallyRule(rule, changes);
        if (t.addedCount > t.removedCount) {
            problems.push(`gates.forbid-added[${i}] /${rule.pattern}/: ${t.addedCount} added, ${t.removedCount} removed (${rule.message})`);
            findings.push(...t.added);
        }
    }
    if (problems.length === 0) {
        return { gate: 'forbid-added', allowed: true, reason: `no rule of gates.forbid-added gained matches (${rules.length} rules)` };
    }
    return {
        gate: 'forbid-added',
        allowed: false,
        reason: `${problems.join('; ')}: the task adds more of a forbidden pattern than the base had`,
        optIn: 'remove the added matches, or change the rule in gates.forbid-added',
        findings
    };
}

;// CONCATENATED MODULE: ./src/gates/index.ts








/** The scope of one task: its own `paths` plus `gates.allow-paths` (its `paths` default to the latter). */
function taskScope(plan, task) {
    const allowPaths = plan.gates['allow-paths'];
    const own = task.paths ?? [];
    return {
        gates: plan.gates,
        allowed: [...new Set([...own, ...allowPaths])],
        execAllowed: task.paths ?? allowPaths,
        pathsSetting: plan.tasks.some((t) => t.id === task.id) ? `${taskRef(plan, task)}.paths` : 'gates.allow-paths',
        pathsCurrent: plan.tasks.some((t) => t.id === task.id) ? own : allowPaths
    };
}
/** The scope of the integrated branch: every task's `paths` plus `gates.allow-paths`. */
function runScope(plan) {
    const allowPaths = plan.gates['allow-paths'];
    const union = [...new Set([...plan.tasks.flatMap((t) => t.paths ?? []), ...allowPaths])];
    return { gates: plan.gates, allowed: union, execAllowed: union, pathsSetting: 'gates.allow-paths', pathsCurrent: allowPaths };
}
/**
 * Every gate for one task's change, allowed ones included so reports can show
 * them: paths, protected, escapes, deletes, size, secrets, silent-success.
 * `stepsExpectedChanges` overrides what the task's steps declare (see `expectsChanges`).
 */
async function evaluateTaskGates(input) {
    const { task, plan, changes } = input;
    const scope = taskScope(plan, task);
    return [
        pathsGate(changes, scope),
        protectedGate(changes, plan.gates),
        escapesGate(changes, scope),
        deletesGate(changes, plan.gates),
        sizeGate(changes, plan.gates, 'task'),
        await (0,secrets_gate/* secretsGate */.fj)(changes, plan.gates),
        secretValuesGate(changes, plan.gates, input.secrets ?? []),
        silentSuccessGate(changes, plan, task, input.stepsExpectedChanges),
        forbidAddedGate(changes, plan.gates)
    ];
}
/**
 * Every gate for the integrated branch against the base, before it is pushed:
 * paths (union of all tasks), protected, escapes, deletes, run-level size, secrets.
 */
async function evaluateRunGates(input) {
    const { plan, changes } = input;
    const scope = runScope(plan);
    return [
        pathsGate(changes, scope),
        protectedGate(changes, plan.gates),
        escapesGate(changes, scope),
        deletesGate(changes, plan.gates),
        sizeGate(changes, plan.gates, 'run'),
        await (0,secrets_gate/* secretsGate */.fj)(changes, plan.gates),
        secretValuesGate(changes, plan.gates, input.secrets ?? [])
    ];
}
/** One denial as every report and reason says it: the gate, why, and the setting that would allow it. */
function renderDenial(d) {
    return `${d.gate}: ${d.reason}${optInHint(d)}`;
}
/** ` (to allow: <setting>)`, or nothing when no setting allows it. */
function optInHint(d) {
    return d.optIn ? ` (to allow: ${d.optIn})` : '';
}
/** Several denials on one line. */
function denialText(decisions) {
    return decisions.map(renderDenial).join('; ');
}
/**
 * A decision with every text masked: reasons, opt-in hints and findings are
 * built from file names, which a step chooses (a file named after a secret).
 */
function maskDecision(d, mask) {
    return {
        ...d,
        reason: mask(d.reason),
        ...(d.optIn !== undefined ? { optIn: mask(d.optIn) } : {}),
        ...(d.findings ? { findings: d.findings.map(mask) } : {})
    };
}
/** The decisions that deny. */
function denied(decisions) {
    return decisions.filter((d) => !d.allowed);
}


/***/ }),

/***/ 86175:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H2: () => (/* binding */ denyMatcher),
/* harmony export */   Iq: () => (/* binding */ literalGlob),
/* harmony export */   P8: () => (/* binding */ showPath),
/* harmony export */   WF: () => (/* binding */ isProtectedPath),
/* harmony export */   _c: () => (/* binding */ allowMatcher),
/* harmony export */   gm: () => (/* binding */ yamlList),
/* harmony export */   m0: () => (/* binding */ unsafePathReason),
/* harmony export */   rJ: () => (/* binding */ hasSuspiciousChars),
/* harmony export */   yH: () => (/* binding */ resolveSymlink)
/* harmony export */ });
/* unused harmony exports DEFAULT_PROTECTED, normalizeForProtection, hasMixedScripts */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(14006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_1__);
/**
 * Path rules shared by the gates: the default protected list, the
 * normalisation that stops case and Unicode tricks from dodging it, and the
 * checks for paths that leave the repository. Pure; matching is picomatch.
 */


/**
 * Protected by default (issue #4): CI and plan definitions, git internals and
 * hooks, environment and credential files, dependency manifests and lock files.
 * Matched anywhere in the tree (monorepos), case-insensitively, after
 * `normalizeForProtection`.
 */
const DEFAULT_PROTECTED = [
    // CI, automation and the plans themselves
    '.github/**',
    '.ai/plans/**',
    '.gitlab-ci.yml',
    '.circleci/**',
    '.buildkite/**',
    'azure-pipelines.yml',
    '.travis.yml',
    '**/Jenkinsfile',
    // git internals, attributes, submodules, hooks
    '**/.git',
    '**/.git/**',
    '**/.gitmodules',
    '**/.gitattributes',
    '**/.husky/**',
    '**/.githooks/**',
    '**/.git-hooks/**',
    '**/lefthook.yml',
    '**/.lefthook.yml',
    '**/.pre-commit-config.yaml',
    // environment, keys and credentials
    '**/.env',
    '**/.env.*',
    '**/.envrc',
    '**/*.pem',
    '**/*.key',
    '**/*.p12',
    '**/*.pfx',
    '**/*.jks',
    '**/*.keystore',
    '**/id_rsa*',
    '**/id_dsa*',
    '**/id_ecdsa*',
    '**/id_ed25519*',
    '**/.ssh/**',
    '**/.aws/**',
    '**/.docker/config.json',
    '**/.npmrc',
    '**/.yarnrc',
    '**/.yarnrc.yml',
    '**/.netrc',
    '**/_netrc',
    '**/.pypirc',
    '**/.git-credentials',
    '**/credentials',
    '**/credentials.{json,yml,yaml,toml,xml,ini,csv}',
    '**/*.kdbx',
    // dependency manifests and lock files
    '**/package.json',
    '**/package-lock.json',
    '**/npm-shrinkwrap.json',
    '**/yarn.lock',
    '**/pnpm-lock.yaml',
    '**/pnpm-workspace.yaml',
    '**/bun.lock',
    '**/bun.lockb',
    '**/deno.lock',
    '**/Cargo.toml',
    '**/Cargo.lock',
    '**/go.mod',
    '**/go.sum',
    '**/go.work',
    '**/go.work.sum',
    '**/requirements*.txt',
    '**/constraints*.txt',
    '**/Pipfile',
    '**/Pipfile.lock',
    '**/pyproject.toml',
    '**/poetry.lock',
    '**/uv.lock',
    '**/setup.py',
    '**/setup.cfg',
    '**/Gemfile',
    '**/Gemfile.lock',
    '**/*.gemspec',
    '**/composer.json',
    '**/composer.lock',
    '**/pom.xml',
    '**/build.gradle',
    '**/build.gradle.kts',
    '**/settings.gradle',
    '**/settings.gradle.kts',
    '**/gradle/wrapper/**',
    '**/mix.exs',
    '**/mix.lock',
    '**/Package.swift',
    '**/Package.resolved',
    '**/Podfile',
    '**/Podfile.lock',
    '**/pubspec.yaml',
    '**/pubspec.lock',
    '**/packages.lock.json',
    '**/Directory.Packages.props',
    '**/nuget.config',
    '**/flake.lock'
];
const isDefaultProtected = picomatch__WEBPACK_IMPORTED_MODULE_1___default()([...DEFAULT_PROTECTED], { dot: true, nocase: true });
/** Control characters (newlines, tabs, ESC...), format characters (bidi overrides, zero-width) and U+FFFD (bytes that were not UTF-8). */
const SUSPICIOUS_CHAR = /[\p{Cc}\p{Cf}\u2028\u2029\uFFFD]/u;
const IGNORABLE_CHAR = /[\p{Cc}\p{Default_Ignorable_Code_Point}]/gu;
/**
 * The form a path is compared in against protected and denied globs, so that
 * every name a filesystem or GitHub could treat as a protected one is caught:
 * NFKC (fullwidth `．ｇｉｔｈｕｂ` -> `.github`), characters HFS+ ignores
 * (zero-width joiners) and control characters removed, `\` as a separator,
 * per component NTFS trailing dots/spaces and `:stream` suffixes dropped,
 * 8.3 short name `GIT~1` read as `.git`, then lower case (macOS and Windows
 * filesystems are case-insensitive).
 */
function normalizeForProtection(p) {
    return p
        .normalize('NFKC')
        .replace(IGNORABLE_CHAR, '')
        .replace(/\\/g, '/')
        .split('/')
        .map((c) => {
        const base = c.replace(/:.*$/s, '').replace(/[. ]+$/, '');
        const folded = (base === '' || base === '..' ? c : base).toLowerCase();
        return folded === 'git~1' ? '.git' : folded;
    })
        .join('/');
}
/**
 * True when some word (a run of letters) mixes Latin with Cyrillic, Greek or
 * Armenian letters, the classic homograph (`.gіthub` with a Cyrillic `і`).
 * Such a name is treated as a possible imitation of a protected one; words
 * wholly in one script (`docs/руководство.md`) are ordinary paths.
 */
function hasMixedScripts(p) {
    const scripts = [/\p{Script=Latin}/u, /\p{Script=Cyrillic}/u, /\p{Script=Greek}/u, /\p{Script=Armenian}/u];
    return p
        .normalize('NFKC')
        .split(/[^\p{L}\p{M}]+/u)
        .some((word) => scripts.filter((re) => re.test(word)).length > 1);
}
/** Whether a changed path is protected by default (before `gates.allow-protected`). */
function isProtectedPath(p) {
    return isDefaultProtected(normalizeForProtection(p)) || hasMixedScripts(p);
}
/** A strict matcher for user allow-lists: exact case, dotfiles included. */
function allowMatcher(globs) {
    if (globs.length === 0)
        return () => false;
    const match = picomatch__WEBPACK_IMPORTED_MODULE_1___default()([...globs], { dot: true });
    return (p) => match(p);
}
/** A loose matcher for user deny-lists: raw path or its protection form, case-insensitively. */
function denyMatcher(globs) {
    const each = globs.map((g) => ({ glob: g, match: picomatch__WEBPACK_IMPORTED_MODULE_1___default()(g, { dot: true, nocase: true }) }));
    return (p) => each.find((e) => e.match(p) || e.match(normalizeForProtection(p)))?.glob;
}
/** Control, invisible, bidi or non-UTF-8 characters: nothing a legitimate file name needs. */
function hasSuspiciousChars(text) {
    return SUSPICIOUS_CHAR.test(text);
}
/** Why a path cannot be in a landing patch at all, or undefined when it can. */
function unsafePathReason(p) {
    if (p === '')
        return 'empty path';
    if (SUSPICIOUS_CHAR.test(p))
        return 'contains a control, invisible or bidi character, or bytes that are not UTF-8';
    if (/^([\\/]|[A-Za-z]:)/.test(p))
        return 'is an absolute path';
    // A separator on Windows (git for Windows refuses such paths): `a\..\..\x` would climb out there.
    if (p.includes('\\'))
        return 'contains a backslash, a path separator on Windows';
    const parts = p.split(/[\\/]/);
    if (parts.some((c) => c === '..'))
        return 'contains a `..` component';
    if (parts.some((c) => c === '.' || c === ''))
        return 'contains an empty or `.` component';
    return undefined;
}
/**
 * Where a symlink at `linkPath` with content `target` points, as a
 * repository-relative path ('' = the root), or `outside` when it leaves the
 * repository (absolute, `~`, or too many `..`).
 */
function resolveSymlink(linkPath, target) {
    const t = target.replace(/\\/g, '/');
    if (t.startsWith('/') || t.startsWith('~') || /^[A-Za-z]:/.test(t))
        return { outside: true };
    const resolved = node_path__WEBPACK_IMPORTED_MODULE_0___default().posix.normalize(node_path__WEBPACK_IMPORTED_MODULE_0___default().posix.join(node_path__WEBPACK_IMPORTED_MODULE_0___default().posix.dirname(linkPath), t));
    if (resolved === '..' || resolved.startsWith('../'))
        return { outside: true };
    return { inside: resolved === '.' ? '' : resolved.replace(/\/$/, '') };
}
/**
 * A glob that matches exactly this literal path (glob metacharacters escaped),
 * for the exact settings quoted in denials. Paths with backslashes never land
 * (see `unsafePathReason`), and picomatch folds runs of escaped backslashes.
 */
function literalGlob(p) {
    return p.replace(/[\\*?[\]{}()!+@|^$]/g, '\\$&');
}
/** A YAML flow list of strings, JSON-quoted so any path is copied back exactly. */
function yamlList(items) {
    return `[${items.map((s) => JSON.stringify(s)).join(', ')}]`;
}
/** Display form of a path in findings: JSON-quoted when it holds anything unusual. */
function showPath(p) {
    return /^[\w./@+-][\w ./@+-]*$/.test(p) ? p : JSON.stringify(p);
}


/***/ }),

/***/ 54341:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fj: () => (/* binding */ secretsGate),
/* harmony export */   fp: () => (/* binding */ redactSecrets)
/* harmony export */ });
/* unused harmony exports lintFilePath, scanAddedLines, scanNames */
/* harmony import */ var _secretlint_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(86707);
/* harmony import */ var _secretlint_profiler__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(806);
/* harmony import */ var _secretlint_secretlint_rule_preset_recommend__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(31577);
/* harmony import */ var _path_rules_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(86175);
/**
 * The `secrets` gate: added lines scanned with secretlint's recommended
 * preset (a maintained rule set: AWS, GCP, GitHub, npm, Slack, private
 * keys, connection strings...). Findings carry rule and file:line, never the
 * value. No file is read from disk: only the added text is scanned.
 */




const CONFIG = { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: _secretlint_secretlint_rule_preset_recommend__WEBPACK_IMPORTED_MODULE_2__/* .creator */ .x }] };
function extension(p) {
    const m = /(\.[^./]+)$/.exec(p);
    // The GCP rule reads `.p12` sources from disk by file path: never let it.
    return m && m[1].toLowerCase() !== '.p12' ? m[1] : '';
}
/**
 * The file name secretlint is given. Its profiler (a process-wide
 * PerformanceObserver) names marks after it and parses them back with
 * `/(.*?)::end(\|\|.*)?/`: a name holding `::` or a line terminator makes it
 * measure a mark that does not exist, an unhandled rejection that kills the
 * whole process. A task could crash autopilot with a file name, so those
 * characters are replaced; rules only read the base name and extension.
 */
function lintFilePath(p) {
    return p.replace(/[\p{Cc}\u2028\u2029:]/gu, '_');
}
/**
 * Scan one file's added lines. Consecutive added lines are joined so that
 * multi-line secrets (PEM private keys) are seen whole.
 */
async function scanAddedLines(file) {
    if (file.addedLines.length === 0)
        return [];
    const content = file.addedLines.map((l) => l.text).join('\n');
    return (await lint(content, file.path, extension(file.path))).map((m) => ({
        path: file.path,
        line: file.addedLines[m.loc.start.line - 1]?.line ?? 0,
        rule: m.rule,
        message: m.message
    }));
}
/**
 * secretlint 11's profiler keeps every performance mark it observes and, for
 * each new one, searches all of them (secretlint#1633): scanning grows
 * quadratic over a long run. Nothing reads those lists (only `getEntries` and
 * `getMeasures`, which nobody calls), so they are made to forget: each read
 * gives a new empty list. The global performance timeline is left alone: the
 * profiler still measures from its marks, and a missing mark would be an
 * unhandled rejection. secretlint 13 fixes it but needs Node 22; we support 20.
 */
function forgetfulProfiler() {
    for (const list of ['entries', 'measures', 'executionPromises']) {
        Object.defineProperty(_secretlint_profiler__WEBPACK_IMPORTED_MODULE_1__/* .secretLintProfiler */ .z, list, { get: () => [], set: () => undefined, configurable: true });
    }
}
forgetfulProfiler();
async function lint(content, filePath, ext) {
    const result = await (0,_secretlint_core__WEBPACK_IMPORTED_MODULE_0__/* .lintSource */ .n)({
        source: { content, filePath: lintFilePath(filePath), ext, contentType: 'text' },
        options: { config: CONFIG, maskSecrets: true, noPhysicFilePath: true }
    });
    return result.messages.map((m) => ({ ...m, rule: m.ruleId.replace(/^@secretlint\/secretlint-rule-/, '') }));
}
/**
 * Scan what a change carries besides its lines: each symlink's target (its
 * whole content) and every changed path (a file can be named after a token).
 * A path shown in a finding has the secret masked.
 */
async function scanNames(changes) {
    const links = changes.files.filter((f) => f.symlinkTarget);
    const fromLinks = await Promise.all(links.map(async (f) => (await lint(f.symlinkTarget, f.path, '')).map((m) => ({ path: f.path, line: 1, rule: m.rule, message: m.message, where: 'symlink target' }))));
    const paths = [...new Set(changes.files.flatMap((f) => (f.oldPath ? [f.oldPath, f.path] : [f.path])))];
    // One path per line: line breaks inside a name become spaces so lines and paths stay aligned.
    const lines = paths.map((p) => p.replace(/[\r\n\u2028\u2029]/g, ' '));
    // Cumulative, not per line from the start: a change of 12,000 names made this quadratic (issue #10).
    const offsets = [];
    lines.reduce((at, l) => (offsets.push(at), at + l.length + 1), 0);
    const fromPaths = paths.length
        ? (await lint(lines.join('\n'), 'changed-paths', '')).map((m) => {
            const i = m.loc.start.line - 1;
            const [from, to] = [m.range[0] - offsets[i], Math.min(m.range[1] - offsets[i], lines[i].length)];
            const masked = paths[i].slice(0, from) + '*'.repeat(Math.max(0, to - from)) + paths[i].slice(to);
            return { path: masked, line: 0, rule: m.rule, message: m.message, where: 'file name' };
        })
        : [];
    return [...fromLinks.flat(), ...fromPaths];
}
function describeFinding(f) {
    return f.where ? `${(0,_path_rules_js__WEBPACK_IMPORTED_MODULE_3__/* .showPath */ .P8)(f.path)} (${f.where}) ${f.rule}: ${f.message}` : `${(0,_path_rules_js__WEBPACK_IMPORTED_MODULE_3__/* .showPath */ .P8)(f.path)}:${f.line} ${f.rule}: ${f.message}`;
}
/**
 * `secrets`: no added line, symlink target or changed path holds a secret
 * (binary files are scanned through their printable strings, see
 * src/git/changes.ts), unless scanning is turned off with `gates.scan-secrets: false`.
 */
async function secretsGate(changes, gates) {
    if (!gates['scan-secrets']) {
        return { gate: 'secrets', allowed: true, reason: 'secret scanning is off (gates.scan-secrets: false)' };
    }
    const scanned = changes.files.filter((f) => f.addedLines.length > 0);
    const findings = [...(await Promise.all(scanned.map(scanAddedLines))).flat(), ...(await scanNames(changes))];
    if (findings.length === 0) {
        return { gate: 'secrets', allowed: true, reason: `no secret in the added lines of ${scanned.length} file(s)` };
    }
    return {
        gate: 'secrets',
        allowed: false,
        reason: `${findings.length} secret(s) in added lines, file names or symlink targets: once pushed, a secret is public to everyone who can read ` +
            'the branch and must be revoked; remove it and read it from the environment instead',
        optIn: 'gates.scan-secrets: false',
        findings: findings.map(describeFinding)
    };
}
/**
 * `text` with every secret secretlint finds in it overwritten by `*`, same
 * length (so a patch keeps its shape). For evidence kept of a denied change:
 * what is stored or uploaded must not carry the secret that got it denied.
 */
async function redactSecrets(text, name = 'evidence') {
    const ranges = (await lint(text, name, '')).map((m) => m.range).sort((a, b) => a[0] - b[0]);
    let out = '';
    let at = 0;
    for (const [from, to] of ranges) {
        if (to <= at)
            continue;
        const start = Math.max(from, at);
        out += text.slice(at, start) + '*'.repeat(to - start);
        at = to;
    }
    return out + text.slice(at);
}


/***/ }),

/***/ 74321:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  xW: () => (/* binding */ changeLimits),
  K9: () => (/* binding */ collectChanges),
  Ui: () => (/* binding */ fitsWholePatch)
});

// UNUSED EXPORTS: GITLINK_MODE, MAX_PATCH_BYTES, MAX_PATHSPEC_ARG_BYTES, SYMLINK_MODE, chunkPaths, isScannable, mergeEntries, parseAddedLines, parseBatch, parsePatchLines, parseRawNumstatZ, unquoteGitPath

;// CONCATENATED MODULE: ./src/git/content.ts
/**
 * What a blob's bytes are, judged from the bytes alone (never from git
 * attributes or config, which a task can rewrite): text or binary, and the
 * printable strings of a binary file for the secret scanner. Pure.
 */
/** Git's own test for binary content (xdiff's `buffer_is_binary`): a NUL byte in the first 8000 bytes. */
function looksBinary(content) {
    return content.subarray(0, 8000).includes(0);
}
/**
 * Blobs up to this size are read to tell text from binary and to find the
 * strings in binary files; larger ones count as binary unread (the size gate
 * denies them long before this with its defaults).
 */
const MAX_READ_BYTES = 32 * 1024 * 1024;
/**
 * Runs of at least `min` printable ASCII characters (what `strings` prints),
 * with the line they sit on when the bytes are read as text. Pure.
 */
function printableStrings(content, min = 8) {
    const out = [];
    let line = 1;
    let start = -1;
    for (let i = 0; i <= content.length; i++) {
        const b = i < content.length ? content[i] : 0;
        const printable = (b >= 0x20 && b < 0x7f) || b === 0x09;
        if (printable) {
            if (start < 0)
                start = i;
            continue;
        }
        if (start >= 0 && i - start >= min)
            out.push({ line, text: content.toString('latin1', start, i) });
        start = -1;
        if (b === 0x0a)
            line++;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/git/changes.ts

/** Symlink and gitlink modes, as git prints them. */
const SYMLINK_MODE = '120000';
const GITLINK_MODE = '160000';
const STATUS = {
    A: 'added',
    M: 'modified',
    D: 'deleted',
    R: 'renamed',
    C: 'copied',
    T: 'type-changed'
};
/**
 * Output options every diff call shares. User config must not change what we
 * parse: prefixes, colour, external diff drivers, textconv and `diff.relative`
 * are all pinned here. `--text` because a task can write the shared
 * repository's `info/attributes` (`* -diff`) or config (`core.bigFileThreshold`)
 * to make git call every file binary, hiding its lines from the secret scanner
 * and the size gate; binary files are told apart from content instead (`looksBinary`).
 */
const DIFF_OPTS = [
    '--text',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    '--no-relative',
    '--ignore-submodules=none',
    '--submodule=short',
    '-M'
];
/**
 * Parse `git diff -z --raw --numstat` output (raw records first, then numstat
 * records, as git prints them). Pure.
 */
function parseRawNumstatZ(buf) {
    const tokens = (typeof buf === 'string' ? buf : buf.toString('utf8')).split('\0');
    const raw = [];
    const numstat = [];
    let i = 0;
    while (i < tokens.length) {
        const token = tokens[i++];
        if (token === '')
            continue;
        if (token.startsWith(':')) {
            // ":<oldmode> <newmode> <oldsha> <newsha> <status><score>" then 1 or 2 paths
            const [oldMode, newMode, oldSha, newSha, status] = token.slice(1).split(' ');
            const letter = status?.[0] ?? '';
            const kind = STATUS[letter];
            if (!kind)
                throw new Error(`unexpected git diff status ${JSON.stringify(status)}`);
            const entry = { kind, path: '', oldMode, newMode, oldSha, newSha };
            if (kind === 'renamed' || kind === 'copied') {
                entry.oldPath = tokens[i++];
                entry.score = Number(status.slice(1)) || undefined;
            }
            entry.path = tokens[i++];
            raw.push(entry);
            continue;
        }
        // "<added>\t<removed>\t<path>", or "<added>\t<removed>\t" then old and new path for renames
        const m = /^(-|\d+)\t(-|\d+)\t([\s\S]*)$/.exec(token);
        if (!m)
            throw new Error(`unexpected git numstat record ${JSON.stringify(token)}`);
        const binary = m[1] === '-' && m[2] === '-';
        const entry = {
            path: m[3],
            binary,
            added: binary ? 0 : Number(m[1]),
            removed: binary ? 0 : Number(m[2])
        };
        if (m[3] === '') {
            entry.oldPath = tokens[i++];
            entry.path = tokens[i++];
        }
        numstat.push(entry);
    }
    return { raw, numstat };
}
const C_ESCAPES = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };
/**
 * Undo git's C-style path quoting (`"b/nl\nname"`, octal escapes for bytes
 * >= 0x80 when core.quotePath is on). Unquoted input is returned as is. Pure.
 */
function unquoteGitPath(text) {
    if (!text.startsWith('"') || !text.endsWith('"') || text.length < 2)
        return text;
    const body = text.slice(1, -1);
    const bytes = [];
    for (let i = 0; i < body.length; i++) {
        const ch = body[i];
        if (ch !== '\\') {
            bytes.push(...Buffer.from(ch, 'utf8'));
            continue;
        }
        const next = body[++i];
        if (next >= '0' && next <= '7') {
            bytes.push(parseInt(body.slice(i, i + 3), 8));
            i += 2;
        }
        else {
            bytes.push(C_ESCAPES[next] ?? next.charCodeAt(0));
        }
    }
    return Buffer.from(bytes).toString('utf8');
}
/** Strip the trailing tab git appends to names with spaces, the C quoting, then git's `a/` or `b/` prefix. */
function headerPath(rest, prefix = 'b/') {
    const name = unquoteGitPath(rest.endsWith('\t') ? rest.slice(0, -1) : rest);
    return name.startsWith(prefix) ? name.slice(2) : name;
}
/**
 * Parse a `git diff -U0 --src-prefix=a/ --dst-prefix=b/` patch into each
 * file's added lines (with their line numbers in the new file) and removed
 * line count, keyed by the new path (the old one for deletions). Hunk line
 * counts are honoured, so an added line that itself reads `+++ b/x` or
 * `diff --git` is not mistaken for a header. Pure.
 */
function parsePatchLines(patch) {
    const lines = (typeof patch === 'string' ? patch : patch.toString('utf8')).split('\n');
    const out = new Map();
    let oldPath;
    let current;
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        if (line.startsWith('diff --git ')) {
            current = undefined;
            oldPath = undefined;
        }
        else if (line.startsWith('--- ')) {
            const rest = line.slice(4);
            oldPath = rest === '/dev/null' ? undefined : headerPath(rest, 'a/');
        }
        else if (line.startsWith('+++ ')) {
            const rest = line.slice(4);
            const path = rest === '/dev/null' ? oldPath : headerPath(rest);
            current = undefined;
            if (path !== undefined) {
                current = out.get(path) ?? { added: [], removed: 0, removedLines: [], hasNewSide: false };
                // A type change is a deletion and an addition of the same path.
                if (rest !== '/dev/null')
                    current.hasNewSide = true;
                out.set(path, current);
            }
        }
        else if (line.startsWith('@@ ')) {
            const m = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
            if (!m)
                continue;
            let oldLeft = m[1] === undefined ? 1 : Number(m[1]);
            let newLeft = m[3] === undefined ? 1 : Number(m[3]);
            let newLine = Number(m[2]);
            // Consume exactly the hunk's lines ("\ No newline" markers do not count).
            while ((oldLeft > 0 || newLeft > 0) && i + 1 < lines.length) {
                const body = lines[++i];
                if (body.startsWith('\\'))
                    continue;
                if (body.startsWith('+')) {
                    current?.added.push({ line: newLine++, text: body.slice(1) });
                    newLeft--;
                }
                else if (body.startsWith('-')) {
                    if (current) {
                        current.removed++;
                        current.removedLines.push(body.slice(1));
                    }
                    oldLeft--;
                }
                else {
                    oldLeft--;
                    newLeft--;
                    newLine++;
                }
            }
        }
    }
    return out;
}
/** The added lines of each new-side path of a `-U0` patch (see `parsePatchLines`). Pure. */
function parseAddedLines(patch) {
    const out = new Map();
    for (const [path, p] of parsePatchLines(patch))
        if (p.hasNewSide)
            out.set(path, p.added);
    return out;
}
/**
 * Join raw and numstat records (same order, same pairs) into `FileChange`s
 * without sizes, symlink targets or added lines. Pure.
 */
function mergeEntries(raw, numstat) {
    return raw.map((r, index) => {
        const n = numstat[index];
        if (!n || n.path !== r.path) {
            throw new Error(`git raw and numstat output disagree at ${JSON.stringify(r.path)}`);
        }
        const change = {
            kind: r.kind,
            path: r.path,
            binary: n.binary,
            added: n.added,
            removed: n.removed,
            size: 0,
            addedLines: []
        };
        if (r.oldPath !== undefined)
            change.oldPath = r.oldPath;
        if (r.oldMode !== '000000')
            change.oldMode = r.oldMode;
        if (r.newMode !== '000000')
            change.newMode = r.newMode;
        return change;
    });
}
/** The limits for one task's change, from the plan's gates (`level: 'run'` for the integrated branch). */
function changeLimits(plan, level = 'task') {
    return {
        fileBytes: plan.gates['max-file-bytes'],
        files: plan.gates[level === 'task' ? 'max-changed-files' : 'max-run-changed-files']
    };
}
/** Bytes of path arguments one git process is given (far below ARG_MAX): longer lists are split over several calls. */
const MAX_PATHSPEC_ARG_BYTES = 64 * 1024;
/** A symlink's target is short; a longer "link" blob is not read and counts as suspicious. */
const MAX_LINK_BYTES = 4096;
/**
 * Collect the staged change of a worktree against `base`: the caller has run
 * `git add -A` first, so the INDEX holds exactly what the task would commit.
 * Sizes come first (`cat-file --batch-check`): a blob above `limits.fileBytes`
 * is never read, and past `limits.files` changed files no content is read; the
 * rest is read in one `cat-file --batch`, and no argument list grows with the
 * change (object names go through stdin, paths in bounded chunks).
 */
async function collectChanges(git, base, limits) {
    const { raw } = parseRawNumstatZ(await git(['diff', '--cached', '-z', '--raw', '--no-abbrev', ...DIFF_OPTS, base, '--']));
    const files = raw.map(fromRaw);
    const links = await treeLinks(git);
    const sizes = await blobSizes(git, raw.flatMap((r) => [r.oldSha, r.newSha]));
    const readLimit = Math.min(limits?.fileBytes ?? MAX_READ_BYTES, MAX_READ_BYTES);
    const readAll = files.length <= (limits?.files ?? Infinity);
    raw.forEach((r, i) => {
        const file = files[i];
        if (file.kind !== 'deleted' && file.newMode !== GITLINK_MODE)
            file.size = sizes.get(r.newSha) ?? 0;
    });
    // Which blobs to read: changed symlinks, and (within the limits) every other changed blob's new side.
    const wanted = new Set();
    raw.forEach((r, i) => {
        const file = files[i];
        if (file.newMode === GITLINK_MODE || file.kind === 'deleted')
            return;
        if (file.newMode === SYMLINK_MODE) {
            if (file.size <= MAX_LINK_BYTES)
                wanted.add(r.newSha);
        }
        else if (readAll && file.size <= readLimit)
            wanted.add(r.newSha);
    });
    const blobs = await readBlobs(git, [...wanted]);
    const oldWanted = [];
    raw.forEach((r, i) => {
        const file = files[i];
        if (file.newMode === GITLINK_MODE || file.kind === 'deleted')
            return;
        if (file.newMode === SYMLINK_MODE) {
            const target = blobs.get(r.newSha);
            // A "link" too long to be one is shown as such, and the escapes gate refuses its odd target.
            file.symlinkTarget = target ? target.toString('utf8') : `\0(${file.size} bytes, not read)`;
            return;
        }
        const content = blobs.get(r.newSha);
        // Unread (too big, or too many files): binary, no lines; the size gate denies it either way.
        file.binary = content ? looksBinary(content) : true;
        const hadOld = file.kind !== 'added' && r.oldMode !== '000000' && r.oldMode !== GITLINK_MODE && r.oldMode !== SYMLINK_MODE;
        if (file.binary && content && hadOld && (sizes.get(r.oldSha) ?? Infinity) <= readLimit)
            oldWanted.push(r.oldSha);
    });
    const olds = await readBlobs(git, oldWanted);
    raw.forEach((r, i) => {
        const file = files[i];
        const content = blobs.get(r.newSha);
        if (!file.binary || !content || file.newMode === SYMLINK_MODE)
            return;
        // Strings already in the old side are not new: a modified binary is judged by what it adds.
        const old = new Set(printableStrings(olds.get(r.oldSha) ?? Buffer.alloc(0)).map((s) => s.text));
        file.addedLines = printableStrings(content).filter((s) => !old.has(s.text));
    });
    // Line counts and added lines of text files come from a `--text` patch (attributes and config a task
    // wrote cannot make git call them binary); binary and unread files are left out of it.
    const text = raw
        .map((r, i) => ({ r, file: files[i] }))
        .filter(({ r, file }) => readAll && isTextSide(file, r, sizes, readLimit));
    for (const chunk of chunkPaths(text.flatMap(({ file }) => [file.path, ...(file.oldPath ? [file.oldPath] : [])]))) {
        const patch = await git([
            'diff', '--cached', '-U0', '--src-prefix=a/', '--dst-prefix=b/', ...DIFF_OPTS, base, '--',
            ...chunk.map((p) => `:(literal,top)${p}`)
        ]);
        const parsed = parsePatchLines(patch);
        for (const { file } of text) {
            const p = parsed.get(file.path);
            if (!p)
                continue;
            file.added = p.added.length;
            file.removed = p.removed;
            if (isScannable(file))
                file.addedLines = p.added;
            if (p.removedLines.length)
                file.removedLines = p.removedLines;
        }
    }
    return { files, links };
}
/** A change whose both sides are text small enough to diff: its lines are counted from the patch. */
function isTextSide(file, r, sizes, readLimit) {
    if (file.binary || file.newMode === GITLINK_MODE || r.oldMode === GITLINK_MODE)
        return false;
    if (file.kind === 'deleted')
        return (sizes.get(r.oldSha) ?? Infinity) <= readLimit;
    return r.oldMode === '000000' || (sizes.get(r.oldSha) ?? Infinity) <= readLimit;
}
/** Largest total of new bytes kept whole as a task's patch; past it (or past a file above the gate) only headers are kept. */
const MAX_PATCH_BYTES = 64 * 1024 * 1024;
/** Whether a change is small enough to keep as a whole patch (else its evidence is headers only). Pure. */
function fitsWholePatch(changes, limits) {
    if (changes.files.length > limits.files)
        return false;
    const maxFileBytes = limits.fileBytes;
    let total = 0;
    for (const f of changes.files) {
        if (f.size > maxFileBytes)
            return false;
        total += f.size;
    }
    return total <= MAX_PATCH_BYTES;
}
/** A raw record as a change with no sizes, lines or targets yet. Pure. */
function fromRaw(r) {
    const change = { kind: r.kind, path: r.path, binary: false, added: 0, removed: 0, size: 0, addedLines: [] };
    if (r.oldPath !== undefined)
        change.oldPath = r.oldPath;
    if (r.oldMode !== '000000')
        change.oldMode = r.oldMode;
    if (r.newMode !== '000000')
        change.newMode = r.newMode;
    return change;
}
/** Paths split into lists whose argument bytes stay under MAX_PATHSPEC_ARG_BYTES. Pure. */
function chunkPaths(paths, maxBytes = MAX_PATHSPEC_ARG_BYTES) {
    const out = [];
    let current = [];
    let bytes = 0;
    for (const p of paths) {
        const n = Buffer.byteLength(p) + 20;
        if (current.length > 0 && bytes + n > maxBytes) {
            out.push(current);
            current = [];
            bytes = 0;
        }
        current.push(p);
        bytes += n;
    }
    if (current.length > 0)
        out.push(current);
    return out;
}
const NULL_SHA = /^0+$/;
/** Size of each blob, from one `cat-file --batch-check` (names on stdin). */
async function blobSizes(git, shas) {
    const unique = [...new Set(shas.filter((s) => !NULL_SHA.test(s)))];
    const out = new Map();
    if (unique.length === 0)
        return out;
    const text = (await git(['cat-file', '--batch-check'], unique.join('\n') + '\n')).toString('utf8');
    for (const line of text.split('\n')) {
        const [sha, type, size] = line.split(' ');
        if (type && size !== undefined && type !== 'missing')
            out.set(sha, Number(size));
    }
    return out;
}
/** Content of each blob, from one `cat-file --batch` (names on stdin). */
async function readBlobs(git, shas) {
    const out = new Map();
    if (shas.length === 0)
        return out;
    const buf = await git(['cat-file', '--batch'], shas.join('\n') + '\n');
    return parseBatch(buf);
}
/** Parse `cat-file --batch` output: "<sha> <type> <size>\n<content>\n" per object ("<name> missing\n" skipped). Pure. */
function parseBatch(buf) {
    const out = new Map();
    let at = 0;
    while (at < buf.length) {
        const nl = buf.indexOf(0x0a, at);
        if (nl < 0)
            break;
        const [sha, type, size] = buf.toString('utf8', at, nl).split(' ');
        at = nl + 1;
        if (type === 'missing' || size === undefined)
            continue;
        const n = Number(size);
        out.set(sha, buf.subarray(at, at + n));
        at += n + 1;
    }
    return out;
}
/** Every symlink in the index (the final tree), path to target: links are judged through each other. */
async function treeLinks(git) {
    const entries = (await git(['ls-files', '-s', '-z'])).toString('utf8').split('\0');
    const links = [];
    for (const e of entries) {
        if (!e.startsWith(`${SYMLINK_MODE} `))
            continue;
        const tab = e.indexOf('\t');
        links.push({ path: e.slice(tab + 1), sha: e.slice(7, tab).split(' ')[0] });
    }
    if (links.length === 0)
        return {};
    const sizes = await blobSizes(git, links.map((l) => l.sha));
    const blobs = await readBlobs(git, links.filter((l) => (sizes.get(l.sha) ?? Infinity) <= MAX_LINK_BYTES).map((l) => l.sha));
    const out = {};
    // A link blob too long to read is recorded as an absolute target: it can only be judged as leaving.
    for (const l of links)
        out[l.path] = blobs.get(l.sha)?.toString('utf8') ?? '/(not read)';
    return out;
}
/** Text files whose added lines are content (not symlink targets or submodule pointers). */
function isScannable(file) {
    return (file.kind !== 'deleted' && !file.binary && file.newMode !== SYMLINK_MODE && file.newMode !== GITLINK_MODE);
}


/***/ })

};
