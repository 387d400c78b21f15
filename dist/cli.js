#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  UserError,
  errorLine
} from "./chunks/chunk-ZNVK2QJK.js";

// src/commands/check.ts
var checkCommand = {
  name: "check",
  summary: "(not implemented yet)",
  help: "Usage: flamediff check\n",
  async run() {
    throw new UserError("flamediff check is not implemented yet");
  }
};

// src/commands/collapse.ts
var collapseCommand = {
  name: "collapse",
  summary: "(not implemented yet)",
  help: "Usage: flamediff collapse\n",
  async run() {
    throw new UserError("flamediff collapse is not implemented yet");
  }
};

// src/commands/compare.ts
var compareCommand = {
  name: "compare",
  summary: "(not implemented yet)",
  help: "Usage: flamediff compare\n",
  async run() {
    throw new UserError("flamediff compare is not implemented yet");
  }
};

// src/commands/convert.ts
var convertCommand = {
  name: "convert",
  summary: "(not implemented yet)",
  help: "Usage: flamediff convert\n",
  async run() {
    throw new UserError("flamediff convert is not implemented yet");
  }
};

// src/commands/demo.ts
var demoCommand = {
  name: "demo",
  summary: "(not implemented yet)",
  help: "Usage: flamediff demo\n",
  async run() {
    throw new UserError("flamediff demo is not implemented yet");
  }
};

// src/commands/record.ts
var recordCommand = {
  name: "record",
  summary: "(not implemented yet)",
  help: "Usage: flamediff record\n",
  async run() {
    throw new UserError("flamediff record is not implemented yet");
  }
};

// src/commands/render.ts
var renderCommand = {
  name: "render",
  summary: "(not implemented yet)",
  help: "Usage: flamediff render\n",
  async run() {
    throw new UserError("flamediff render is not implemented yet");
  }
};

// src/commands/serve.ts
var serveCommand = {
  name: "serve",
  summary: "(not implemented yet)",
  help: "Usage: flamediff serve\n",
  async run() {
    throw new UserError("flamediff serve is not implemented yet");
  }
};

// src/commands/trends.ts
var trendsCommand = {
  name: "trends",
  summary: "(not implemented yet)",
  help: "Usage: flamediff trends\n",
  async run() {
    throw new UserError("flamediff trends is not implemented yet");
  }
};

// src/commands/index.ts
var COMMANDS = [
  demoCommand,
  checkCommand,
  recordCommand,
  compareCommand,
  renderCommand,
  collapseCommand,
  convertCommand,
  trendsCommand,
  serveCommand
];

// src/version.ts
var VERSION = "0.1.0";

// src/cli-main.ts
function mainHelp() {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    "flamediff: catch performance regressions with flamegraphs and statistics",
    "",
    "Usage: flamediff <command> [options]",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Run `flamediff <command> --help` for a command's options and examples.",
    ""
  ].join("\n");
}
async function runCli(argv, io) {
  const [name, ...rest] = argv;
  if (name === void 0 || name === "--help" || name === "-h" || name === "help") {
    const topic = name === "help" ? COMMANDS.find((c) => c.name === rest[0]) : void 0;
    io.stdout(topic ? topic.help : mainHelp());
    return name === void 0 ? 2 : 0;
  }
  if (name === "--version" || name === "-V") {
    io.stdout(`${VERSION}
`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`flamediff: unknown command '${name}'; expected one of ${COMMANDS.map((c) => c.name).join(", ")}
`);
    return 2;
  }
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
      io.stderr(`flamediff: ${err.message}
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
var code = await runCli(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTTY: Boolean(process.stdout.isTTY),
  cwd: process.cwd(),
  env: process.env
});
process.exitCode = code;
