/*! Baton widget loader. One tag on a host page:
 *   <script src="https://desk.example/widget.js" data-tenant="demo" async></script>
 * Options (data-* or Baton.init({...})): tenant, position ("right" | "left"), color ("#1f5fbf"),
 * locale ("en" | "zh-CN"), token (a host-signed SSO JWT). API: Baton.open(), .close(),
 * .identify(token), .prefill({title, type}), .on(name, fn) for "opened", "closed",
 * "ticket-created", "token-expired", "sign-in-failed" (also window events "baton:<name>").
 * Until opened it only adds the launcher: no requests, no Wasm. Hand-written, no dependencies. */
(function (w, d) {
  if (w.Baton) return;
  var me = d.currentScript || d.querySelector('script[src*="widget.js"][data-tenant]');
  if (!me || !d.head.attachShadow) return;
  // Where Baton lives: messages from any other origin are ignored, ours go only there.
  var BASE = new URL(me.src, location.href).origin;
  var o = {}, ds = me.dataset, k;
  for (k in ds) o[k] = ds[k];
  var host, root, btn, panel, frame, ready = false, checking = false, shown = false;
  var draft = null, back = null;

  function zh() { return /^zh/i.test(o.locale || d.documentElement.lang || ''); }
  function label() { return zh() ? '联系客服' : 'Support'; }
  function color() { return /^#[0-9a-f]{3,8}$/i.test(o.color || '') ? o.color : '#1f5fbf'; }
  function emit(name, detail) {
    w.dispatchEvent(new CustomEvent('baton:' + name, { detail: detail || {} }));
  }
  function send(msg) {
    if (frame && ready) frame.contentWindow.postMessage(msg, BASE);
  }

  function mount() {
    if (host || !o.tenant) return;
    host = d.createElement('div');
    host.setAttribute('data-baton', '');
    root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<style>:host{all:initial}' +
      '.b{position:fixed;bottom:20px;right:20px;z-index:2147483000;display:flex;align-items:center;gap:8px;' +
      'height:48px;padding:0 18px;border:0;border-radius:24px;color:#fff;font:600 15px/1 system-ui,sans-serif;' +
      'cursor:pointer;box-shadow:0 2px 10px rgba(0,0,0,.3)}' +
      '.b:focus-visible{outline:3px solid #111;outline-offset:3px}' +
      '.p{position:fixed;bottom:80px;right:20px;z-index:2147483001;width:380px;max-width:calc(100vw - 40px);' +
      'height:min(640px,calc(100vh - 100px));border-radius:12px;overflow:hidden;background:#fff;' +
      'box-shadow:0 8px 30px rgba(0,0,0,.35)}' +
      '.l{left:20px;right:auto}.p[hidden]{display:none}iframe{border:0;width:100%;height:100%;display:block}' +
      '@media (max-width:480px){.p{inset:0;width:auto;max-width:none;height:auto;border-radius:0}}</style>' +
      '<button class="b" type="button" data-testid="baton-launcher" aria-expanded="false">' +
      '<svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false">' +
      '<path fill="currentColor" d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"/>' +
      '</svg><span></span></button>';
    btn = root.querySelector('button');
    btn.onclick = function () { shown ? close() : open(); };
    style();
    d.body.appendChild(host);
  }

  function style() {
    if (!btn) return;
    var left = o.position === 'left';
    btn.style.background = color();
    btn.classList.toggle('l', left);
    if (panel) panel.classList.toggle('l', left);
    btn.lastChild.textContent = label();
  }

  // The loader runs only on an allowed origin: the tenant's list is read once, at the first open.
  function open() {
    if (shown || checking || !host) return;
    back = d.activeElement === host ? null : d.activeElement;
    if (frame) return show();
    checking = true;
    fetch(BASE + '/api/v1/widget/' + encodeURIComponent(o.tenant), { credentials: 'omit' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (cfg) {
        checking = false;
        if (!cfg || cfg.allowed_origins.indexOf(location.origin) < 0) return refuse();
        create();
      }, function () { checking = false; });
  }

  function refuse() {
    host.remove();
    host = null;
    if (w.console) console.warn('Baton: ' + location.origin + ' may not embed this help desk');
  }

  function create() {
    panel = d.createElement('div');
    panel.className = 'p';
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-label', label());
    panel.id = 'baton-panel';
    frame = d.createElement('iframe');
    frame.title = label();
    frame.setAttribute('data-testid', 'baton-frame');
    frame.src = BASE + '/widget?' + new URLSearchParams({
      tenant: o.tenant, origin: location.origin, locale: o.locale || (zh() ? 'zh-CN' : 'en'), color: color()
    });
    panel.appendChild(frame);
    root.appendChild(panel);
    btn.setAttribute('aria-controls', panel.id);
    style();
    show();
  }

  function show() {
    shown = true;
    panel.hidden = false;
    btn.setAttribute('aria-expanded', 'true');
    frame.focus();
    send({ baton: 'opened' });
    emit('opened');
  }

  function close() {
    if (!shown) return;
    shown = false;
    panel.hidden = true;
    btn.setAttribute('aria-expanded', 'false');
    // Focus goes back where it was, or to the launcher.
    (back && back.focus && back !== d.body ? back : btn).focus();
    back = null;
    emit('closed');
  }

  w.addEventListener('message', function (e) {
    if (e.origin !== BASE || !frame || e.source !== frame.contentWindow) return;
    var m = e.data || {};
    if (m.baton === 'ready') {
      ready = true;
      send({ baton: 'identify', token: o.token || null });
      if (draft) send(draft);
      if (shown) send({ baton: 'opened' });
    } else if (m.baton === 'close') close();
    else if (m.baton === 'ticket-created') emit('ticket-created', { id: m.id, number: m.number });
    else if (m.baton === 'token-expired' || m.baton === 'sign-in-failed') emit(m.baton, { code: m.code });
  });

  w.Baton = {
    init: function (opts) {
      for (k in opts || {}) o[k] = opts[k];
      if (opts && 'token' in opts) send({ baton: 'identify', token: o.token || null });
      d.body ? mount() : 0;
      style();
    },
    open: open,
    close: close,
    identify: function (token) { this.init({ token: token }); },
    prefill: function (p) {
      p = p || {};
      draft = { baton: 'prefill', title: p.title || null, type: p.type == null ? null : +p.type };
      send(draft);
    },
    on: function (name, fn) {
      w.addEventListener('baton:' + name, function (e) { fn(e.detail); });
    }
  };
  if (d.body) mount(); else d.addEventListener('DOMContentLoaded', mount);
})(window, document);
