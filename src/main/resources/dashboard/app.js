// The zone's dashboard: a single page that asks the API only for its registered documents, by
// their hashes, over GET (so that every answer is HTTP-cacheable), and shows the figures exactly.
import { e, lang, nm, setLang, t } from './i18n.js';
import { approximately, grouped, inUnit, parseExact, percent, shift, sum } from './numbers.js';

const REPORT_YEAR = 2024;
const TARGET_YEAR = 2025;
const PAGE = 20;
const STAGES = ['SIGNED', 'REGISTERED', 'STARTED', 'COMPLETED', 'IN_PRODUCTION', 'ABOVE_SIZE'];
const BANDS = ['UNDER_3_YI', 'OVER_3_YI', 'OVER_10_YI', 'OVER_50_YI'];

const view = document.getElementById('view');
const state = { token: sessionStorage.getItem('zone.token'), viewer: null, unit: 'YI', documents: null };

// ---- The API ----

class ApiError extends Error {
  constructor(kind, message, retryAfter) {
    super(message);
    this.kind = kind;
    this.retryAfter = retryAfter;
  }
}

async function documents() {
  if (!state.documents) {
    const answer = await fetch('/dashboard/documents.json');
    state.documents = await answer.json();
  }
  return state.documents;
}

/** Runs a registered document by its hash over GET; the data, or an ApiError. */
async function query(name, variables = {}) {
  const hash = (await documents())[name];
  const params = new URLSearchParams({
    operationName: name,
    variables: JSON.stringify(variables),
    extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }),
  });
  const headers = { Accept: 'application/graphql-response+json, application/json' };
  if (state.token) {
    headers.Authorization = `Bearer ${state.token}`;
  }
  let answer;
  try {
    answer = await fetch(`/graphql?${params}`, { headers });
  }
  catch (failure) {
    throw new ApiError('network', failure.message);
  }
  const body = parseExact(await answer.text());
  const error = (body.errors || [])[0];
  if (error) {
    const type = error.extensions?.classification;
    const retryAfter = error.extensions?.retryAfter ?? answer.headers.get('Retry-After');
    throw new ApiError(type || 'error', error.message, retryAfter);
  }
  if (!answer.ok) {
    throw new ApiError('http', `HTTP ${answer.status}`);
  }
  return body.data;
}

// ---- Building the page ----

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (key === 'class') {
      node.className = value;
    }
    else if (key.startsWith('on')) {
      node.addEventListener(key.slice(2), value);
    }
    else {
      node.setAttribute(key, value === true ? '' : value);
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      node.append(child instanceof Node ? child : String(child));
    }
  }
  return node;
}

function link(href, ...children) {
  return el('a', { href, 'data-link': true }, ...children);
}

function panel(title, ...children) {
  return el('section', { class: 'panel' }, title ? el('h2', {}, title) : null, ...children);
}

function loading() {
  return el('p', { class: 'status', role: 'status' }, t('loading'));
}

/** A failure, said plainly: over budget with its wait, signed out, forbidden, or what went wrong. */
function failure(error, again) {
  let message;
  if (error.kind === 'RATE_LIMITED') {
    message = t('retryIn', error.retryAfter ?? '?');
  }
  else if (error.kind === 'BUSY') {
    message = t('busy', error.retryAfter ?? '?');
  }
  else if (error.kind === 'UNAVAILABLE') {
    message = t('unavailable', error.retryAfter ?? '?');
  }
  else if (error.kind === 'UNAUTHORIZED') {
    message = t('unauthorized');
  }
  else if (error.kind === 'FORBIDDEN') {
    message = t('forbidden');
  }
  else {
    message = t('failed') + error.message;
  }
  return el('div', { class: 'error', role: 'alert' }, message, ' ',
    again ? el('button', { type: 'button', onclick: again }, t('retry')) : null);
}

/** Fills the place with what load() builds, with a loading state before and a failure instead. */
async function into(place, load) {
  place.replaceChildren(loading());
  try {
    place.replaceChildren(...[await load()].flat());
  }
  catch (error) {
    if (!(error instanceof ApiError)) {
      console.error(error);
    }
    place.replaceChildren(failure(error instanceof ApiError ? error : new ApiError('error', error.message),
      () => into(place, load)));
  }
}

