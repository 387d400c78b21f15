#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  applySetting
} from "./chunk-KOS2K544.js";
import {
  DEFAULT_OPTIONS
} from "./chunk-OHC3GXGY.js";
import {
  commandSettings
} from "./chunk-2RUZDTUI.js";
import {
  UserError
} from "./chunk-KISOPUCP.js";

// src/config/flags.ts
function settingFlags(command) {
  const spec = {};
  for (const s of commandSettings(command)) {
    if (s.arg === "") {
      spec[s.name] = { type: "boolean" };
      spec[`no-${s.name}`] = { type: "boolean" };
    } else spec[s.name] = { type: "string", multiple: isList(s) };
  }
  return spec;
}
function isList(s) {
  return s.key === "env" || s.key === "sampler-options";
}
function settingsHelp(command, title = "Settings (override flamediff.yml; docs/configuration.md):") {
  const rows = commandSettings(command).map((s) => {
    const left = s.arg === "" ? `--[no-]${s.name}` : `--${s.name} ${s.arg}`;
    const d = s.show(DEFAULT_OPTIONS);
    return [left, `${s.help}${d !== null ? ` (default ${d})` : ""}`];
  });
  const width = Math.max(...rows.map(([l]) => l.length)) + 2;
  return `${title}
${rows.map(([l, r]) => `  ${l.padEnd(width)}${r}`).join("\n")}
`;
}
function applySettingFlags(opts, values, command) {
  for (const s of commandSettings(command)) {
    if (s.arg === "") {
      if (values[s.name]) applySetting(opts, s.key, true, `flamediff ${command}: --${s.name}`);
      if (values[`no-${s.name}`]) applySetting(opts, s.key, false, `flamediff ${command}: --no-${s.name}`);
      continue;
    }
    const v = values[s.name];
    if (v === void 0) continue;
    applySetting(
      opts,
      s.key,
      isList(s) ? pairs(v, s, command) : v,
      `flamediff ${command}: --${s.name}`
    );
  }
}
function pairs(items, s, command) {
  const out = {};
  for (const item of items) {
    const eq = item.indexOf("=");
    if (eq === 0 || eq < 0 && s.key === "env") {
      throw new UserError(`flamediff ${command}: --${s.name} '${item}' is not valid (expected ${s.arg})`);
    }
    if (eq < 0) out[item] = true;
    else out[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return out;
}

export {
  settingFlags,
  settingsHelp,
  applySettingFlags
};
