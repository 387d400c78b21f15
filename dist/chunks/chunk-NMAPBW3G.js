#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  decideVerdict,
  summarise
} from "./chunk-SBH42KNO.js";
import {
  mean,
  sd,
  variance
} from "./chunk-UR5MWT2A.js";
import {
  functionFrame
} from "./chunk-HA6H56OO.js";
import {
  Profile,
  StackTable,
  frameLabel,
  parseFrameLabel
} from "./chunk-RM2AEMQK.js";
import {
  UserError
} from "./chunk-KISOPUCP.js";

// src/profile/runtime-frames.ts
var EXCLUDED_FROM_USER_MASS = /* @__PURE__ */ new Set(["gc", "compiler", "idle"]);
var BY_NAME = /* @__PURE__ */ new Map([
  // V8 (.cpuprofile, and its folded/speedscope exports)
  ["(garbage collector)", "gc"],
  ["(program)", "compiler"],
  ["(idle)", "idle"],
  // CPython samplers' synthetic frames (austin `:GC:`, profiling.sampling `<GC>`)
  ["GC", "gc"],
  [":GC:", "gc"],
  ["<GC>", "gc"],
  // Idle markers of py-spy, pyflame, perf
  ["<idle>", "idle"],
  ["[idle]", "idle"],
  ["idle", "idle"],
  ["cpu_idle", "idle"],
  ["do_idle", "idle"],
  ["cpuidle_enter", "idle"],
  ["swapper", "idle"],
  // HotSpot (async-profiler, perf with perf-map-agent)
  ["Interpreter", "interpreter"]
]);
var NATIVE_RULES = [
  // CPython's collector (perf, py-spy --native)
  [/^(gc_collect|_PyObject_GC_Collect|collect_generations|gc_collect_main)/, "gc"],
  // HotSpot collectors and their threads
  [
    /^(G1[A-Z]\w*|ZGC\w*|Z[A-Z][a-z]+\w*::|Shenandoah\w*|PSScavenge|PSPromotionManager|ParallelScavengeHeap|GenCollectedHeap|GCTaskThread|ConcurrentGCThread|WorkerThread::run|GangWorker)/,
    "gc"
  ],
  [/^(GC Thread|G1 |GC task|ZGC |Gang worker)/, "gc"],
  // HotSpot JIT compilers and their threads
  [
    /^(CompileBroker::|C2Compiler::|C1Compiler|Compilation::|Compile::|CompilerThread|C[12] CompilerThread|PhaseChaitin|PhaseIdealLoop)/,
    "compiler"
  ],
  [/^(InterpreterRuntime::|TemplateInterpreter)/, "interpreter"],
  // CPython's evaluation loop itself
  [/^(_PyEval_EvalFrameDefault)$/, "interpreter"]
];
var GO_RULES = [
  [
    /^runtime\.(gcBgMarkWorker|gcDrain\w*|gcAssistAlloc\w*|gcMarkDone|gcMarkTermination|gcStart|markroot\w*|scanobject|scanstack|scanblock|greyobject|bgsweep|sweepone|bgscavenge|gcenable|forEachP|stopTheWorld\w*)$/,
    "gc"
  ],
  [/^runtime\.(findRunnable|findrunnable|stopm|notesleep|futexsleep|netpoll|schedule|park_m)$/, "idle"]
];
var USER_FILE = /\.(py|pyx|pyw|js|mjs|cjs|ts|mts|cts|jsx|tsx|java|kt|scala|rb|php)$/i;
function runtimeClass(f) {
  switch (f.kind) {
    case "gc":
      return "gc";
    case "idle":
      return "idle";
    case "kernel":
      return "kernel";
  }
  const byName = BY_NAME.get(f.name);
  if (byName !== void 0 && f.file === "") return byName;
  if (f.name.endsWith("_[k]")) return "kernel";
  if (f.name.startsWith("runtime.")) {
    for (const [re, cls] of GO_RULES) if (re.test(f.name)) return cls;
    return null;
  }
  if (USER_FILE.test(f.file) || f.kind === "python" || f.kind === "js" || f.kind === "java") return null;
  for (const [re, cls] of NATIVE_RULES) if (re.test(f.name)) return cls;
  return null;
}

// node_modules/simple-statistics/dist/simple-statistics.mjs
function quantileSorted(x, p) {
  var idx = (x.length - 1) * p;
  if (x.length === 0) {
    throw new Error("quantile requires at least one data point.");
  } else if (p < 0 || p > 1) {
    throw new Error("quantiles must be between 0 and 1");
  } else if (p === 1) {
    return x[x.length - 1];
  } else if (p === 0) {
    return x[0];
  } else if (idx % 1 !== 0) {
    var lower = Math.floor(idx);
    var upper = Math.ceil(idx);
    var fraction = idx - lower;
    return x[lower] + fraction * (x[upper] - x[lower]);
  } else {
    return x[idx];
  }
}
function quickselect(arr, k, left, right) {
  left = left || 0;
  right = right || arr.length - 1;
  while (right > left) {
    if (right - left > 600) {
      var n = right - left + 1;
      var m = k - left + 1;
      var z2 = Math.log(n);
      var s = 0.5 * Math.exp(2 * z2 / 3);
      var sd2 = 0.5 * Math.sqrt(z2 * s * (n - s) / n);
      if (m - n / 2 < 0) {
        sd2 *= -1;
      }
      var newLeft = Math.max(left, Math.floor(k - m * s / n + sd2));
      var newRight = Math.min(
        right,
        Math.floor(k + (n - m) * s / n + sd2)
      );
      quickselect(arr, k, newLeft, newRight);
    }
    var t = arr[k];
    var i = left;
    var j = right;
    swap(arr, left, k);
    if (arr[right] > t) {
      swap(arr, left, right);
    }
    while (i < j) {
      swap(arr, i, j);
      i++;
      j--;
      while (arr[i] < t) {
        i++;
      }
      while (arr[j] > t) {
        j--;
      }
    }
    if (arr[left] === t) {
      swap(arr, left, j);
    } else {
      j++;
      swap(arr, j, right);
    }
    if (j <= k) {
      left = j + 1;
    }
    if (k <= j) {
      right = j - 1;
    }
  }
}
function swap(arr, i, j) {
  var tmp = arr[i];
  arr[i] = arr[j];
  arr[j] = tmp;
}
function quantile(x, p) {
  var copy = x.slice();
  if (Array.isArray(p)) {
    multiQuantileSelect(copy, p);
    var results = [];
    for (var i = 0; i < p.length; i++) {
      results[i] = quantileSorted(copy, p[i]);
    }
    return results;
  } else {
    var idx = quantileIndex(copy.length, p);
    quantileSelect(copy, idx, 0, copy.length - 1);
    return quantileSorted(copy, p);
  }
}
function quantileSelect(arr, k, left, right) {
  if (k % 1 === 0) {
    quickselect(arr, k, left, right);
  } else {
    k = Math.floor(k);
    quickselect(arr, k, left, right);
    quickselect(arr, k + 1, k + 1, right);
  }
}
function multiQuantileSelect(arr, p) {
  var positions = /* @__PURE__ */ new Set();
  for (var i = 0; i < p.length; i++) {
    var idx = quantileIndex(arr.length, p[i]);
    positions.add(Math.floor(idx));
    positions.add(Math.ceil(idx));
  }
  var indices = Array.from(positions).sort(compare);
  multiselect(arr, indices, 0, indices.length - 1, 0, arr.length - 1);
}
function multiselect(arr, indices, lo, hi, left, right) {
  if (lo > hi) {
    return;
  }
  var mid = lo + hi >> 1;
  quickselect(arr, indices[mid], left, right);
  multiselect(arr, indices, lo, mid - 1, left, indices[mid] - 1);
  multiselect(arr, indices, mid + 1, hi, indices[mid] + 1, right);
}
function compare(a, b) {
  return a - b;
}
function quantileIndex(len, p) {
  var idx = (len - 1) * p;
  if (p === 1) {
    return len - 1;
  } else if (p === 0) {
    return 0;
  } else if (idx % 1 !== 0) {
    return idx;
  } else {
    return idx;
  }
}
function median(x) {
  return +quantile(x, 0.5);
}
var BayesianClassifier = function BayesianClassifier2() {
  this.totalCount = 0;
  this.data = {};
};
BayesianClassifier.prototype.train = function train(item, category) {
  if (!this.data[category]) {
    this.data[category] = {};
  }
  for (var k in item) {
    var v = item[k];
    if (this.data[category][k] === void 0) {
      this.data[category][k] = {};
    }
    if (this.data[category][k][v] === void 0) {
      this.data[category][k][v] = 0;
    }
    this.data[category][k][v]++;
  }
  this.totalCount++;
};
BayesianClassifier.prototype.score = function score(item) {
  var odds = {};
  var category;
  for (var k in item) {
    var v = item[k];
    for (category in this.data) {
      if (odds[category] === void 0) {
        odds[category] = {};
      }
      if (this.data[category][k]) {
        odds[category][k + "_" + v] = (this.data[category][k][v] || 0) / this.totalCount;
      } else {
        odds[category][k + "_" + v] = 0;
      }
    }
  }
  var oddsSums = {};
  for (category in odds) {
    oddsSums[category] = 0;
    for (var combination in odds[category]) {
      oddsSums[category] += odds[category][combination];
    }
  }
  return oddsSums;
};
var COEFFICIENTS = [
  0.9999999999999971,
  57.15623566586292,
  -59.59796035547549,
  14.136097974741746,
  -0.4919138160976202,
  3399464998481189e-20,
  4652362892704858e-20,
  -9837447530487956e-20,
  1580887032249125e-19,
  -21026444172410488e-20,
  21743961811521265e-20,
  -1643181065367639e-19,
  8441822398385275e-20,
  -26190838401581408e-21,
  36899182659531625e-22
];
var g = 607 / 128;
var LOGSQRT2PI = Math.log(Math.sqrt(2 * Math.PI));
function gammaln(n) {
  if (n <= 0) {
    return Number.POSITIVE_INFINITY;
  }
  n--;
  var a = COEFFICIENTS[0];
  for (var i = 1; i < 15; i++) {
    a += COEFFICIENTS[i] / (n + i);
  }
  var tmp = g + 0.5 + n;
  return LOGSQRT2PI + Math.log(a) - tmp + (n + 0.5) * Math.log(tmp);
}
var SQRT_2PI$1 = Math.sqrt(2 * Math.PI);
function cumulativeDistribution(z2) {
  var sum = z2;
  var tmp = z2;
  for (var i = 1; i < 30; i++) {
    tmp *= z2 * z2 / (2 * i + 1);
    sum += tmp;
  }
  return Math.round((0.5 + sum / SQRT_2PI$1 * Math.exp(-z2 * z2 / 2)) * 1e4) / 1e4;
}
var standardNormalTable = [];
for (z = 0; z <= 3.09; z += 0.01) {
  standardNormalTable.push(cumulativeDistribution(z));
}
var z;
var SQRT_2PI = Math.sqrt(2 * Math.PI);
var PerceptronModel = function PerceptronModel2() {
  this.weights = [];
  this.bias = 0;
};
PerceptronModel.prototype.predict = function predict(features) {
  if (features.length !== this.weights.length) {
    return null;
  }
  var score2 = 0;
  for (var i = 0; i < this.weights.length; i++) {
    score2 += this.weights[i] * features[i];
  }
  score2 += this.bias;
  if (score2 > 0) {
    return 1;
  } else {
    return 0;
  }
};
PerceptronModel.prototype.train = function train2(features, label) {
  if (label !== 0 && label !== 1) {
    return null;
  }
  if (features.length !== this.weights.length) {
    this.weights = features.slice();
    this.bias = 1;
  }
  var prediction = this.predict(features);
  if (typeof prediction === "number" && prediction !== label) {
    var gradient = label - prediction;
    for (var i = 0; i < this.weights.length; i++) {
      this.weights[i] += gradient * features[i];
    }
    this.bias += gradient;
  }
  return this;
};

