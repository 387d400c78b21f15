#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  atGranularity
} from "./chunk-U37WCUHD.js";
import {
  frameLabel
} from "./chunk-RM2AEMQK.js";
import {
  UserError
} from "./chunk-KISOPUCP.js";

// src/render/colors.ts
var HUES = {
  // FlameGraph's hot family kept off pure red (green at least 90, so the hue stays at 20 degrees
  // or above): in a plain flamegraph, red would read as the differential graph's "grew".
  hot: (v1, v2, v3) => [205 + 50 * v3, 90 + 140 * v1, 55 * v2 * v1],
  mem: (v1, v2) => [0, 190 + 50 * v2, 210 * v1],
  io: (v1) => [80 + 60 * v1, 80 + 60 * v1, 190 + 55 * v1],
  red: (v1) => [200 + 55 * v1, 50 + 80 * v1, 50 + 80 * v1],
  green: (v1) => [50 + 60 * v1, 200 + 55 * v1, 50 + 60 * v1],
  blue: (v1) => [80 + 60 * v1, 80 + 60 * v1, 190 + 55 * v1],
  yellow: (v1) => [175 + 55 * v1, 175 + 55 * v1, 50 + 20 * v1],
  purple: (v1) => [190 + 65 * v1, 80 + 60 * v1, 190 + 65 * v1],
  aqua: (v1) => [50 + 60 * v1, 165 + 55 * v1, 165 + 55 * v1],
  orange: (v1) => [190 + 65 * v1, 90 + 65 * v1, 0],
  grey: (v1) => [170 + 40 * v1, 170 + 40 * v1, 170 + 40 * v1],
  // Blue-violet (hue about 255 degrees) for 'auto': 'purple' (hue 300) is the search highlight's
  // magenta, lightened.
  violet: (v1) => [150 + 45 * v1, 125 + 45 * v1, 215 + 40 * v1]
};
var PALETTES = ["auto", "python", "js", "java", "native", ...Object.keys(HUES)];
function checkPalette(name) {
  if (!PALETTES.includes(name)) {
    throw new UserError(`unknown palette '${name}'; expected one of ${PALETTES.join(", ")}`);
  }
}
function nameHash(name) {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  h >>>= 0;
  let h2 = Math.imul(h ^ h >>> 16, 73244475) >>> 0;
  h2 = Math.imul(h2 ^ h2 >>> 16, 73244475) >>> 0;
  return [(h & 1023) / 1024, (h >>> 10 & 1023) / 1024, (h2 & 1023) / 1024];
}
var PY_STDLIB = /(^|[\\/])lib[\\/]python\d+(\.\d+)?[\\/]|^<frozen |^<string>$/;
var PY_LIB = /[\\/](site|dist)-packages[\\/]/;
var JS_RUNTIME = /^(node:|internal[\\/])/;
function frameGroup(f) {
  switch (f.kind) {
    case "kernel":
      return "kernel";
    case "jit":
      return "jit";
    case "inlined":
      return "inlined";
    case "waker":
      return "waker";
    case "idle":
    case "thread":
    case "process":
      return "meta";
    case "gc":
      return "gc";
    case "native":
      return "native";
    case "go":
      return "go";
    case "python":
      if (PY_LIB.test(f.file)) return "python-lib";
      if (PY_STDLIB.test(f.file)) return "python-std";
      return "python-own";
    case "js":
      if (/(^|[\\/])node_modules[\\/]/.test(f.file)) return "js-lib";
      if (JS_RUNTIME.test(f.file) || f.file === "") return "js-runtime";
      return "js-own";
    case "java":
      return "java";
    default:
      return otherGroup(f.name);
  }
}
function otherGroup(name) {
  if (/^L?(java|javax|jdk|net|org|com|io|sun|scala|kotlin)[/.]/.test(name)) return "java";
  if (name.includes("::")) return "native";
  return "other";
}
var AUTO_HUE = {
  kernel: "orange",
  jit: "green",
  inlined: "aqua",
  waker: "violet",
  meta: "grey",
  gc: "violet",
  native: "yellow",
  go: "aqua",
  "python-own": "hot",
  "python-lib": "blue",
  "python-std": "aqua",
  "js-own": "hot",
  "js-lib": "blue",
  "js-runtime": "aqua",
  java: "green",
  other: "hot"
};
function hueFor(palette, group) {
  if (palette in HUES) return palette;
  if (palette === "python" && !group.startsWith("python")) return group === "native" ? "yellow" : "grey";
  if (palette === "js" && !group.startsWith("js")) return group === "native" ? "yellow" : "grey";
  if (palette === "java" && group === "other") return "grey";
  if (palette === "native" && group === "other") return "grey";
  return AUTO_HUE[group] ?? "hot";
}
function frameColor(f, palette) {
  const [v1, v2, v3] = nameHash(f.name);
  return HUES[hueFor(palette, frameGroup(f))](v1, v2, v3);
}
function diffuse(c, widthFraction) {
  const t = 0.25 + 0.75 * Math.sqrt(Math.max(0, Math.min(1, widthFraction)));
  return [255 + (c[0] - 255) * t, 255 + (c[1] - 255) * t, 255 + (c[2] - 255) * t];
}
function neutralColor(name) {
  const g = 218 + 22 * nameHash(name)[0];
  return [g, g, g];
}
var SCALES = {
  normal: {
    grew: [
      [255, 215, 215],
      [215, 0, 0]
    ],
    shrank: [
      [215, 215, 255],
      [0, 60, 215]
    ]
  },
  colorBlind: {
    grew: [
      [253, 214, 160],
      [179, 88, 6]
    ],
    shrank: [
      [216, 210, 235],
      [84, 39, 136]
    ]
  }
};
function diffColor(grew, strength, colorBlind) {
  const [lo, hi] = SCALES[colorBlind ? "colorBlind" : "normal"][grew ? "grew" : "shrank"];
  const t = Math.max(0, Math.min(1, strength));
  return [lo[0] + (hi[0] - lo[0]) * t, lo[1] + (hi[1] - lo[1]) * t, lo[2] + (hi[2] - lo[2]) * t];
}
function hex(c) {
  let s = "#";
  for (const v of c)
    s += Math.max(0, Math.min(255, Math.round(v))).toString(16).padStart(2, "0");
  return s;
}