/** A reported figure as text, grouped, without zeros after its last digit (476.0000 is 476). */
function figure(value) {
  return (value === null || value === undefined) ? '—' : grouped(shift(String(value), 0));
}

function money(yuan) {
  return grouped(inUnit(yuan, state.unit));
}

function unitName() {
  return { YUAN: t('yuan'), WAN: t('wan'), YI: t('yi') }[state.unit];
}

/**
 * A table with its figures as text, exactly as exported: columns of { label, numeric }, rows of
 * cells. Numeric cells are shown grouped and exported plain.
 */
function table(title, columns, rows, { exportable = true } = {}) {
  const head = el('tr', {}, columns.map((c) => el('th', { scope: 'col', class: c.numeric ? 'num' : null }, c.label)));
  const body = rows.map((row) => el('tr', {}, row.map((cell, i) => {
    const content = cell instanceof Node ? cell : (columns[i].numeric ? grouped(cell) : cell);
    return el('td', { class: columns[i].numeric ? 'num' : null, 'data-value': cell instanceof Node ? cell.textContent : cell },
      content ?? '');
  })));
  const wrapper = el('div', { class: 'scroll' },
    el('table', { 'data-table': title }, el('caption', {}, title), el('thead', {}, head), el('tbody', {}, body)));
  if (!exportable) {
    return wrapper;
  }
  const plain = () => ({
    title,
    columns: columns.map((c) => c.label),
    rows: rows.map((row) => row.map((cell) => (cell instanceof Node ? cell.textContent : (cell ?? '')))),
  });
  return el('div', {}, wrapper, el('div', { class: 'table-tools' },
    el('button', { type: 'button', 'data-export': 'csv', onclick: () => downloadCsv(plain()) }, t('exportCsv')),
    el('button', { type: 'button', 'data-export': 'xlsx', onclick: () => downloadXlsx(plain()) }, t('exportXlsx'))));
}

function csvCell(text) {
  const value = String(text ?? '');
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const anchor = el('a', { href: url, download: name });
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function fileName(title) {
  return title.replace(/[\\/:*?"<>|]/g, ' ').trim() || 'table';
}

/** The table as CSV, with a byte-order mark so that Excel reads its Chinese as UTF-8. */
function downloadCsv(data) {
  const lines = [data.columns, ...data.rows].map((row) => row.map(csvCell).join(','));
  save(new Blob(['\uFEFF' + lines.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' }), `${fileName(data.title)}.csv`);
}

async function downloadXlsx(data) {
  const answer = await fetch('/dashboard/export.xlsx', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(data),
  });
  if (answer.ok) {
    save(await answer.blob(), `${fileName(data.title)}.xlsx`);
  }
}

function unitToggle(onChange) {
  const buttons = ['YUAN', 'WAN', 'YI'].map((unit) => el('button', {
    type: 'button', 'data-unit': unit, 'aria-pressed': String(state.unit === unit),
    onclick: () => {
      state.unit = unit;
      buttons.forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.unit === unit)));
      onChange();
    },
  }, { YUAN: t('yuan'), WAN: t('wan'), YI: t('yi') }[unit]));
  return el('div', { class: 'units', role: 'group', 'aria-label': t('unit') }, buttons);
}

/** A stacked bar chart of series over categories; the figures beside it in a table are the exact ones. */
function chart(categories, series, { stacked = true, horizontal = false, unit = state.unit } = {}) {
  const box = el('div', { class: 'chart', role: 'img', 'aria-label': series.map((s) => s.name).join(', ') });
  const axisName = { YUAN: '元', WAN: '万元', YI: '亿元' }[unit] ?? '';
  requestAnimationFrame(() => {
    if (!window.echarts || !box.isConnected) {
      return;
    }
    const instance = window.echarts.init(box, null, { renderer: 'svg' });
    const axis = { type: 'category', data: categories };
    const values = { type: 'value', name: axisName };
    instance.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 8, right: 16, top: 28, bottom: 40, containLabel: true },
      xAxis: horizontal ? values : axis,
      yAxis: horizontal ? axis : values,
      series: series.map((s) => ({
        name: s.name, type: 'bar', stack: stacked ? 'total' : undefined,
        data: s.data.map((v) => (v === null ? null : approximately(inUnit(v, unit)))),
      })),
    });
    new ResizeObserver(() => instance.resize()).observe(box);
  });
  return box;
}