// src/stats/distributions.ts
function incompleteBeta(x, a, b) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const lnFront = gammaln(a + b) - gammaln(a) - gammaln(b) + a * Math.log(x) + b * Math.log1p(-x);
  if (x < (a + 1) / (a + b + 2)) return Math.exp(lnFront) * betaContinuedFraction(x, a, b) / a;
  return 1 - Math.exp(lnFront) * betaContinuedFraction(1 - x, b, a) / b;
}
function betaContinuedFraction(x, a, b) {
  const tiny = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - qab * x / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 500; m++) {
    const m2 = 2 * m;
    let aa = m * (b - m) * x / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return h;
}
function erfc(x) {
  const z2 = Math.abs(x);
  const t = 1 / (1 + 0.5 * z2);
  const c = [
    -1.26551223,
    1.00002368,
    0.37409196,
    0.09678418,
    -0.18628806,
    0.27886807,
    -1.13520398,
    1.48851587,
    -0.82215223,
    0.17087277
  ];
  let poly = 0;
  for (let i = c.length - 1; i >= 0; i--) poly = poly * t + c[i];
  const r = t * Math.exp(-z2 * z2 + poly);
  return x >= 0 ? r : 2 - r;
}
function normalUpper(z2) {
  return 0.5 * erfc(z2 / Math.SQRT2);
}
function normalQuantile(p) {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile: p must be in (0,1), got ${p}`);
  const a = [
    -39.69683028665376,
    220.9460984245205,
    -275.9285104469687,
    138.357751867269,
    -30.66479806614716,
    2.506628277459239
  ];
  const b = [
    -54.47609879822406,
    161.5858368580409,
    -155.6989798598866,
    66.80131188771972,
    -13.28068155288572
  ];
  const c = [
    -0.007784894002430293,
    -0.3223964580411365,
    -2.400758277161838,
    -2.549732539343734,
    4.374664141464968,
    2.938163982698783
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const pl = 0.02425;
  let x;
  if (p < pl) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p <= 1 - pl) {
    const q = p - 0.5;
    const r = q * q;
    x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  return x;
}
var NORMAL_DF = 1e6;
function tUpper(t, df) {
  if (Number.isNaN(t)) return Number.NaN;
  if (!(df > 0)) return Number.NaN;
  if (df >= NORMAL_DF) return normalUpper(t);
  const x = df / (df + t * t);
  const tail = 0.5 * incompleteBeta(x, df / 2, 0.5);
  return t >= 0 ? tail : 1 - tail;
}
function tTwoSided(t, df) {
  return Math.min(1, 2 * tUpper(Math.abs(t), df));
}
function tDensity(t, df) {
  const lnC = gammaln((df + 1) / 2) - gammaln(df / 2) - 0.5 * Math.log(df * Math.PI);
  return Math.exp(lnC - (df + 1) / 2 * Math.log1p(t * t / df));
}
function tQuantile(p, df) {
  if (!(p > 0 && p < 1)) throw new RangeError(`tQuantile: p must be in (0,1), got ${p}`);
  if (p === 0.5) return 0;
  if (p < 0.5) return -tQuantile(1 - p, df);
  const z2 = normalQuantile(p);
  if (df >= NORMAL_DF) return z2;
  const target = 1 - p;
  let lo = z2 * 0.999;
  let hi = Math.max(1, z2);
  while (tUpper(hi, df) > target) hi *= 2;
  let x = Math.min(hi, Math.max(lo, z2 + (z2 * z2 * z2 + z2) / (4 * df)));
  for (let i = 0; i < 100; i++) {
    const f = tUpper(x, df) - target;
    if (f > 0) lo = x;
    else hi = x;
    let next = x + f / tDensity(x, df);
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - x) < 1e-12 * Math.max(1, x)) return next;
    x = next;
  }
  return x;
}
function trigamma(x) {
  let r = 0;
  let y = x;
  while (y < 6) {
    r += 1 / (y * y);
    y += 1;
  }
  const y2 = 1 / (y * y);
  return r + 1 / y + y2 / 2 + y2 / y * (1 / 6 - y2 * (1 / 30 - y2 * (1 / 42 - y2 / 30)));
}
function digamma(x) {
  let r = 0;
  let y = x;
  while (y < 6) {
    r -= 1 / y;
    y += 1;
  }
  const y2 = 1 / (y * y);
  return r + Math.log(y) - 1 / (2 * y) - y2 * (1 / 12 - y2 * (1 / 120 - y2 / 252));
}
function trigammaInverse(v) {
  if (v > 1e7) return 1 / Math.sqrt(v);
  if (v < 1e-6) return 1 / v;
  let y = 0.5 + 1 / v;
  for (let i = 0; i < 50; i++) {
    const tri = trigamma(y);
    const dif = tri * (1 - tri / v) / trigammaDeriv(y);
    y += dif;
    if (-dif / y < 1e-8) break;
  }
  return y;
}
function trigammaDeriv(x) {
  let r = 0;
  let y = x;
  while (y < 6) {
    r -= 2 / (y * y * y);
    y += 1;
  }
  const y2 = 1 / (y * y);
  return r - y2 - y2 / y - y2 * y2 * (0.5 - y2 * (1 / 6 - y2 / 6));
}

// src/stats/composition.ts
var MIN_TOLERANCE = 0.02;
var MIN_AGREEING = 0.4;
var MIN_VOTE_SAMPLES = 20;
function compositionFactor(frames, samplesBase, samplesHead) {
  const voters = [];
  let mass = 0;
  for (const f of frames) {
    const b = f.base.selfMean;
    const h = f.head.selfMean;
    if (!(b > 0) || !(h > 0)) continue;
    const w = (b + h) / 2;
    mass += w;
    if (b * samplesBase < MIN_VOTE_SAMPLES || h * samplesHead < MIN_VOTE_SAMPLES) continue;
    const tol = Math.max(MIN_TOLERANCE, 3 * Math.sqrt(1 / (b * samplesBase) + 1 / (h * samplesHead)));
    voters.push({ r: Math.log(h / b), w, tol });
  }
  if (voters.length < 2 || !(mass > 0)) return null;
  const ratios = voters.map((p) => p.r);
  const lk = median(ratios);
  const mad = 1.4826 * median(ratios.map((r) => Math.abs(r - lk)));
  let agree = 0;
  let heaviest = 0;
  for (const p of voters) {
    if (Math.abs(p.r - lk) > p.tol) continue;
    agree += p.w;
    heaviest = Math.max(heaviest, p.w);
  }
  if (agree < MIN_AGREEING * mass || heaviest > 0.5 * mass) return null;
  return { kappa: Math.exp(lk), se: 1.2533 * mad / Math.sqrt(voters.length) };
}
function cautiousKappa(c, sign) {
  return c.kappa * Math.exp(-sign * 2 * c.se);
}
function rescaled(f, kappa) {
  const delta = f.head.mean / kappa - f.base.mean;
  const shift = delta - f.delta;
  return { delta, lo: f.ci.lo + shift, hi: f.ci.hi + shift };
}
function survives(f, kappa, floorAbs, minRelEffect, sign) {
  const r = rescaled(f, kappa);
  const clear = sign > 0 ? r.lo > 0 : r.hi < 0;
  return clear && sign * r.delta >= floorAbs && (f.base.mean <= 0 || sign * r.delta / f.base.mean >= minRelEffect);
}
function clearOfSessionShift(f, kappa, relSd) {
  const r = rescaled(f, kappa);
  const p = Math.min(Math.max(f.base.mean, 0), 1);
  const z2 = normalQuantile(1 - (1 - f.ci.level) / 2);
  const session = z2 * Math.SQRT2 * relSd * p * (1 - p);
  return (r.lo + r.hi) / 2 + Math.hypot((r.hi - r.lo) / 2, session) < 0;
}
function undoInflation(frames, c, floorAbs, minRelEffect) {
  const dropped = /* @__PURE__ */ new Set();
  for (const f of frames) {
    if (f.status !== "regressed") continue;
    if (survives(f, cautiousKappa(c, 1), floorAbs, minRelEffect, 1)) continue;
    f.status = "unchanged";
    if (f.rank !== null) dropped.add(f.key);
    f.rank = null;
    f.ownDelta = null;
    f.explainedBy = null;
  }
  closeRanks(frames, dropped);
}
function closeRanks(frames, dropped) {
  if (dropped.size === 0) return;
  const ranked = frames.filter((f) => f.rank !== null).sort((x, y) => x.rank - y.rank);
  ranked.forEach((f, i) => {
    f.rank = i + 1;
  });
  for (const f of frames) if (f.explainedBy !== null && dropped.has(f.explainedBy)) f.explainedBy = null;
}

// src/stats/culprits.ts
function ownWeights(p, keyOf, cand, n) {
  const own = new Float64Array(n);
  const explain = new Float64Array(n * n);
  const stamp = new Int32Array(n).fill(-1);
  const decision = new Int32Array(n);
  const touched = [];
  const { ids, offsets, weights, length } = p.stacks.columns();
  for (let s = 0; s < length; s++) {
    const a = offsets[s];
    const b = offsets[s + 1];
    let last1 = -1;
    let last2 = -1;
    touched.length = 0;
    for (let k = b - 1; k >= a; k--) {
      const c = cand[keyOf[ids[k]]];
      if (c < 0) continue;
      const nearest = last1 !== c ? last1 : last2;
      if (stamp[c] !== s) {
        stamp[c] = s;
        touched.push(c);
      }
      decision[c] = nearest;
      if (c !== last1) {
        last2 = last1;
        last1 = c;
      }
    }
    if (touched.length === 0) continue;
    const w = weights[s];
    for (const c of touched) {
      const d = decision[c];
      if (d < 0) own[c] += w;
      else explain[c * n + d] += w;
    }
  }
  return { own, explain };
}
function pathTo(p, keyOf, s, target) {
  const ids = p.stacks.frames(s);
  const out = [];
  for (let k = 0; k < ids.length; k++) {
    const id = keyOf[ids[k]];
    if (out.length === 0 || out[out.length - 1] !== id) out.push(id);
    if (id === target) break;
  }
  return out;
}

// src/stats/fdr.ts
function benjaminiHochberg(pValues) {
  const idx = [];
  for (let i = 0; i < pValues.length; i++) if (!Number.isNaN(pValues[i])) idx.push(i);
  idx.sort((a, b) => pValues[a] - pValues[b] || a - b);
  const m = idx.length;
  const q = new Array(pValues.length).fill(Number.NaN);
  let running = 1;
  for (let j = m - 1; j >= 0; j--) {
    const i = idx[j];
    running = Math.min(running, pValues[i] * m / (j + 1));
    q[i] = running;
  }
  return q;
}
function weightedBenjaminiHochberg(pValues, weights) {
  const idx = pValues.map((_, i) => i).filter((i) => weights[i] > 0 && !Number.isNaN(pValues[i]));
  const sum = idx.reduce((s, i) => s + weights[i], 0);
  const out = new Array(pValues.length).fill(1);
  if (idx.length === 0 || !(sum > 0)) return out;
  const scaled = idx.map((i) => Math.min(1, pValues[i] / (weights[i] * idx.length / sum)));
  const q = benjaminiHochberg(scaled);
  idx.forEach((i, k) => {
    out[i] = q[k];
  });
  return out;
}

// src/stats/frame-keys.ts
function frameAtGranularity(f, g2) {
  switch (g2) {
    case "line":
      return f;
    case "function":
      return functionFrame(f);
    case "module":
      return { name: f.module || f.file || f.name, kind: f.kind };
  }
}
function fullFrame(init) {
  return {
    name: init.name,
    file: init.file ?? "",
    line: init.line ?? 0,
    module: init.module ?? "",
    kind: init.kind ?? "other"
  };
}
var FrameKeys = class {
  /** `renames` maps a base key to the head key it became: the two are compared as one frame. */
  constructor(granularity, renames = []) {
    this.granularity = granularity;
    this.alias = new Map(renames.filter((r) => r.from !== r.to).map((r) => [r.from, r.to]));
  }
  granularity;
  keys = [];
  frames = [];
  /** Per key id: its runtime class (runtime-frames.ts), null for user code. */
  runtime = [];
  /** Per key id: 1 when stacks through it leave the mass user frames are compared on. */
  excluded = [];
  /** Per key id: the key it was renamed from (a `renames` input merged the two). */
  renamedFrom = [];
  ids = /* @__PURE__ */ new Map();
  alias;
  /** Whether two keys are compared as one (a rename input). */
  get hasRenames() {
    return this.alias.size > 0;
  }
  get size() {
    return this.keys.length;
  }
  id(key) {
    return this.ids.get(key);
  }
  /** Maps every frame id of `p` to a key id (interning new keys). */
  mapProfile(p) {
    const n = p.frames.size;
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const f = fullFrame(frameAtGranularity(p.frame(i), this.granularity));
      const own = frameLabel(f);
      const key = this.alias.get(own) ?? own;
      let id = this.ids.get(key);
      if (id === void 0) {
        id = this.keys.length;
        this.ids.set(key, id);
        this.keys.push(key);
        this.frames.push(f);
        this.renamedFrom.push(null);
        const cls = runtimeClass(f);
        this.runtime.push(cls);
        this.excluded.push(cls !== null && EXCLUDED_FROM_USER_MASS.has(cls) ? 1 : 0);
      }
      if (key !== own) this.renamedFrom[id] = own;
      else if (this.renamedFrom[id] !== null) this.frames[id] = f;
      out[i] = id;
    }
    return out;
  }
};

// src/stats/moves.ts
function undoMoves(frames, keptIds, keys, b, h, userView, scale, floorAbs, minRelEffect) {
  const targets = [];
  frames.forEach((f, i) => {
    if (f.status === "regressed" || f.status === "new" || f.status === "improved") targets.push(i);
  });
  if (targets.length === 0) return;
  const nk = frames.length;
  const keptIdx = new Int32Array(keys.size).fill(-1);
  keptIds.forEach((id, i) => {
    keptIdx[id] = i;
  });
  const targetOf = new Int32Array(nk).fill(-1);
  targets.forEach((i, t) => {
    targetOf[i] = t;
  });
  const under = (side) => {
    const acc = new Float64Array(targets.length * nk);
    const stampT = new Int32Array(targets.length).fill(-1);
    const stampM = new Int32Array(nk).fill(-1);
    let tag = 0;
    side.runs.forEach((r, ri) => {
      const m = side.metrics[ri];
      const { ids, offsets, weights, length } = r.profile.stacks.columns();
      for (let s = 0; s < length; s++) {
        const a = offsets[s];
        const e = offsets[s + 1];
        for (let k = a; k < e; k++) {
          const i = keptIdx[m.keyOf[ids[k]]];
          const t = i < 0 ? -1 : targetOf[i];
          if (t < 0 || stampT[t] === s + ri * 1048576) continue;
          stampT[t] = s + ri * 1048576;
          const w = userView[i] ? scale * weights[s] / m.userTotal : weights[s] / m.total;
          tag++;
          for (let j = k + 1; j < e; j++) {
            const mi = keptIdx[m.keyOf[ids[j]]];
            if (mi < 0 || mi === i || stampM[mi] === tag) continue;
            stampM[mi] = tag;
            acc[t * nk + mi] += w;
          }
        }
      }
    });
    const n = Math.max(1, side.runs.length);
    for (let x = 0; x < acc.length; x++) acc[x] /= n;
    return acc;
  };
  const ub = under(b);
  const uh = under(h);
  const dropped = /* @__PURE__ */ new Set();
  targets.forEach((i, t) => {
    const f = frames[i];
    const sign = f.status === "improved" ? -1 : 1;
    let best = -1;
    let moved = 0;
    for (let mi = 0; mi < nk; mi++) {
      const m = frames[mi];
      if (m.status !== "unchanged" && m.status !== "inconclusive") continue;
      const d = uh[t * nk + mi] - ub[t * nk + mi];
      if (sign * d <= sign * moved) continue;
      if (Math.abs(m.delta) >= Math.abs(d) / 2) continue;
      best = mi;
      moved = d;
    }
    if (best < 0) return;
    const residual = f.delta - moved;
    const stillClear = sign > 0 ? f.ci.lo - moved > 0 : f.ci.hi - moved < 0;
    const big = sign * residual >= floorAbs && (f.base.mean <= 0 || sign * residual / f.base.mean >= minRelEffect);
    if (stillClear && big) return;
    f.status = "unchanged";
    f.moved = frames[best].key;
    if (f.rank !== null) dropped.add(f.key);
    f.rank = null;
    f.ownDelta = null;
    f.explainedBy = null;
  });
  closeRanks(frames, dropped);
}

// src/stats/noise-model.ts
function summarise2(s) {
  const n = s.x.length;
  let sum = 0;
  for (const x of s.x) sum += x;
  const mean2 = n ? sum / n : 0;
  let ss = 0;
  for (const x of s.x) ss += (x - mean2) * (x - mean2);
  let v = 0;
  for (const y of s.v) v += y;
  return { n, mean: mean2, ss, vbar: n ? v / n : 0 };
}
function pooled(f) {
  const sb = summarise2(f.base);
  const sh = summarise2(f.head);
  const d = Math.max(0, sb.n - 1) + Math.max(0, sh.n - 1);
  if (d === 0) return { d, s2: 0, a: 0, b: 0 };
  const wb = Math.max(0, sb.n - 1);
  const wh = Math.max(0, sh.n - 1);
  return {
    d,
    s2: (sb.ss + sh.ss) / d,
    a: (wb * sb.vbar + wh * sh.vbar) / d,
    b: (wb * f.base.g * f.base.g + wh * f.head.g * f.head.g) / d
  };
}
function fitNoise(frames) {
  const ps = frames.map(pooled).filter((p) => p.d > 0 && p.s2 > 0 && p.a + p.b > 0);
  const d = frames.length ? pooled(frames[0]).d : 0;
  if (d === 0 || ps.length === 0) return { tau2: 0, d0: Number.POSITIVE_INFINITY, s0: 1, d, frames: 0 };
  const tau2 = fitTau2(ps, d);
  if (ps.length < 3) return { tau2, d0: 0, s0: 1, d, frames: ps.length };
  const e = [];
  for (const p of ps) {
    const w = p.a + tau2 * p.b;
    if (w > 0) e.push(Math.log(p.s2 / w) - digamma(p.d / 2) + Math.log(p.d / 2));
  }
  const emean = e.reduce((s, x) => s + x, 0) / e.length;
  const evarRaw = e.reduce((s, x) => s + (x - emean) ** 2, 0) / Math.max(1, e.length - 1);
  const evar = evarRaw - trigamma(d / 2);
  if (!(evar > 0)) return { tau2, d0: Number.POSITIVE_INFINITY, s0: Math.exp(emean), d, frames: ps.length };
  const d0 = 2 * trigammaInverse(evar);
  const s0 = Math.exp(emean + digamma(d0 / 2) - Math.log(d0 / 2));
  return { tau2, d0, s0, d, frames: ps.length };
}
function fitTau2(ps, d) {
  const target = (1 - 2 / (9 * d)) ** 3;
  const ratios = new Float64Array(ps.length);
  const medRatio = (tau2) => {
    for (let i = 0; i < ps.length; i++) ratios[i] = ps[i].s2 / (ps[i].a + tau2 * ps[i].b);
    ratios.sort();
    const m = ratios.length >> 1;
    return ratios.length % 2 ? ratios[m] : (ratios[m - 1] + ratios[m]) / 2;
  };
  if (medRatio(0) <= target) return 0;
  let lo = 0;
  let hi = 1e-6;
  while (medRatio(hi) > target && hi < 1e6) hi *= 4;
  for (let i = 0; i < 60 && hi - lo > 1e-4 * hi; i++) {
    const mid = lo === 0 ? hi / 2 : Math.sqrt(lo * hi);
    if (medRatio(mid) > target) lo = mid;
    else hi = mid;
  }
  return hi;
}
var MAX_DF = 1e7;
function testFrame(f, fit, level) {
  const sb = summarise2(f.base);
  const sh = summarise2(f.head);
  const delta = sh.mean - sb.mean;
  const p = pooled(f);
  const vSamp = sb.vbar / Math.max(1, sb.n) + sh.vbar / Math.max(1, sh.n);
  const model = (sb.vbar + fit.tau2 * f.base.g * f.base.g) / Math.max(1, sb.n) + (sh.vbar + fit.tau2 * f.head.g * f.head.g) / Math.max(1, sh.n);
  let ratio = 1;
  let nu = Number.POSITIVE_INFINITY;
  if (p.d > 0) {
    const w = p.a + fit.tau2 * p.b;
    const r = w > 0 ? p.s2 / w : 1;
    if (Number.isFinite(fit.d0)) {
      ratio = (fit.d0 * fit.s0 + p.d * r) / (fit.d0 + p.d);
      nu = fit.d0 + p.d;
    } else {
      ratio = fit.s0;
    }
  }
  const runVar = Math.max(ratio * model, vSamp);
  const se2 = runVar + (f.fixedVar ?? 0);
  const se = Math.sqrt(se2);
  const est = runVar - vSamp;
  const fixed = f.fixedVar ?? 0;
  const fixedDf = f.fixedDf ?? Number.POSITIVE_INFINITY;
  let inv = 0;
  if (Number.isFinite(nu) && est > 1e-12 * se2) inv += (est / se2) ** 2 / nu;
  if (Number.isFinite(fixedDf) && fixed > 1e-12 * se2) inv += (fixed / se2) ** 2 / fixedDf;
  const df = inv > 0 ? Math.min(MAX_DF, 1 / inv) : MAX_DF;
  if (se === 0) {
    return { delta, se, df, pValue: delta === 0 ? 1 : 0, lo: delta, hi: delta, ratio };
  }
  const pValue = tTwoSided(delta / se, df);
  const q = tQuantile(1 - (1 - level) / 2, df);
  return { delta, se, df, pValue, lo: delta - q * se, hi: delta + q * se, ratio };
}

// src/stats/paths.ts
function buildPaths(h, keys, keptIds, explainedBy) {
  const path = (id) => {
    let ri = -1;
    let best = -1;
    h.metrics.forEach((m, i) => {
      const share = m.bestStack[id] >= 0 ? m.bestWeight[id] / m.total : -1;
      if (share > best) {
        best = share;
        ri = i;
      }
    });
    if (ri < 0 || h.metrics[ri].bestStack[id] < 0) return [id];
    return pathTo(h.runs[ri].profile, h.metrics[ri].keyOf, h.metrics[ri].bestStack[id], id);
  };
  return keptIds.map((id, i) => {
    const culprit = explainedBy[i];
    if (culprit !== null) {
      const toCulprit = path(culprit);
      if (toCulprit.includes(id)) return toCulprit.map((k) => keys.keys[k]);
    }
    return path(id).map((k) => keys.keys[k]);
  });
}

// src/stats/run-metrics.ts
function weightUnits(p) {
  const interval = p.meta.intervalNs && p.meta.intervalNs > 0 ? p.meta.intervalNs : null;
  switch (p.meta.unit) {
    case "samples":
      return { samplesPerWeight: 1, samplesKnown: true, secondsPerWeight: interval ? interval / 1e9 : null };
    case "nanoseconds":
      return interval ? { samplesPerWeight: 1 / interval, samplesKnown: true, secondsPerWeight: 1e-9 } : { samplesPerWeight: 1e-6, samplesKnown: false, secondsPerWeight: 1e-9 };
    case "microseconds":
      return interval ? { samplesPerWeight: 1e3 / interval, samplesKnown: true, secondsPerWeight: 1e-6 } : { samplesPerWeight: 1e-3, samplesKnown: false, secondsPerWeight: 1e-6 };
    default:
      return { samplesPerWeight: 1, samplesKnown: false, secondsPerWeight: null };
  }
}
function runMetrics(p, keys) {
  const keyOf = keys.mapProfile(p);
  const n = keys.size;
  const inclusive = new Float64Array(n);
  const self = new Float64Array(n);
  const stamp = new Int32Array(n).fill(-1);
  const bestStack = new Int32Array(n).fill(-1);
  const bestWeight = new Float64Array(n);
  const userInclusive = new Float64Array(n);
  const userSelf = new Float64Array(n);
  const excluded = keys.excluded;
  const { ids, offsets, weights, length } = p.stacks.columns();
  let total = 0;
  let userTotal = 0;
  for (let s = 0; s < length; s++) {
    const w = weights[s];
    const a = offsets[s];
    const b = offsets[s + 1];
    total += w;
    let user = true;
    for (let k = a; k < b && user; k++) if (excluded[keyOf[ids[k]]] === 1) user = false;
    if (user) userTotal += w;
    if (b === a) continue;
    if (user) userSelf[keyOf[ids[b - 1]]] += w;
    for (let k = a; k < b; k++) {
      const id = keyOf[ids[k]];
      if (stamp[id] !== s) {
        stamp[id] = s;
        inclusive[id] += w;
        if (user) userInclusive[id] += w;
        if (w > bestWeight[id]) {
          bestWeight[id] = w;
          bestStack[id] = s;
        }
      }
    }
    self[keyOf[ids[b - 1]]] += w;
  }
  return {
    inclusive,
    self,
    total,
    userInclusive,
    userSelf,
    userTotal,
    keyOf,
    bestStack,
    bestWeight,
    ...weightUnits(p)
  };
}
var memo = /* @__PURE__ */ new WeakMap();
function sharedRunMetrics(p, keys) {
  let perKeys = memo.get(keys);
  if (perKeys === void 0) {
    perKeys = /* @__PURE__ */ new WeakMap();
    memo.set(keys, perKeys);
  }
  let m = perKeys.get(p);
  if (m === void 0) {
    m = runMetrics(p, keys);
    perKeys.set(p, m);
  }
  return m;
}
function padMetrics(m, size) {
  if (m.inclusive.length >= size) return;
  const inc = new Float64Array(size);
  inc.set(m.inclusive);
  const self = new Float64Array(size);
  self.set(m.self);
  const bestStack = new Int32Array(size).fill(-1);
  bestStack.set(m.bestStack);
  const bestWeight = new Float64Array(size);
  bestWeight.set(m.bestWeight);
  const userInc = new Float64Array(size);
  userInc.set(m.userInclusive);
  const userSelf = new Float64Array(size);
  userSelf.set(m.userSelf);
  m.inclusive = inc;
  m.self = self;
  m.userInclusive = userInc;
  m.userSelf = userSelf;
  m.bestStack = bestStack;
  m.bestWeight = bestWeight;
}

// src/stats/session-noise.ts
var MIN_BASELINES = 3;
var MAX_BASELINES = 30;
var PRIOR_DF = 2;
var DF_PER_DIFF = 0.37;
var PRIOR_REL_SD = { user: 5e-3, runtime: 0.2 };
var IMPROVEMENT_REL_SD = 0.1;
var classes = /* @__PURE__ */ new Map();
function classOf(key) {
  let c = classes.get(key);
  if (c === void 0) {
    const f = parseFrameLabel(key);
    c = runtimeClass({ name: f.name, file: f.file ?? "", kind: f.kind ?? "other" });
    if (classes.size < 1e5) classes.set(key, c);
  }
  return c;
}
function onUserScale(e, userScale) {
  if (userScale >= 1) return e;
  let excluded = 0;
  for (const f of e.frames) {
    const c = classOf(f.key);
    if (c !== null && EXCLUDED_FROM_USER_MASS.has(c)) excluded += f.share;
  }
  const u = Math.max(0.05, 1 - excluded);
  return {
    frames: e.frames.map(
      (f) => classOf(f.key) === null ? { key: f.key, share: f.share / u * userScale } : f
    )
  };
}
var QUIET_LEVEL = 0.999;
function quietRatio(df, level = QUIET_LEVEL) {
  const z2 = normalQuantile(level);
  const a = 2 / (9 * df);
  return Math.max(1, 1 - a + z2 * Math.sqrt(a)) ** 3;
}
var MAD_TO_SD = 1 / 0.6744897501960817;
function baselineSpread(history, userScale = 1) {
  const used = history.slice(Math.max(0, history.length - MAX_BASELINES)).map((e) => onUserScale(e, userScale));
  const diffs = /* @__PURE__ */ new Map();
  for (let i = 1; i < used.length; i++) {
    const prev = new Map(used[i - 1].frames.map((f) => [f.key, f.share]));
    for (const f of used[i].frames) {
      const p = prev.get(f.key);
      if (p === void 0 || !Number.isFinite(p) || !Number.isFinite(f.share)) continue;
      let list = diffs.get(f.key);
      if (!list) diffs.set(f.key, list = []);
      list.push(Math.abs(f.share - p));
    }
  }
  const diffVar = /* @__PURE__ */ new Map();
  for (const [key, list] of diffs) {
    list.sort((a, b) => a - b);
    const m = list.length >> 1;
    const med = list.length % 2 ? list[m] : (list[m - 1] + list[m]) / 2;
    diffVar.set(key, { v: (med * MAD_TO_SD) ** 2, n: list.length });
  }
  return { baselines: used.length, diffVar };
}
function sessionTerm(spread, key, level, scale, runtime, withinVar) {
  const y = Math.min(1, Math.max(0, level / scale));
  const g2 = scale * y * (1 - y);
  const prior = ((runtime ? PRIOR_REL_SD.runtime : PRIOR_REL_SD.user) * g2) ** 2;
  const h = spread && spread.baselines >= MIN_BASELINES ? spread.diffVar.get(key) : void 0;
  if (!h || h.n === 0) return { perSession: prior, prior, diffs: 0, df: Number.POSITIVE_INFINITY };
  if (h.v <= quietRatio(DF_PER_DIFF * h.n) * withinVar)
    return { perSession: prior, prior, diffs: h.n, df: Number.POSITIVE_INFINITY };
  const measured = (h.v - withinVar) / 2;
  const nu = DF_PER_DIFF * h.n;
  const w0 = PRIOR_DF / (PRIOR_DF + nu);
  const perSession = Math.max(w0 * prior, w0 * prior + (1 - w0) * measured);
  return { perSession, prior, diffs: h.n, df: PRIOR_DF + nu };
}

// src/stats/settings.ts
var DEFAULT_COMPARE_SETTINGS = {
  alpha: 0.01,
  minShare: 5e-3,
  quorum: 0.8,
  minEffect: 2e-3,
  minRelEffect: 0.05,
  granularity: "function",
  gateFrameShare: 0.01,
  gateTotal: null,
  seed: 1,
  metric: "share",
  sessions: "separate"
};
function resolveSettings(partial) {
  const s = { ...DEFAULT_COMPARE_SETTINGS };
  for (const [k, v] of Object.entries(partial))
    if (v !== void 0) s[k] = v;
  const check = (name, ok, expected) => {
    if (!ok) {
      const value = s[name];
      throw new UserError(
        `compare setting ${name} = ${JSON.stringify(value)} is not valid; expected ${expected}`
      );
    }
  };
  const inUnit = (x, open = false) => Number.isFinite(x) && (open ? x > 0 && x < 1 : x >= 0 && x <= 1);
  check("alpha", inUnit(s.alpha, true), "a number between 0 and 1 (exclusive)");
  check("minShare", inUnit(s.minShare), "a share between 0 and 1");
  check("quorum", inUnit(s.quorum), "a fraction between 0 and 1");
  check("minEffect", Number.isFinite(s.minEffect) && s.minEffect >= 0, "a share >= 0");
  check("minRelEffect", Number.isFinite(s.minRelEffect) && s.minRelEffect >= 0, "a fraction >= 0");
  check("granularity", ["function", "line", "module"].includes(s.granularity), "function, line or module");
  check("gateFrameShare", Number.isFinite(s.gateFrameShare) && s.gateFrameShare >= 0, "a share >= 0");
  check(
    "gateTotal",
    s.gateTotal === null || Number.isFinite(s.gateTotal) && s.gateTotal >= 0,
    "null or a fraction >= 0"
  );
  check("seed", Number.isInteger(s.seed), "an integer");
  check(
    "sessions",
    s.sessions === void 0 || s.sessions === "separate" || s.sessions === "interleaved",
    "separate or interleaved"
  );
  check("metric", s.metric === void 0 || s.metric === "share" || s.metric === "time", "share or time");
  return s;
}

// src/stats/total.ts
function values(side, measure) {
  return side.runs.map((r, i) => {
    const m = side.metrics[i];
    switch (measure) {
      case "cpuSeconds":
        return r.cpuSeconds;
      case "profileSeconds":
        return m.total * m.secondsPerWeight;
      default:
        return m.total * m.samplesPerWeight;
    }
  });
}
function pickMeasure(b, h) {
  const runs = [...b.runs, ...h.runs];
  if (runs.every((r) => (r.cpuSeconds ?? 0) > 0)) return "cpuSeconds";
  if ([...b.metrics, ...h.metrics].every((m) => m.secondsPerWeight !== null)) return "profileSeconds";
  return "samples";
}
function totalSide(side) {
  const opt = (xs) => xs.every((x) => (x ?? 0) > 0) ? mean(xs) : null;
  return {
    runs: side.runs.length,
    samples: mean(side.metrics.map((m) => m.total * m.samplesPerWeight)),
    wallSeconds: opt(side.runs.map((r) => r.wallSeconds)),
    cpuSeconds: opt(side.runs.map((r) => r.cpuSeconds)),
    profileSeconds: side.metrics.every((m) => m.secondsPerWeight !== null) ? mean(side.metrics.map((m) => m.total * m.secondsPerWeight)) : null
  };
}
function compareTotals(b, h, s) {
  const measure = pickMeasure(b, h);
  const xb = values(b, measure);
  const xh = values(h, measure);
  const base = totalSide(b);
  const head = totalSide(h);
  const change = mean(xh) / mean(xb) - 1;
  const level = 1 - s.alpha;
  let lnDelta = Math.log(mean(xh) / mean(xb));
  let se = null;
  let df = Number.POSITIVE_INFINITY;
  if (xb.length >= 2 && xh.length >= 2) {
    const lb = xb.map(Math.log);
    const lh = xh.map(Math.log);
    lnDelta = mean(lh) - mean(lb);
    const vb = variance(lb) / lb.length;
    const vh = variance(lh) / lh.length;
    se = Math.sqrt(vb + vh);
    df = (vb + vh) ** 2 / (vb ** 2 / (lb.length - 1) + vh ** 2 / (lh.length - 1) || 1);
    if (!Number.isFinite(df) || df <= 0) df = lb.length + lh.length - 2;
  } else if (measure === "samples" || measure === "profileSeconds") {
    const cb = b.metrics.reduce((t, m) => t + m.total * m.samplesPerWeight, 0);
    const ch = h.metrics.reduce((t, m) => t + m.total * m.samplesPerWeight, 0);
    se = Math.sqrt(1 / cb + 1 / ch);
  }
  if (se === null) {
    return { base, head, measure, change, ci: null, pValue: null, status: "inconclusive" };
  }
  let pValue;
  let q;
  if (se === 0) {
    pValue = lnDelta === 0 ? 1 : 0;
    q = 0;
  } else if (Number.isFinite(df)) {
    pValue = tTwoSided(lnDelta / se, df);
    q = tQuantile(1 - (1 - level) / 2, df);
  } else {
    pValue = Math.min(1, 2 * normalUpper(Math.abs(lnDelta / se)));
    q = tQuantile(1 - (1 - level) / 2, 1e9);
  }
  const ci = { lo: Math.expm1(lnDelta - q * se), hi: Math.expm1(lnDelta + q * se), level };
  const significant = pValue < s.alpha && Math.abs(change) >= s.minRelEffect;
  const status = significant ? change > 0 ? "regressed" : "improved" : "unchanged";
  return { base, head, measure, change, ci, pValue, status };
}

// src/stats/compare.ts
var MAX_DROPPED_LISTED = 200;
var MIN_COUNT = 5;
function compareRuns(base, head, partial = {}, inputs = {}) {
  const settings = resolveSettings(partial);
  if (base.length === 0 || head.length === 0) {
    throw new UserError(
      `compare needs at least one run per side (got ${base.length} base, ${head.length} head)`
    );
  }
  const keys = inputs.keys ?? new FrameKeys(settings.granularity, inputs.renames ?? []);
  if (inputs.keys && (keys.granularity !== settings.granularity || (inputs.renames ?? []).length > 0)) {
    throw new Error("compareRuns: pass renames to the shared FrameKeys, at the settings granularity");
  }
  const b = { runs: base, metrics: base.map((r) => sharedRunMetrics(r.profile, keys)) };
  const h = { runs: head, metrics: head.map((r) => sharedRunMetrics(r.profile, keys)) };
  for (const m of [...b.metrics, ...h.metrics]) padMetrics(m, keys.size);
  for (const [name, side] of [
    ["base", b],
    ["head", h]
  ]) {
    side.metrics.forEach((m, i) => {
      if (!(m.total > 0)) {
        const src = side.runs[i].profile.meta.source ?? `${name} run ${i + 1}`;
        throw new UserError(`${src}: profile has no samples (expected at least one weighted stack)`);
      }
    });
  }
  const warnings = [];
  const useTime = settings.metric === "time" && [...b.metrics, ...h.metrics].every((m) => m.secondsPerWeight !== null);
  if (settings.metric === "time" && !useTime) {
    warnings.push(
      'metric "time" was requested but some profiles carry no time unit or interval; compared shares instead'
    );
  }
  const metric = useTime ? "inclusiveTime" : "inclusiveShare";
  settings.metricNote = useTime ? "Inclusive time per frame (seconds per run): meaningful only because base and head ran on the same machine (settings.metric = time). Shares are reported beside it." : "Inclusive share of each run per frame: portable across machines and runner speeds. Time per frame is reported for reference only; the total is compared in its own measure.";
  settings.test = "Overdispersed quasi-binomial per-frame test: known multinomial sampling variance plus run-to-run jitter fitted across frames, moderated per frame (empirical Bayes), floored at the sampling variance; Benjamini-Hochberg across frames; absolute and relative effect floors.";
  const { kept, dropped, droppedCount } = consistentFrames(keys, b.metrics, h.metrics, settings);
  const keptIds = [];
  for (let id = 0; id < keys.size; id++) if (kept[id]) keptIds.push(id);
  const allMetrics = [...b.metrics, ...h.metrics];
  const userScale = !useTime && allMetrics.every((m) => m.userTotal > 0) ? mean(allMetrics.map((m) => m.userTotal / m.total)) : 1;
  const viewOf = (id) => ({
    user: userScale < 1 && keys.runtime[id] === null,
    scale: userScale
  });
  const views = keptIds.map(viewOf);
  const data = keptIds.map(
    (id, i) => frameData(
      b.metrics,
      h.metrics,
      (m) => views[i].user ? m.userInclusive[id] : m.inclusive[id],
      useTime,
      views[i]
    )
  );
  const fit = fitNoise(data);
  const separate = settings.sessions !== "interleaved";
  const history = inputs.history ?? [];
  const spread = separate && !useTime ? baselineSpread(history, userScale) : null;
  const widened = [];
  keptIds.forEach((id, i) => {
    if (!separate) return;
    const runtime = keys.runtime[id] !== null;
    if (useTime) {
      data[i].fixedVar = runtime ? 2 * (PRIOR_REL_SD.runtime * mean(data[i].base.x)) ** 2 : 0;
      return;
    }
    const d = data[i];
    const level2 = (mean(d.base.x) + mean(d.head.x)) / 2;
    const withinVar = testFrame(d, fit, 1 - settings.alpha).se ** 2;
    const t = sessionTerm(spread, keys.keys[id], level2, views[i].user ? userScale : 1, runtime, withinVar);
    d.fixedVar = 2 * t.perSession;
    if (Number.isFinite(t.df)) d.fixedDf = t.df;
    if (t.perSession > t.prior * 1.21 && t.diffs > 0)
      widened.push({ key: keys.keys[id], priorSd: Math.sqrt(t.prior), sd: Math.sqrt(t.perSession) });
  });
  widened.sort((x, y) => y.sd / y.priorSd - x.sd / x.priorSd || (x.key < y.key ? -1 : 1));
  const level = 1 - settings.alpha;
  const tests = data.map((d) => testFrame(d, fit, level));
  const q = weightedBenjaminiHochberg(
    tests.map((t) => t.pValue),
    keptIds.map((id) => familyWeight([...b.metrics, ...h.metrics].map((m) => m.inclusive[id] / m.total)))
  );
  const baseTotalSeconds = mean(b.metrics.map((m) => m.total * (m.secondsPerWeight ?? 0)));
  const floorAbs = useTime ? settings.minEffect * baseTotalSeconds : settings.minEffect;
  const statuses = keptIds.map(
    (id, i) => frameStatus(tests[i], q[i], data[i], settings, floorAbs, {
      baseAbsent: b.metrics.every((m) => m.inclusive[id] === 0),
      headAbsent: h.metrics.every((m) => m.inclusive[id] === 0),
      lowCounts: mean(b.metrics.map((m) => m.inclusive[id] * m.samplesPerWeight)) < MIN_COUNT && mean(h.metrics.map((m) => m.inclusive[id] * m.samplesPerWeight)) < MIN_COUNT
    })
  );
  const idle = keptIds.map((id) => keys.runtime[id] === "idle");
  const culprits = rankCulprits(
    keptIds,
    statuses,
    idle,
    tests,
    data,
    b,
    h,
    fit,
    settings,
    useTime,
    floorAbs,
    views
  );
  for (const x of culprits.promoted) {
    statuses[x.i] = "regressed";
    q[x.i] = Math.max(q[x.via], x.p);
  }
  const paths = buildPaths(h, keys, keptIds, culprits.explainedBy);
  const frames = keptIds.map((id, i) => {
    const f = keys.frames[id];
    const t = tests[i];
    const baseMean = mean(data[i].base.x);
    return {
      key: keys.keys[id],
      name: f.name,
      file: f.file,
      line: f.line,
      module: f.module,
      kind: f.kind,
      runtime: keys.runtime[id],
      renamedFrom: keys.renamedFrom[id],
      status: statuses[i],
      metric,
      base: sideValue(b.metrics, id, data[i].base, views[i]),
      head: sideValue(h.metrics, id, data[i].head, views[i]),
      delta: t.delta,
      relDelta: baseMean > 0 ? t.delta / baseMean : null,
      selfDelta: selfShare(h.metrics, id, views[i]) - selfShare(b.metrics, id, views[i]),
      ci: { lo: t.lo, hi: t.hi, level },
      pValue: t.pValue,
      qValue: q[i],
      rank: culprits.rank[i],
      ownDelta: culprits.ownDelta[i],
      path: paths[i],
      explainedBy: culprits.explainedBy[i] === null ? null : keys.keys[culprits.explainedBy[i]]
    };
  });
  if (!useTime) {
    const samples = (ms) => ms.reduce((a, m) => a + m.total * m.samplesPerWeight, 0);
    const comp = compositionFactor(frames, samples(b.metrics), samples(h.metrics));
    if (comp !== null) undoInflation(frames, comp, floorAbs, settings.minRelEffect);
    undoDilution(frames, settings, floorAbs, separate, comp, userScale);
    undoMoves(
      frames,
      keptIds,
      keys,
      b,
      h,
      views.map((v) => v.user),
      userScale,
      floorAbs,
      settings.minRelEffect
    );
  }
  frames.sort(frameOrder);
  const total = compareTotals(b, h, settings);
  warnings.push(...sideWarnings(b, h));
  const gcShift = frames.find(
    (f) => separate && f.runtime != null && f.status === "inconclusive" && f.delta > 0
  );
  if (gcShift) {
    warnings.push(
      `${gcShift.key} grew, but its share follows the machine's load as much as the code when base and head ran in separate sessions; measure them interleaved (baseline: rerun) to test it.`
    );
  }
  const unit = useTime ? baseTotalSeconds : 1;
  const { verdict, reason } = decideVerdict(frames, total, settings, unit);
  const renamed = frames.filter((f) => f.renamedFrom != null).length;
  return {
    schema: 1,
    verdict,
    reason,
    total,
    frames,
    dropped,
    droppedShare: { base: droppedWeight(b.metrics, kept), head: droppedWeight(h.metrics, kept) },
    settings,
    warnings,
    droppedCount,
    noise: {
      jitter: Math.sqrt(fit.tau2),
      priorDf: Number.isFinite(fit.d0) ? fit.d0 : null,
      residualDf: fit.d
    },
    summary: summarise(frames, settings, unit, renamed),
    betweenSessions: betweenSessionsNote(separate, useTime, history.length, spread, widened)
  };
}
function betweenSessionsNote(separate, useTime, offered, spread, widened) {
  const used = spread?.baselines ?? 0;
  const fromHistory = separate && !useTime && used >= MIN_BASELINES;
  const note = !separate ? "Base and head ran interleaved in one session: no between-session term." : fromHistory ? `Between-session noise learned from ${used} stored baselines${offered > MAX_BASELINES ? ` (the newest of ${offered})` : ""}, shrunk towards the default prior; the history widened ${widened.length} frame(s).` : `Between-session noise: default prior for every frame (${offered} stored baseline${offered === 1 ? "" : "s"}; at least ${MIN_BASELINES} are needed to learn it).`;
  return {
    applied: separate,
    baselines: fromHistory ? used : offered,
    source: fromHistory ? "history" : "prior",
    note,
    widened: widened.slice(0, 20)
  };
}
function undoDilution(frames, s, floorAbs, separate, comp, userScale) {
  const candidates = [
    comp !== null ? cautiousKappa(comp, 1) : null,
    culpritKappa(frames, separate, userScale)
  ].filter((k) => k !== null);
  for (const f of frames) {
    if (f.status !== "improved") continue;
    const bt = f.base.timeSeconds;
    const ht = f.head.timeSeconds;
    const kappa = candidates.length === 0 ? 1 : Math.min(...candidates);
    const still = !separate && bt !== null && ht !== null && bt > 0 ? (bt - ht) / bt >= s.minRelEffect : candidates.length === 0 || survives(f, kappa, floorAbs, s.minRelEffect, -1);
    if (!still) f.status = "unchanged";
    else if (separate && f.runtime == null && !clearOfSessionShift(f, kappa, IMPROVEMENT_REL_SD))
      f.status = "inconclusive";
  }
}
function culpritKappa(frames, separate, userScale) {
  const onUserMass = (f, x) => f.runtime == null ? x / userScale : x;
  const culprits = frames.filter(
    (f) => (f.runtime == null || userScale >= 1 || !EXCLUDED_FROM_USER_MASS.has(f.runtime)) && (f.rank !== null || separate && f.runtime != null && f.status === "inconclusive" && f.delta > 0)
  );
  const cb = Math.min(
    0.95,
    culprits.reduce((a, f) => a + onUserMass(f, f.base.mean), 0)
  );
  const ch = Math.min(
    0.95,
    culprits.reduce((a, f) => a + onUserMass(f, f.head.mean), 0)
  );
  return ch <= cb ? null : (1 - ch) / (1 - cb);
}
function consistentFrames(keys, bm, hm, s) {
  const n = keys.size;
  const kept = new Uint8Array(n);
  const all = [];
  const need = (runs) => Math.max(1, Math.ceil(s.quorum * runs - 1e-9));
  for (let id = 0; id < n; id++) {
    let pb = 0;
    let ph = 0;
    let maxShare = 0;
    let inBase = false;
    let counted = 0;
    for (const m of bm) {
      const share = m.inclusive[id] / m.total;
      if (share >= s.minShare) pb++;
      if (share > maxShare) maxShare = share;
      if (m.inclusive[id] > 0) inBase = true;
    }
    for (const m of hm) {
      const share = m.inclusive[id] / m.total;
      if (share >= s.minShare) ph++;
      if (share > maxShare) maxShare = share;
      if (m.inclusive[id] * m.samplesPerWeight >= MIN_COUNT) counted++;
    }
    if (pb >= need(bm.length) || ph >= need(hm.length)) kept[id] = 1;
    else if (!inBase && counted >= need(hm.length)) kept[id] = 1;
    else if (pb + ph > 0) {
      all.push({
        key: keys.keys[id],
        name: keys.frames[id].name,
        maxShare,
        presence: (pb + ph) / (bm.length + hm.length)
      });
    }
  }
  all.sort((x, y) => y.maxShare - x.maxShare || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  return { kept, dropped: all.slice(0, MAX_DROPPED_LISTED), droppedCount: all.length };
}
function droppedWeight(ms, kept) {
  return mean(
    ms.map((m) => {
      let d = 0;
      for (let id = 0; id < m.self.length; id++) if (!kept[id]) d += m.self[id];
      return d / m.total;
    })
  );
}
function frameData(bm, hm, get, useTime, view = { user: false, scale: 1 }) {
  return { base: sideData(bm, get, useTime, view), head: sideData(hm, get, useTime, view) };
}
function sideData(ms, get, useTime, view) {
  const tot = (m) => view.user ? m.userTotal : m.total;
  const k = view.user ? view.scale : 1;
  let c = 0;
  let n = 0;
  for (const m of ms) {
    c += get(m) * m.samplesPerWeight;
    n += tot(m) * m.samplesPerWeight;
  }
  if (useTime) {
    const cbar = (c + 0.5) / ms.length;
    const x2 = ms.map((m) => get(m) * m.secondsPerWeight);
    const v2 = ms.map((m) => cbar * (m.secondsPerWeight / m.samplesPerWeight) ** 2);
    return { x: x2, v: v2, g: mean(x2) };
  }
  const p = (c + 0.5) / (n + 1);
  const x = ms.map((m) => k * get(m) / tot(m));
  const v = ms.map((m) => k * k * p * (1 - p) / Math.max(1, tot(m) * m.samplesPerWeight));
  const pm = mean(x) / k;
  return { x, v, g: k * Math.max(pm, p) * (1 - Math.max(pm, p)) };
}
function familyWeight(shares) {
  if (shares.every((x) => x >= 1 - 1e-12)) return 0;
  return Math.sqrt(Math.max(mean(shares), 1e-9));
}
function aboveFloors(change, baseMean, floorAbs, minRelEffect) {
  return change >= floorAbs && (baseMean <= 0 || change / baseMean >= minRelEffect);
}
function frameStatus(t, q, d, s, floorAbs, absent) {
  const big = aboveFloors(Math.abs(t.delta), mean(d.base.x), floorAbs, s.minRelEffect);
  const significant = q < s.alpha;
  if (significant && big && t.delta > 0) return absent.baseAbsent ? "new" : "regressed";
  if (significant && big && t.delta < 0) return absent.headAbsent ? "gone" : "improved";
  if (big && !significant) return "inconclusive";
  if (absent.lowCounts) return "inconclusive";
  return "unchanged";
}
function rankCulprits(keptIds, statuses, idle, tests, data, b, h, fit, s, useTime, floorAbs, views) {
  const n = keptIds.length;
  const out = {
    rank: Array(n).fill(null),
    ownDelta: Array(n).fill(null),
    explainedBy: Array(n).fill(null),
    promoted: []
  };
  const primary = [];
  for (let i = 0; i < n; i++)
    if ((statuses[i] === "regressed" || statuses[i] === "new") && !idle[i]) primary.push(i);
  if (primary.length === 0) return out;
  const big = (delta, baseMean) => aboveFloors(delta, baseMean, floorAbs, s.minRelEffect);
  const size = b.metrics[0].inclusive.length;
  const pass = (idx) => {
    const cand = new Int32Array(size).fill(-1);
    idx.forEach((i, c) => {
      cand[keptIds[i]] = c;
    });
    const perRun = (side) => side.runs.map((r, ri) => ownWeights(r.profile, side.metrics[ri].keyOf, cand, idx.length));
    return { ob: perRun(b), oh: perRun(h) };
  };
  out.promoted = promotedCallees(primary, statuses, tests, data, pass, b, h, fit, s, useTime, views, big);
  const candIdx = [...primary, ...out.promoted.map((x) => x.i)];
  const nc = candIdx.length;
  const { ob, oh } = pass(candIdx);
  const explainHead = new Float64Array(nc * nc);
  oh.forEach((o, ri) => {
    const t = h.metrics[ri].total;
    for (let k = 0; k < nc * nc; k++) explainHead[k] += o.explain[k] / t;
  });
  const ranked = [];
  const hasBelow = (c) => {
    for (let j = 0; j < nc; j++) if (explainHead[c * nc + j] > 0) return true;
    return false;
  };
  for (let c = 0; c < nc; c++) {
    const i = candIdx[c];
    if (!hasBelow(c)) {
      out.ownDelta[i] = tests[i].delta;
      ranked.push({ c, own: tests[i].delta, p: tests[i].pValue });
      continue;
    }
    const metricsOf = (side, o) => side.metrics.map((m, ri) => ({ ...m, inclusive: o[ri].own }));
    const ownData = frameData(metricsOf(b, ob), metricsOf(h, oh), (m) => m.inclusive[c], useTime, views[i]);
    const t = testFrame(ownData, fit, 1 - s.alpha);
    out.ownDelta[i] = t.delta;
    if (t.pValue < s.alpha && big(t.delta, mean(ownData.base.x)))
      ranked.push({ c, own: t.delta, p: t.pValue });
  }
  ranked.sort((x, y) => y.own - x.own || x.p - y.p || candIdx[x.c] - candIdx[y.c]);
  const isRanked = new Uint8Array(nc);
  ranked.forEach((r, k) => {
    out.rank[candIdx[r.c]] = k + 1;
    isRanked[r.c] = 1;
  });
  for (let c = 0; c < nc; c++) {
    if (isRanked[c]) continue;
    let cur = c;
    const seen = /* @__PURE__ */ new Set([c]);
    for (; ; ) {
      let best = -1;
      let bestW = 0;
      for (let j = 0; j < nc; j++) {
        const w = explainHead[cur * nc + j];
        if (j !== cur && w > bestW && !seen.has(j)) {
          best = j;
          bestW = w;
        }
      }
      if (best < 0) break;
      cur = best;
      seen.add(cur);
      if (isRanked[cur]) break;
    }
    if (cur !== c) out.explainedBy[candIdx[c]] = keptIds[candIdx[cur]];
  }
  return out;
}
function promotedCallees(primary, statuses, tests, data, pass, b, h, fit, s, useTime, views, big) {
  const secondary = [];
  statuses.forEach((st, i) => {
    if (st === "inconclusive" && tests[i].delta > 0 && big(tests[i].delta, mean(data[i].base.x)))
      secondary.push(i);
  });
  if (secondary.length === 0) return [];
  const idx = [...primary, ...secondary];
  const nc = idx.length;
  const { ob, oh } = pass(idx);
  const pairs = [];
  for (let f = 0; f < primary.length; f++)
    for (let c = primary.length; c < nc; c++)
      if (oh.some((o) => o.explain[f * nc + c] > 0) || ob.some((o) => o.explain[f * nc + c] > 0))
        pairs.push({ f, c });
  const accepted = /* @__PURE__ */ new Map();
  for (const { f, c } of pairs) {
    if (accepted.has(c)) continue;
    const through = (side, o) => side.metrics.map((m, ri) => ({ ...m, inclusive: o[ri].explain.subarray(f * nc, (f + 1) * nc) }));
    const d = frameData(through(b, ob), through(h, oh), (m) => m.inclusive[c], useTime, views[idx[f]]);
    const t = testFrame(d, fit, 1 - s.alpha);
    const p = Math.min(1, t.pValue * pairs.length);
    const carries = t.delta <= tests[idx[c]].hi;
    if (p < s.alpha && t.delta > 0 && carries && big(t.delta, mean(d.base.x)))
      accepted.set(c, { i: idx[c], via: idx[f], p });
  }
  return [...accepted.values()].sort((x, y) => x.i - y.i);
}
function selfShare(ms, id, view) {
  return mean(
    ms.map((m) => view.user ? view.scale * m.userSelf[id] / m.userTotal : m.self[id] / m.total)
  );
}
function sideValue(ms, id, d, view) {
  const times = ms.map((m) => m.secondsPerWeight === null ? null : m.inclusive[id] * m.secondsPerWeight);
  return {
    mean: mean(d.x),
    runs: d.x,
    sd: sd(d.x),
    selfMean: selfShare(ms, id, view),
    timeSeconds: times.every((t) => t !== null) ? mean(times) : null
  };
}
var STATUS_ORDER = {
  regressed: 0,
  new: 0,
  improved: 1,
  gone: 1,
  inconclusive: 2,
  unchanged: 3
};
function frameOrder(x, y) {
  if (x.rank !== null || y.rank !== null) {
    if (x.rank === null) return 1;
    if (y.rank === null) return -1;
    return x.rank - y.rank;
  }
  return STATUS_ORDER[x.status] - STATUS_ORDER[y.status] || Math.abs(y.delta) - Math.abs(x.delta) || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0);
}
function sideWarnings(b, h) {
  const w = [];
  if (b.runs.length === 1 || h.runs.length === 1) {
    w.push(
      "One run on a side: run-to-run variation cannot be measured, so only sampling noise is accounted for; record 3-10 runs per side for a reliable verdict."
    );
  }
  const all = [...b.metrics, ...h.metrics];
  if (all.some((m) => !m.samplesKnown)) {
    w.push("Some profiles do not say their sampling interval: sampling noise is approximated from weights.");
  }
  const mismatch = samplingMismatch(b, h);
  if (mismatch) w.push(`${mismatch}; shares stay comparable, times may not.`);
  const samples = mean(all.map((m) => m.total * m.samplesPerWeight));
  if (samples < 1e3) {
    w.push(`Few samples per run (${Math.round(samples)} on average): only large changes can be detected.`);
  }
  return w;
}
function samplingMismatch(b, h) {
  const units = (s) => [...new Set(s.runs.map((r) => r.profile.meta.unit))].sort().join(", ");
  if (units(b) !== units(h)) return `Base and head profiles differ in unit (${units(b)} vs ${units(h)})`;
  const median2 = (s) => {
    const xs = s.runs.map((r) => r.profile.meta.intervalNs).filter((x) => x !== void 0);
    if (xs.length === 0) return null;
    xs.sort((x, y) => x - y);
    return xs[xs.length >> 1];
  };
  const ib = median2(b);
  const ih = median2(h);
  if (ib === null && ih === null) return null;
  if (ib === null || ih === null || Math.abs(ib - ih) > 0.1 * Math.max(ib, ih)) {
    const show = (x) => x === null ? "unknown" : `${(x / 1e3).toFixed(0)} us`;
    return `Base and head profiles differ in sampling interval (median ${show(ib)} vs ${show(ih)})`;
  }
  return null;
}

