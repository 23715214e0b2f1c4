// ridemesh failover console: plain JS, no build step. The operator signs in with their own account at the region's
// authorization server (identity-service, behind this gateway): OAuth 2.1 authorization code with PKCE (RFC 7636,
// S256) as a public client, ridemesh-console; the access token is kept in sessionStorage. The page then polls /ops/regions and /ops/units every second and /ops/drills every two seconds. Every text from the server is
// set with textContent, never parsed as HTML.
(function () {
  'use strict';

  const TOKEN_KEY = 'ridemesh.operatorToken';
  const PKCE_KEY = 'ridemesh.signIn';
  const CLIENT_ID = 'ridemesh-console';
  const $ = (sel) => document.querySelector(sel);
  let timers = [];

  function token() {
    return sessionStorage.getItem(TOKEN_KEY);
  }

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'class') e.className = v;
      else if (k.startsWith('data-')) e.setAttribute(k, v);
      else e[k] = v;
    }
    for (const c of children) {
      if (c !== null && c !== undefined) e.append(c instanceof Node ? c : String(c));
    }
    return e;
  }

  function time(ms) {
    return ms === null || ms === undefined ? '—' : new Date(ms).toLocaleTimeString();
  }

  // records of the peers' changes the region has not applied yet: a fail-back waits until it is small
  function backlog(records) {
    if (records === null || records === undefined) return 'n/a';
    return records < 0 ? 'unknown' : records + ' changes';
  }

  function lag(samples) {
    if (!samples || samples.length === 0) return '—';
    return samples.map((s) => {
      const peer = s.source + '→' + s.target;
      const mean = s.recentMeanMs === null ? 'idle' : s.recentMeanMs + ' ms';
      const max = s.maxMs === null ? '' : ', max ' + s.maxMs + ' ms';
      return peer + ': ' + mean + max;
    }).join('; ');
  }

  function status(text, isError) {
    const s = $('#status');
    s.textContent = text;
    s.className = isError ? 'error' : '';
  }

  async function api(method, path, body) {
    const headers = { 'Authorization': 'Bearer ' + token(), 'Accept': 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (res.status === 401) {
      logout('Session expired: log in again.');
      throw new Error('unauthorized');
    }
    const data = await res.json().catch(() => ({}));
    if (!res.ok) {
      throw new Error(data.detail || data.title || ('HTTP ' + res.status));
    }
    return data;
  }

  function confirmAction(text) {
    const dialog = $('#confirm');
    $('#confirm-text').textContent = text;
    return new Promise((resolve) => {
      dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true });
      dialog.returnValue = '';
      dialog.showModal();
    });
  }

  async function act(kind, region) {
    const text = kind === 'evacuate'
      ? 'Evacuate region ' + region + '? Every unit homed there moves to a healthy surviving region.'
      : 'Fail back region ' + region + '? The units evacuated from it move back to it.';
    if (!(await confirmAction(text))) {
      status(kind + ' of region ' + region + ' cancelled');
      return;
    }
    try {
      const drill = await api('POST', '/ops/regions/' + encodeURIComponent(region) + '/' + kind);
      status(kind + ' of region ' + region + ': units ' + (drill.units.join(', ') || 'none') + ' moved to region '
        + drill.targetRegion + ' in ' + (drill.endedAtMs - drill.startedAtMs) + ' ms');
      refreshAll();
    } catch (e) {
      status(kind + ' of region ' + region + ' failed: ' + e.message, true);
    }
  }

  function renderRegions(view) {
    $('#local-region').textContent = '(this gateway: region ' + view.localRegion + ')';
    const box = $('#regions');
    box.replaceChildren(...view.regions.map((r) => {
      const evacuate = el('button', { type: 'button', class: 'danger evacuate', 'data-region': r.name }, 'Evacuate');
      evacuate.disabled = r.units.length === 0;
      evacuate.addEventListener('click', () => act('evacuate', r.name));
      const failback = el('button', { type: 'button', class: 'failback', 'data-region': r.name }, 'Fail back');
      failback.addEventListener('click', () => act('failback', r.name));
      return el('div', { class: 'region', 'data-region': r.name },
        el('h3', {}, 'Region ' + r.name, el('small', {}, '#' + r.id + (r.local ? ' (local)' : '')),
          el('span', { class: 'state ' + r.state }, r.state)),
        el('dl', {},
          el('dt', {}, 'healthy'), el('dd', { class: 'healthy' }, r.healthyServices.join(', ') || 'none'),
          el('dt', {}, 'unhealthy'), el('dd', { class: 'unhealthy' }, r.unhealthyServices.join(', ') || 'none'),
          el('dt', {}, 'declared down'), el('dd', { class: 'declared-down' }, time(r.declaredDownAtMs)),
          el('dt', {}, 'units homed'), el('dd', { class: 'units' }, r.units.join(', ') || 'none'),
          el('dt', {}, 'replication in'), el('dd', { class: 'lag-in' }, lag(r.lagIn)),
          el('dt', {}, 'replication out'), el('dd', { class: 'lag-out' }, lag(r.lagOut)),
          el('dt', {}, 'left to apply'), el('dd', { class: 'apply-backlog' }, backlog(r.applyBacklog))),
        el('div', { class: 'actions' }, evacuate, failback));
    }));
  }

  function renderUnits(view) {
    $('#units tbody').replaceChildren(...view.units.map((u) => el('tr', { 'data-unit': u.code },
      el('td', {}, u.unitId), el('td', {}, u.code), el('td', { class: 'home' }, u.homeRegion),
      el('td', {}, time(u.movedAtMs)), el('td', {}, u.version))));
  }

  function renderDrills(view) {
    $('#drills tbody').replaceChildren(...view.drills.map((d) => el('tr', { 'data-drill': d.id, 'data-kind': d.kind },
      el('td', {}, time(d.startedAtMs)), el('td', { class: 'kind' }, d.kind), el('td', {}, d.region),
      el('td', {}, d.targetRegion), el('td', {}, d.units.join(', ')), el('td', {}, time(d.declaredDownAtMs)),
      el('td', {}, time(d.firstServedAtMs)), el('td', { class: 'rto' }, d.rtoMs === null ? '—' : d.rtoMs + ' ms'),
      el('td', {}, d.executedBy))));
  }

  async function refreshRegionsAndUnits() {
    try {
      const [regions, units] = await Promise.all([api('GET', '/ops/regions'), api('GET', '/ops/units')]);
      renderRegions(regions);
      renderUnits(units);
    } catch (e) {
      if (e.message !== 'unauthorized') status('cannot load regions: ' + e.message, true);
    }
  }

  async function refreshDrills() {
    try {
      renderDrills(await api('GET', '/ops/drills'));
    } catch (e) {
      if (e.message !== 'unauthorized') status('cannot load drills: ' + e.message, true);
    }
  }

  function refreshAll() {
    refreshRegionsAndUnits();
    refreshDrills();
  }

  function showApp() {
    $('#login').hidden = true;
    $('#app').hidden = false;
    $('#logout-button').hidden = false;
    $('#whoami').hidden = false;
    $('#whoami').textContent = sessionStorage.getItem(TOKEN_KEY + '.sub') || '';
    refreshAll();
    timers.push(setInterval(refreshRegionsAndUnits, 1000), setInterval(refreshDrills, 2000));
  }

  function logout(message) {
    sessionStorage.removeItem(TOKEN_KEY);
    timers.forEach(clearInterval);
    timers = [];
    $('#app').hidden = true;
    $('#login').hidden = false;
    $('#logout-button').hidden = true;
    $('#whoami').hidden = true;
    $('#login-error').textContent = message || '';
  }

  function base64Url(bytes) {
    return btoa(String.fromCharCode(...new Uint8Array(bytes)))
      .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function redirectUri() {
    return location.origin + '/console/';
  }

  // the payload of a JWT, read (not verified: the services verify it; the page only shows who signed in)
  function claims(jwt) {
    const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(payload));
  }

  // step 1: to the authorization endpoint, with a fresh code verifier and state kept for step 2
  async function signIn() {
    const verifier = base64Url(crypto.getRandomValues(new Uint8Array(32)));
    const state = base64Url(crypto.getRandomValues(new Uint8Array(16)));
    const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
    sessionStorage.setItem(PKCE_KEY, JSON.stringify({ verifier, state }));
    location.assign('/oauth2/authorize?' + new URLSearchParams({
      response_type: 'code',
      client_id: CLIENT_ID,
      redirect_uri: redirectUri(),
      scope: 'openid ops',
      state,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    }));
  }

  // step 2: back from the authorization server with ?code&state (or ?error): the code for an access token
  async function completeSignIn(params) {
    const pending = JSON.parse(sessionStorage.getItem(PKCE_KEY) || 'null');
    sessionStorage.removeItem(PKCE_KEY);
    history.replaceState(null, '', '/console/');
    if (params.has('error')) throw new Error(params.get('error_description') || params.get('error'));
    if (!pending || pending.state !== params.get('state')) {
      throw new Error('the answer does not belong to a sign-in started here (state)');
    }
    const res = await fetch('/oauth2/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/json' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: params.get('code'),
        redirect_uri: redirectUri(),
        client_id: CLIENT_ID,
        code_verifier: pending.verifier,
      }),
    });
    const data = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(data.error_description || data.error || data.detail || ('HTTP ' + res.status));
    const who = claims(data.access_token);
    if (who.role !== 'operator') throw new Error(who.sub + ' is not an operator');
    sessionStorage.setItem(TOKEN_KEY, data.access_token);
    sessionStorage.setItem(TOKEN_KEY + '.sub', who.sub);
  }

  $('#login-form').addEventListener('submit', (event) => {
    event.preventDefault();
    $('#login-error').textContent = '';
    signIn().catch((e) => { $('#login-error').textContent = 'Sign-in failed: ' + e.message; });
  });

  $('#logout-button').addEventListener('click', () => logout());

  const answer = new URLSearchParams(location.search);
  if (answer.has('code') || answer.has('error')) {
    completeSignIn(answer)
      .then(showApp)
      .catch((e) => logout('Sign-in failed: ' + e.message));
  } else if (token()) {
    showApp();
  }
}());
