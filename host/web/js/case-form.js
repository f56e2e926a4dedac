// The case's form on "Thủ tục", built from the procedure's field schema (procedures.get `fields`):
// one labelled control per field by its type (text, date, select, phone, email, id_number,
// textarea, boolean, table), "từ thẻ" on the fields the card fills, and the daemon's problems under
// each field — errors and warnings styled apart. Values stay in this object (`values`) so that a
// language change re-renders without losing an edit; every edit goes to `onEdit(field, value)`.

import { el, replaceChildren } from './dom.js';
import { t } from './i18n.js';
import { countProblems, labelOf, problemText, problemsByField, tableCell } from './procedure-format.js';

const INPUT_TYPES = {
  text: { type: 'text' },
  date: { type: 'text', inputmode: 'numeric', placeholder: 'dd/mm/yyyy', maxlength: 10 },
  phone: { type: 'tel', inputmode: 'tel', autocomplete: 'off' },
  email: { type: 'email', autocomplete: 'off' },
  id_number: { type: 'text', inputmode: 'numeric', maxlength: 12 },
};

const controlId = (field) => `proc-f-${field}`;
const problemsId = (field) => `proc-f-${field}-problems`;

export class CaseForm {
  /** `form`: the <form>; `others`: the <ul> for problems about no single field. */
  constructor({ form, others, summary, onEdit }) {
    this.ui = { form, others, summary };
    this.onEdit = onEdit;
    this.fields = [];
    this.values = {};
    this.problems = [];
    this.locked = false;
    form.addEventListener('submit', (ev) => ev.preventDefault());
  }

  /** A new case or a new schema: every control is rebuilt from `values`. */
  load(fields, values, problems, { locked = false } = {}) {
    this.fields = Array.isArray(fields) ? fields : [];
    this.values = structuredClone(values ?? {});
    this.problems = problems ?? [];
    this.locked = locked;
    this.render();
  }

  clear() {
    this.load([], {}, []);
  }

  setLocked(locked) {
    if (this.locked === locked) return;
    this.locked = locked;
    this.render();
  }

  render() {
    replaceChildren(this.ui.form, this.fields.map((f) => this.fieldBlock(f)));
    this.showProblems(this.problems);
  }

  // ---------- one field ----------

  fieldBlock(field) {
    const type = field.type ?? 'text';
    const label = el('label', { class: 'label', for: type === 'table' || type === 'boolean' ? null : controlId(field.id) },
      labelOf(field),
      field.required ? el('span', { class: 'required', title: t('proc.form.required') }, ' *') : null,
      field.source === 'card' ? el('span', { class: 'badge badge-source', 'data-source': 'card' }, t('proc.form.fromCard')) : null);
    const hint = labelOf({ label: field.hint ?? field.help });
    const control = type === 'table' ? this.tableControl(field)
      : type === 'boolean' ? this.booleanControl(field)
        : this.simpleControl(field, this.values[field.id], (v) => this.edit(field.id, v), controlId(field.id));
    return el('div', { class: 'form-field', 'data-field': field.id, 'data-type': type },
      type === 'boolean' ? null : label,
      control,
      hint ? el('p', { class: 'hint' }, hint) : null,
      el('ul', { class: 'field-problems', id: problemsId(field.id), hidden: true }));
  }

  /** A single-value control; `commit(value)` on every edit. Also used for table cells. */
  simpleControl(field, value, commit, id, labelText = null) {
    const type = field.type ?? 'text';
    const common = {
      id,
      class: 'input',
      name: id,
      disabled: this.locked,
      'aria-label': labelText,
      'aria-required': field.required ? 'true' : null,
      'aria-describedby': labelText ? null : problemsId(field.id),
    };
    if (type === 'select') {
      const select = el('select', { ...common },
        el('option', { value: '' }, t('proc.form.choose')),
        (field.options ?? []).map((o) => el('option', { value: String(o.value) }, labelOf(o))));
      select.value = value === null || value === undefined ? '' : String(value);
      select.addEventListener('change', () => commit(select.value));
      return select;
    }
    if (type === 'textarea') {
      const area = el('textarea', { ...common, class: 'input textarea', rows: 3, maxlength: field.max_length ?? null });
      area.value = value ?? '';
      area.addEventListener('input', () => commit(area.value));
      return area;
    }
    const input = el('input', { ...common, ...(INPUT_TYPES[type] ?? INPUT_TYPES.text), maxlength: field.max_length ?? INPUT_TYPES[type]?.maxlength ?? null, spellcheck: 'false' });
    input.value = value === null || value === undefined ? '' : String(value);
    input.addEventListener('input', () => commit(input.value));
    return input;
  }

  booleanControl(field) {
    const box = el('input', {
      type: 'checkbox', id: controlId(field.id), disabled: this.locked, 'aria-describedby': problemsId(field.id),
    });
    box.checked = this.values[field.id] === true;
    box.addEventListener('change', () => this.edit(field.id, box.checked));
    return el('label', { class: 'choice', for: controlId(field.id) }, box, ' ', labelOf(field),
      field.source === 'card' ? el('span', { class: 'badge badge-source', 'data-source': 'card' }, t('proc.form.fromCard')) : null);
  }

