#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  runTool
} from "./chunk-FOBAVYV2.js";
import "./chunk-AK7A7ZA3.js";

// src/github/install-sampler.ts
import { readFileSync } from "node:fs";
async function has(argv) {
  return (await runTool(argv)).code === 0;
}
async function step(argv, log, warn, timeoutMs = 3e5) {
  log(`$ ${argv.join(" ")}`);
  const r = await runTool(argv, { timeoutMs });
  if (r.code === 0) return true;
  const why = r.error ?? (r.stderr.trim().split("\n").pop() || `exit status ${r.code}`);
  warn(`install-sampler: '${argv.join(" ")}' failed (${why})`);
  return false;
}
async function pipInstall(pkg, log, warn) {
  if (await step(["python3", "-m", "pip", "install", "--quiet", pkg], log, warn)) return;
  await step(["python3", "-m", "pip", "install", "--quiet", "--break-system-packages", pkg], log, warn);
}
function readSysctl(name) {
  try {
    return Number(readFileSync(`/proc/sys/${name.replace(/\./g, "/")}`, "utf8").trim());
  } catch {
    return null;
  }
}
async function preparePerf(log, warn) {
  if (!await has(["perf", "--version"])) {
    const kernel = (await runTool(["uname", "-r"])).stdout.trim();
    await step(["sudo", "apt-get", "update", "-qq"], log, warn);
    await step(
      ["sudo", "apt-get", "install", "-y", "-qq", "linux-tools-common", `linux-tools-${kernel}`],
      log,
      warn
    );
  }
  const paranoid = readSysctl("kernel.perf_event_paranoid");
  if (paranoid !== null && paranoid > 1)
    await step(["sudo", "sysctl", "-q", "kernel.perf_event_paranoid=1"], log, warn);
  if (readSysctl("kernel.kptr_restrict") === 1)
    await step(["sudo", "sysctl", "-q", "kernel.kptr_restrict=0"], log, warn);
}
async function installSampler(sampler, log, warn) {
  switch (sampler) {
    case "py-spy":
      if (!await has(["py-spy", "--version"])) await pipInstall("py-spy", log, warn);
      return;
    case "austin":
      if (!await has(["austin", "--version"])) await pipInstall("austin-dist", log, warn);
      return;
    case "fil":
      if (!await has(["python3", "-c", "import filprofiler"])) await pipInstall("filprofiler", log, warn);
      return;
    case "memray":
      if (!await has(["python3", "-c", "import memray"])) await pipInstall("memray", log, warn);
      return;
    case "perf":
      await preparePerf(log, warn);
      return;
    default:
      return;
  }
}
export {
  installSampler
};
