#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);

// src/config/schema.ts
var SAMPLERS = [
  "py-spy",
  "austin",
  "python",
  "fil",
  "memray",
  "perf",
  "node",
  "go",
  "async-profiler",
  "command"
];
var ValueProblem = class extends Error {
  constructor(value, expected) {
    super(`expected ${expected}`);
    this.value = value;
    this.expected = expected;
  }
  value;
  expected;
};
function describe(value) {
  if (typeof value === "string") return `'${value.length > 80 ? `${value.slice(0, 77)}...` : value}'`;
  if (value === null || value === void 0) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return `'${String(value)}'`;
}
function quoteValue(value) {
  return describe(value);
}
function toNumber(value) {
  if (typeof value === "number") return value;
  if (typeof value === "string" && value.trim() !== "") return Number(value);
  return Number.NaN;
}
function intKey(key, min, max, set) {
  const expected = `an integer from ${min} to ${max}`;
  return {
    key,
    expected,
    apply(o, v) {
      const n = toNumber(v);
      if (!Number.isInteger(n) || n < min || n > max) throw new ValueProblem(v, expected);
      set(o, n);
    }
  };
}
function numKey(key, min, max, set, nullable = false) {
  const expected = `a number from ${min} to ${max}${nullable ? ", or 'off'" : ""}`;
  return {
    key,
    expected,
    apply(o, v) {
      if (nullable && (v === null || v === "off" || v === false)) {
        set(o, Number.NaN);
        return;
      }
      const n = toNumber(v);
      if (!Number.isFinite(n) || n < min || n > max) throw new ValueProblem(v, expected);
      set(o, n);
    }
  };
}
function enumKey(key, values, set) {
  const expected = `one of ${values.map((x) => `'${x}'`).join(", ")}`;
  return {
    key,
    expected,
    apply(o, v) {
      if (typeof v !== "string" || !values.includes(v)) throw new ValueProblem(v, expected);
      set(o, v);
    }
  };
}
function boolKey(key, set) {
  const expected = "true or false";
  return {
    key,
    expected,
    apply(o, v) {
      if (v === true || v === "true") set(o, true);
      else if (v === false || v === "false") set(o, false);
      else throw new ValueProblem(v, expected);
    }
  };
}
function strKey(key, set, pattern, form = "a non-empty string") {
  return {
    key,
    expected: form,
    apply(o, v) {
      if (typeof v !== "string" || v.trim() === "" || pattern && !pattern.test(v)) {
        throw new ValueProblem(v, form);
      }
      set(o, v);
    }
  };
}
function splitCommand(text) {
  const out = [];
  let cur = "";
  let inWord = false;
  let quote = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = null;
      else if (c === "\\" && quote === '"' && i + 1 < text.length && '$`"\\'.includes(text[i + 1]))
        cur += text[++i];
      else cur += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (c === "\\" && i + 1 < text.length) {
      cur += text[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) out.push(cur);
      cur = "";
      inWord = false;
    } else {
      cur += c;
      inWord = true;
    }
  }
  if (quote) return null;
  if (inWord) out.push(cur);
  return out;
}
var commandKey = {
  key: "command",
  expected: "a command line (string, split like a shell without expansion) or a list of arguments",
  apply(o, v) {
    let argv = null;
    if (typeof v === "string" || typeof v === "boolean" || typeof v === "number")
      argv = splitCommand(String(v));
    else if (Array.isArray(v) && v.every((x) => typeof x === "string" || typeof x === "number")) {
      argv = v.map(String);
    }
    if (!argv || argv.length === 0 || argv[0] === "") throw new ValueProblem(v, commandKey.expected);
    o.command = argv;
  }
};
function mapKey(key, allowBool, set) {
  const expected = `a mapping of names to ${allowBool ? "true/false or strings" : "strings"}`;
  return {
    key,
    expected,
    apply(o, v) {
      if (v === null) {
        set(o, {});
        return;
      }
      if (typeof v !== "object" || Array.isArray(v)) throw new ValueProblem(v, expected);
      const out = {};
      for (const [k, x] of Object.entries(v)) {
        if (typeof x === "string") out[k] = x;
        else if (typeof x === "number") out[k] = String(x);
        else if (allowBool && typeof x === "boolean") out[k] = x;
        else throw new ValueProblem(x, `${expected} (key '${k}')`);
      }
      set(o, out);
    }
  };
}
var REF = /^(?!-)(?!.*\.\.)(?!.*[~^:?*[\\\s])(?!.*\/\/)(?!.*\.lock$)[^\0]+(?<![./])$/;
var REF_FORM = "a git branch name (no spaces, no ~^:?*[\\, not starting with -)";
var KEYS = [
  commandKey,
  enumKey("sampler", SAMPLERS, (o, v) => {
    o.sampler = v;
  }),
  intKey("runs", 2, 1e3, (o, v) => {
    o.runs = v;
  }),
  intKey("warmup", 0, 100, (o, v) => {
    o.warmup = v;
  }),
  {
    key: "rate",
    expected: "an integer from 1 to 100000, or 'default'",
    apply(o, v) {
      if (v === null || v === "default") {
        o.rateHz = null;
        return;
      }
      const n = toNumber(v);
      if (!Number.isInteger(n) || n < 1 || n > 1e5) throw new ValueProblem(v, this.expected);
      o.rateHz = n;
    }
  },
  numKey("timeout", 1, 86400, (o, v) => {
    o.timeoutSeconds = v;
  }),
  strKey("working-directory", (o, v) => {
    o.workingDirectory = v;
  }),
  enumKey("baseline", ["stored", "rerun"], (o, v) => {
    o.baseline = v;
  }),
  enumKey("confirm", ["auto", "always", "never"], (o, v) => {
    o.confirm = v;
  }),
  strKey(
    "base-branch",
    (o, v) => {
      o.baseBranch = v;
    },
    REF,
    REF_FORM
  ),
  enumKey("store", ["dir", "git"], (o, v) => {
    o.store = v;
  }),
  strKey("store-dir", (o, v) => {
    o.storeDir = v;
  }),
  strKey(
    "data-branch",
    (o, v) => {
      o.dataBranch = v;
    },
    REF,
    REF_FORM
  ),
  strKey(
    "remote",
    (o, v) => {
      o.remote = v;
    },
    /^[^\s-][^\s]*$/,
    "a git remote name or URL (no spaces, not starting with -)"
  ),
  strKey("out-dir", (o, v) => {
    o.outDir = v;
  }),
  boolKey("fail-on-regression", (o, v) => {
    o.failOnRegression = v;
  }),
  intKey("retention", 1, 1e5, (o, v) => {
    o.retention = v;
  }),
  intKey("baseline-depth", 1, 1e4, (o, v) => {
    o.baselineDepth = v;
  }),
  mapKey("sampler-options", true, (o, v) => {
    o.samplerOptions = v;
  }),
  mapKey("env", false, (o, v) => {
    o.env = v;
  }),
  numKey("compare.alpha", 1e-9, 0.5, (o, v) => {
    o.compare.alpha = v;
  }),
  numKey("compare.min-share", 0, 1, (o, v) => {
    o.compare.minShare = v;
  }),
  numKey("compare.quorum", 0, 1, (o, v) => {
    o.compare.quorum = v;
  }),
  numKey("compare.min-effect", 0, 1, (o, v) => {
    o.compare.minEffect = v;
  }),
  numKey("compare.min-rel-effect", 0, 100, (o, v) => {
    o.compare.minRelEffect = v;
  }),
  enumKey("compare.granularity", ["function", "line", "module"], (o, v) => {
    o.compare.granularity = v;
  }),
  numKey("compare.gate-frame-share", 0, 1, (o, v) => {
    o.compare.gateFrameShare = v;
  }),
  numKey(
    "compare.gate-total",
    0,
    100,
    (o, v) => {
      o.compare.gateTotal = Number.isNaN(v) ? null : v;
    },
    true
  ),
  intKey("compare.seed", 0, 2 ** 31 - 1, (o, v) => {
    o.compare.seed = v;
  })
];
var RUN = ["check"];
var RECORD = ["check", "record"];
var COMPARE = ["check", "compare"];
var STORE = ["check", "trends"];
var pctText = (x) => `${Number((x * 100).toFixed(4))}%`;
var CLI = {
  command: {
    name: "command",
    arg: "",
    help: "the workload (on the command line: after --)",
    commands: [],
    input: true,
    show: () => null
  },
  sampler: {
    name: "sampler",
    arg: "NAME",
    help: SAMPLERS.join(", "),
    commands: RECORD,
    input: true,
    show: (d) => d.sampler
  },
  runs: {
    name: "runs",
    arg: "N",
    help: "measured runs per side",
    commands: RECORD,
    input: true,
    show: (d) => String(d.runs)
  },
  warmup: {
    name: "warmup",
    arg: "N",
    help: "unmeasured warm-up runs before them",
    commands: RECORD,
    input: true,
    show: (d) => String(d.warmup)
  },
  rate: {
    name: "rate",
    arg: "HZ",
    help: "sampling rate",
    commands: RECORD,
    input: true,
    show: () => "the sampler's (perf 999, py-spy 100)",
    aliases: ["rate-hz"]
  },
  timeout: {
    name: "timeout",
    arg: "SECONDS",
    help: "a run that takes longer is stopped and fails",
    commands: RECORD,
    input: true,
    show: (d) => String(d.timeoutSeconds),
    aliases: ["timeout-seconds"]
  },
  "working-directory": {
    name: "working-directory",
    arg: "DIR",
    help: "where the workload runs",
    commands: RECORD,
    input: true,
    show: (d) => d.workingDirectory
  },
  "sampler-options": {
    name: "sampler-opt",
    arg: "K[=V]",
    help: "sampler switch, repeatable (py-spy native|gil|idle|subprocesses|threads, perf dwarf|event=E, ...)",
    commands: RECORD,
    input: false,
    show: () => null
  },
  env: {
    name: "env",
    arg: "KEY=VALUE",
    help: "extra environment variable for the workload, repeatable",
    commands: RECORD,
    input: false,
    show: () => null
  },
  baseline: {
    name: "baseline",
    arg: "stored|rerun",
    help: "the stored baseline, or rerun the base commit interleaved here",
    commands: RUN,
    input: true,
    show: (d) => d.baseline
  },
  confirm: {
    name: "confirm",
    arg: "auto|always|never",
    help: "before failing on a stored baseline, re-measure the merge-base interleaved (auto: only then)",
    commands: RUN,
    input: true,
    show: (d) => d.confirm
  },
  "base-branch": {
    name: "base-branch",
    arg: "NAME",
    help: "branch whose commits are baselines",
    commands: RUN,
    input: true,
    show: (d) => d.baseBranch
  },
  store: {
    name: "store",
    arg: "dir|git",
    help: "a local directory or a data branch",
    commands: STORE,
    input: false,
    show: (d) => d.store
  },
  "store-dir": {
    name: "store-dir",
    arg: "DIR",
    help: "where the dir store is",
    commands: STORE,
    input: false,
    show: (d) => d.storeDir
  },
  "data-branch": {
    name: "data-branch",
    arg: "NAME",
    help: "the git store's branch",
    commands: STORE,
    input: true,
    show: (d) => d.dataBranch
  },
  remote: {
    name: "remote",
    arg: "NAME",
    help: "the git store's remote",
    commands: STORE,
    input: false,
    show: (d) => d.remote
  },
  "out-dir": {
    name: "out-dir",
    arg: "DIR",
    help: "where reports and pictures go",
    commands: [],
    input: false,
    show: (d) => d.outDir
  },
  "fail-on-regression": {
    name: "fail-on-regression",
    arg: "",
    help: "exit 1 on a gated regression (--no-fail-on-regression: report only)",
    commands: COMPARE,
    input: true,
    show: (d) => d.failOnRegression ? "on" : "off"
  },
  retention: {
    name: "retention",
    arg: "N",
    help: "baselines and pull request reports kept",
    commands: RUN,
    input: false,
    show: (d) => String(d.retention)
  },
  "baseline-depth": {
    name: "baseline-depth",
    arg: "N",
    help: "first-parent commits searched for a baseline",
    commands: RUN,
    input: false,
    show: (d) => String(d.baselineDepth)
  },
  "compare.alpha": {
    name: "alpha",
    arg: "A",
    help: "false-discovery rate across frames",
    commands: COMPARE,
    input: true,
    show: (d) => String(d.compare.alpha)
  },
  "compare.min-share": {
    name: "min-share",
    arg: "S",
    help: "keep frames with at least this share of a run...",
    commands: COMPARE,
    input: true,
    show: (d) => `${d.compare.minShare} = ${pctText(d.compare.minShare)}`
  },
  "compare.quorum": {
    name: "quorum",
    arg: "Q",
    help: "...in at least this fraction of the runs",
    commands: COMPARE,
    input: false,
    show: (d) => String(d.compare.quorum)
  },
  "compare.min-effect": {
    name: "min-effect",
    arg: "E",
    help: "absolute effect floor, as a share of the total",
    commands: COMPARE,
    input: true,
    show: (d) => `${d.compare.minEffect} = ${Number((d.compare.minEffect * 100).toFixed(4))} pp`
  },
  "compare.min-rel-effect": {
    name: "min-rel-effect",
    arg: "R",
    help: "relative effect floor, of the frame's own value",
    commands: COMPARE,
    input: false,
    show: (d) => String(d.compare.minRelEffect)
  },
  "compare.granularity": {
    name: "granularity",
    arg: "G",
    help: "function, line or module",
    commands: COMPARE,
    input: true,
    show: (d) => d.compare.granularity
  },
  "compare.gate-frame-share": {
    name: "gate-frame-share",
    arg: "S",
    help: "fail when a ranked frame grows by more than this share of the total",
    commands: COMPARE,
    input: true,
    show: (d) => String(d.compare.gateFrameShare)
  },
  "compare.gate-total": {
    name: "gate-total",
    arg: "R|off",
    help: "fail when the total grows by more than this fraction",
    commands: COMPARE,
    input: true,
    show: (d) => d.compare.gateTotal === null ? "off" : String(d.compare.gateTotal)
  },
  "compare.seed": {
    name: "seed",
    arg: "N",
    help: "seed of the randomised tests (same inputs and seed, same report)",
    commands: COMPARE,
    input: false,
    show: (d) => String(d.compare.seed)
  }
};
var SETTINGS = KEYS.map((k) => {
  const cli = CLI[k.key];
  if (!cli) throw new Error(`config/schema.ts: setting '${k.key}' has no CLI entry`);
  return { ...k, ...cli };
});
function keySpec(key) {
  return SETTINGS.find((k) => k.key === key || k.aliases?.includes(key));
}
function commandSettings(command) {
  return SETTINGS.filter((s) => s.commands.includes(command));
}
function suggestKey(key, candidates) {
  let best = null;
  let bestD = 3;
  for (const c of candidates) {
    const d = editDistance(key, c);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}
function editDistance(a, b) {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}

export {
  ValueProblem,
  quoteValue,
  KEYS,
  SETTINGS,
  keySpec,
  commandSettings,
  suggestKey
};