// src/render/escape.ts
var XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
function xmlSafe(s) {
  return s.replace(XML_INVALID, "\uFFFD");
}
var XML_ESC = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;"
};
function escapeXml(s) {
  return xmlSafe(s).replace(/[&<>"']/g, (c) => XML_ESC[c]);
}
function jsonForScript(value2) {
  return JSON.stringify(value2).replace(/[<>&\u2028\u2029\ufffe\uffff]/g, (c) => {
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
  });
}

// src/render/frame-info.ts
var FULL_LABEL = {};
function frameInfo(f) {
  const loc = f.file === "" ? "" : f.line > 0 ? `${f.file}:${f.line}` : f.file;
  return {
    name: f.name,
    text: f.file === "" ? f.name : `${f.file}:${f.name}`,
    label: frameLabel(f),
    loc,
    kind: f.kind
  };
}
function labelRanks(p) {
  const { names, files, lines, modules, kinds, size: n } = p.frames;
  const labels = new Array(n);
  const idx = new Array(n);
  const f = { name: "", file: "", line: 0, module: "", kind: "other" };
  for (let id = 0; id < n; id++) {
    f.name = names[id];
    f.file = files[id];
    f.line = lines[id];
    f.module = modules[id];
    f.kind = kinds[id];
    labels[id] = frameLabel(f, FULL_LABEL);
    idx[id] = id;
  }
  idx.sort((a, b) => labels[a] < labels[b] ? -1 : labels[a] > labels[b] ? 1 : a - b);
  const rank = new Int32Array(n);
  for (let j = 0; j < n; j++) rank[idx[j]] = j;
  return rank;
}

// src/render/layout.ts
function layoutFlame(t, o) {
  const total = t.total[0];
  const minW = total > 0 ? o.minWidthPx * total / o.widthPx : 0;
  const maxDepth = o.maxDepth ?? Number.POSITIVE_INFINITY;
  const out = new LayoutBuilder();
  if (!(total > 0)) return out.finish(0);
  const stackNode = [0];
  const stackX = [0];
  let deepest = 0;
  while (stackNode.length > 0) {
    const n = stackNode.pop();
    const x = stackX.pop();
    const d = t.depth[n];
    const slot = out.add(n, d, x, t.total[n]);
    if (d > deepest) deepest = d;
    const kids = orderedKids(t, n, o);
    let cx = x;
    const placed = [];
    const placedX = [];
    for (let j = 0; j < kids.length; j++) {
      const k = kids[j];
      const w = t.total[k];
      if (w < minW || d + 1 > maxDepth) {
        out.prunedWeight[slot] += w;
        out.prunedCount[slot]++;
      } else {
        placed.push(k);
        placedX.push(cx);
      }
      cx += w;
    }
    for (let i = placed.length - 1; i >= 0; i--) {
      stackNode.push(placed[i]);
      stackX.push(placedX[i]);
    }
  }
  const layout = out.finish(deepest);
  layout.total = total;
  return layout;
}
var KEY_SPAN = 2 ** 22;
function orderedKids(t, n, o) {
  const a = t.kidStart[n];
  const b = t.kidStart[n + 1];
  const kids = t.kids.subarray(a, b);
  if (kids.length < 2 || o.order === "input") return kids;
  const rank = o.rank;
  if (o.order === "alpha" && kids.length < KEY_SPAN) {
    const keys = new Float64Array(kids.length);
    for (let j = 0; j < kids.length; j++) keys[j] = rank[t.frame[kids[j]]] * KEY_SPAN + j;
    keys.sort();
    const out = new Int32Array(kids.length);
    for (let j = 0; j < kids.length; j++) out[j] = kids[keys[j] % KEY_SPAN];
    return out;
  }
  const list = Array.from(kids);
  if (o.order === "alpha") {
    list.sort((x, y) => rank[t.frame[x]] - rank[t.frame[y]] || x - y);
  } else {
    list.sort((x, y) => t.total[y] - t.total[x] || rank[t.frame[x]] - rank[t.frame[y]] || x - y);
  }
  return list;
}
var LayoutBuilder = class {
  count = 0;
  node = new Int32Array(256);
  depth = new Int32Array(256);
  x = new Float64Array(256);
  w = new Float64Array(256);
  prunedWeight = new Float64Array(256);
  prunedCount = new Int32Array(256);
  add(node, depth, x, w) {
    if (this.count === this.node.length) this.grow();
    const i = this.count++;
    this.node[i] = node;
    this.depth[i] = depth;
    this.x[i] = x;
    this.w[i] = w;
    return i;
  }
  grow() {
    const cap = this.node.length * 2;
    const g = (a, b) => {
      b.set(a);
      return b;
    };
    this.node = g(this.node, new Int32Array(cap));
    this.depth = g(this.depth, new Int32Array(cap));
    this.x = g(this.x, new Float64Array(cap));
    this.w = g(this.w, new Float64Array(cap));
    this.prunedWeight = g(this.prunedWeight, new Float64Array(cap));
    this.prunedCount = g(this.prunedCount, new Int32Array(cap));
  }
  finish(maxDepth) {
    const c = this.count;
    return {
      count: c,
      node: this.node.subarray(0, c),
      depth: this.depth.subarray(0, c),
      x: this.x.subarray(0, c),
      w: this.w.subarray(0, c),
      prunedWeight: this.prunedWeight.subarray(0, c),
      prunedCount: this.prunedCount.subarray(0, c),
      total: 0,
      maxDepth
    };
  }
};

// raw:src/render/svg-script.js
var svg_script_default = `// Interactivity of flamediff's SVG flamegraphs: tooltips, click to zoom, regex search with
// "Matched: X%", keyboard navigation, and zoom/search state in the URL (?x=&y=&s=&i=).
// Embedded verbatim in every SVG (imported with ?raw by src/render/svg.ts), so: plain ES2015,
// no dependencies, no network, and never the three characters that end a CDATA section.
// Frame data comes from the JSON blob #fd-data; frame names are only ever set with textContent.
(() => {
  const started = performance.now();
  const root = document.currentScript ? document.currentScript.parentNode : document.documentElement;
  const NS = 'http://www.w3.org/2000/svg';
  const $ = (id) => root.querySelector('#' + id);
  const data = JSON.parse($('fd-data').textContent);
  const D = data.d;
  const S = 7; // stride of data.d: frame, depth, x, w, self, pruned weight, pruned count
  const inner = data.W - 2 * data.xpad;
  const framesG = $('fd-frames');
  const stripsG = $('fd-strips');
  const n = D.length / S;
  const scale0 = inner / data.total;
  // Frames narrower than data.sl px have no element of their own until needed (zoom, search
  // match, keyboard): at rest they are painted as merged strips in #fd-strips. The static
  // elements are the other frames, in data order, each rect followed by its label if any.
  // Start-up touches each static element once and reads no attributes.
  const els = new Array(n).fill(null);
  const texts = new Array(n).fill(null);
  const hidden = new Array(n).fill(false);
  const faded = new Array(n).fill(false);
  const thin = new Array(n).fill(false); // painted in a strip now, its element (if any) hidden
  const curX = new Float64Array(n); // where each frame is drawn now (px), for hit tests
  const curW = new Float64Array(n);
  const byDepth = [];
  for (let i = 0; i < n; i++) {
    curX[i] = data.xpad + D[i * S + 2] * scale0;
    curW[i] = D[i * S + 3] * scale0;
    thin[i] = curW[i] < data.sl;
    const dep = D[i * S + 1];
    (byDepth[dep] || (byDepth[dep] = [])).push(i);
  }
  let next = 0;
  for (let el = stripsG.nextElementSibling; el; el = el.nextElementSibling) {
    if (el.localName === 'text') {
      texts[next - 1] = el;
      continue;
    }
    while (next < n && D[next * S + 3] * scale0 < data.sl) next++;
    el._fd = next;
    els[next++] = el;
  }
  const num = (v) => String(Math.round(v * 100) / 100);
  const ox = (i) => num(data.xpad + D[i * S + 2] * (inner / data.total));
  const oy = (i) => String(data.y0 + D[i * S + 1] * data.dy);
  const styleOf = (i) => data.st[data.f[i]];
  const fillOf = (i) => styleOf(i).slice(0, 7);
  const fr = (i) => data.fr[D[i * S]];
  const depthOf = (i) => D[i * S + 1];
  const xOf = (i) => D[i * S + 2];
  const wOf = (i) => D[i * S + 3];

  // ---- number formatting
  function group3(v) {
    const s = String(Math.round(v));
    return s.replace(/\\B(?=(\\d{3})+(?!\\d))/g, ',');
  }
  function amount(v) {
    const u = data.unit;
    if (u === 'nanoseconds' || u === 'microseconds') {
      const ms = u === 'nanoseconds' ? v / 1e6 : v / 1e3;
      return ms >= 1000 ? (ms / 1000).toFixed(2) + ' s' : ms.toFixed(ms >= 10 ? 1 : 3) + ' ms';
    }
    if (u === 'bytes') {
      if (v >= 1048576) return (v / 1048576).toFixed(1) + ' MiB';
      if (v >= 1024) return (v / 1024).toFixed(1) + ' KiB';
      return group3(v) + ' B';
    }
    const k = Number.isInteger(v) ? group3(v) : String(Math.round(v * 1000) / 1000);
    return k + (u === 'count' ? '' : v === 1 ? ' sample' : ' samples');
  }
  function pct(v, of) {
    return of > 0 ? ((100 * v) / of).toFixed(2) + '%' : '0%';
  }

  // ---- text fitting (same rule as src/render/truncate.ts)
  function fitText(label, w) {
    const fit = Math.floor((w - 6) / data.cw);
    if (fit < 3) return '';
    if (label.length <= fit) return label;
    let start = label.length - (fit - 1);
    const c = label.charCodeAt(start);
    if (c >= 0xdc00 && c <= 0xdfff) start++;
    return '\\u2026' + label.slice(start);
  }
  function isDark(fill) {
    const m = /^#(..)(..)(..)$/.exec(fill);
    if (!m) return false;
    const l = 0.2126 * parseInt(m[1], 16) + 0.7152 * parseInt(m[2], 16) + 0.0722 * parseInt(m[3], 16);
    return l / 255 < 0.4;
  }
  /** The frame's element, created on first need (slivers have none at rest). */
  function ensureEl(i) {
    if (els[i]) return els[i];
    const r = document.createElementNS(NS, 'rect');
    r.setAttribute('y', oy(i));
    r.setAttribute('height', String(data.fh - 1));
    let fill = fillOf(i);
    if (searchRe) {
      searchRe.lastIndex = 0;
      if (searchRe.test(fr(i)[1])) fill = '#e600e6';
    }
    r.setAttribute('fill', fill);
    if (/ d$/.test(styleOf(i))) {
      r.setAttribute('stroke', '#111');
      r.setAttribute('stroke-width', '1');
      r.setAttribute('stroke-dasharray', '3,2');
    }
    r._fd = i;
    framesG.appendChild(r);
    els[i] = r;
    if (hidden[i] || thin[i]) r.classList.add('fd-hide');
    if (faded[i]) r.classList.add('fd-parent');
    place(i, curX[i], curW[i]);
    return r;
  }
  function place(i, x, w) {
    curX[i] = x;
    curW[i] = w;
    const r = els[i];
    if (!r) return;
    r.setAttribute('x', num(x));
    r.setAttribute('width', num(w));
    if (w >= 4) r.setAttribute('rx', '2');
    else r.removeAttribute('rx');
    const t = fitText(fr(i)[3], w);
    let el = texts[i];
    if (!el) {
      if (t === '') return;
      el = document.createElementNS(NS, 'text');
      el.setAttribute('y', String(Number(oy(i)) + 11.5));
      if (isDark(fillOf(i))) el.setAttribute('fill', '#fff');
      if (hidden[i] || thin[i]) el.classList.add('fd-hide');
      if (faded[i]) el.classList.add('fd-parent');
      framesG.insertBefore(el, r.nextSibling);
      texts[i] = el;
    }
    el.setAttribute('x', num(x + 3));
    el.textContent = t;
  }
  function setClass(i, arr, cls, on) {
    if (arr[i] === on) return;
    arr[i] = on;
    if (els[i]) els[i].classList.toggle(cls, on);
    if (texts[i]) texts[i].classList.toggle(cls, on);
  }
  function setHidden(i, h, t) {
    const was = hidden[i] || thin[i];
    hidden[i] = h;
    thin[i] = t;
    if (was === (h || t)) return;
    if (els[i]) els[i].classList.toggle('fd-hide', h || t);
    if (texts[i]) texts[i].classList.toggle('fd-hide', h || t);
  }
  /** Gives a frame painted in a strip its own visible element (search match, selection). */
  function thicken(i) {
    const r = ensureEl(i);
    if (thin[i]) setHidden(i, hidden[i], false);
    return r;
  }
  /**
   * Frames under data.sl px keep an element of their own only while the search matches them or
   * the keyboard selects them; the others go (back) into the strips, which are redrawn.
   */
  function restrip() {
    const slivers = [];
    for (let j = 0; j < n; j++) {
      if (hidden[j] || curW[j] >= data.sl) continue;
      if (j === sel || (searchRe && hits[j])) thicken(j);
      else {
        setHidden(j, false, true);
        slivers.push(j);
      }
    }
    drawStrips(slivers);
  }

  // ---- strips: slivers merged per depth into rects at most data.sl px wide, filled with their
  // width-weighted mean colour (same rule as src/render/svg.ts stripsSvg)
  function drawStrips(list) {
    while (stripsG.lastChild) stripsG.removeChild(stripsG.lastChild);
    const rows = [];
    for (let k = 0; k < list.length; k++) {
      const dep = depthOf(list[k]);
      (rows[dep] || (rows[dep] = [])).push(list[k]);
    }
    const frag = document.createDocumentFragment();
    for (let dep = 0; dep < rows.length; dep++) {
      const row = rows[dep];
      if (!row) continue;
      let k = 0;
      while (k < row.length) {
        const first = row[k];
        const x0 = curX[first];
        let x1 = x0;
        let r = 0;
        let g = 0;
        let b = 0;
        while (k < row.length) {
          const i = row[k];
          const xi = curX[i];
          const wi = curW[i];
          if (i !== first && (Math.abs(xi - x1) > 1e-6 || xi + wi - x0 > data.sl)) break;
          const c = fillOf(i);
          r += parseInt(c.slice(1, 3), 16) * wi;
          g += parseInt(c.slice(3, 5), 16) * wi;
          b += parseInt(c.slice(5, 7), 16) * wi;
          x1 = xi + wi;
          k++;
        }
        const w = x1 - x0;
        const hex2 = (v) => ('0' + Math.max(0, Math.min(255, Math.round(v / w))).toString(16)).slice(-2);
        const el = document.createElementNS(NS, 'rect');
        el.setAttribute('x', num(x0));
        el.setAttribute('y', String(data.y0 + dep * data.dy));
        el.setAttribute('width', num(w));
        el.setAttribute('height', String(data.fh - 1));
        el.setAttribute('fill', w > 0 ? '#' + hex2(r) + hex2(g) + hex2(b) : fillOf(first));
        frag.appendChild(el);
      }
    }
    stripsG.appendChild(frag);
  }

  // ---- zoom
  let zoomed = -1;
  let viewX = 0;
  let viewW = data.total;
  function zoom(z) {
    zoomed = z;
    const x0 = z < 0 ? 0 : xOf(z);
    const w0 = z < 0 ? data.total : wOf(z);
    const d0 = z < 0 ? 0 : depthOf(z);
    const eps = data.total * 1e-12;
    viewX = x0;
    viewW = w0;
    const scale = inner / w0;
    const slivers = [];
    for (let j = 0; j < n; j++) {
      const xj = xOf(j);
      const wj = wOf(j);
      let parent = false;
      let show;
      if (depthOf(j) < d0) {
        show = xj <= x0 + eps && xj + wj >= x0 + w0 - eps;
        parent = show;
      } else {
        show = xj >= x0 - eps && xj + wj <= x0 + w0 + eps;
      }
      setClass(j, faded, 'fd-parent', parent);
      if (!show) {
        setHidden(j, true, false);
        continue;
      }
      const px = parent ? data.xpad : data.xpad + (xj - x0) * scale;
      const pw = parent ? inner : wj * scale;
      if (pw < data.sl && j !== sel) {
        setHidden(j, false, true);
        curX[j] = px;
        curW[j] = pw;
        slivers.push(j);
      } else {
        setHidden(j, false, false);
        ensureEl(j);
        place(j, px, pw);
      }
    }
    $('fd-unzoom').setAttribute('display', z < 0 ? 'none' : 'inline');
    if (searchRe) runSearch();
    else drawStrips(slivers);
    updateUrl();
  }

  // ---- search
  let searchRe = null;
  let searchTerm = '';
  let ignoreCase = false;
  const hits = new Uint8Array(n);
  function runSearch() {
    const spans = [];
    for (let j = 0; j < n; j++) {
      searchRe.lastIndex = 0;
      const hit = searchRe.test(fr(j)[1]);
      hits[j] = hit ? 1 : 0;
      if (hit) ensureEl(j).setAttribute('fill', '#e600e6');
      else if (els[j]) els[j].setAttribute('fill', fillOf(j));
      if (hit) {
        const a = Math.max(xOf(j), viewX);
        const b = Math.min(xOf(j) + wOf(j), viewX + viewW);
        if (b > a) spans.push([a, b]);
      }
    }
    // Each sample once: a match nested in another match adds nothing.
    spans.sort((p, q) => p[0] - q[0] || q[1] - p[1]);
    let covered = 0;
    let end = -Infinity;
    for (let k = 0; k < spans.length; k++) {
      const s = Math.max(spans[k][0], end);
      if (spans[k][1] > s) covered += spans[k][1] - s;
      if (spans[k][1] > end) end = spans[k][1];
    }
    restrip();
    $('fd-matched').textContent = 'Matched: ' + ((100 * covered) / viewW).toFixed(1) + '%';
    const btn = $('fd-search');
    btn.textContent = 'Reset Search';
    btn.classList.add('fd-on');
  }
  function setSearch(term) {
    searchTerm = term || '';
    if (searchTerm === '') {
      clearSearch();
      return;
    }
    try {
      searchRe = new RegExp(searchTerm, ignoreCase ? 'i' : '');
    } catch (_e) {
      searchRe = null;
      $('fd-matched').textContent = 'Invalid regular expression';
      return;
    }
    runSearch();
    updateUrl();
  }
  function clearSearch() {
    searchRe = null;
    searchTerm = '';
    for (let j = 0; j < n; j++) if (els[j]) els[j].setAttribute('fill', fillOf(j));
    restrip();
    $('fd-matched').textContent = ' ';
    const btn = $('fd-search');
    btn.textContent = 'Search';
    btn.classList.remove('fd-on');
    updateUrl();
  }
  function askSearch() {
    if (searchRe) {
      clearSearch();
      return;
    }
    const term = window.prompt(
      'Enter a search term (regexp allowed, eg: ^ext4_)' + (ignoreCase ? ', ignoring case' : ''),
      searchTerm,
    );
    if (term !== null) setSearch(term);
  }
  function toggleCase() {
    ignoreCase = !ignoreCase;
    $('fd-case').classList.toggle('fd-on', ignoreCase);
    if (searchTerm) setSearch(searchTerm);
    else updateUrl();
  }

  // ---- URL state
  function updateUrl() {
    try {
      const p = new URLSearchParams(window.location.search);
      if (zoomed >= 0) {
        p.set('x', ox(zoomed));
        p.set('y', oy(zoomed));
      } else {
        p.delete('x');
        p.delete('y');
      }
      if (searchTerm) p.set('s', searchTerm);
      else p.delete('s');
      if (ignoreCase) p.set('i', '1');
      else p.delete('i');
      const q = p.toString();
      window.history.replaceState(
        null,
        '',
        window.location.pathname + (q ? '?' + q : '') + window.location.hash,
      );
    } catch (_e) {
      // file:// pages may refuse replaceState; the view still works.
    }
  }
  function restoreFromUrl() {
    let p;
    try {
      p = new URLSearchParams(window.location.search);
    } catch (_e) {
      return;
    }
    if (p.get('i') === '1') {
      ignoreCase = true;
      $('fd-case').classList.add('fd-on');
    }
    const x = p.get('x');
    const y = p.get('y');
    if (x !== null && y !== null) {
      for (let j = 0; j < n; j++) {
        if (ox(j) === x && oy(j) === y) {
          zoom(j);
          break;
        }
      }
    }
    const s = p.get('s');
    if (s) setSearch(s);
  }

  // ---- tooltip and details
  const tip = $('fd-tip');
  const tipRect = tip.firstElementChild;
  function tipLines(i) {
    const f = fr(i);
    const w = wOf(i);
    const lines = [f[0]];
    if (f[2]) lines.push('at ' + f[2]);
    lines.push(
      amount(w) +
        ' (' +
        pct(w, data.total) +
        ' of all' +
        (zoomed >= 0 ? ', ' + pct(w, viewW) + ' of zoom' : '') +
        ')',
    );
    const self = D[i * S + 4];
    if (self > 0) lines.push('self: ' + amount(self) + ' (' + pct(self, data.total) + ')');
    const pc = D[i * S + 6];
    if (pc > 0)
      lines.push(
        '+ ' +
          amount(D[i * S + 5]) +
          ' in ' +
          group3(pc) +
          (pc === 1 ? ' callee' : ' callees') +
          ' too narrow to draw',
      );
    if (data.x) {
      const x = data.x[D[i * S]];
      if (x) for (let k = 0; k < x.length; k++) lines.push(x[k]);
    }
    return lines;
  }
  /** Keeps a line within the picture's width, cut on the left like labels (the end says most). */
  function clip(line, w) {
    return line.length * data.cw * 1.15 <= w ? line : fitText(line, w / 1.15);
  }
  function showTip(i, sx, sy) {
    const lines = tipLines(i).map((l) => clip(l, data.W - 24));
    while (tip.childNodes.length > 1) tip.removeChild(tip.lastChild);
    for (let k = 0; k < lines.length; k++) {
      const t = document.createElementNS(NS, 'text');
      t.setAttribute('x', '6');
      t.setAttribute('y', String(16 + k * 15));
      if (k === 0) t.setAttribute('font-weight', 'bold');
      t.textContent = lines[k];
      tip.appendChild(t);
    }
    tip.setAttribute('visibility', 'visible');
    const bb = tip.getBBox();
    const tw = bb.width + 12;
    const th = lines.length * 15 + 8;
    tipRect.setAttribute('width', String(tw));
    tipRect.setAttribute('height', String(th));
    const H = Number(root.getAttribute('height')) || 0;
    let px = sx + 14;
    let py = sy + 18;
    if (px + tw > data.W) px = sx - tw - 8;
    px = Math.max(1, Math.min(px, data.W - tw - 1)); // wide tips: inside the picture
    if (py + th > H) py = Math.max(0, sy - th - 8);
    tip.setAttribute('transform', 'translate(' + px + ',' + py + ')');
    $('fd-details').textContent = clip(
      fr(i)[1] + ' (' + amount(wOf(i)) + ', ' + pct(wOf(i), data.total) + ')',
      inner - 140, // leaves room for "Matched: X%" on the right
    );
  }
  function hideTip() {
    tip.setAttribute('visibility', 'hidden');
    $('fd-details').textContent = ' ';
  }
  function svgPoint(ev) {
    const m = root.getScreenCTM ? root.getScreenCTM() : null;
    if (!m) return { x: ev.clientX, y: ev.clientY };
    const pt = root.createSVGPoint();
    pt.x = ev.clientX;
    pt.y = ev.clientY;
    return pt.matrixTransform(m.inverse());
  }
  function frameOf(ev) {
    const t = ev.target;
    if (t && t._fd !== undefined) return t._fd;
    if (t && t.parentNode === stripsG) return frameAt(svgPoint(ev));
    return -1;
  }
  /** The visible frame under a point, from the data (strips stand for many frames). */
  function frameAt(p) {
    const d = data.dy > 0 ? Math.floor((p.y - data.y0) / data.dy) : Math.ceil((data.y0 - p.y) / -data.dy);
    const list = byDepth[d];
    if (!list) return -1;
    const tx = viewX + ((p.x - data.xpad) * viewW) / inner;
    let lo = 0;
    let hi = list.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (xOf(list[mid]) <= tx) lo = mid;
      else hi = mid - 1;
    }
    for (let k = Math.max(0, lo - 1); k <= Math.min(list.length - 1, lo + 1); k++) {
      const j = list[k];
      if (!hidden[j] && curX[j] <= p.x + 0.5 && p.x - 0.5 <= curX[j] + curW[j]) return j;
    }
    return -1;
  }
  framesG.addEventListener('mousemove', (ev) => {
    const i = frameOf(ev);
    if (i < 0) return;
    const p = svgPoint(ev);
    showTip(i, p.x, p.y);
  });
  framesG.addEventListener('mouseleave', hideTip);
  framesG.addEventListener('click', (ev) => {
    const i = frameOf(ev);
    if (i < 0) return;
    select(i, false);
    zoom(i);
  });

  // ---- keyboard
  let sel = -1;
  function select(i, withTip) {
    const old = sel;
    if (old >= 0) els[old].classList.remove('fd-sel');
    sel = i;
    if (i >= 0) thicken(i).classList.add('fd-sel');
    if (old >= 0 && old !== i && !hidden[old] && curW[old] < data.sl) restrip();
    if (i >= 0 && withTip) showTip(i, curX[i], Number(oy(i)));
  }
  function visibleAt(d, pred) {
    const list = byDepth[d] || [];
    for (let k = 0; k < list.length; k++) if (!hidden[list[k]] && pred(list[k])) return list[k];
    return -1;
  }
  function move(key) {
    if (sel < 0 || hidden[sel]) return Math.max(zoomed, 0);
    const d = depthOf(sel);
    const x = xOf(sel);
    const w = wOf(sel);
    const list = byDepth[d];
    const pos = list.indexOf(sel);
    let k;
    if (key === 'ArrowLeft') {
      for (k = pos - 1; k >= 0; k--) if (!hidden[list[k]]) return list[k];
      return sel;
    }
    if (key === 'ArrowRight') {
      for (k = pos + 1; k < list.length; k++) if (!hidden[list[k]]) return list[k];
      return sel;
    }
    const deeper = (key === 'ArrowUp') === data.dy < 0;
    const found = deeper
      ? visibleAt(d + 1, (j) => xOf(j) >= x && xOf(j) < x + w)
      : visibleAt(d - 1, (j) => xOf(j) <= x && xOf(j) + wOf(j) >= x + w);
    return found >= 0 ? found : sel;
  }
  framesG.addEventListener('keydown', (ev) => {
    if (/^Arrow/.test(ev.key)) {
      ev.preventDefault();
      select(move(ev.key), true);
    } else if ((ev.key === 'Enter' || ev.key === ' ') && sel >= 0) {
      ev.preventDefault();
      zoom(sel);
      select(sel, true);
    }
  });
  function button(id, fn) {
    const b = $(id);
    b.addEventListener('click', fn);
    b.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' || ev.key === ' ') {
        ev.preventDefault();
        fn();
      }
    });
  }
  button('fd-unzoom', () => zoom(-1));
  button('fd-search', askSearch);
  button('fd-case', toggleCase);
  window.addEventListener('keydown', (ev) => {
    if ((ev.ctrlKey || ev.metaKey) && (ev.key === 'f' || ev.key === 'F')) {
      ev.preventDefault();
      if (searchRe) clearSearch();
      askSearch();
    } else if (ev.key === 'Escape') {
      hideTip();
      if (searchRe) clearSearch();
      else if (zoomed >= 0) zoom(-1);
    }
  });

  // The debugging/test hook: programmatic search without a prompt, and a readiness flag.
  root.fdSearch = setSearch;
  restoreFromUrl();
  root.fdInitMs = performance.now() - started;
  root.setAttribute('data-ready', '1');
})();
`;

// src/render/truncate.ts
var FONT_SIZE = 12;
var CHAR_WIDTH = FONT_SIZE * 0.59;
function fitText(label2, widthPx) {
  const fit = Math.floor((widthPx - 6) / CHAR_WIDTH);
  if (fit < 3) return "";
  if (label2.length <= fit) return label2;
  let start = label2.length - (fit - 1);
  const c = label2.charCodeAt(start);
  if (c >= 56320 && c <= 57343) start++;
  return `\u2026${label2.slice(start)}`;
}

// src/render/svg.ts
var FRAME_HEIGHT = 16;
var XPAD = 10;
var TITLE_PAD = 36;
var SUBTITLE_PAD = 20;
var BOTTOM_PAD = 34;
function geometry(s) {
  const top = TITLE_PAD + (s.subtitle ? SUBTITLE_PAD : 0) + (s.legend?.height ?? 0);
  const framesH = (s.layout.maxDepth + 1) * FRAME_HEIGHT;
  const height = top + framesH + BOTTOM_PAD;
  return s.direction === "icicle" ? { height, y0: top, dy: FRAME_HEIGHT, top } : { height, y0: top + framesH - FRAME_HEIGHT, dy: -FRAME_HEIGHT, top };
}
function num(v) {
  return String(Math.round(v * 100) / 100);
}
var SLIVER_PX = 1;
var ROUND_PX = 4;
function renderScene(s) {
  const g = geometry(s);
  const { layout, tree, profile } = s;
  const inner = s.width - 2 * XPAD;
  const scale = layout.total > 0 ? inner / layout.total : 0;
  const compact = /* @__PURE__ */ new Map();
  const fr = [["all", "all", "", "all", "root"]];
  const extra = [s.extra ? s.extra(-1) : null];
  const infos = [];
  const d = new Array(layout.count * 7);
  const styleIndex = /* @__PURE__ */ new Map();
  const styles = [];
  const fs = new Array(layout.count);
  const parts = [];
  const slivers = [];
  const fills = new Array(layout.count);
  for (let i = 0; i < layout.count; i++) {
    const node = layout.node[i];
    const fid = tree.frame[node];
    let ci = 0;
    let info = ROOT_INFO;
    if (fid >= 0) {
      const known = compact.get(fid);
      if (known === void 0) {
        info = frameInfo(profile.frame(fid));
        ci = fr.length;
        compact.set(fid, ci);
        infos[ci] = info;
        fr.push([info.name, info.label, info.loc, info.text, info.kind]);
        extra.push(s.extra ? s.extra(fid) : null);
      } else {
        ci = known;
        info = infos[ci];
      }
    }
    const depth = layout.depth[i];
    const o = i * 7;
    d[o] = ci;
    d[o + 1] = depth;
    d[o + 2] = layout.x[i];
    d[o + 3] = layout.w[i];
    d[o + 4] = tree.self[node];
    d[o + 5] = layout.prunedWeight[i];
    d[o + 6] = layout.prunedCount[i];
    const st = s.style(i);
    const fill = hex(st.fill);
    const key = st.mark ? `${fill} d` : fill;
    let si = styleIndex.get(key);
    if (si === void 0) {
      si = styles.length;
      styleIndex.set(key, si);
      styles.push(key);
    }
    fs[i] = si;
    fills[i] = fill;
    const w = layout.w[i] * scale;
    if (w < SLIVER_PX) slivers.push(i);
    else parts.push(frameSvg(st, fill, XPAD + layout.x[i] * scale, g.y0 + depth * g.dy, w, info));
  }
  const data = {
    v: 2,
    unit: profile.meta.unit,
    total: layout.total,
    W: s.width,
    xpad: XPAD,
    fh: FRAME_HEIGHT,
    y0: g.y0,
    dy: g.dy,
    cw: CHAR_WIDTH,
    sl: SLIVER_PX,
    fr,
    x: s.extra ? extra : void 0,
    d,
    st: styles,
    f: fs,
    ...s.meta
  };
  return [
    header(s, g),
    `<g id="fd-frames" tabindex="0" role="group" aria-label="frames: click to zoom, arrow keys to move, Enter to zoom, Escape to reset">`,
    `<g id="fd-strips">${stripsSvg(slivers, layout, fills, scale, g)}</g>`,
    parts.join("\n"),
    "</g>",
    footer(s, g),
    `<script type="application/json" id="fd-data">${jsonForScript(data)}</script>`,
    `<script type="text/ecmascript"><![CDATA[
${svg_script_default}
]]></script>`,
    "</svg>",
    ""
  ].join("\n");
}
var ROOT_INFO = { name: "all", text: "all", label: "all", loc: "", kind: "root" };
function stripsSvg(slivers, layout, fills, scale, g) {
  const byDepth = /* @__PURE__ */ new Map();
  for (const i of slivers) {
    const dep = layout.depth[i];
    let list = byDepth.get(dep);
    if (!list) byDepth.set(dep, list = []);
    list.push(i);
  }
  const out = [];
  for (const [dep, list] of byDepth) {
    let k = 0;
    while (k < list.length) {
      const first = list[k];
      const x0 = XPAD + layout.x[first] * scale;
      let x1 = x0;
      let r = 0;
      let gr = 0;
      let b = 0;
      while (k < list.length) {
        const i = list[k];
        const xi = XPAD + layout.x[i] * scale;
        const wi = layout.w[i] * scale;
        if (i !== first && (Math.abs(xi - x1) > 1e-6 || xi + wi - x0 > SLIVER_PX)) break;
        const c = fills[i];
        r += parseInt(c.slice(1, 3), 16) * wi;
        gr += parseInt(c.slice(3, 5), 16) * wi;
        b += parseInt(c.slice(5, 7), 16) * wi;
        x1 = xi + wi;
        k++;
      }
      const w = x1 - x0;
      const fill = w > 0 ? hex([r / w, gr / w, b / w]) : fills[first];
      out.push(
        `<rect x="${num(x0)}" y="${g.y0 + dep * g.dy}" width="${num(w)}" height="${FRAME_HEIGHT - 1}" fill="${fill}"/>`
      );
    }
  }
  return out.join("");
}
function frameSvg(st, fill, x, y, w, info) {
  const mark = st.mark ? ` stroke="#111" stroke-width="1" stroke-dasharray="3,2"` : "";
  const rx = w >= ROUND_PX ? ' rx="2"' : "";
  const rect = `<rect x="${num(x)}" y="${y}" width="${num(w)}" height="${FRAME_HEIGHT - 1}" fill="${fill}"${rx}${mark}/>`;
  const text = fitText(info.text, w);
  if (text === "") return rect;
  const dark = luminance(st.fill) < 0.4 ? ' fill="#fff"' : "";
  return `${rect}<text x="${num(x + 3)}" y="${y + 11.5}"${dark}>${escapeXml(text)}</text>`;
}
function luminance(c) {
  return (0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]) / 255;
}
var STYLE = `
#fd-frames rect { cursor: pointer; }
#fd-frames > rect:hover, #fd-frames > rect.fd-sel { stroke: #000; stroke-width: 1.5; }
#fd-frames:focus { outline: none; }
#fd-frames text { pointer-events: none; }
.fd-hide { display: none; }
.fd-parent { opacity: 0.55; }
.fd-btn { cursor: pointer; }
.fd-btn:hover, .fd-btn:focus { fill: #00c; text-decoration: underline; outline: none; }
.fd-on { fill: #c0c; font-weight: bold; }
#fd-tip rect { fill: #ffffe8; stroke: #555; stroke-width: 0.5; }
`;
function header(s, g) {
  const W = s.width;
  const title = escapeXml(s.title);
  const sub = s.subtitle ? `<text x="${W / 2}" y="${TITLE_PAD + 10}" text-anchor="middle" fill="#555">${escapeXml(s.subtitle)}</text>` : "";
  const legend = s.legend ? `<g id="fd-legend" transform="translate(0,${g.top - s.legend.height})">${s.legend.svg}</g>` : "";
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>',
    `<svg version="1.1" width="${W}" height="${g.height}" viewBox="0 0 ${W} ${g.height}" xmlns="http://www.w3.org/2000/svg" font-family="DejaVu Sans, Verdana, sans-serif" font-size="${FONT_SIZE}">`,
    `<title>${title}</title>`,
    `<style>${STYLE}</style>`,
    `<rect x="0" y="0" width="${W}" height="${g.height}" fill="#f6f6f6"/>`,
    `<text id="fd-title" x="${W / 2}" y="24" text-anchor="middle" style="font-size:17px">${title}</text>`,
    sub,
    legend,
    `<text id="fd-unzoom" class="fd-btn" display="none" fill="#333" x="${XPAD}" y="24" tabindex="0" role="button">Reset Zoom</text>`,
    `<text id="fd-search" class="fd-btn" fill="#333" x="${W - XPAD - 110}" y="24" tabindex="0" role="button">Search</text>`,
    `<text id="fd-case" class="fd-btn" fill="#333" x="${W - XPAD - 16}" y="24" tabindex="0" role="button" aria-label="ignore case">ic</text>`
  ].filter(Boolean).join("\n");
}
function footer(s, g) {
  const y = g.height - 14;
  return [
    `<text id="fd-details" x="${XPAD}" y="${y}"> </text>`,
    `<text id="fd-matched" x="${s.width - XPAD}" y="${y}" text-anchor="end"> </text>`,
    `<g id="fd-tip" visibility="hidden" pointer-events="none"><rect x="0" y="0" width="10" height="10" rx="3"/></g>`
  ].join("\n");
}
function renderEmpty(title, width, why) {
  const h = 120;
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>',
    `<svg version="1.1" width="${width}" height="${h}" viewBox="0 0 ${width} ${h}" xmlns="http://www.w3.org/2000/svg" font-family="DejaVu Sans, Verdana, sans-serif" font-size="${FONT_SIZE}">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect x="0" y="0" width="${width}" height="${h}" fill="#f6f6f6"/>`,
    `<text x="${width / 2}" y="24" text-anchor="middle" font-size="17">${escapeXml(title)}</text>`,
    `<text id="fd-empty" x="${width / 2}" y="70" text-anchor="middle" font-size="16" fill="#555">No samples</text>`,
    `<text x="${width / 2}" y="94" text-anchor="middle" fill="#777">${escapeXml(why)}</text>`,
    "</svg>",
    ""
  ].join("\n");
}