  /** A table field: a row of cells per entry, add/remove buttons; the whole array is the value. */
  tableControl(field) {
    const columns = Array.isArray(field.columns) ? field.columns : [];
    const rows = Array.isArray(this.values[field.id]) ? this.values[field.id] : [];
    const commitRows = () => this.edit(field.id, structuredClone(rows));
    const body = rows.map((row, r) => el('tr', { 'data-row': r },
      columns.map((c) => el('td', { 'data-column': c.id },
        this.simpleControl({ ...c, id: `${field.id}-${r}-${c.id}` }, row?.[c.id], (v) => {
          rows[r] = { ...rows[r], [c.id]: v };
          this.values[field.id] = rows;
          commitRows();
        }, `${controlId(field.id)}-${r}-${c.id}`, `${labelOf(c)} — ${t('proc.form.rowLabel', { n: r + 1 })}`))),
      el('td', {}, el('button', {
        type: 'button', class: 'btn btn-secondary btn-small', disabled: this.locked,
        onclick: () => {
          rows.splice(r, 1);
          this.values[field.id] = rows;
          commitRows();
          this.render();
        },
      }, t('proc.form.removeRow', { n: r + 1 })))));
    return el('div', { class: 'table-field', id: controlId(field.id), role: 'group', 'aria-label': labelOf(field), 'aria-describedby': problemsId(field.id) },
      el('div', { class: 'table-wrap' },
        el('table', { class: 'table table-compact' },
          el('thead', {}, el('tr', {}, columns.map((c) => el('th', { scope: 'col' }, labelOf(c))), el('th', { scope: 'col' }, el('span', { class: 'sr-only' }, t('proc.form.removeRow', { n: '' }))))),
          el('tbody', {}, body))),
      rows.length === 0 ? el('p', { class: 'hint' }, t('proc.form.noRows')) : null,
      el('button', {
        type: 'button', class: 'btn btn-secondary btn-small', disabled: this.locked,
        onclick: () => {
          rows.push(Object.fromEntries(columns.map((c) => [c.id, c.type === 'boolean' ? false : ''])));
          this.values[field.id] = rows;
          commitRows();
          this.render();
        },
      }, t('proc.form.addRow')));
  }

  edit(field, value) {
    if (this.locked) return;
    this.values[field] = value;
    this.onEdit(field, value);
  }

  // ---------- problems ----------

  /** Puts each problem under its field (the field's control marked invalid on an error). */
  showProblems(problems) {
    this.problems = Array.isArray(problems) ? problems : [];
    const { byField, others } = problemsByField(this.problems, this.fields.map((f) => f.id));
    for (const field of this.fields) {
      const list = this.ui.form.querySelector(`#${CSS.escape(problemsId(field.id))}`);
      const block = list?.closest('.form-field');
      if (!list) continue;
      const mine = byField.get(field.id) ?? [];
      replaceChildren(list, mine.map(problemItem));
      list.hidden = mine.length === 0;
      const hasError = mine.some((p) => p.severity !== 'warning');
      block.dataset.state = hasError ? 'error' : mine.length ? 'warning' : 'ok';
      const control = block.querySelector(`#${CSS.escape(controlId(field.id))}`);
      if (control && control.tagName !== 'DIV') control.setAttribute('aria-invalid', String(hasError));
    }
    // A problem about one cell of a table row marks that cell too.
    for (const cell of this.ui.form.querySelectorAll('.table-field [aria-invalid]')) cell.removeAttribute('aria-invalid');
    for (const p of this.problems) {
      const at = tableCell(p.field);
      if (!at || p.severity === 'warning') continue;
      this.ui.form.querySelector(`#${CSS.escape(`${controlId(at.field)}-${at.row}-${at.column}`)}`)?.setAttribute('aria-invalid', 'true');
    }
    replaceChildren(this.ui.others, others.map(problemItem));
    this.ui.others.hidden = others.length === 0;
    const { errors, warnings } = countProblems(this.problems);
    this.ui.summary.textContent = errors + warnings === 0 ? t('proc.form.clean') : t('proc.form.summary', { errors, warnings });
    this.ui.summary.dataset.state = errors ? 'error' : warnings ? 'warning' : 'ok';
  }

  /** Focuses the first field with an error (after a refused save). */
  focusFirstError() {
    const block = this.ui.form.querySelector('.form-field[data-state="error"]');
    block?.querySelector('input, select, textarea, button')?.focus();
    return block !== null;
  }
}

function problemItem(p) {
  const severity = p.severity === 'warning' ? 'warning' : 'error';
  return el('li', { class: `problem problem-${severity}`, 'data-code': p.code ?? '', 'data-severity': severity, 'data-field': p.field ?? '' },
    el('span', { class: 'problem-icon', 'aria-hidden': 'true' }, severity === 'warning' ? '!' : '✗'),
    el('span', { class: 'sr-only' }, `${t(`proc.problem.${severity}`)}: `),
    el('span', { class: 'problem-text' }, problemText(p)),
    tableCell(p.field) ? el('span', { class: 'problem-row' }, ` (${t('proc.form.rowLabel', { n: tableCell(p.field).row + 1 })})`) : null);
}
