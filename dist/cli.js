#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  suggestKey
} from "./chunks/chunk-2RUZDTUI.js";
import {
  UserError,
  errorLine
} from "./chunks/chunk-KISOPUCP.js";
import "./chunks/chunk-AK7A7ZA3.js";

// src/cli.ts
import nodeModule from "node:module";

// src/commands/catalog.ts
var CATALOG = [
  {
    name: "demo",
    summary: "self-contained demo on the shipped example: baseline, injected regression, report",
    load: async () => (await import("./chunks/demo-F7LZMTV4.js")).demoCommand
  },
  {
    name: "check",
    summary: "the whole job: record a baseline on the base branch, elsewhere compare and gate",
    load: async () => (await import("./chunks/check-OLWTHLDL.js")).checkCommand
  },
  {
    name: "record",
    summary: "run a workload N times under a sampler (perf, node, py-spy, ...) and keep the profiles",
    load: async () => (await import("./chunks/record-4AB3JQNW.js")).recordCommand
  },
  {
    name: "compare",
    summary: "compare base and head run sets frame by frame, with statistics",
    load: async () => (await import("./chunks/compare-HZDMNUI7.js")).compareCommand
  },
  {
    name: "render",
    summary: "draw a flamegraph (SVG, PNG or text), or a differential one with --diff-base",
    load: async () => (await import("./chunks/render-L6ASFQJI.js")).renderCommand
  },
  {
    name: "collapse",
    summary: "convert profiles (perf script, py-spy, austin, ...) to canonical folded stacks",
    load: async () => (await import("./chunks/collapse-XCEMV37Z.js")).collapseCommand
  },
  {
    name: "convert",
    summary: "convert a profile to speedscope JSON or folded stacks",
    load: async () => (await import("./chunks/convert-CRNKXTHB.js")).convertCommand
  },
  {
    name: "trends",
    summary: "per-frame history: change points, creeping regressions, dashboard",
    load: async () => (await import("./chunks/trends-FNC54A4F.js")).trendsCommand
  },
  {
    name: "artifact",
    summary: "pack recorded runs with a manifest for fork-safe or sharded workflows",
    load: async () => (await import("./chunks/artifact-JJ44M2BG.js")).artifactCommand
  },
  {
    name: "serve",
    summary: "run the bot as a GitHub App webhook server (central alternative to the action)",
    load: async () => (await import("./chunks/serve-5PEFHZHL.js")).serveCommand
  }
];

// src/version.ts
var VERSION = "0.1.0";

// src/cli-main.ts
function mainHelp() {
  const width = Math.max(...CATALOG.map((c) => c.name.length));
  return [
    "flamediff: catch performance regressions with flamegraphs and statistics",
    "",
    "Usage: flamediff <command> [options]",
    "",
    "Commands:",
    ...CATALOG.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Run `flamediff <command> --help` for a command's options and examples.",
    ""
  ].join("\n");
}
async function runCli(argv, io) {
  const [name, ...rest] = argv;
  if (name === void 0 || name === "--help" || name === "-h" || name === "help") {
    const topic = name === "help" ? CATALOG.find((c) => c.name === rest[0]) : void 0;
    io.stdout(topic ? (await topic.load()).help : mainHelp());
    return name === void 0 ? 2 : 0;
  }
  if (name === "--version" || name === "-V") {
    io.stdout(`${VERSION}
`);
    return 0;
  }
  const entry = CATALOG.find((c) => c.name === name);
  if (!entry) {
    const near = suggestKey(
      name,
      CATALOG.map((c) => c.name)
    );
    io.stderr(
      `flamediff: unknown command '${name}'${near ? ` (did you mean '${near}'?)` : ""}; expected one of ${CATALOG.map((c) => c.name).join(", ")}
`
    );
    return 2;
  }
  const command = await entry.load();
  if (rest.includes("--help") || rest.includes("-h")) {
    const dashdash = rest.indexOf("--");
    const helpAt = Math.max(rest.indexOf("--help"), rest.indexOf("-h"));
    if (dashdash === -1 || helpAt < dashdash) {
      io.stdout(command.help);
      return 0;
    }
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UserError) {
      io.stderr(`${err.message.startsWith("flamediff ") ? "" : "flamediff: "}${err.message}
`);
      return err.exitCode;
    }
    io.stderr(`flamediff: internal error: ${errorLine(err)}
`);
    if (io.env.FLAMEDIFF_DEBUG) io.stderr(`${err instanceof Error ? err.stack : ""}
`);
    return 2;
  }
}

// src/cli.ts
nodeModule.enableCompileCache?.();
process.stdout.on("error", (err) => {
  if (err.code === "EPIPE") process.exit(0);
  throw err;
});
var code = await runCli(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTTY: Boolean(process.stdout.isTTY),
  cwd: process.cwd(),
  env: process.env
});
process.exitCode = code;