// src/render/options.ts
function resolveOptions(o) {
  const width = o.width ?? 1200;
  if (!(Number.isFinite(width) && width >= 200 && width <= 1e5)) {
    throw new UserError(`image width ${width} is not valid; expected a number of px from 200 to 100000`);
  }
  const minWidth = o.minWidth ?? 0.1;
  if (!(Number.isFinite(minWidth) && minWidth >= 0)) {
    throw new UserError(`minwidth ${minWidth} is not valid; expected a number of px >= 0`);
  }
  const palette = o.palette ?? "auto";
  checkPalette(palette);
  return {
    width,
    minWidth,
    direction: o.direction === "icicle" ? "icicle" : "flame",
    order: o.flamechart ? "input" : o.order === "width" ? "width" : "alpha",
    palette,
    colorDiffusion: o.colorDiffusion === true,
    maxDepth: o.maxDepth
  };
}
function innerWidth(r) {
  return r.width - 2 * XPAD;
}

// src/render/tree.ts
function childrenOf(parent, size) {
  const kidStart = new Uint32Array(size + 1);
  for (let i = 1; i < size; i++) kidStart[parent[i] + 1]++;
  for (let i = 0; i < size; i++) kidStart[i + 1] += kidStart[i];
  const fill = kidStart.slice(0, size);
  const kids = new Int32Array(Math.max(0, size - 1));
  for (let i = 1; i < size; i++) kids[fill[parent[i]]++] = i;
  return { kidStart, kids };
}
function resize(from, to) {
  to.set(from.subarray(0, Math.min(from.length, to.length)));
  return to;
}
function hash2(a, b) {
  let h = Math.imul(a, 2654435761) ^ Math.imul(b + 2135587861, 2246822519);
  h ^= h >>> 15;
  h = Math.imul(h, 739982445);
  h ^= h >>> 12;
  return h >>> 0;
}
function buildPrunedTree(p, minWeight, maxDepth = Number.POSITIVE_INFINITY) {
  const { ids, offsets, weights, length } = p.stacks.columns();
  const nodes = new NodeColumns();
  nodes.add(-1, -1, 0, 0);
  const lv = new Level(length);
  let n = weightedStacks(lv, weights, length);
  nodes.total[0] = lv.sum;
  lv.reserve(n);
  const table = new PairTable(n);
  let deepest = 0;
  let followed = 1;
  for (let k = 0; n > 0 && followed > 0; k++) {
    table.clear();
    n = scanLevel(lv, n, k, ids, offsets, weights, table, nodes.self);
    const pairs = lv.pairs;
    followed = addLevelNodes(nodes, table, lv, pairs, k, k + 1 <= maxDepth, minWeight);
    if (pairs > 0) deepest = k + 1;
    if (n < lv.alive.length >> 2) lv.shrink(n);
  }
  const size = nodes.size;
  const parent = nodes.parent.subarray(0, size);
  const { kidStart, kids } = childrenOf(parent, size);
  return {
    size,
    frame: nodes.frame.subarray(0, size),
    parent,
    depth: nodes.depth.subarray(0, size),
    total: nodes.total.subarray(0, size),
    self: nodes.self.subarray(0, size),
    kidStart,
    kids,
    maxDepth: deepest
  };
}
var Level = class {
  /** Stacks that reached the last level scanned, and the pair each had there. */
  alive;
  slotOf = new Int32Array(0);
  /** Per pair of the last level: its weight, and its node if followed (else -1). */
  sums = new Float64Array(0);
  follow = new Int32Array(0);
  pairs = 0;
  sum = 0;
  constructor(stacks) {
    this.alive = new Int32Array(stacks);
  }
  reserve(n) {
    this.slotOf = new Int32Array(n);
    this.sums = new Float64Array(n);
    this.follow = new Int32Array(n);
  }
  shrink(n) {
    this.alive = this.alive.slice(0, n);
    this.slotOf = this.slotOf.slice(0, n);
  }
};
function weightedStacks(lv, weights, length) {
  const alive = lv.alive;
  let n = 0;
  let all = 0;
  for (let s = 0; s < length; s++) {
    const w = weights[s];
    if (!(w > 0)) continue;
    all += w;
    alive[n++] = s;
  }
  lv.sum = all;
  return n;
}
function scanLevel(lv, n, k, ids, offsets, weights, table, self) {
  const { alive, slotOf, sums, follow } = lv;
  let pairs = 0;
  let m = 0;
  let lastNode = -2;
  let lastFrame = -2;
  let lastT = -1;
  for (let i = 0; i < n; i++) {
    const node = follow[slotOf[i]];
    if (node < 0) continue;
    const s = alive[i];
    const start = offsets[s];
    if (offsets[s + 1] - start <= k) {
      self[node] += weights[s];
      continue;
    }
    const f = ids[start + k];
    let t;
    if (node === lastNode && f === lastFrame) t = lastT;
    else {
      t = table.index(node, f);
      lastNode = node;
      lastFrame = f;
      lastT = t;
    }
    if (t === pairs) sums[pairs++] = 0;
    sums[t] += weights[s];
    alive[m] = s;
    slotOf[m++] = t;
  }
  lv.pairs = pairs;
  return m;
}
function addLevelNodes(nodes, table, lv, pairs, k, followable, minWeight) {
  const { sums, follow } = lv;
  let followed = 0;
  for (let t = 0; t < pairs; t++) {
    const id = nodes.add(table.frameAt(t), table.parentAt(t), k + 1, sums[t]);
    const go = followable && sums[t] >= minWeight;
    follow[t] = go ? id : -1;
    if (go) followed++;
  }
  return followed;
}
var NodeColumns = class {
  size = 0;
  frame = new Int32Array(1024);
  parent = new Int32Array(1024);
  depth = new Int32Array(1024);
  total = new Float64Array(1024);
  self = new Float64Array(1024);
  add(frame, parent, depth, total) {
    if (this.size === this.frame.length) this.grow();
    const id = this.size++;
    this.frame[id] = frame;
    this.parent[id] = parent;
    this.depth[id] = depth;
    this.total[id] = total;
    return id;
  }
  grow() {
    const cap = this.frame.length * 2;
    this.frame = resize(this.frame, new Int32Array(cap));
    this.parent = resize(this.parent, new Int32Array(cap));
    this.depth = resize(this.depth, new Int32Array(cap));
    this.total = resize(this.total, new Float64Array(cap));
    this.self = resize(this.self, new Float64Array(cap));
  }
};
var PairTable = class {
  parents;
  frames;
  count = 0;
  slots;
  mask;
  /** `expected`: an upper bound on the pairs; the table starts at a fraction of it and grows. */
  constructor(expected) {
    const cap = Math.max(256, Math.min(expected, 1 << 16));
    this.parents = new Int32Array(cap);
    this.frames = new Int32Array(cap);
    let slots = 1024;
    while (slots < cap * 2) slots *= 2;
    this.slots = new Int32Array(slots).fill(-1);
    this.mask = slots - 1;
  }
  /** Forgets every pair (the next level numbers its pairs from 0 again). */
  clear() {
    if (this.count === 0) return;
    this.count = 0;
    this.slots.fill(-1);
  }
  index(parent, frame) {
    const { slots, parents, frames, mask } = this;
    let slot = hash2(parent, frame) & mask;
    for (; ; ) {
      const t = slots[slot];
      if (t < 0) break;
      if (parents[t] === parent && frames[t] === frame) return t;
      slot = slot + 1 & mask;
    }
    return this.insert(slot, parent, frame);
  }
  insert(slot, parent, frame) {
    const t = this.count++;
    if (t === this.parents.length) {
      const p = new Int32Array(t * 2);
      p.set(this.parents);
      this.parents = p;
      const f = new Int32Array(t * 2);
      f.set(this.frames);
      this.frames = f;
    }
    this.parents[t] = parent;
    this.frames[t] = frame;
    this.slots[slot] = t;
    if (this.count * 2 > this.slots.length) {
      this.slots = new Int32Array(this.slots.length * 2).fill(-1);
      this.mask = this.slots.length - 1;
      for (let i = 0; i < this.count; i++) {
        let sl = hash2(this.parents[i], this.frames[i]) & this.mask;
        while (this.slots[sl] >= 0) sl = sl + 1 & this.mask;
        this.slots[sl] = i;
      }
    }
    return t;
  }
  parentAt(t) {
    return this.parents[t];
  }
  frameAt(t) {
    return this.frames[t];
  }
};