// src/stats/merge.ts
var MAX_DROPPED_LISTED2 = 200;
function mergeConsistent(runs, partial = {}, sharedKeys) {
  const s = resolveSettings(partial);
  if (runs.length === 0) throw new UserError("no runs to merge (expected at least one profile)");
  if (sharedKeys && (sharedKeys.granularity !== s.granularity || sharedKeys.hasRenames)) {
    throw new Error("mergeConsistent: shared keys must have the merge granularity and no renames");
  }
  const keys = sharedKeys ?? new FrameKeys(s.granularity);
  const metrics = runs.map((p) => sharedRunMetrics(p, keys));
  for (const m of metrics) padMetrics(m, keys.size);
  const need = Math.max(1, Math.ceil(s.quorum * runs.length - 1e-9));
  const kept = new Uint8Array(keys.size);
  const dropped = [];
  for (let id = 0; id < keys.size; id++) {
    let present = 0;
    let maxShare = 0;
    for (const m of metrics) {
      const share = m.total > 0 ? m.inclusive[id] / m.total : 0;
      if (share >= s.minShare) present++;
      maxShare = Math.max(maxShare, share);
    }
    if (present >= need) kept[id] = 1;
    else if (present > 0)
      dropped.push({
        key: keys.keys[id],
        name: keys.frames[id].name,
        maxShare,
        presence: present / runs.length
      });
  }
  dropped.sort((x, y) => y.maxShare - x.maxShare || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  const table = new StackTable();
  const perRun = [];
  const droppedShares = [];
  let buf = new Int32Array(256);
  runs.forEach((p, r) => {
    const m = metrics[r];
    const idx = [];
    const share = [];
    let lost = 0;
    if (m.total > 0) {
      const { ids, offsets, weights, length } = p.stacks.columns();
      for (let st = 0; st < length; st++) {
        let len = 0;
        let cut = false;
        if (offsets[st + 1] - offsets[st] > buf.length)
          buf = new Int32Array(2 * (offsets[st + 1] - offsets[st]));
        for (let k = offsets[st]; k < offsets[st + 1]; k++) {
          const id = m.keyOf[ids[k]];
          if (!kept[id]) {
            cut = true;
            break;
          }
          if (len === 0 || buf[len - 1] !== id) buf[len++] = id;
        }
        const w = weights[st] / m.total;
        if (cut) lost += w;
        if (len === 0) continue;
        idx.push(table.add(buf, 1, 0, len));
        share.push(w);
      }
    }
    perRun.push({ idx, share });
    droppedShares.push(lost);
  });
  const n = table.length;
  const matrix = new Float64Array(n * runs.length);
  perRun.forEach(({ idx, share }, r) => {
    for (let i = 0; i < idx.length; i++) matrix[idx[i] * runs.length + r] += share[i];
  });
  const medians = new Float64Array(n);
  let sum = 0;
  const col = new Float64Array(runs.length);
  for (let i = 0; i < n; i++) {
    let zeros = 0;
    for (let r = 0; r < runs.length; r++) if (matrix[i * runs.length + r] === 0) zeros++;
    if (zeros * 2 > runs.length) continue;
    for (let r = 0; r < runs.length; r++) col[r] = matrix[i * runs.length + r];
    col.sort();
    const mid = runs.length >> 1;
    medians[i] = runs.length % 2 ? col[mid] : (col[mid - 1] + col[mid]) / 2;
    sum += medians[i];
  }
  const meanTotal = metrics.reduce((t, m) => t + m.total, 0) / runs.length;
  const out = new Profile({ ...runs[0].meta, source: void 0, extra: void 0 });
  const frameIds = new Int32Array(keys.size).fill(-1);
  for (let i = 0; i < n; i++) {
    if (!(medians[i] > 0)) continue;
    const stack = table.frames(i);
    const ids = new Int32Array(stack.length);
    for (let k = 0; k < stack.length; k++) {
      const key = stack[k];
      if (frameIds[key] < 0) frameIds[key] = out.intern(keys.frames[key]);
      ids[k] = frameIds[key];
    }
    out.addStack(ids, medians[i] / sum * meanTotal);
  }
  return {
    profile: out,
    dropped: dropped.slice(0, MAX_DROPPED_LISTED2),
    droppedShare: droppedShares.reduce((t, x) => t + x, 0) / runs.length
  };
}

export {
  frameAtGranularity,
  FrameKeys,
  runMetrics,
  DEFAULT_COMPARE_SETTINGS,
  compareRuns,
  mergeConsistent
};