function progressBar(target) {
  const pct = percent(target.progress);
  const width = pct === null ? 0 : Math.min(100, approximately(pct));
  const label = `${nm(target)}`;
  return el('div', { class: 'progress', 'data-code': target.code },
    el('div', { class: 'head' }, el('strong', { id: `p-${target.code}` }, label),
      el('span', {}, pct === null ? '—' : `${pct}%`)),
    el('div', {
      class: 'track', role: 'progressbar', 'aria-labelledby': `p-${target.code}`, 'aria-valuemin': '0',
      'aria-valuemax': '100', 'aria-valuenow': pct ?? undefined, 'aria-valuetext': pct === null ? '—' : `${pct}%`,
    }, el('div', { class: `fill${width >= 100 ? ' done' : ''}`, style: `width:${width}%` })),
    el('div', { class: 'detail' },
      `${t('target')} ${target.qualifier ? e(target.qualifier) + ' ' : ''}${figure(target.target)} ${target.unit}`,
      ` · ${t('actual')} ${target.actual === null ? '—' : figure(target.actual) + ' ' + target.unit}`,
      target.method ? ` · ${t('method')}: ${target.method}` : ''));
}

// ---- Routes ----

const ROUTES = [
  { path: /^\/$/, name: 'overview', render: overview, roles: null },
  { path: /^\/investment$/, name: 'investment', render: investment, roles: ['ADMIN', 'EDITOR', 'ANALYST', 'PARTNER'] },
  { path: /^\/funds$/, name: 'funds', render: funds, roles: ['ADMIN', 'EDITOR', 'ANALYST', 'PARTNER'] },
  { path: /^\/projects$/, name: 'projects', render: projects, roles: ['ADMIN', 'EDITOR', 'ANALYST'] },
  { path: /^\/projects\/([^/]+)$/, render: project, roles: ['ADMIN', 'EDITOR', 'ANALYST'], under: 'projects' },
  { path: /^\/enterprises$/, name: 'enterprises', render: enterprises, roles: ['ADMIN', 'EDITOR', 'ANALYST', 'PARTNER'] },
  { path: /^\/enterprises\/([^/]+)$/, render: enterprise, roles: ['ADMIN', 'EDITOR', 'ANALYST', 'PARTNER'], under: 'enterprises' },
  { path: /^\/talent$/, name: 'talent', render: talent, roles: ['ADMIN', 'EDITOR', 'ANALYST'] },
];

function allowed(route) {
  return !route.roles || (state.viewer && route.roles.includes(state.viewer.role));
}

function drawNav(current) {
  const nav = document.getElementById('nav');
  nav.setAttribute('aria-label', lang() === 'en' ? 'Main' : '主导航');
  nav.replaceChildren(...ROUTES.filter((r) => r.name && allowed(r)).map((r) => {
    const href = r.name === 'overview' ? '/' : `/${r.name}`;
    const a = link(href, t(r.name));
    if (current && (current.name === r.name || current.under === r.name)) {
      a.setAttribute('aria-current', 'page');
    }
    return a;
  }));
}

function drawChrome() {
  document.querySelectorAll('[data-t]').forEach((node) => {
    node.textContent = t(node.dataset.t);
  });
  document.title = lang() === 'en' ? 'Changhe zone · Investment & Funds' : '长合区 · 投资与基金';
  const toggle = document.getElementById('lang');
  toggle.textContent = lang() === 'en' ? '中文' : 'English';
  toggle.setAttribute('aria-pressed', String(lang() === 'en'));
  const signedIn = Boolean(state.viewer);
  document.getElementById('signin').hidden = signedIn;
  document.getElementById('signout').hidden = !signedIn;
  const who = document.getElementById('who');
  who.hidden = !signedIn;
  who.textContent = signedIn ? t('signedInAs', state.viewer.name, e(state.viewer.role)) : '';
}

async function render() {
  const path = location.pathname.replace(/\/+$/, '') || '/';
  const route = ROUTES.find((r) => r.path.test(path));
  drawChrome();
  drawNav(route);
  if (!route) {
    view.replaceChildren(el('h1', {}, t('notFound')), link('/', t('overview')));
    return;
  }
  if (!allowed(route)) {
    view.replaceChildren(el('h1', {}, t(route.name || route.under)),
      el('div', { class: 'error', role: 'alert' }, state.viewer ? t('forbidden') : t('publicNote')));
    return;
  }
  const match = path.match(route.path);
  view.replaceChildren();
  await route.render(view, ...match.slice(1).map(decodeURIComponent));
}