// src/render/diff.ts
var LEGEND_HEIGHT = 42;
function comparisonKey(f) {
  return frameLabel(f);
}
function isSignificant(r) {
  return r !== void 0 && (r.status === "regressed" || r.status === "improved");
}
function diffScaleMax(c, fixed) {
  if (fixed !== void 0 && fixed > 0) return fixed;
  let max = 0;
  for (const f of c.frames) if (isSignificant(f)) max = Math.max(max, Math.abs(f.delta));
  return max;
}
function diffSvg(base, head, c, opts) {
  const r = resolveOptions(opts);
  const negate = opts.negate === true;
  const title = opts.title ?? (negate ? "Differential Flame Graph (widths: base)" : "Differential Flame Graph");
  const g = c.settings?.granularity ?? "function";
  const side = atGranularity(negate ? base : head, g);
  if (!(side.totalWeight() > 0)) {
    return renderEmpty(title, r.width, `the ${negate ? "base" : "head"} profile has no samples to draw`);
  }
  const byKey = /* @__PURE__ */ new Map();
  for (const f of c.frames) byKey.set(f.key, f);
  const dropped = new Set(c.dropped.map((d) => d.key));
  const max = diffScaleMax(c, opts.diffScale);
  const tree = buildPrunedTree(side, r.minWidth * side.totalWeight() / innerWidth(r), r.maxDepth);
  const layout = layoutFlame(tree, {
    widthPx: innerWidth(r),
    minWidthPx: r.minWidth,
    order: r.order,
    rank: labelRanks(side),
    maxDepth: r.maxDepth
  });
  const keys = new Array(side.frames.size);
  const results = new Array(side.frames.size);
  for (let id = 0; id < side.frames.size; id++) {
    keys[id] = comparisonKey(side.frame(id));
    results[id] = byKey.get(keys[id]);
  }
  const colorBlind = opts.colorBlind === true;
  return renderScene({
    profile: side,
    tree,
    layout,
    width: r.width,
    direction: r.direction,
    title,
    subtitle: opts.subtitle,
    legend: { svg: legendSvg(c, r.width, max, colorBlind, negate), height: LEGEND_HEIGHT },
    style: (i) => {
      const fid = tree.frame[layout.node[i]];
      if (fid < 0) return { fill: [225, 225, 225] };
      const res = results[fid];
      const fill = isSignificant(res) ? diffColor(
        res.delta > 0,
        max > 0 ? Math.abs(res.delta) / max : 1,
        colorBlind
      ) : neutralColor(side.frames.names[fid]);
      const mark = res?.status === "new" && !negate ? "new" : res?.status === "gone" && negate ? "gone" : void 0;
      return { fill, mark };
    },
    extra: (fid) => fid < 0 ? totalLines(c) : tipLines(results[fid], c, dropped.has(keys[fid])),
    meta: { diff: { negate, test: c.settings?.test ?? null, runs: [c.total.base.runs, c.total.head.runs] } }
  });
}
var isShare = (m) => m === "inclusiveShare" || m === "selfShare";
var METRIC_NAME = {
  inclusiveShare: "inclusive share",
  selfShare: "self share",
  inclusiveTime: "inclusive time",
  selfTime: "self time"
};
function value(v, m) {
  return isShare(m) ? `${(v * 100).toFixed(2)}%` : `${(v * 1e3).toFixed(2)} ms`;
}
function change(v, m) {
  const sign = v > 0 ? "+" : v < 0 ? "\u2212" : "\xB1";
  const a = Math.abs(v);
  return isShare(m) ? `${sign}${(a * 100).toFixed(2)} pp` : `${sign}${(a * 1e3).toFixed(2)} ms`;
}
function tipLines(f, c, dropped) {
  if (!f) {
    return [
      dropped ? "not compared: not a consistent hotspot across runs" : "not compared: below the hotspot threshold"
    ];
  }
  const m = f.metric;
  const rel = f.relDelta === null ? "" : ` (${f.relDelta > 0 ? "+" : ""}${(f.relDelta * 100).toFixed(1)}%)`;
  const level = Math.round((f.ci?.level ?? 0.95) * 100);
  const q = Number.isFinite(f.qValue) ? `, q = ${f.qValue.toPrecision(2)}` : "";
  return [
    `before ${value(f.base.mean, m)} \u2192 after ${value(f.head.mean, m)} (${METRIC_NAME[m]}, mean of ${c.total.base.runs} vs ${c.total.head.runs} runs)`,
    `change ${change(f.delta, m)}${rel}, ${level}% CI [${change(f.ci.lo, m)}, ${change(f.ci.hi, m)}]`,
    `status: ${f.status}${q}${isSignificant(f) ? "" : " (drawn neutral)"}`
  ];
}
function totalLines(c) {
  const t = c.total;
  const ch = t.change === null ? "n/a" : `${t.change > 0 ? "+" : ""}${(t.change * 100).toFixed(1)}%`;
  return [
    `total (${t.measure}): change ${ch}, status: ${t.status}`,
    `test: ${c.settings?.test ?? "not stated"}`
  ];
}
function legendSvg(c, width, max, colorBlind, negate) {
  const steps = [1, 0.66, 0.33];
  const box = (x2, fill, extra = "") => `<rect x="${x2}" y="4" width="18" height="12" fill="${hex(fill)}"${extra}/>`;
  const parts = [];
  let x = XPAD;
  const metric = c.frames[0]?.metric ?? "inclusiveShare";
  const scale = change(max, metric).slice(1);
  const left = max > 0 ? `shrank \u2212${scale}` : "shrank";
  const right = max > 0 ? `+${scale} grew` : "grew (no significant change)";
  const grewWord = colorBlind ? "orange" : "red";
  const shrankWord = colorBlind ? "purple" : "blue";
  parts.push(`<text x="${x}" y="14">${escapeXml(left)}</text>`);
  x += 16 + 7.1 * left.length;
  for (const s of steps) parts.push(box((x += 20) - 20, diffColor(false, s, colorBlind)));
  parts.push(box((x += 20) - 20, neutralColor("legend"), ' stroke="#999" stroke-width="0.5"'));
  for (const s of [...steps].reverse()) parts.push(box((x += 20) - 20, diffColor(true, s, colorBlind)));
  parts.push(`<text x="${num(x + 4)}" y="14">${escapeXml(right)}</text>`);
  x += 16 + 7.1 * (right.length + 1);
  parts.push(box(x, neutralColor("new"), ' stroke="#111" stroke-dasharray="3,2"'));
  parts.push(`<text x="${num(x + 24)}" y="14">${negate ? "gone in head" : "new in head"}</text>`);
  const fullTest = c.settings?.test ?? "test not stated";
  const test = fullTest.split(":")[0].slice(0, 60);
  const alpha = c.settings?.alpha ?? 0.05;
  const line2 = `Runs: base ${c.total.base.runs}, head ${c.total.head.runs} \xB7 widths: ${negate ? "base" : "head"} \xB7 test: ${test}, FDR q < ${alpha} \xB7 colour: ${METRIC_NAME[metric]} change (head \u2212 base), ${grewWord} grew, ${shrankWord} shrank, grey not significant`;
  parts.push(`<text x="${XPAD}" y="33" fill="#333">${escapeXml(fitLegend(line2, width))}</text>`);
  parts.unshift(`<title>${escapeXml(`${line2}
Test: ${fullTest}`)}</title>`);
  return parts.join("");
}
function fitLegend(line2, width) {
  const fit = Math.floor((width - 2 * XPAD) / 6.6);
  return line2.length <= fit ? line2 : `${line2.slice(0, fit - 1)}\u2026`;
}

