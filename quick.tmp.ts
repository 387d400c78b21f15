import { runAa, runPower } from './bench/verdicts/cells.js';
const nz = (s: number) => ({ samples: s, cv: 0.02, outlierRate: 0.05 });
const T = Number(process.argv[2] ?? 400);
for (const [n, s] of [[10, 1000], [3, 100000], [5, 10000]]) { const r = runAa(nz(s), n, T); console.log('aa', n, s, r.falseAlarms / T); }
for (const [tg, e] of [['20%', 0.1], ['5%', 0.2], ['1%', 0.2], ['5%', 0.1]] as const) { const r = runPower(nz(10000), 5, tg, e, T); console.log('power', tg, e, r.detected / T, r.rankedFirst / T); }