function go(href) {
  history.pushState(null, '', href);
  render().then(() => view.focus());
}

// ---- Overview ----

async function overview(place) {
  let year = REPORT_YEAR;
  const select = el('select', { id: 'year', onchange: () => { year = Number(select.value); into(body, load); } },
    [REPORT_YEAR, REPORT_YEAR - 1].map((y) => el('option', { value: y }, y)));
  const body = el('div');
  place.append(el('h1', {}, t('overview')),
    el('div', { class: 'controls' }, el('label', { for: 'year' }, t('year'), select)), body);
  const load = async () => {
    const data = await query('DashboardZone', { year, targetYear: TARGET_YEAR });
    const indicators = data.reported.indicators;
    const cards = indicators.length === 0 ? el('p', { class: 'status' }, t('noIndicators'))
      : el('div', { class: 'cards' }, indicators.map((i) => el('div', { class: 'card', 'data-indicator': i.code },
        el('div', { class: 'label' }, nm(i)),
        el('div', {}, el('span', { class: 'figure' }, (i.qualifier ? e(i.qualifier) + ' ' : '') + figure(i.value)),
          el('span', { class: 'unit' }, i.unit)),
        i.yoyChangePct !== null && i.yoyChangePct !== undefined
          ? el('div', { class: `change ${String(i.yoyChangePct).startsWith('-') ? 'down' : 'up'}` },
            `${t('yoy')} ${String(i.yoyChangePct).startsWith('-') ? '' : '+'}${figure(i.yoyChangePct)}%`) : null)));
    const parts = [panel(`${t('headline')} · ${year}`, cards),
      panel(`${t('targets')} · ${TARGET_YEAR}`, data.planned.targets.map(progressBar))];
    if (state.viewer && state.viewer.role !== 'PARTNER') {
      const stalls = (await query('DashboardStalls', { year: REPORT_YEAR })).stallSummary;
      parts.push(panel(`${t('clearance')} · ${REPORT_YEAR}`, el('div', { class: 'cards' },
        [[t('listed'), stalls.listed], [t('cleared'), stalls.cleared],
          [t('clearanceRate'), stalls.clearanceRate === null ? '—' : `${percent(stalls.clearanceRate)}%`]]
          .map(([label, value]) => el('div', { class: 'card', 'data-stall': label },
            el('div', { class: 'label' }, label), el('div', { class: 'figure' }, value))))));
    }
    else if (!state.viewer) {
      parts.push(el('p', { class: 'status' }, t('publicNote')));
    }
    return el('div', { class: 'grid' }, parts);
  };
  await into(body, load);
}

// ---- Investment ----