// src/render/flame.ts
var ROOT_COLOR = [225, 225, 225];
var NO_RANKS = new Int32Array(0);
function flameSvg(p, opts) {
  const r = resolveOptions(opts);
  const title = opts.title ?? (opts.flamechart ? "Flame Chart" : r.direction === "icicle" ? "Icicle Graph" : "Flame Graph");
  if (!(p.totalWeight() > 0)) return renderEmpty(title, r.width, "the profile has no samples to draw");
  const tree = buildPrunedTree(p, r.minWidth * p.totalWeight() / innerWidth(r), r.maxDepth);
  const rank = r.order === "input" ? NO_RANKS : labelRanks(p);
  const layout = layoutFlame(tree, {
    widthPx: innerWidth(r),
    minWidthPx: r.minWidth,
    order: r.order,
    rank,
    maxDepth: r.maxDepth
  });
  const colors = /* @__PURE__ */ new Map();
  return renderScene({
    profile: p,
    tree,
    layout,
    width: r.width,
    direction: r.direction,
    title,
    subtitle: opts.subtitle,
    style: (i) => {
      const fid = tree.frame[layout.node[i]];
      let c = ROOT_COLOR;
      if (fid >= 0) {
        let known = colors.get(fid);
        if (!known) colors.set(fid, known = frameColor(p.frame(fid), r.palette));
        c = known;
      }
      return { fill: r.colorDiffusion ? diffuse(c, layout.w[i] / layout.total) : c };
    }
  });
}

