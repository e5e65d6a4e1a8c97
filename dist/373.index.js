export const id = 373;
export const ids = [373];
export const modules = {

/***/ 92373:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runJob: () => (/* binding */ runJob)
/* harmony export */ });
/* harmony import */ var _run_local_run_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58290);
/* harmony import */ var _report_mask_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(69488);
/* harmony import */ var _run_secrets_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(53448);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);
/* harmony import */ var _open_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(85880);
/* harmony import */ var _deliver_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(67450);
/**
 * `command: run`: the whole plan in one job with the local engine (state in
 * the runner's workspace), then the same delivery as `finalize`.
 */






async function runJob(settings, runner) {
    const { loaded, planArg, userGit, executor } = await (0,_open_js__WEBPACK_IMPORTED_MODULE_4__/* .openActionPlan */ .U)(settings, runner);
    const plan = loaded.plan;
    if (settings.dryRun) {
        const { renderDryRun } = await __webpack_require__.e(/* import() */ 132).then(__webpack_require__.bind(__webpack_require__, 87132));
        runner.info(renderDryRun(plan));
        return;
    }
    const result = await (0,_run_local_run_js__WEBPACK_IMPORTED_MODULE_0__/* .runLocal */ .R)({
        planArg,
        cwd: runner.context.workspace,
        env: { ...runner.env, AUTOPILOT_WORK_DIR: runner.env.AUTOPILOT_WORK_DIR ?? `${runner.context.tempDir}/autopilot-work` },
        jobs: settings.maxParallel,
        out: text => runner.info(text.replace(/\n$/, '')),
        isTTY: false,
        executor
    });
    const m = result.manifest;
    await (0,_deliver_js__WEBPACK_IMPORTED_MODULE_5__/* .deliver */ .c)({
        runner,
        settings,
        plan,
        manifest: m,
        integration: { commits: m.commits ?? {}, head: result.head, gates: m.gates ?? [], problem: result.integrationProblem },
        repo: userGit,
        checkout: userGit,
        mask: (0,_report_mask_js__WEBPACK_IMPORTED_MODULE_1__/* .createMasker */ .aD)((0,_run_secrets_js__WEBPACK_IMPORTED_MODULE_2__/* .secretNames */ .X)(plan).map(n => runner.env[n] ?? '').filter(Boolean))
    });
    if (result.exitCode !== 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .TaskFailedError */ .zX(`autopilot #${plan.issue} did not complete (exit ${result.exitCode}); see the summary`, '');
}


/***/ })

};