async function investment(place) {
  const body = el('div');
  let data = null;
  const draw = () => {
    const years = [...new Set([...data.bySectorYear, ...data.byKindYear].map((g) => g.year))].sort();
    const cny = (groups) => groups.filter((g) => g.currency === 'CNY');
    const bySector = cny(data.bySectorYear);
    const sectors = [...new Map(bySector.map((g) => [g.sector ? g.sector.id : '-', g.sector])).values()];
    const sectorSeries = sectors.map((s) => ({
      name: nm(s),
      data: years.map((y) => bySector.find((g) => g.year === y && (g.sector?.id ?? null) === (s?.id ?? null))?.total.amount ?? null),
    }));
    const byKind = cny(data.byKindYear);
    const kinds = [...new Set(byKind.map((g) => g.kind))];
    const kindSeries = kinds.map((k) => ({
      name: e(k), data: years.map((y) => byKind.find((g) => g.year === y && g.kind === k)?.total.amount ?? null),
    }));
    const money = { label: `${t('total')}（${unitName()}）`, numeric: true };
    const count = { label: t('count'), numeric: true };
    const currency = { label: t('currency') };
    body.replaceChildren(el('div', { class: 'grid' },
      panel(t('bySectorYear'), chart(years, sectorSeries),
        table(`${t('bySectorYear')}（${unitName()}）`, [{ label: t('sector') }, { label: t('year'), numeric: false }, currency, count, money],
          data.bySectorYear.map((g) => [nm(g.sector), String(g.year), g.currency, String(g.count), inUnit(g.total.amount, state.unit)]))),
      panel(t('byKindYear'), chart(years, kindSeries),
        table(`${t('byKindYear')}（${unitName()}）`, [{ label: t('kind') }, { label: t('year') }, currency, count, money],
          data.byKindYear.map((g) => [e(g.kind), String(g.year), g.currency, String(g.count), inUnit(g.total.amount, state.unit)]))),
      panel(t('byFund'), chart(data.byFund.map((g) => nm(g.fund)),
        [{ name: t('total'), data: data.byFund.map((g) => g.total.amount) }], { stacked: false, horizontal: true }),
      table(`${t('byFund')}（${unitName()}）`, [{ label: t('fund') }, currency, count, money],
        data.byFund.map((g) => [nm(g.fund), g.currency, String(g.count), inUnit(g.total.amount, state.unit)])))));
  };
  place.append(el('h1', {}, t('investment')),
    el('div', { class: 'controls' }, el('span', {}, t('unit')), unitToggle(() => data && draw())), body);
  await into(body, async () => {
    data = await query('DashboardInvestment', {});
    draw();
    return [...body.childNodes];
  });
}

// ---- Funds ----

async function funds(place) {
  const body = el('div');
  let data = null;
  const draw = () => {
    const nodes = data.funds.nodes;
    const money = (m) => inUnit(m.amount, state.unit);
    const figures = table(`${t('funds')}（${unitName()}）`,
      [{ label: t('fund') }, { label: t('currency') }, { label: t('size'), numeric: true }, { label: t('committed'), numeric: true },
        { label: t('called'), numeric: true }, { label: t('uncalled'), numeric: true }, { label: t('invested'), numeric: true },
        { label: t('portfolio'), numeric: true }],
      nodes.map((f) => [nm(f), f.size.currency, money(f.size), money(f.committed), money(f.called), money(f.uncalled),
        money(f.invested), String(f.portfolioEnterpriseCount)]));
    const committedCny = sum(nodes.flatMap((f) => f.commitments).filter((c) => c.committed.currency === 'CNY').map((c) => c.committed.amount));
    const cards = nodes.map((f) => panel(nm(f),
      el('dl', { class: 'facts', 'data-fund': f.id },
        el('dt', {}, t('manager')), el('dd', {}, f.manager ? nm(f.manager) : '—'),
        el('dt', {}, t('vintage')), el('dd', {}, f.vintageYear ?? '—'),
        el('dt', {}, t('size')), el('dd', {}, `${grouped(money(f.size))} ${unitName()} ${f.size.currency}`)),
      table(`${nm(f)} · ${t('investors')}`, [{ label: t('investor') }, { label: t('currency') },
        { label: `${t('committed')}（${unitName()}）`, numeric: true }, { label: `${t('called')}（${unitName()}）`, numeric: true }],
      f.commitments.map((c) => [nm(c.investor), c.committed.currency, money(c.committed), money(c.called)]), { exportable: false }),
      table(`${nm(f)} · ${t('latestInvestments')}`, [{ label: t('enterprise') }, { label: t('year') },
        { label: `${t('amount')}（${unitName()}）`, numeric: true }],
      f.investments.nodes.map((i) => [i.enterprise ? link(`/enterprises/${encodeURIComponent(i.enterprise.id)}`, nm(i.enterprise)) : t('none'),
        String(i.year), money(i.amount)]), { exportable: false })));
    body.replaceChildren(panel(`${t('funds')} · ${t('totalCountOf', data.funds.totalCount)}`,
      el('p', { class: 'status', 'data-partners-total': committedCny }, `${t('partnersTotal')}: ${grouped(inUnit(committedCny, state.unit))} ${unitName()}`),
      figures), el('div', { class: 'grid' }, cards));
  };
  place.append(el('h1', {}, t('funds')), el('div', { class: 'controls' }, el('span', {}, t('unit')), unitToggle(() => data && draw())), body);
  await into(body, async () => {
    data = await query('DashboardFunds');
    draw();
    return [...body.childNodes];
  });
}

// ---- Projects ----

