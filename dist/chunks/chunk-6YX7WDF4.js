#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);

// src/sample/interrupt.ts
async function withInterrupt(fn) {
  const controller = new AbortController();
  const onSignal = (sig) => controller.abort(new Error(`received ${sig}`));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    return await fn(controller.signal);
  } finally {
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
  }
}

// src/sample/process-group.ts
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, readdirSync, readFileSync } from "node:fs";
var GROUP_MARKER = "FLAMEDIFF_GROUP";
function procStat(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    const close = text.lastIndexOf(")");
    const f = text.slice(close + 2).split(" ");
    return {
      pid,
      comm: text.slice(text.indexOf("(") + 1, close),
      ppid: Number(f[1]),
      pgrp: Number(f[2]),
      session: Number(f[3])
    };
  } catch {
    return null;
  }
}
function allPids() {
  try {
    return readdirSync("/proc").filter((n) => /^\d+$/.test(n)).map(Number);
  } catch {
    return [];
  }
}
function descendants(root) {
  const stats = allPids().map(procStat).filter((x) => x !== null);
  const children = /* @__PURE__ */ new Map();
  for (const st of stats) children.set(st.ppid, [...children.get(st.ppid) ?? [], st]);
  const out = [];
  const todo = [root];
  while (todo.length > 0) {
    for (const c of children.get(todo.pop()) ?? []) {
      out.push(c);
      todo.push(c.pid);
    }
  }
  return out;
}
function hasMarker(pid, marker) {
  try {
    return readFileSync(`/proc/${pid}/environ`).includes(marker);
  } catch {
    return false;
  }
}
function strays(pgid, marker, sessions) {
  const out = [];
  for (const pid of allPids()) {
    if (pid === process.pid) continue;
    const st = procStat(pid);
    if (!st || st.pgrp === pgid) continue;
    if (sessions.has(st.session) || hasMarker(pid, marker)) out.push(st);
  }
  return out;
}
function killStrays(found, sig) {
  return found.map((st) => {
    const name = `${st.pid} (${st.comm.replace(/[^\x20-\x7e]/g, "?")})`;
    try {
      process.kill(st.pid, sig);
      return `${name} killed`;
    } catch (err) {
      const code = err.code;
      return code === "ESRCH" ? `${name} gone` : `${name} not killed (${code ?? String(err)})`;
    }
  });
}
var TAIL_LINES = 20;
var LineTail = class {
  constructor(max = TAIL_LINES) {
    this.max = max;
  }
  max;
  lines = [];
  partial = "";
  push(chunk) {
    const parts = (this.partial + chunk).split("\n");
    this.partial = parts.pop() ?? "";
    for (const l of parts) {
      this.lines.push(l);
      if (this.lines.length > this.max) this.lines.shift();
    }
  }
  get() {
    const all = this.partial ? [...this.lines, this.partial] : [...this.lines];
    return all.slice(-this.max);
  }
};
function killGroup(pgid, sig) {
  try {
    process.kill(-pgid, sig);
    return true;
  } catch {
    return false;
  }
}
function runGroup(opts) {
  const started = process.hrtime.bigint();
  const grace = opts.killGraceMs ?? 2e3;
  const tail = new LineTail();
  const log = opts.logPath ? createWriteStream(opts.logPath) : void 0;
  return new Promise((resolve) => {
    let timedOut = false;
    let aborted = false;
    let settled = false;
    let killTimer;
    const token = `${process.pid}-${randomBytes(6).toString("hex")}`;
    const marker = `${GROUP_MARKER}=${token}\0`;
    const child = spawn(opts.argv[0], opts.argv.slice(1), {
      cwd: opts.cwd,
      env: { ...opts.env, [GROUP_MARKER]: token },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"]
    });
    const pid = child.pid ?? -1;
    if (pid > 0) opts.onSpawn?.(pid);
    const sessions = /* @__PURE__ */ new Set();
    const watchSessions = () => {
      for (const d of descendants(pid)) if (d.session !== pid) sessions.add(d.session);
    };
    const sessionTimer = pid > 0 && process.platform === "linux" ? setInterval(watchSessions, 1e3) : void 0;
    sessionTimer?.unref();
    const stop = () => {
      if (pid <= 0 || settled) return;
      killGroup(pid, "SIGTERM");
      killStrays(strays(pid, marker, sessions), "SIGTERM");
      killTimer ??= setTimeout(() => {
        killGroup(pid, "SIGKILL");
        killStrays(strays(pid, marker, sessions), "SIGKILL");
      }, grace);
    };
    const timer = opts.timeoutMs && opts.timeoutMs > 0 ? setTimeout(() => {
      timedOut = true;
      stop();
    }, opts.timeoutMs) : void 0;
    const onAbort = () => {
      aborted = true;
      stop();
    };
    if (opts.signal?.aborted) onAbort();
    else opts.signal?.addEventListener("abort", onAbort, { once: true });
    child.stdout.setEncoding("utf8");
    child.stderr.setEncoding("utf8");
    child.stdout.on("data", (c) => {
      log?.write(c);
      opts.onOutput?.(c, "stdout");
    });
    child.stderr.on("data", (c) => {
      tail.push(c);
      log?.write(c);
      opts.onOutput?.(c, "stderr");
    });
    const finish = (exitCode, signal, spawnError) => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      if (killTimer) clearTimeout(killTimer);
      if (sessionTimer) clearInterval(sessionTimer);
      opts.signal?.removeEventListener("abort", onAbort);
      if (pid > 0) killGroup(pid, "SIGKILL");
      const escaped = pid > 0 && process.platform === "linux" ? killStrays(strays(pid, marker, sessions), "SIGKILL") : [];
      const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      const done = () => resolve({
        pid,
        exitCode,
        signal,
        timedOut,
        aborted,
        spawnError,
        wallSeconds,
        stderrTail: tail.get(),
        escaped
      });
      const closeWait = setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
      }, 500);
      let pending = 2;
      const onClosed = () => {
        if (--pending > 0) return;
        clearTimeout(closeWait);
        if (log) log.end(done);
        else done();
      };
      if (child.stdout.closed) onClosed();
      else child.stdout.once("close", onClosed);
      if (child.stderr.closed) onClosed();
      else child.stderr.once("close", onClosed);
    };
    child.once("error", (err) => finish(null, null, err.code ?? err.message));
    child.once("exit", (code, sig) => finish(code, sig));
  });
}

export {
  descendants,
  TAIL_LINES,
  runGroup,
  withInterrupt
};
