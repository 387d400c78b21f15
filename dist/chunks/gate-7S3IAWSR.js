#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  isAccepted,
  withAcceptance
} from "./chunk-PGVDAAVK.js";
import "./chunk-AV64XQHT.js";
import "./chunk-SEKLUSDU.js";
import "./chunk-U37WCUHD.js";
import {
  openStore
} from "./chunk-3ERTFF5M.js";
import "./chunk-3R2GF4FG.js";
import "./chunk-R7UGHFIG.js";
import "./chunk-QX23ELEG.js";
import "./chunk-5SCB47K6.js";
import "./chunk-U424FUUL.js";
import "./chunk-EZECY7W2.js";
import "./chunk-3EE22N24.js";
import "./chunk-UR5MWT2A.js";
import "./chunk-HA6H56OO.js";
import "./chunk-RM2AEMQK.js";
import "./chunk-KISOPUCP.js";
import "./chunk-AK7A7ZA3.js";

// src/bot/gate.ts
function applyAcceptance(result, a, log) {
  log?.(
    `flamediff: the gate failed, but ${a.sha.slice(0, 12)} was accepted by ${a.by} at ${a.at}${a.reason ? ` (${a.reason.slice(0, 200)})` : ""}: passing.`
  );
  return {
    ...result,
    verdict: "pass",
    commentMarkdown: result.commentMarkdown && withAcceptance(result.commentMarkdown, a),
    summaryMarkdown: withAcceptance(`
${result.summaryMarkdown}`, a)
  };
}
function withAcceptances(run, pullOf) {
  return async (opts, ctx) => {
    const result = await run(opts, ctx);
    const pull = pullOf(ctx);
    if (result.mode !== "compare" || result.verdict !== "fail" || pull === void 0) return result;
    const store = await openStore(opts, ctx.cwd ?? process.cwd());
    try {
      const a = await isAccepted(store, pull, ctx.headSha);
      return a ? applyAcceptance(result, a, ctx.log) : result;
    } finally {
      await store.close();
    }
  };
}
export {
  applyAcceptance,
  withAcceptances
};
