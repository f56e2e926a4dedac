// "Thủ tục": the counter's procedure wizard. Read the card (card-read.js's reads: "Đọc bằng mã
// QR" here, or a key on "Đọc CCCD") → choose the procedure (procedures.list) → cases.create
// prefills the form from the read → edits saved by cases.update with the problems under each field
// → documents (scans attached) → preview → print → cases.submit and the receipt. The card's data
// and the case stay in this module's memory only; "Hồ sơ mới" drops them.

import { byId, el, replaceChildren } from './dom.js';
import { errorText, localized, onLangChange, t } from './i18n.js';
import { BlobFetchError } from './scan-view.js';
import { ProcedureCard } from './procedure-card.js';
import { CaseForm } from './case-form.js';
import { CaseDocuments } from './case-documents.js';
import { CasePreview } from './case-preview.js';
import { CasePrint } from './case-print.js';
import { CaseReceipt } from './case-receipt.js';
import { PendingEdits, STEPS, formatFee, formatTimeLimit, stepAvailable } from './procedure-format.js';

const SAVE_DELAY_MS = 500; // typing pauses this long before cases.update

export function setupProcedureWizard(client, scanners, reader) {
  const ui = {
    steps: byId('proc-steps'),
    alert: byId('proc-alert'),
    caseLine: byId('proc-case-line'),
    caseText: byId('proc-case-text'),
    newCase: byId('proc-new'),
    back: byId('proc-back'),
    next: byId('proc-next'),
    listStatus: byId('proc-list-status'),
    list: byId('proc-list'),
    create: byId('proc-create'),
    formSave: byId('proc-form-save'),
    formLocked: byId('proc-form-locked'),
  };
  const sections = new Map(STEPS.map((s) => [s, byId(`proc-step-${s}`)]));

  const state = {
    step: 'card',
    procedures: null, // procedures.list result
    chosen: null, // procedure id
    creating: false,
    kase: null,
    error: null,
    errorKept: false, // a print fault: say that the case is kept
    save: null, // {key, vars}
  };
  const schemas = new Map(); // procedure id → procedures.get result
  const edits = new PendingEdits();
  let saveTimer = null;
  let saving = null; // the cases.update promise in flight

  const currentCase = () => state.kase;

  // ---------- alert and case line ----------

  function showError(err, { caseKept = false } = {}) {
    state.error = err;
    state.errorKept = Boolean(err) && caseKept;
    renderAlert();
  }

  function renderAlert() {
    const err = state.error;
    ui.alert.hidden = !err;
    ui.alert.dataset.reason = err?.data?.reason ?? err?.reason ?? '';
    if (!err) {
      replaceChildren(ui.alert);
      return;
    }
    const message = err instanceof BlobFetchError ? t('proc.blob.failed', { reason: err.reason })
      : err.localKey ? t(err.localKey) : errorText(err);
    replaceChildren(ui.alert,
      el('span', { class: 'alert-message' }, message),
      state.errorKept && state.kase ? el('span', { class: 'alert-kept' }, t('proc.print.caseKept', { id: state.kase.id })) : null);
  }

  function procedureTitle(id) {
    const p = state.procedures?.procedures?.find((x) => x.id === id);
    return p ? localized(p.title) : schemas.get(id)?.manifest ? localized(schemas.get(id).manifest.title) : id;
  }

  function renderCaseLine() {
    const k = state.kase;
    ui.caseLine.hidden = !k;
    if (!k) return;
    const status = ['draft', 'submitted', 'returned', 'refused'].includes(k.status) ? t(`proc.status.${k.status}`) : k.status;
    ui.caseText.textContent = t('proc.caseLine', { id: k.id, procedure: procedureTitle(k.procedure), status });
    ui.caseLine.dataset.status = k.status;
  }

  // ---------- steps ----------

  function renderSteps() {
    const hasCase = state.kase !== null;
    replaceChildren(ui.steps, STEPS.map((name, i) => el('li', { class: 'wizard-step-item' },
      el('button', {
        type: 'button', class: 'wizard-step-button', 'data-step': name,
        'aria-current': name === state.step ? 'step' : null,
        disabled: !stepAvailable(name, { hasCase }),
        'aria-label': t('proc.stepLabel', { n: i + 1, name: t(`proc.step.${name}`) }),
        onclick: () => go(name),
      }, el('span', { class: 'wizard-step-number', 'aria-hidden': 'true' }, String(i + 1)), t(`proc.step.${name}`)))));
    for (const [name, section] of sections) section.hidden = name !== state.step;
    const i = STEPS.indexOf(state.step);
    ui.back.hidden = i === 0;
    const next = STEPS[i + 1];
    // The first two steps end with their own buttons ("Dùng thẻ này", "Tạo hồ sơ").
    ui.next.hidden = !next || !hasCase || i < STEPS.indexOf('choose');
    ui.next.disabled = !next || !stepAvailable(next, { hasCase });
  }

  async function go(name) {
    if (!stepAvailable(name, { hasCase: state.kase !== null })) return;
    if (state.step === 'form' && name !== 'form') await flush();
    state.step = name;
    showError(null);
    renderSteps();
    sections.get(name).querySelector('h2')?.focus();
    if (name === 'choose') loadProcedures();
    if (name === 'documents') documents.render();
    if (name === 'preview') preview.ensure();
    if (name === 'print') print.renderButtons();
    if (name === 'save') receipt.render();
  }

  // ---------- 2. the procedure ----------

  async function loadProcedures() {
    if (state.procedures) {
      renderProcedures();
      return;
    }
    ui.listStatus.textContent = t('proc.choose.loading');
    try {
      state.procedures = await client.call('procedures.list', {});
    } catch (err) {
      showError(err);
    }
    renderProcedures();
  }

  function renderProcedures() {
    const list = state.procedures?.procedures ?? [];
    const broken = state.procedures?.problems?.length ?? 0;
    ui.listStatus.textContent = !state.procedures ? '' : list.length === 0 ? t('proc.choose.empty')
      : broken ? t('proc.choose.problems', { n: broken }) : '';
    replaceChildren(ui.list, list.map((p) => {
      const id = `proc-option-${p.id}`;
      const radio = el('input', { type: 'radio', name: 'proc-procedure', value: p.id, id, checked: state.chosen === p.id });
      radio.addEventListener('change', () => {
        state.chosen = p.id;
        renderCreate();
      });
      return el('li', { class: 'procedure-option', 'data-procedure': p.id },
        radio,
        el('label', { for: id },
          el('span', { class: 'procedure-title' }, localized(p.title)),
          el('span', { class: 'procedure-code' }, t('proc.choose.code', { code: p.procedureCode ?? '—' })),
          el('span', { class: 'procedure-facts' },
            el('span', { 'data-fact': 'timeLimit' }, `${t('proc.choose.timeLimit')}: ${formatTimeLimit(p.timeLimit)}`),
            el('span', { 'data-fact': 'fee' }, `${t('proc.choose.fee')}: ${formatFee(p.fee)}`))));
    }));
    renderCreate();
  }

  function renderCreate() {
    ui.create.disabled = state.creating || !state.chosen;
    ui.create.setAttribute('aria-busy', String(state.creating));
    ui.create.textContent = t(state.creating ? 'proc.choose.creating' : 'proc.choose.create');
  }

  async function schemaOf(id) {
    if (!schemas.has(id)) schemas.set(id, await client.call('procedures.get', { id }));
    return schemas.get(id);
  }

  async function createCase() {
    if (state.creating) return;
    if (!state.chosen) {
      showError({ localKey: 'proc.choose.pick' });
      return;
    }
    state.creating = true;
    renderCreate();
    showError(null);
    try {
      const params = { procedure: state.chosen };
      if (card.cardRead) params.cardRead = card.cardRead;
      const schema = await schemaOf(state.chosen);
      const { case: created } = await client.call('cases.create', params);
      resetCase();
      setCase(created);
      form.load(schema.fields, created.form, created.problems);
      await go('form');
    } catch (err) {
      showError(err);
    } finally {
      state.creating = false;
      renderCreate();
    }
  }

  // ---------- 3. the form: edits saved as the staff type ----------

  function setCase(kase) {
    if (!kase) return;
    state.kase = kase;
    form.setLocked(kase.status !== 'draft');
    ui.formLocked.hidden = kase.status === 'draft';
    renderCaseLine();
    renderSteps();
    documents.render();
    receipt.render();
    print.renderButtons();
  }

  function setSave(key, vars = {}) {
    state.save = key ? { key, vars } : null;
    renderSave();
  }

  function renderSave() {
    ui.formSave.textContent = state.save ? t(state.save.key, state.save.vars) : '';
    ui.formSave.dataset.state = state.save?.key === 'proc.form.saveFailed' ? 'failed'
      : state.save?.key === 'proc.form.saving' ? 'running' : state.save ? 'completed' : 'idle';
  }

  function onEdit(field, value) {
    edits.set(field, value);
    setSave('proc.form.saving');
    clearTimeout(saveTimer);
    saveTimer = setTimeout(flush, SAVE_DELAY_MS);
  }

  /** Sends what is pending, one cases.update at a time; resolves when nothing is left to send. */
  async function flush() {
    clearTimeout(saveTimer);
    while (saving) await saving;
    if (edits.empty || !state.kase) return;
    const patch = edits.take();
    const id = state.kase.id;
    saving = (async () => {
      try {
        const { case: updated } = await client.call('cases.update', { case: id, form: patch });
        if (state.kase?.id !== id) return;
        setCase(updated);
        form.showProblems(updated.problems);
        if (edits.empty) setSave('proc.form.saved', { time: new Date().toLocaleTimeString(document.documentElement.lang) });
      } catch (err) {
        if (state.kase?.id !== id) return;
        edits.restore(patch);
        state.save = { key: 'proc.form.saveFailed', vars: { message: errorText(err) } };
        renderSave();
      }
    })();
    try {
      await saving;
    } finally {
      saving = null;
    }
    if (!edits.empty) await flush();
  }

  const card = new ProcedureCard(reader, scanners, {
    qr: byId('proc-card-qr'), key: byId('proc-card-key'), manual: byId('proc-card-manual'), use: byId('proc-card-use'),
    status: byId('proc-card-status'), person: byId('proc-card-person'), verdict: byId('proc-card-verdict'),
  }, { showError, onChoose: () => go('choose'), isShown: () => state.step === 'card' });
  const form = new CaseForm({
    form: byId('proc-form'), others: byId('proc-form-problems'), summary: byId('proc-form-summary'), onEdit,
  });
  const documents = new CaseDocuments(client, scanners, {
    list: byId('proc-documents'), status: byId('proc-docs-status'), empty: byId('proc-docs-empty'),
    showError, currentCase, onCase: setCase,
  });
  const preview = new CasePreview(client, {
    pages: byId('proc-preview-pages'), status: byId('proc-preview-status'), pdf: byId('proc-preview-pdf'),
    refresh: byId('proc-preview-refresh'), showError, currentCase, beforeRender: flush,
  });
  const print = new CasePrint(client, {
    printer: byId('proc-printer'), empty: byId('proc-printer-empty'), copies: byId('proc-copies'),
    duplex: byId('proc-duplex'), submit: byId('proc-print'), status: byId('proc-print-status'),
    showFault: (err) => showError(err, { caseKept: true }), currentCase, beforePrint: flush,
  });
  const receipt = new CaseReceipt(client, {
    submit: byId('proc-submit'), status: byId('proc-save-status'), section: byId('proc-receipt'),
    facts: byId('proc-receipt-facts'), pdf: byId('proc-receipt-pdf'), showError, currentCase,
    beforeSubmit: flush,
    onCase: setCase,
    onRefused: async (problems) => {
      // Back to the form, the refusal's message stays in the alert and each problem on its field.
      form.showProblems(problems);
      await go('form');
      form.focusFirstError();
    },
  });

  // ---------- a new case ----------

  function resetCase() {
    clearTimeout(saveTimer);
    edits.take();
    state.kase = null;
    state.save = null;
    form.clear();
    preview.clear();
    print.reset();
    receipt.clear();
    renderSave();
  }

  function newCase() {
    resetCase();
    state.chosen = null;
    showError(null);
    renderCaseLine();
    card.forget();
    renderProcedures();
    go('card');
  }

  // ---------- wiring ----------

  ui.create.addEventListener('click', createCase);
  ui.newCase.addEventListener('click', newCase);
  ui.back.addEventListener('click', () => go(STEPS[Math.max(0, STEPS.indexOf(state.step) - 1)]));
  ui.next.addEventListener('click', () => go(STEPS[Math.min(STEPS.length - 1, STEPS.indexOf(state.step) + 1)]));
  client.whenOpen(() => {
    // A reconnect may meet a daemon that reloaded its procedures.
    state.procedures = null;
    if (state.step === 'choose') loadProcedures();
  });
  onLangChange(() => {
    renderSteps();
    renderAlert();
    renderCaseLine();
    card.render();
    renderProcedures();
    renderSave();
    form.render();
    documents.render();
    preview.relabel();
    print.relabel();
    receipt.render();
  });
  renderSteps();
  card.render();
  renderSave();
  renderCaseLine();
}