async function projects(place) {
  const summary = el('div');
  const list = el('div');
  let reachedStage = 'STARTED';
  const stageSelect = el('select', { id: 'reached-stage', onchange: () => { reachedStage = stageSelect.value; into(summary, load); } },
    STAGES.map((s) => el('option', { value: s, selected: s === reachedStage }, e(s))));
  place.append(el('h1', {}, t('projects')),
    el('div', { class: 'controls' }, el('label', { for: 'reached-stage' }, `${t('pipelineByYear')}: ${t('reachedStage')}`, stageSelect)),
    summary, list);
  let data = null;
  const drawSummary = () => {
    const count = (stage, band) => data.byStage.find((g) => g.stage === stage && g.sizeBand === band)?.count ?? 0;
    const years = [...new Set(data.byYear.map((g) => g.reachedYear))].sort();
    const byYear = (year, band) => data.byYear.find((g) => g.reachedYear === year && g.sizeBand === band)?.count ?? 0;
    summary.replaceChildren(el('div', { class: 'grid' },
      panel(t('pipeline'),
        chart(STAGES.map(e), BANDS.map((b) => ({ name: e(b), data: STAGES.map((s) => String(count(s, b))) })),
          { stacked: true, unit: 'COUNT' }),
        table(t('pipeline'), [{ label: t('stage') }, ...BANDS.map((b) => ({ label: e(b), numeric: true }))],
          STAGES.map((s) => [e(s), ...BANDS.map((b) => String(count(s, b)))]))),
      panel(`${t('pipelineByYear')} · ${e(reachedStage)}`,
        table(`${t('pipelineByYear')} · ${e(reachedStage)}`, [{ label: t('year') }, ...BANDS.map((b) => ({ label: e(b), numeric: true }))],
          years.map((y) => [String(y), ...BANDS.map((b) => String(byYear(y, b)))]))),
      panel(`${t('stalled')} · ${t('totalCountOf', data.stalled.totalCount)}`,
        table(t('stalled'), [{ label: t('name') }, { label: t('enterprise') }, { label: t('stage') }, { label: t('category') },
          { label: t('listedOn') }],
        data.stalled.nodes.map((p) => [link(`/projects/${encodeURIComponent(p.id)}`, nm(p)), nm(p.enterprise), e(p.stage),
          e(p.stall.category), p.stall.listedOn])))));
  };
  const load = async () => {
    data = await query('DashboardPipeline', { reachedStage });
    drawSummary();
    return [...summary.childNodes];
  };
  await into(summary, load);
  await searchable(list, 'DashboardProjects', 'projects', (filter, name, stage) => {
    if (name) {
      filter.nameContains = name;
    }
    if (stage) {
      filter.stage = [stage];
    }
  }, (p) => [link(`/projects/${encodeURIComponent(p.id)}`, nm(p)), nm(p.enterprise), nm(p.sector), e(p.stage),
    inUnit(p.totalInvestment.amount, 'YI')],
  [{ label: t('name') }, { label: t('enterprise') }, { label: t('sector') }, { label: t('stage') },
    { label: `${t('totalInvestment')}（${t('yi')}）`, numeric: true }], true);
}

/** A list searched by name (and stage), in keyset pages: previous and next follow the cursors. */
async function searchable(place, document, connection, makeFilter, row, columns, withStage) {
  const search = el('input', { id: `${connection}-search`, type: 'search' });
  const stage = withStage ? el('select', { id: `${connection}-stage` }, el('option', { value: '' }, t('allStages')),
    STAGES.map((s) => el('option', { value: s }, e(s)))) : null;
  const results = el('div');
  let page = { first: PAGE };
  const load = async () => {
    const filter = {};
    makeFilter(filter, search.value.trim(), stage ? stage.value : null);
    const data = (await query(document, { filter, ...page }))[connection];
    const info = data.pageInfo;
    return [table(`${t(connection)} · ${t('totalCountOf', data.totalCount)}`, columns, data.nodes.map(row)),
      el('div', { class: 'pager' },
        el('button', { type: 'button', 'data-page': 'previous', disabled: !info.hasPreviousPage,
          onclick: () => { page = { last: PAGE, before: info.startCursor }; into(results, load); } }, t('previous')),
        el('button', { type: 'button', 'data-page': 'next', disabled: !info.hasNextPage,
          onclick: () => { page = { first: PAGE, after: info.endCursor }; into(results, load); } }, t('next')))];
  };
  const form = el('form', { class: 'controls', role: 'search', onsubmit: (event) => {
    event.preventDefault();
    page = { first: PAGE };
    into(results, load);
  } }, el('label', { for: search.id }, t('search'), search),
  stage ? el('label', { for: stage.id }, t('stage'), stage) : null, el('button', { type: 'submit' }, t('search')));
  place.replaceChildren(panel(t(connection), form, results));
  await into(results, load);
}

