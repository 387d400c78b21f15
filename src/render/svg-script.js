// Interactivity of flamediff's SVG flamegraphs: tooltips, click to zoom, regex search with
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
    return s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
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
    return '\u2026' + label.slice(start);
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
