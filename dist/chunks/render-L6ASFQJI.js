#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  loadRuns
} from "./chunk-YNZORHRV.js";
import {
  useWorker
} from "./chunk-HZYGRVKL.js";
import {
  numberFlag,
  parseCommandArgs
} from "./chunk-NMJRZY2B.js";
import {
  workerUrl
} from "./chunk-XELWIH2N.js";
import {
  PALETTES,
  renderDiffSvg,
  renderFlameSvg,
  renderTextFlame,
  svgToPng
} from "./chunk-6Q7KV255.js";
import "./chunk-Y6LDE2JV.js";
import {
  mergeProfiles
} from "./chunk-U37WCUHD.js";
import "./chunk-R7UGHFIG.js";
import {
  importProfileFile
} from "./chunk-U424FUUL.js";
import {
  workerThreads
} from "./chunk-EZECY7W2.js";
import "./chunk-2RUZDTUI.js";
import {
  fsError
} from "./chunk-3EE22N24.js";
import "./chunk-HA6H56OO.js";
import {
  Profile
} from "./chunk-RM2AEMQK.js";
import {
  NoSamplesError,
  UserError
} from "./chunk-KISOPUCP.js";
import "./chunk-AK7A7ZA3.js";

// src/commands/render.ts
import { stat, writeFile } from "node:fs/promises";
import path from "node:path";

// src/formats/import-on-worker.ts
function importOnWorker(path2, opts, shownName = path2) {
  const { onWarning, ...rest } = opts;
  const job = { path: path2, shownName, opts: rest };
  const reply = new Promise((resolve) => {
    let worker;
    try {
      worker = new (workerThreads()).Worker(
        workerUrl(import.meta.url, "import-worker.ts", "import-worker.js"),
        {
          workerData: job
        }
      );
    } catch {
      resolve({ ok: false });
      return;
    }
    worker.once("message", (r) => {
      resolve(r);
      void worker.terminate();
    });
    worker.once("error", () => resolve({ ok: false }));
    worker.once("exit", () => resolve({ ok: false }));
  });
  return async () => {
    const r = await reply;
    if (!r.ok) return importProfileFile(path2, opts, shownName);
    for (const w of r.warnings) onWarning?.(w);
    return Profile.fromTransfer(r.data);
  };
}