async function project(place, id) {
  const body = el('div');
  place.append(link('/projects', `← ${t('back')}`), body);
  await into(body, async () => {
    const p = (await query('DashboardProject', { id })).node;
    if (!p) {
      return el('p', { class: 'error' }, t('notFound'));
    }
    const yi = (m) => (m ? `${grouped(inUnit(m.amount, 'YI'))} ${t('yi')} ${m.currency}` : '—');
    const parts = [
      el('h1', {}, nm(p), ' ', el('span', { class: 'tag' }, e(p.stage))),
      el('div', { class: 'grid' },
        panel(t('particulars'), el('dl', { class: 'facts' },
          el('dt', {}, t('enterprise')), el('dd', {}, link(`/enterprises/${encodeURIComponent(p.enterprise.id)}`, nm(p.enterprise))),
          el('dt', {}, t('sector')), el('dd', {}, nm(p.sector)),
          el('dt', {}, t('totalInvestment')), el('dd', {}, yi(p.totalInvestment)),
          el('dt', {}, t('foreignInvestment')), el('dd', {}, yi(p.foreignInvestment)),
          el('dt', {}, t('landArea')), el('dd', {}, p.landAreaMu ?? '—'),
          el('dt', {}, t('provincialMajor')), el('dd', {}, p.provincialMajor ? t('yes') : t('no')))),
        panel(t('milestones'), el('ol', { class: 'timeline' },
          p.milestones.map((m) => el('li', { 'data-stage': m.stage }, el('strong', {}, e(m.stage)), ' ', el('time', { datetime: m.reachedOn }, m.reachedOn))))),
        p.stalls.length ? panel(t('stalls'), table(t('stalls'), [{ label: t('category') }, { label: t('listedOn') }, { label: t('clearedOn') }],
          p.stalls.map((s) => [e(s.category), s.listedOn, s.clearedOn ?? '—']), { exportable: false })) : null),
      panel(`${t('ledger')} · ${t('totalCountOf', p.investments.totalCount)}`,
        table(`${nm(p)} · ${t('ledger')}`, [{ label: t('kind') }, { label: t('year') }, { label: t('date') }, { label: t('fund') },
          { label: t('currency') }, { label: `${t('amount')}（${t('yuan')}）`, numeric: true }],
        p.investments.nodes.map((i) => [e(i.kind), String(i.year), i.date ?? '', i.fund ? nm(i.fund) : '', i.amount.currency, i.amount.amount]))),
    ];
    if (['ADMIN', 'ANALYST'].includes(state.viewer?.role)) {
      const audit = (await query('DashboardAudit', { id })).auditLog;
      parts.push(panel(`${t('audit')} · ${t('totalCountOf', audit.totalCount)}`, table(t('audit'),
        [{ label: t('at') }, { label: t('action') }, { label: t('actor') }, { label: t('changes') }],
        audit.nodes.map((a) => [a.at, a.action, a.actor, el('pre', { class: 'changes' }, JSON.stringify(a.changes, null, 1))]),
        { exportable: false })));
    }
    return parts;
  });
}

// ---- Enterprises ----

async function enterprises(place) {
  const list = el('div');
  place.append(el('h1', {}, t('enterprises')), list);
  await searchable(list, 'DashboardEnterprises', 'enterprises', (filter, name) => {
    if (name) {
      filter.nameContains = name;
    }
  }, (x) => [link(`/enterprises/${encodeURIComponent(x.id)}`, nm(x)), x.uscc, x.sector ? nm(x.sector) : '—'],
  [{ label: t('name') }, { label: t('uscc') }, { label: t('sector') }], false);
}

