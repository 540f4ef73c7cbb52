// A small renderer for the form-js (schema 16) intake forms of the matter catalog: the field types our forms use
// (text, textfield, textarea, number, select, radio, checkbox, datetime as a date, dynamiclist, group) with Chinese
// labels, their validate rules checked as the clerk types, and conditional.hide for simple FEEL comparisons. The
// server checks the same form again (catalog/IntakeFormRules) and stays the judge: an expression this file cannot
// read shows its field, and the server drops it if hidden.
var IntakeForm = (function () {

  // ---- FEEL, the small part our forms use: = != < <= > >=, and, or, not(), parentheses, names, literals.
  function tokens(text) {
    var out = [], re = /\s*(?:("(?:[^"\\]|\\.)*")|(-?\d+(?:\.\d+)?)|(!=|<=|>=|=|<|>|\(|\))|([A-Za-z_][\w.]*))/y, m;
    re.lastIndex = 0;
    while (re.lastIndex < text.length) {
      if (/^\s*$/.test(text.substring(re.lastIndex))) { break; }
      m = re.exec(text);
      if (!m) { throw new Error('unreadable FEEL: ' + text); }
      if (m[1] !== undefined) { out.push({ v: JSON.parse(m[1]) }); }
      else if (m[2] !== undefined) { out.push({ v: parseFloat(m[2]) }); }
      else if (m[3] !== undefined) { out.push({ op: m[3] }); }
      else { out.push({ name: m[4] }); }
    }
    return out;
  }

  function feel(expression, scope) {
    var list = tokens(expression.replace(/^\s*=/, '')), at = 0;
    function peek(word) { var t = list[at]; return t && (t.op === word || t.name === word); }
    function take(word) { if (!peek(word)) { throw new Error('expected ' + word); } at++; }
    function primary() {
      var t = list[at++];
      if (!t) { throw new Error('unexpected end'); }
      if (t.op === '(') { var inner = or(); take(')'); return inner; }
      if ('v' in t) { return t.v; }
      if (t.name === 'true') { return true; }
      if (t.name === 'false') { return false; }
      if (t.name === 'null') { return null; }
      if (t.name === 'not' && peek('(')) { take('('); var negated = or(); take(')'); return negated === null ? null : !negated; }
      if (t.name) {
        var value = t.name.split('.').reduce(function (o, k) { return o == null ? null : o[k]; }, scope);
        return value === undefined || value === '' ? null : value;
      }
      throw new Error('unexpected ' + t.op);
    }
    function comparison() {
      var left = primary(), t = list[at];
      if (t && t.op && t.op !== '(' && t.op !== ')') {
        at++;
        var right = primary();
        switch (t.op) {
          case '=': return left === right;
          case '!=': return left !== right;
          case '<': return left === null || right === null ? null : left < right;
          case '<=': return left === null || right === null ? null : left <= right;
          case '>': return left === null || right === null ? null : left > right;
          case '>=': return left === null || right === null ? null : left >= right;
        }
      }
      return left;
    }
    function and() { var v = comparison(); while (peek('and')) { at++; var r = comparison(); v = v === false || r === false ? false : (v === true && r === true ? true : null); } return v; }
    function or() { var v = and(); while (peek('or')) { at++; var r = and(); v = v === true || r === true ? true : (v === false && r === false ? false : null); } return v; }
    var result = or();
    if (at !== list.length) { throw new Error('trailing FEEL'); }
    return result;
  }

  /** true when the component's conditional.hide says so; an expression we cannot read hides nothing. */
  function hidden(component, scope) {
    var expression = component.conditional && component.conditional.hide;
    if (!expression) { return false; }
    try { return feel(expression, scope) === true; } catch (e) { return false; }
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function markdown(text) {
    var box = el('div', { 'class': 'form-text' });
    (text || '').split('\n').forEach(function (line) {
      var heading = /^(#{1,6})\s+(.*)$/.exec(line);
      if (heading) { box.appendChild(el('h3', {}, heading[2])); } else if (line.trim()) { box.appendChild(el('p', { 'class': 'hint' }, line)); }
    });
    return box;
  }

  // ---- fields
  function Field(component, path, onChange) {
    this.component = component;
    this.path = path;
    this.box = el('div', { 'class': 'field', 'data-field': path });
    var type = component.type, id = path, input;
    var label = el('label', { 'for': id }, component.label || component.key);
    if (component.validate && component.validate.required) { label.appendChild(el('span', { 'class': 'required' }, ' *')); }
    if (type === 'checkbox') {
      input = el('input', { type: 'checkbox', id: id });
      input.checked = component.defaultValue === true;
      var line = el('label', { 'class': 'check' });
      line.appendChild(input);
      line.appendChild(document.createTextNode(' ' + (component.label || component.key)));
      this.box.appendChild(line);
    } else if (type === 'radio') {
      this.box.appendChild(label);
      input = el('div', { 'class': 'radios', id: id, role: 'radiogroup' });
      (component.values || []).forEach(function (option, i) {
        var r = el('input', { type: 'radio', name: id, value: option.value, id: id + '-' + i });
        if (component.defaultValue === option.value) { r.checked = true; }
        var l = el('label', { 'class': 'check', 'for': id + '-' + i });
        l.appendChild(r);
        l.appendChild(document.createTextNode(' ' + option.label));
        input.appendChild(l);
      });
      this.box.appendChild(input);
    } else if (type === 'select') {
      this.box.appendChild(label);
      input = el('select', { id: id });
      if (!component.defaultValue) { input.appendChild(el('option', { value: '' }, '请选择')); }
      (component.values || []).forEach(function (option) {
        var o = el('option', { value: option.value }, option.label);
        if (component.defaultValue === option.value) { o.selected = true; }
        input.appendChild(o);
      });
      this.box.appendChild(input);
    } else {
      this.box.appendChild(label);
      input = type === 'textarea' ? el('textarea', { id: id, rows: 3 })
        : el('input', { id: id, type: type === 'number' ? 'number' : type === 'datetime' ? 'date' : 'text' });
      if (component.defaultValue !== undefined && component.defaultValue !== null) { input.value = component.defaultValue; }
      this.box.appendChild(input);
    }
    if (component.description) { this.box.appendChild(el('div', { 'class': 'hint' }, component.description)); }
    this.error = el('div', { 'class': 'field-error', role: 'alert' });
    this.error.hidden = true;
    this.box.appendChild(this.error);
    this.input = input;
    input.addEventListener('input', onChange);
    input.addEventListener('change', onChange);
  }

  Field.prototype.value = function () {
    var type = this.component.type, input = this.input;
    if (type === 'checkbox') { return input.checked; }
    if (type === 'radio') { var r = input.querySelector('input:checked'); return r ? r.value : null; }
    var text = input.value;
    if (text === '' || text === undefined) { return null; }
    if (type === 'number') { var n = Number(text); return isNaN(n) ? text : n; }
    return text;
  };

  Field.prototype.problem = function () {
    var v = this.value(), rules = this.component.validate || {};
    if (v === null || v === '') { return rules.required ? '必须填写' + (this.component.label || '') : null; }
    if (this.component.type === 'number' && typeof v !== 'number') { return '应为数字'; }
    if (typeof v === 'number') {
      if (rules.min !== undefined && v < rules.min) { return '不能小于 ' + rules.min; }
      if (rules.max !== undefined && v > rules.max) { return '不能大于 ' + rules.max; }
    }
    if (typeof v === 'string') {
      if (rules.minLength !== undefined && v.length < rules.minLength) { return '至少 ' + rules.minLength + ' 个字'; }
      if (rules.maxLength !== undefined && v.length > rules.maxLength) { return '最多 ' + rules.maxLength + ' 个字'; }
      if (rules.pattern && !new RegExp('^(?:' + rules.pattern + ')$').test(v)) { return '格式不正确'; }
      var check = this.component.properties && this.component.properties.check;
      if (check === 'residentId') { var id = ResidentId.check(v); if (!id.ok) { return id.message; } }
    }
    return null;
  };

  Field.prototype.show = function (message) {
    this.error.textContent = message || '';
    this.error.hidden = !message;
    this.box.classList.toggle('invalid', !!message);
  };

  function List(component, path, onChange) {
    this.component = component;
    this.path = path;
    this.rows = [];
    this.onChange = onChange;
    this.box = el('fieldset', { 'class': 'dynamiclist', 'data-field': path });
    this.box.appendChild(el('legend', {}, component.label || component.path));
    this.body = el('div');
    this.box.appendChild(this.body);
    var add = el('button', { type: 'button', 'class': 'secondary' }, '＋ 增加一行');
    var self = this;
    add.addEventListener('click', function () { self.addRow(); onChange(); });
    this.box.appendChild(add);
    this.error = el('div', { 'class': 'field-error', role: 'alert' });
    this.error.hidden = true;
    this.box.appendChild(this.error);
    var initial = (component.properties && Number(component.properties.minRows)) || (component.validate && component.validate.required ? 1 : 0);
    for (var i = 0; i < initial; i++) { this.addRow(); }
  }

  List.prototype.addRow = function () {
    var self = this, index = this.rows.length, row = { box: el('div', { 'class': 'row' }), fields: [] };
    build(this.component.components || [], row.box, this.path + '[' + index + ']', row.fields, this.onChange);
    var remove = el('button', { type: 'button', 'class': 'secondary' }, '删除此行');
    remove.addEventListener('click', function () { self.body.removeChild(row.box); self.rows.splice(self.rows.indexOf(row), 1); self.onChange(); });
    row.box.appendChild(remove);
    this.rows.push(row);
    this.body.appendChild(row.box);
  };

  List.prototype.show = Field.prototype.show;

  function build(components, into, prefix, fields, onChange) {
    components.forEach(function (component) {
      if (component.type === 'text') { into.appendChild(markdown(component.text)); return; }
      if (component.type === 'group') {
        var group = el('fieldset', { 'class': 'group' });
        if (component.label) { group.appendChild(el('legend', {}, component.label)); }
        into.appendChild(group);
        var inner = [];
        build(component.components || [], group, prefix, inner, onChange);
        fields.push({ group: true, component: component, box: group, fields: inner });
        return;
      }
      if (component.type === 'dynamiclist') {
        var list = new List(component, prefix + '.' + (component.path || component.key), onChange);
        into.appendChild(list.box);
        fields.push(list);
        return;
      }
      if (!component.key || component.readonly || component.disabled) { return; }
      var field = new Field(component, prefix + '.' + component.key, onChange);
      into.appendChild(field.box);
      fields.push(field);
    });
  }

  // Collects the visible values into facts, hiding what conditional.hide hides; problems go to visit(field, message).
  function collect(fields, scope, facts, visit) {
    fields.forEach(function (f) {
      var hide = hidden(f.component, scope);
      f.box.hidden = hide;
      if (hide) { return; }
      if (f.group) { collect(f.fields, scope, facts, visit); return; }
      if (f.rows) {
        var rows = f.rows.map(function (row) {
          var values = {}, rowScope = Object.assign({}, scope);
          collect(row.fields, rowScope, values, visit);
          return values;
        });
        if (rows.length) { facts[f.component.path || f.component.key] = rows; }
        if (!rows.length && f.component.validate && f.component.validate.required) { visit(f, '至少填写一行'); } else { visit(f, null); }
        return;
      }
      var value = f.value();
      if (value !== null) { facts[f.component.key] = value; }
      visit(f, f.problem());
    });
  }

  function all(fields, out) {
    fields.forEach(function (f) {
      out.push(f);
      if (f.group) { all(f.fields, out); }
      if (f.rows) { f.rows.forEach(function (row) { all(row.fields, out); }); }
    });
    return out;
  }

  /**
   * Renders {@code schema} into {@code container}; context() gives what FEEL may read beside the facts
   * (applicantKind, applicantGender, channel). Returns {facts(), check(), showError(path, message), clear()}.
   */
  function render(container, schema, context, onChange) {
    container.innerHTML = '';
    var fields = [];
    var touched = {};
    // What the server refused, by field: shown until the clerk changes that field or submits again.
    var fromServer = {};
    function changed(event) {
      var path = event && event.target && (event.target.name || event.target.id);
      if (path) { touched[path] = true; delete fromServer[path]; }
      refresh(false);
      if (onChange) { onChange(); }
    }
    build(schema.components || [], container, 'facts', fields, changed);
    function refresh(showAll) {
      var facts = {};
      var problems = [];
      // Twice: a hide that reads a value set further down the form sees it the second time.
      for (var pass = 0; pass < 2; pass++) {
        facts = {};
        problems = [];
        collect(fields, Object.assign({}, context(), facts), facts, function () {});
        var scope = Object.assign({}, context(), facts);
        facts = {};
        collect(fields, scope, facts, function (f, message) {
          if (message) { problems.push({ field: f, message: message }); }
          f.show(message && (showAll || touched[f.path]) ? message : (fromServer[f.path] || null));
        });
      }
      return { facts: facts, problems: problems };
    }
    refresh(false);
    return {
      facts: function () { return refresh(false).facts; },
      check: function () { var r = refresh(true); return r.problems; },
      clear: function () { fromServer = {}; refresh(false); },
      showError: function (path, message) {
        var match = all(fields, []).filter(function (f) { return f.path === path; })[0];
        if (!match) { return false; }
        if (message) { fromServer[path] = message; } else { delete fromServer[path]; }
        match.show(message);
        if (match.input && match.input.focus) { match.input.focus(); }
        return true;
      }
    };
  }

  return { render: render, feel: feel };
})();
