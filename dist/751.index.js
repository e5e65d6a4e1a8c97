export const id = 751;
export const ids = [751];
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


/***/ })

};