async function enterprise(place, id) {
  const body = el('div');
  place.append(link('/enterprises', `← ${t('back')}`), body);
  await into(body, async () => {
    const x = (await query('DashboardEnterprise', { id })).node;
    if (!x) {
      return el('p', { class: 'error' }, t('notFound'));
    }
    const canSeeProjects = state.viewer?.role !== 'PARTNER';
    return [el('h1', {}, nm(x)), el('div', { class: 'grid' },
      panel(t('particulars'), el('dl', { class: 'facts' },
        el('dt', {}, t('uscc')), el('dd', {}, x.uscc),
        el('dt', {}, t('sector')), el('dd', {}, x.sector ? nm(x.sector) : '—'),
        el('dt', {}, t('established')), el('dd', {}, x.establishedOn ?? '—'))),
      panel(t('qualifications'), table(t('qualifications'), [{ label: t('qualification') }, { label: t('year') }],
        x.qualifications.map((q) => [e(q.qualification), String(q.year)]), { exportable: false }),
      x.awards.length ? table(t('awards'), [{ label: t('name') }, { label: t('grade') }, { label: t('year') }],
        x.awards.map((a) => [nm(a), e(a.grade), String(a.year)]), { exportable: false }) : null),
      canSeeProjects && x.projects ? panel(`${t('projects')} · ${t('totalCountOf', x.projects.totalCount)}`,
        table(`${nm(x)} · ${t('projects')}`, [{ label: t('name') }, { label: t('stage') }, { label: `${t('totalInvestment')}（${t('yi')}）`, numeric: true }],
          x.projects.nodes.map((p) => [link(`/projects/${encodeURIComponent(p.id)}`, nm(p)), e(p.stage), inUnit(p.totalInvestment.amount, 'YI')]))) : null),
    panel(`${t('investmentsReceived')} · ${t('totalCountOf', x.investments.totalCount)}`,
      table(`${nm(x)} · ${t('investmentsReceived')}`, [{ label: t('kind') }, { label: t('year') }, { label: t('fund') }, { label: t('currency') },
        { label: `${t('amount')}（${t('yuan')}）`, numeric: true }],
      x.investments.nodes.map((i) => [e(i.kind), String(i.year), i.fund ? nm(i.fund) : '', i.amount.currency, i.amount.amount])))];
  });
}

// ---- Talent ----

async function talent(place) {
  const body = el('div');
  place.append(el('h1', {}, t('talent')), body);
  await into(body, async () => {
    const programmes = (await query('DashboardTalent')).talentProgrammes;
    return el('div', { class: 'grid' }, programmes.map((p) => panel(`${nm(p)} · ${e(p.level)} · ${t('awardsCount', p.awards.totalCount)}`,
      table(nm(p), [{ label: t('year') }, { label: t('title') }, { label: t('person') }, { label: t('enterprise') },
        { label: `${t('grant')}（${t('yuan')}）`, numeric: true }],
      p.awards.nodes.map((a) => [String(a.year), a.title, a.personName ?? '—', a.enterprise ? nm(a.enterprise) : '—',
        a.grant ? a.grant.amount : ''])))));
  });
}

// ---- Signing in, the language, links ----

async function signIn(token) {
  state.token = token || null;
  state.viewer = null;
  if (state.token) {
    try {
      state.viewer = (await query('DashboardViewer')).viewer;
    }
    catch (error) {
      state.token = null;
      sessionStorage.removeItem('zone.token');
      await render();
      view.prepend(failure(error));
      return;
    }
    sessionStorage.setItem('zone.token', state.token);
  }
  else {
    sessionStorage.removeItem('zone.token');
  }
  await render();
}

document.getElementById('signin').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = document.getElementById('token');
  const token = input.value.trim();
  input.value = '';
  signIn(token);
});
document.getElementById('signout').addEventListener('click', () => signIn(null));
document.getElementById('lang').addEventListener('click', () => {
  setLang(lang() === 'en' ? 'zh' : 'en');
  render();
});
document.addEventListener('click', (event) => {
  const anchor = event.target.closest('a[data-link]');
  if (anchor && anchor.origin === location.origin && !event.ctrlKey && !event.metaKey && !event.shiftKey && event.button === 0) {
    event.preventDefault();
    go(anchor.getAttribute('href'));
  }
});
window.addEventListener('popstate', () => render());

setLang(lang());
signIn(state.token);