// src/commands/render.ts
var HELP = `Usage: flamediff render FILES... [--diff-base FILES...] [options] -o OUT

Draws a flamegraph of one or more profiles (several FILES are merged; a directory written by
\`flamediff record\` stands for its runs). With --diff-base, draws
the differential flamegraph: each FILE is one head run, each --diff-base file one base run, and
frames are coloured red (grew) or blue (shrank) only where the comparison finds the change
significant. A diff draws the frames the comparison keeps (in most runs, at least 0.5% of the
total), as check's diff.svg does.

Options:
  -o, --output OUT     output file ('-' or omitted: stdout; required for png)
  --format F           svg, png or text (default: from OUT's extension .svg, .png, .txt or .md)
  --diff-base FILES... base (before) profiles; every argument up to the next option
  --negate             diff: widths from base instead of head (shows what disappeared)
  --inverted           icicle: root at the top
  --flamechart         keep input order instead of sorting siblings
  --order O            alpha (default) or width
  --title T            title text
  --subtitle T         second line under the title
  --palette P          ${PALETTES.join(", ")} (default auto)
  --color-diffusion    wider frames more saturated
  --color-blind        diff: orange/purple scale instead of red/blue
  --minwidth W         omit frames narrower than W px (default 0.1)
  --width W            image width in px (default 1200)
  --max-depth N        draw at most N levels
  --style S            text: plain, ansi or markdown (default plain; ansi on a terminal)
  --budget N           text: maximum characters (default 4000)

Examples:
  flamediff render out.folded -o flame.svg
  flamediff render head1.prof head2.prof --diff-base base1.prof base2.prof -o diff.png
  flamediff render profile.json --format text --style ansi
`;
var OPTIONS = {
  output: { type: "string", short: "o" },
  format: { type: "string" },
  "diff-base": { type: "string", multiple: true },
  negate: { type: "boolean" },
  inverted: { type: "boolean" },
  flamechart: { type: "boolean" },
  order: { type: "string" },
  title: { type: "string" },
  subtitle: { type: "string" },
  palette: { type: "string" },
  "color-diffusion": { type: "boolean" },
  "color-blind": { type: "boolean" },
  minwidth: { type: "string" },
  width: { type: "string" },
  "max-depth": { type: "string" },
  style: { type: "string" },
  budget: { type: "string" },
  help: { type: "boolean", short: "h" }
};
function expandDiffBase(argv) {
  const out = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a !== "--diff-base") {
      out.push(a);
      continue;
    }
    let j = i + 1;
    while (j < argv.length && !argv[j].startsWith("-")) out.push("--diff-base", argv[j++]);
    if (j === i + 1) {
      throw new UserError(
        "flamediff render: --diff-base needs one or more base profiles (--diff-base FILES...)"
      );
    }
    i = j - 1;
  }
  return out;
}
function formatOf(explicit, output) {
  if (explicit !== void 0 && explicit !== "svg" && explicit !== "png" && explicit !== "text") {
    throw new UserError(`flamediff render: --format '${explicit}' is not valid; expected svg, png or text`);
  }
  const ext = output && output !== "-" ? path.extname(output).toLowerCase() : "";
  const byExt = { ".svg": "svg", ".png": "png", ".txt": "text", ".md": "text" };
  if (ext !== "" && !byExt[ext]) {
    throw new UserError(
      `flamediff render: cannot write ${output}: ${ext} is not a format render writes (expected .svg, .png, .txt or .md)`
    );
  }
  if (explicit !== void 0 && ext !== "" && byExt[ext] !== explicit) {
    throw new UserError(
      `flamediff render: --format ${explicit} does not match ${output} (a ${byExt[ext]} file name)`
    );
  }
  return explicit !== void 0 ? explicit : byExt[ext] ?? "svg";
}
function oneOf(flag, value, allowed) {
  if (value === void 0) return void 0;
  if (!allowed.includes(value)) {
    throw new UserError(
      `flamediff render: --${flag} '${value}' is not valid; expected ${allowed.join(", ")}`
    );
  }
  return value;
}
async function load(files, io, allowEmpty) {
  const out = [];
  for (const f of files) {
    try {
      if ((await stat(path.resolve(io.cwd, f)).catch(() => null))?.isDirectory()) {
        out.push(...(await loadRuns([f], "run", io, {})).map((r) => r.profile));
        continue;
      }
      out.push(await importProfileFile(path.resolve(io.cwd, f)));
    } catch (err) {
      if (!allowEmpty || !(err instanceof NoSamplesError)) throw err;
      io.stderr(`flamediff render: ${err.message}; drawing an empty flamegraph
`);
      out.push(new Profile({ source: f }));
    }
  }
  return out;
}
var renderCommand = {
  name: "render",
  summary: "draw a flamegraph (SVG, PNG or text), or a differential one with --diff-base",
  help: HELP,
  async run(argv, io) {
    const { values: v, positionals } = parseCommandArgs("render", expandDiffBase(argv), OPTIONS);
    if (v.help) {
      io.stdout(HELP);
      return 0;
    }
    if (positionals.length === 0)
      throw new UserError("flamediff render: no profile given (see `flamediff render --help`)");
    const format = formatOf(v.format, v.output);
    const toStdout = v.output === void 0 || v.output === "-";
    if (format === "png" && toStdout) throw new UserError("flamediff render: PNG output needs -o FILE.png");
    const opts = {
      title: v.title,
      subtitle: v.subtitle,
      direction: v.inverted ? "icicle" : "flame",
      flamechart: v.flamechart,
      order: oneOf("order", v.order, ["alpha", "width"]),
      palette: v.palette,
      colorDiffusion: v["color-diffusion"],
      colorBlind: v["color-blind"],
      negate: v.negate,
      minWidth: numberFlag("render", "minwidth", v.minwidth, 0.1, { min: 0 }),
      width: numberFlag("render", "width", v.width, 1200, { min: 200, max: 1e5 }),
      maxDepth: v["max-depth"] === void 0 ? void 0 : numberFlag("render", "max-depth", v["max-depth"], 0, { min: 1, integer: true })
    };
    const style = oneOf("style", v.style, ["plain", "ansi", "markdown"]) ?? (io.isTTY && toStdout ? "ansi" : "plain");
    const budget = numberFlag("render", "budget", v.budget, 4e3, { min: 200, integer: true });
    const baseFiles = v["diff-base"] ?? [];
    const baseOnWorker = useWorker(io.env) && baseFiles.length === 1 ? importOnWorker(path.resolve(io.cwd, baseFiles[0]), {}, path.resolve(io.cwd, baseFiles[0])) : void 0;
    const headRuns = await load(positionals, io, baseFiles.length === 0);
    let head = headRuns.length === 1 ? headRuns[0] : mergeProfiles(headRuns);
    let report;
    let base;
    if (baseFiles.length > 0) {
      const baseRuns = baseOnWorker ? [await baseOnWorker()] : await load(baseFiles, io, false);
      const { compareRuns, DEFAULT_COMPARE_SETTINGS, FrameKeys, mergeConsistent } = await import("./stats-6XPZJ5UN.js");
      const keys = new FrameKeys(DEFAULT_COMPARE_SETTINGS.granularity);
      report = compareRuns(
        baseRuns.map((profile) => ({ profile })),
        headRuns.map((profile) => ({ profile })),
        {},
        { keys }
      );
      if (v.negate) base = mergeConsistent(baseRuns, {}, keys).profile;
      else head = mergeConsistent(headRuns, {}, keys).profile;
    } else if (v.negate) {
      throw new UserError("flamediff render: --negate needs --diff-base FILES");
    }
    let out;
    if (format === "text") {
      out = renderTextFlame(v.negate && base ? base : head, { style, budget, comparison: report });
    } else {
      const svg = report ? renderDiffSvg(base ?? head, head, report, opts) : renderFlameSvg(head, opts);
      out = format === "png" ? await svgToPng(svg, { width: opts.width }) : svg;
    }
    if (toStdout) {
      io.stdout(out);
      return 0;
    }
    const target = path.resolve(io.cwd, v.output);
    try {
      await writeFile(target, out);
    } catch (err) {
      throw fsError(v.output, "cannot write", err);
    }
    io.stderr(`wrote ${v.output} (${format}, ${out.length} bytes)
`);
    return 0;
  }
};
export {
  expandDiffBase,
  renderCommand
};
