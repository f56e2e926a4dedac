// API explorer built from rpc.discover: methods grouped by family, summary and schemas, a JSON
// editor prefilled with example params, a Call button, and the result or typed error.
// Results may contain citizen data: they are shown on screen only, never logged or stored.

import { byId, el, prettyJson, replaceChildren } from './dom.js';
import { currentLang, errorText, onLangChange, t } from './i18n.js';
import { RpcError } from './rpc-client.js';
import { exampleParams, familyOf, paramsSchema, resolveRef, typeSummary } from './schema-example.js';

export function setupExplorer(client) {
  const v = {
    filter: byId('explorer-filter'),
    methods: byId('explorer-methods'),
    status: byId('explorer-status'),
    placeholder: byId('explorer-placeholder'),
    detail: byId('explorer-detail'),
    name: byId('ex-name'),
    summary: byId('ex-summary'),
    description: byId('ex-description'),
    params: byId('ex-params'),
    paramsTable: byId('ex-params-table'),
    paramsNone: byId('ex-params-none'),
    paramsSchema: byId('ex-params-schema'),
    resultSchema: byId('ex-result-schema'),
    editor: byId('ex-editor'),
    editorError: byId('ex-editor-error'),
    call: byId('ex-call'),
    reset: byId('ex-reset'),
    clear: byId('ex-clear'),
    output: byId('ex-output'),
    outputStatus: byId('ex-output-status'),
    outputError: byId('ex-output-error'),
    outputBody: byId('ex-output-body'),
  };

  let doc = null;
  let selected = null; // method name
  let lastOutcome = null; // {ok, value|error, ms, method}

  const methodByName = (name) => doc?.methods.find((m) => m.name === name);

  function renderList() {
    if (!doc) {
      replaceChildren(v.methods);
      v.status.textContent = client.isOpen ? t('explorer.loading') : t('explorer.offline');
      return;
    }
    const query = v.filter.value.trim().toLowerCase();
    const shown = doc.methods.filter((m) => !query || m.name.toLowerCase().includes(query) ||
                                            (m.summary ?? '').toLowerCase().includes(query));
    const families = new Map();
    for (const m of [...shown].sort((a, b) => a.name.localeCompare(b.name))) {
      const family = familyOf(m.name);
      if (!families.has(family)) families.set(family, []);
      families.get(family).push(m);
    }
    replaceChildren(v.methods, [...families].map(([family, methods]) =>
      el('section', { class: 'family', 'aria-label': family },
        el('h3', { class: 'family-name' }, family),
        el('ul', { role: 'list' }, methods.map((m) =>
          el('li', {},
            el('button', {
              type: 'button', class: 'method', 'data-method': m.name,
              'aria-current': m.name === selected ? 'true' : false,
              onclick: () => select(m.name, true),
            }, el('span', { class: 'method-name' }, m.name),
            m.summary ? el('span', { class: 'method-summary' }, m.summary) : null)))))));
    v.status.textContent = t('explorer.count', { shown: shown.length, total: doc.methods.length });
  }

  function renderParams(method) {
    const params = (method.params ?? []).map((p) => resolveRef(p, doc));
    v.paramsTable.hidden = params.length === 0;
    v.paramsNone.hidden = params.length > 0;
    replaceChildren(v.params, params.map((p) => el('tr', {},
      el('th', { scope: 'row' }, el('code', {}, p.name)),
      el('td', {}, el('code', {}, typeSummary(p.schema, doc))),
      el('td', {}, t(p.required ? 'explorer.required' : 'explorer.optional')),
      el('td', {}, p.summary || p.description || resolveRef(p.schema, doc)?.description || ''))));
    v.paramsSchema.textContent = prettyJson(paramsSchema(method, doc));
    v.resultSchema.textContent = prettyJson(resolveRef(method.result, doc)?.schema ?? {});
  }

  function select(name, focusEditor = false) {
    const method = methodByName(name);
    if (!method) return;
    selected = name;
    lastOutcome = null;
    v.placeholder.hidden = true;
    v.detail.hidden = false;
    v.name.textContent = method.name;
    v.summary.textContent = method.summary ?? '';
    v.description.textContent = method.description ?? '';
    v.description.hidden = !method.description;
    renderParams(method);
    resetEditor();
    renderOutput();
    renderList();
    if (focusEditor) v.editor.focus();
  }

  function resetEditor() {
    const method = methodByName(selected);
    if (!method) return;
    v.editor.value = prettyJson(exampleParams(method, doc));
    showEditorError('');
  }

  function showEditorError(text) {
    v.editorError.textContent = text;
    v.editorError.hidden = !text;
    if (text) v.editor.setAttribute('aria-invalid', 'true');
    else v.editor.removeAttribute('aria-invalid');
  }

  function renderOutput() {
    v.output.hidden = lastOutcome === null;
    v.clear.hidden = lastOutcome === null;
    if (!lastOutcome) {
      replaceChildren(v.outputError);
      v.outputBody.textContent = '';
      return;
    }
    const { ok, value, error, ms } = lastOutcome;
    v.output.dataset.state = ok ? 'ok' : 'error';
    if (ok) {
      v.outputStatus.textContent = t('explorer.ok', { ms });
      replaceChildren(v.outputError);
      v.outputBody.textContent = prettyJson(value);
      return;
    }
    if (error instanceof RpcError) {
      v.outputStatus.textContent = t('explorer.failed', { code: error.code, ms });
      const data = error.data ?? {};
      const other = currentLang() === 'vi' ? 'en' : 'vi';
      const rows = [
        [t('explorer.error.message'), error.message],
        data.reason ? [t('explorer.error.reason'), el('code', {}, data.reason)] : null,
        typeof data.retriable === 'boolean'
          ? [t('explorer.error.retriable'), t(data.retriable ? 'explorer.yes' : 'explorer.no')] : null,
        data.message?.[currentLang()] ? [t(`explorer.error.message.${currentLang()}`), data.message[currentLang()]] : null,
        data.message?.[other] ? [t(`explorer.error.message.${other}`), el('span', { lang: other }, data.message[other])] : null,
      ].filter(Boolean);
      replaceChildren(v.outputError, rows.flatMap(([k, val]) => [el('dt', {}, k), el('dd', {}, val)]));
      v.outputBody.textContent = prettyJson({ code: error.code, message: error.message, data: error.data });
    } else {
      v.outputStatus.textContent = t('explorer.failedLocal');
      replaceChildren(v.outputError, el('dt', {}, t('explorer.error.message')), el('dd', {}, errorText(error)));
      v.outputBody.textContent = '';
    }
  }

  async function callSelected() {
    const method = methodByName(selected);
    if (!method) return;
    let params;
    try {
      params = v.editor.value.trim() === '' ? {} : JSON.parse(v.editor.value);
    } catch (err) {
      showEditorError(t('explorer.badJson', { detail: err.message }));
      v.editor.focus();
      return;
    }
    if (params === null || typeof params !== 'object') {
      showEditorError(t('explorer.notObject'));
      v.editor.focus();
      return;
    }
    showEditorError('');
    v.call.disabled = true;
    v.call.setAttribute('aria-busy', 'true');
    const started = performance.now();
    try {
      const value = await client.call(method.name, params);
      lastOutcome = { ok: true, value, ms: Math.round(performance.now() - started) };
    } catch (error) {
      lastOutcome = { ok: false, error, ms: Math.round(performance.now() - started) };
    } finally {
      v.call.disabled = false;
      v.call.removeAttribute('aria-busy');
    }
    renderOutput();
    v.outputStatus.focus();
  }

  async function load() {
    renderList();
    try {
      doc = await client.call('rpc.discover', {});
    } catch (err) {
      doc = null;
      v.status.textContent = errorText(err);
      return;
    }
    renderList();
    if (selected && methodByName(selected)) {
      renderParams(methodByName(selected));
    } else {
      selected = null;
      v.detail.hidden = true;
      v.placeholder.hidden = false;
    }
  }

  v.filter.addEventListener('input', renderList);
  v.call.addEventListener('click', callSelected);
  v.reset.addEventListener('click', () => { resetEditor(); v.editor.focus(); });
  v.clear.addEventListener('click', () => { lastOutcome = null; renderOutput(); v.editor.focus(); });
  v.editor.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) {
      ev.preventDefault();
      callSelected();
    }
  });
  client.whenOpen(load);
  client.addEventListener('state', () => { if (!doc) renderList(); });
  onLangChange(() => {
    renderList();
    if (selected && doc) renderParams(methodByName(selected));
    renderOutput();
  });
  renderList();
}
