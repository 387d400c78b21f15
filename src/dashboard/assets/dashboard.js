// flamediff trends dashboard (runs in the browser; shipped as-is next to uPlot).
// Frame names come from untrusted profiles: they are only ever set with textContent or as
// attribute values through the DOM, never parsed as HTML. Links are checked again here.
(() => {
  const D = window.FLAMEDIFF_DATA;
  const app = document.getElementById('app');
  const C = D.commits;
  const n = C.sha.length;
  const xs = Array.from({ length: n }, (_, i) => i);
  const charts = [];

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, String(v));
    }
    for (const c of children) if (c !== null && c !== undefined) e.append(c);
    return e;
  }

  function safeHref(url) {
    if (typeof url !== 'string' || url === '') return null;
    if (/^https?:\/\//i.test(url)) return url;
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return null;
    return url;
  }

  function link(url, text, cls) {
    const href = safeHref(url);
    return href ? el('a', { href, class: cls, text }) : el('span', { class: cls, text });
  }

  const short = (sha) => sha.slice(0, 7);
  const day = (i) => (C.date[i] || '').slice(0, 10);
  const pct = (ppm) => (ppm === null || ppm === undefined ? '' : `${(ppm / 1e4).toFixed(2)}%`);
  const pp = (ppm) => `${(ppm / 1e4).toFixed(2)} pp`;
  // Tick labels name the commit: short sha over its date.
  const commitTick = (i) => `${short(C.sha[i])}\n${day(i)}`;
  const signed = (r) => (r === null ? '' : `${r >= 0 ? '+' : ''}${(r * 100).toFixed(1)}%`);
  // totalMeasure is 'wallSeconds', 'profileSeconds', 'seconds' or 'samples' (see docs/trends.md).
  const inSeconds = /seconds$/i.test(D.totalMeasure);
  const unit = inSeconds ? 's' : ` ${D.totalMeasure}`;
  const measureName =
    { wallSeconds: 'wall-clock seconds', profileSeconds: 'profiled seconds' }[D.totalMeasure] ||
    D.totalMeasure;
  const totalText = (v) => `${Number(v).toPrecision(4)}${unit}`;

  // Vertical markers at change points (red: up, blue: down) drawn over the plot.
  function changeMarkers(changes) {
    return {
      hooks: {
        draw: [
          (u) => {
            const ctx = u.ctx;
            const { top, height } = u.bbox;
            ctx.save();
            ctx.lineWidth = 2 * devicePixelRatio;
            ctx.setLineDash([6 * devicePixelRatio, 4 * devicePixelRatio]);
            for (const c of changes) {
              const x = Math.round(u.valToPos(c.e - 0.5, 'x', true));
              ctx.strokeStyle = c.after > c.before ? '#d7301f' : '#2b6cb0';
              ctx.beginPath();
              ctx.moveTo(x, top);
              ctx.lineTo(x, top + height);
              ctx.stroke();
            }
            ctx.restore();
          },
        ],
      },
    };
  }

  function chartWidth(node) {
    return Math.max(280, Math.floor(node.getBoundingClientRect().width) - 4);
  }

  function makeChart(node, label, ys, changes, format, color, height) {
    const opts = {
      width: chartWidth(node),
      height,
      legend: { show: true },
      cursor: { drag: { x: true, y: false } },
      scales: {
        x: { time: false },
        // From zero: a shift is drawn at its true size, not stretched to the chart's height.
        y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1] },
      },
      axes: [
        {
          // x is the commit index: whole-number steps, far enough apart for a sha and a date.
          space: 90,
          size: 48,
          incrs: [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000],
          values: (_u, splits) => {
            const ticks = splits.map((i) => (Number.isInteger(i) && i >= 0 && i < n ? commitTick(i) : ''));
            // What the axis says, readable without the canvas (tests, assistive tools).
            node.dataset.xTicks = ticks.filter((t) => t !== '').join(' | ');
            return ticks;
          },
        },
        { values: (_u, splits) => splits.map((v) => format(v)), size: 70 },
      ],
      series: [
        {
          label: 'commit',
          value: (_u, i) => (i === null || i === undefined ? '' : `${short(C.sha[i])} ${day(i)}`),
        },
        {
          label,
          stroke: color,
          width: 1.5,
          points: { show: false },
          value: (_u, v) => (v === null ? '' : format(v)),
        },
      ],
      plugins: [changeMarkers(changes)],
      hooks: {
        draw: [
          (u) => {
            node.dataset.yMin = String(u.scales.y.min);
          },
        ],
      },
    };
    const u = new uPlot(opts, [xs, ys], node);
    // A click on the plot selects the commit under the cursor.
    // (from the click position: the cursor index updates on the next animation frame).
    u.over.addEventListener('click', (ev) => {
      const left = ev.clientX - u.over.getBoundingClientRect().left;
      const i = Math.round(u.posToVal(left, 'x'));
      if (i >= 0 && i < n) selectCommit(i, true);
    });
    charts.push({ u, node });
    // Load-to-first-chart is what bench/history.bench.ts measures.
    if (charts.length === 1) performance.mark('flamediff:first-chart');
    return u;
  }

  function changeText(changes) {
    if (changes.length === 0) return 'no change points';
    return `shift at ${changes.map((c) => `${short(C.sha[c.e])} ${signed(c.relative)}`).join(', ')}`;
  }

  function frameSeries(f) {
    return xs.map((i) => (i < f.start ? null : f.v[i - f.start]));
  }

  function frameCard(f, fi) {
    const body = el('div', { class: 'chart' });
    const badges = el('div', { class: 'badges' });
    if (f.creep)
      badges.append(
        el('span', {
          class: 'badge creep',
          text: `creeping ${signed(f.creep.relative)} since ${short(C.sha[f.creep.from])}`,
        }),
      );
    badges.append(el('span', { class: 'changes', text: changeText(f.changes) }));
    const same = f.same?.length
      ? el('div', {
          class: 'same',
          title: f.same.join('\n'),
          text: `same share: ${f.same.join(', ')}`,
        })
      : null;
    const card = el(
      'section',
      { class: 'frame-card', 'data-frame': fi },
      el('h3', { class: 'frame-key', title: f.key, text: f.key }),
      el('div', { class: 'latest', text: `latest ${pct(f.v[f.v.length - 1])} of total` }),
      same,
      badges,
      body,
    );
    return { card, body };
  }

  function drawFrame(container, fi) {
    const f = D.frames[fi];
    const { card, body } = frameCard(f, fi);
    container.append(card);
    makeChart(body, 'share', frameSeries(f), f.changes, pct, '#e6550d', 180);
    return card;
  }

  let selectedRow = null;
  function selectCommit(i, scroll) {
    const detail = document.getElementById('commit-detail');
    const parts = [
      el('strong', { text: `${short(C.sha[i])}` }),
      ` ${day(i)} · total ${totalText(C.total[i])} `,
      link(C.flame[i], 'flamegraph', 'flame'),
      C.pull[i] !== null ? ' · ' : null,
      C.pull[i] !== null ? link(C.pullUrl[i], `PR #${C.pull[i]} diff`, 'pull') : null,
      C.commitUrl[i] ? ' · ' : null,
      C.commitUrl[i] ? link(C.commitUrl[i], 'commit', 'commit') : null,
    ];
    detail.replaceChildren(...parts.filter((p) => p !== null));
    if (selectedRow) selectedRow.classList.remove('selected');
    selectedRow = document.getElementById(`commit-${i}`);
    if (selectedRow) {
      selectedRow.classList.add('selected');
      if (scroll) detail.scrollIntoView({ block: 'nearest' });
    }
  }

  function commitTable() {
    const changeAt = new Map();
    for (const c of D.totalChanges) changeAt.set(c.e, c);
    const rows = [];
    for (let i = n - 1; i >= 0; i--) {
      const c = changeAt.get(i);
      rows.push(
        el(
          'tr',
          { id: `commit-${i}` },
          el('td', { text: day(i) }),
          el('td', {}, link(C.flame[i], short(C.sha[i]), 'flame')),
          el('td', { class: 'num', text: totalText(C.total[i]) }),
          el('td', {}, C.pull[i] !== null ? link(C.pullUrl[i], `#${C.pull[i]}`, 'pull') : ''),
          el('td', {
            class: c ? (c.after > c.before ? 'up' : 'down') : '',
            text: c ? `shift ${signed(c.relative)}` : '',
          }),
        ),
      );
    }
    const head = el(
      'tr',
      {},
      ...['date', 'commit', 'total', 'PR', 'change'].map((h) =>
        el('th', { text: h, class: h === 'total' ? 'num' : null }),
      ),
    );
    return el('table', { id: 'commit-table' }, el('thead', {}, head), el('tbody', {}, ...rows));
  }

  function frameTable(onPick) {
    const tbody = el('tbody');
    const rows = D.order.map((fi) => {
      const f = D.frames[fi];
      const tr = el(
        'tr',
        { 'data-frame': fi, tabindex: 0, onclick: () => onPick(fi) },
        el('td', { class: 'frame-key', title: f.key, text: f.key }),
        el('td', { class: 'num', text: pct(f.v[f.v.length - 1]) }),
        el('td', { class: 'num', text: f.moved ? pp(f.moved) : '' }),
        el('td', { class: 'num', text: String(f.changes.length) }),
        el('td', { text: f.creep ? `creeping ${signed(f.creep.relative)}` : '' }),
      );
      tr.addEventListener('keydown', (ev) => {
        if (ev.key === 'Enter') onPick(fi);
      });
      tbody.append(tr);
      return { tr, key: f.key.toLowerCase() };
    });
    const filter = el('input', {
      id: 'frame-filter',
      type: 'search',
      placeholder: 'filter frames',
      oninput: () => {
        const q = filter.value.toLowerCase();
        for (const r of rows) r.tr.hidden = q !== '' && !r.key.includes(q);
      },
    });
    const head = el(
      'tr',
      {},
      ...['frame', 'latest', 'moved', 'change points', 'creep'].map((h) =>
        el('th', { text: h, class: h === 'frame' || h === 'creep' ? null : 'num' }),
      ),
    );
    return el('div', {}, filter, el('table', { id: 'frame-table' }, el('thead', {}, head), tbody));
  }

  function render() {
    document.title = `flamediff trends: ${D.branch}`;
    const first = n ? day(0) : '';
    const last = n ? day(n - 1) : '';
    const creeping = D.frames.filter((f) => f.creep).length;
    app.append(
      el('h1', { text: `flamediff trends · ${D.branch}` }),
      el('p', {
        id: 'summary',
        text: `${n} baselines${n ? ` from ${first} to ${last}` : ''} · ${D.frames.length} frames · ${creeping} creeping`,
      }),
    );
    if (n === 0) {
      app.append(el('p', { text: 'No baselines recorded yet.' }));
      return;
    }
    const total = el('div', { class: 'chart', id: 'chart-total' });
    app.append(
      el(
        'section',
        {},
        el('h2', { text: `Total per run (${measureName})` }),
        el('p', { class: 'changes', text: changeText(D.totalChanges) }),
        total,
      ),
    );
    makeChart(total, 'total', C.total, D.totalChanges, (v) => totalText(v), '#333', 220);

    const picked = el('div', { id: 'picked-frame' });
    const grid = el('div', { class: 'frame-grid', id: 'frame-charts' });
    app.append(
      el(
        'section',
        {},
        el('h2', { text: 'Frames, most changed first (share of total)' }),
        el('p', {
          class: 'changes',
          text: 'Creeping frames first, then by how far the share moved; a frame with the same share as one above (a wrapper carrying all of it) is named on that card instead of charted again.',
        }),
        picked,
        grid,
      ),
    );
    for (const fi of D.top) drawFrame(grid, fi);

    const onPick = (fi) => {
      for (const c of charts.filter((c) => picked.contains(c.node))) c.u.destroy();
      charts.splice(0, charts.length, ...charts.filter((c) => !picked.contains(c.node)));
      picked.replaceChildren();
      drawFrame(picked, fi).scrollIntoView({ block: 'nearest' });
    };
    app.append(el('section', {}, el('h2', { text: 'All frames' }), frameTable(onPick)));
    app.append(
      el(
        'section',
        {},
        el('h2', { text: 'Baselines' }),
        el('p', { id: 'commit-detail', text: 'Click a chart or a commit.' }),
        commitTable(),
      ),
    );
    document.body.dataset.ready = 'true';
  }

  let resizeTimer = 0;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      for (const c of charts) c.u.setSize({ width: chartWidth(c.node), height: c.u.height });
    }, 100);
  });

  render();
})();