// src/render/text-flame.ts
var BAR_CELLS = 10;
var MAX_LABEL = 72;
var EIGHTHS = ["", "\u258F", "\u258E", "\u258D", "\u258C", "\u258B", "\u258A", "\u2589"];
var ANSI = { red: "\x1B[31m", blue: "\x1B[34m", dim: "\x1B[2m", bold: "\x1B[1m", reset: "\x1B[0m" };
function textFlame(p, o) {
  const style = o.style ?? "plain";
  const budget = o.budget ?? 4e3;
  const minShare = o.minShare ?? 5e-3;
  const c = o.comparison;
  const g = c?.settings?.granularity ?? "function";
  const prof = c ? atGranularity(p, g) : p;
  const total = prof.totalWeight();
  const lines = [];
  if (!(total > 0)) return wrap(["(no samples)"], style);
  const tree = buildPrunedTree(prof, minShare * total);
  const results = /* @__PURE__ */ new Map();
  if (c) for (const f of c.frames) results.set(f.key, f);
  const resultOf = (node) => c ? results.get(comparisonKey(prof.frame(tree.frame[node]))) : void 0;
  const labelOf = (node) => label(tree, prof, node);
  const header2 = c ? `hottest paths (${fmtShare(1)} = ${fmtAmount(total, prof.meta.unit)}); \u25B2 grew, \u25BC shrank, + new (significant changes only)` : `hottest paths (${fmtShare(1)} = ${fmtAmount(total, prof.meta.unit)})`;
  const note = (hidden2) => `(${hidden2} more frames below ${fmtShare(minShare)} or beyond the ${budget}-character budget)`;
  const fixed = wrap([sanitize(header2), note(tree.size)], style).length;
  const chosen = choose(
    tree,
    total,
    minShare,
    Math.max(0, budget - fixed),
    (n) => plainLine(tree, n, total, labelOf(n), resultOf(n))
  );
  lines.push(sanitize(header2));
  const printed = printTree(
    tree,
    chosen,
    (n, guide) => line(style, guide, n, tree, total, labelOf(n), resultOf(n))
  );
  const hidden = countHidden(tree, chosen);
  const compose = (shown, more) => wrap(more > 0 ? [...lines, ...shown, note(more)] : [...lines, ...shown], style);
  let out = compose(printed, hidden);
  let cut = 0;
  while (out.length > budget && cut < printed.length) {
    cut++;
    out = compose(printed.slice(0, printed.length - cut), hidden + cut);
  }
  return out;
}
function choose(t, total, minShare, budget, cost) {
  const chosen = new Uint8Array(t.size);
  const heap = new MaxHeap((n) => t.total[n]);
  for (let k = t.kidStart[0]; k < t.kidStart[1]; k++) heap.push(t.kids[k]);
  let used = 0;
  while (heap.size > 0) {
    const n = heap.pop();
    if (t.total[n] / total < minShare) break;
    const len = cost(n).length + 1;
    if (used + len > budget) continue;
    used += len;
    chosen[n] = 1;
    for (let k = t.kidStart[n]; k < t.kidStart[n + 1]; k++) heap.push(t.kids[k]);
  }
  return chosen;
}
function countHidden(t, chosen) {
  let h = 0;
  for (let n = 1; n < t.size; n++) if (!chosen[n] && (t.parent[n] === 0 || chosen[t.parent[n]] === 1)) h++;
  return h;
}
function printTree(t, chosen, fmt) {
  const out = [];
  const stack = [];
  const kidsOf = (n) => Array.from(t.kids.subarray(t.kidStart[n], t.kidStart[n + 1])).filter((k) => chosen[k]).sort((a, b) => t.total[b] - t.total[a] || a - b);
  const roots = kidsOf(0);
  for (let i = roots.length - 1; i >= 0; i--) stack.push({ n: roots[i], prefix: "", last: true, top: true });
  while (stack.length > 0) {
    const { n, prefix, last, top } = stack.pop();
    out.push(fmt(n, top ? "" : `${prefix}${last ? "\u2514\u2500 " : "\u251C\u2500 "}`));
    const childPrefix = top ? "" : `${prefix}${last ? "   " : "\u2502  "}`;
    const kids = kidsOf(n);
    for (let i = kids.length - 1; i >= 0; i--) {
      stack.push({ n: kids[i], prefix: childPrefix, last: i === kids.length - 1, top: false });
    }
  }
  return out;
}
function label(t, p, node) {
  const f = p.frame(t.frame[node]);
  const text = sanitize(f.file ? `${f.name} (${f.line > 0 ? `${f.file}:${f.line}` : f.file})` : f.name);
  return text.length <= MAX_LABEL ? text : `\u2026${text.slice(text.length - MAX_LABEL + 1)}`;
}
function bar(share) {
  const eighths = Math.round(Math.max(0, Math.min(1, share)) * BAR_CELLS * 8);
  const s = "\u2588".repeat(eighths >> 3) + EIGHTHS[eighths & 7];
  return s.padEnd(BAR_CELLS, " ");
}
function marker(r) {
  if (!r) return { text: "", color: "" };
  const pp = `${r.delta >= 0 ? "+" : "\u2212"}${(Math.abs(r.delta) * 100).toFixed(2)}pp`;
  if (r.status === "new") return { text: `+ new ${pp}`, color: ANSI.red };
  if (!isSignificant(r)) return { text: "", color: "" };
  return r.delta > 0 ? { text: `\u25B2 ${pp}`, color: ANSI.red } : { text: `\u25BC ${pp}`, color: ANSI.blue };
}
function plainLine(t, n, total, text, r) {
  return line("plain", "\u2502  ".repeat(Math.max(0, t.depth[n] - 1)), n, t, total, text, r);
}
function line(style, guide, n, t, total, text, r) {
  const share = t.total[n] / total;
  const m = marker(r);
  const pct = fmtShare(share).padStart(6, " ");
  if (style !== "ansi") return `${pct} ${bar(share)} ${guide}${text}${m.text ? `  ${m.text}` : ""}`;
  const barColor = m.color || "";
  return `${pct} ${barColor}${bar(share)}${barColor ? ANSI.reset : ""} ${guide ? `${ANSI.dim}${guide}${ANSI.reset}` : ""}${text}${m.text ? `  ${m.color}${ANSI.bold}${m.text}${ANSI.reset}` : ""}`;
}
function fmtShare(s) {
  return `${(s * 100).toFixed(1)}%`;
}
function fmtAmount(v, unit) {
  if (unit === "nanoseconds" || unit === "microseconds") {
    const seconds = unit === "nanoseconds" ? v / 1e9 : v / 1e6;
    return seconds >= 1 ? `${seconds.toFixed(2)} s` : `${(seconds * 1e3).toPrecision(3)} ms`;
  }
  if (unit === "bytes") {
    const units = ["bytes", "KiB", "MiB", "GiB", "TiB"];
    let i = 0;
    let x = v;
    while (x >= 1024 && i < units.length - 1) {
      x /= 1024;
      i++;
    }
    return i === 0 ? `${Math.round(x)} bytes` : `${x.toFixed(1)} ${units[i]}`;
  }
  const n = Number.isInteger(v) ? String(v) : v.toFixed(3);
  return `${n} ${unit}`;
}
function sanitize(s) {
  return s.replace(/[\t\n\r\v\f]/g, " ").replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, "");
}
function wrap(lines, style) {
  const body = lines.join("\n");
  if (style !== "markdown") return `${body}
`;
  let longest = 0;
  for (const m of body.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}text
${body}
${fence}
`;
}
var MaxHeap = class {
  constructor(key) {
    this.key = key;
  }
  key;
  items = [];
  get size() {
    return this.items.length;
  }
  push(n) {
    const a = this.items;
    a.push(n);
    let i = a.length - 1;
    while (i > 0) {
      const p = i - 1 >> 1;
      if (!this.before(a[i], a[p])) break;
      [a[i], a[p]] = [a[p], a[i]];
      i = p;
    }
  }
  pop() {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.before(a[l], a[m])) m = l;
        if (r < a.length && this.before(a[r], a[m])) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]];
        i = m;
      }
    }
    return top;
  }
  /** Heavier first; ties by node id so the selection is deterministic. */
  before(x, y) {
    const kx = this.key(x);
    const ky = this.key(y);
    return kx > ky || kx === ky && x < y;
  }
};

// src/render/index.ts
function renderFlameSvg(p, opts = {}) {
  return flameSvg(p, opts);
}
function renderDiffSvg(base, head, comparison, opts = {}) {
  return diffSvg(base, head, comparison, opts);
}
async function svgToPng(svg, opts = {}) {
  const { pngFromSvg } = await import("./png-73UIKY2X.js");
  return pngFromSvg(svg, opts);
}
function renderTextFlame(p, opts = {}) {
  return textFlame(p, opts);
}

export {
  PALETTES,
  renderFlameSvg,
  renderDiffSvg,
  svgToPng,
  renderTextFlame
};
