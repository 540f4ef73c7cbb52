// 问题清单: filter the ledger (GET /api/issues), raise an issue, export the filter, and the weekly analysis.
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var page = 0;
  var json = function (r) { return r.json().then(function (b) { if (!r.ok) { var m = b.message || ('请求失败（' + r.status + '）'); if (b.field && m.indexOf(b.field + '：') === 0) { m = m.substring(b.field.length + 1); } var e = new Error(m); e.field = b.field; throw e; } return b; }); };
  var get = function (url) { return fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } }).then(json); };
  function cell(tr, text, cls) { var td = document.createElement('td'); td.textContent = text === 0 ? '0' : (text || '—'); if (cls) { td.className = cls; } tr.appendChild(td); return td; }
  function options(select, items) { items.forEach(function (i) { var o = document.createElement('option'); o.value = i.code; o.textContent = i.name; select.appendChild(o); }); }
  function showError(e) { $('error').textContent = e.message; $('error').hidden = false; $('error').focus && $('error').focus(); }
  var filterFields = ['status', 'source', 'category', 'dept', 'person', 'from', 'to', 'sort'];

  function filterParams() {
    var p = new URLSearchParams();
    filterFields.forEach(function (k) { var v = $(k).value.trim(); if (v) { p.set(k, v); } });
    if ($('overdue').checked) { p.set('overdue', 'true'); }
    return p;
  }

  // The export takes the same filter; the report needs a range, so without one it covers the report's longest (ten years).
  function exportHref() {
    var p = filterParams();
    p.delete('sort');
    var today = new Date();
    if (!p.get('to')) { p.set('to', today.toISOString().substring(0, 10)); }
    if (!p.get('from')) { var d = new Date(p.get('to')); d.setFullYear(d.getFullYear() - 10); d.setDate(d.getDate() + 1); p.set('from', d.toISOString().substring(0, 10)); }
    return '/api/reports/issue-ledger.xlsx?' + p.toString();
  }

  function search(event) {
    if (event) { event.preventDefault(); page = 0; }
    $('error').hidden = true;
    var p = filterParams();
    p.set('page', page);
    $('export').href = exportHref();
    var isLatest = LatestOnly.ask('issues');
    get('/api/issues?' + p.toString()).then(function (result) {
      if (!isLatest()) { return; }
      var body = document.querySelector('#issues tbody');
      body.innerHTML = '';
      $('count').textContent = '共 ' + result.total + ' 个问题，第 ' + (page + 1) + ' 页';
      result.items.forEach(function (i) {
        var tr = document.createElement('tr');
        tr.dataset.issueId = i.issueId;
        var first = document.createElement('td');
        var link = document.createElement('a');
        link.href = '/issues/' + encodeURIComponent(i.issueId);
        link.textContent = i.issueId;
        first.appendChild(link);
        tr.appendChild(first);
        cell(tr, i.sourceName);
        cell(tr, i.categoryName);
        cell(tr, i.description.length > 40 ? i.description.substring(0, 40) + '…' : i.description);
        cell(tr, i.responsibleDeptName);
        cell(tr, i.responsiblePerson);
        cell(tr, i.deadline + (i.overdue ? '（已逾期）' : ''), i.overdue ? 'breached' : '');
        cell(tr, i.statusName);
        body.appendChild(tr);
      });
      $('prev').disabled = page === 0;
      $('next').disabled = (page + 1) * 50 >= result.total;
    }).catch(function (e) { if (isLatest()) { showError(e); } });
  }

  function markField(form, field, message) {
    form.querySelectorAll('.field-error').forEach(function (n) { n.remove(); });
    form.querySelectorAll('.field.invalid').forEach(function (n) { n.classList.remove('invalid'); });
    var box = field && form.querySelector('[data-field="' + field + '"]');
    if (box) {
      box.classList.add('invalid');
      var p = document.createElement('p');
      p.className = 'field-error';
      p.setAttribute('role', 'alert');
      p.textContent = message;
      box.appendChild(p);
      var input = box.querySelector('input, select, textarea');
      if (input) { input.focus(); }
    } else if (message) {
      showError({ message: message });
    }
  }

  var categories = {};
  function explainPolicy() {
    var c = categories[$('raise-category').value];
    $('raise-policy').textContent = c ? ('整改时限：' + c.workingDays + ' 个工作日（按类别政策）' + (c.evidenceRequired ? '；销号须上传佐证材料并登记回访' : '')) : '';
  }

  function raise(event) {
    event.preventDefault();
    var body = { source: $('raise-source').value, category: $('raise-category').value, responsibleDept: $('raise-dept').value,
                 description: $('raise-description').value.trim(), caseId: $('raise-case').value.trim() || null };
    fetch('/api/issues', { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' }, body: JSON.stringify(body) })
      .then(json)
      .then(function (created) { window.location.href = '/issues/' + encodeURIComponent(created.issueId); })
      .catch(function (e) { markField($('raise'), e.field, e.message); });
  }

  function figures(f) { return [f.raised, f.closed, f.overdue, f.reopened]; }
  function lines(id, items) {
    var body = document.querySelector('#' + id + ' tbody');
    body.innerHTML = '';
    items.forEach(function (l) {
      var tr = document.createElement('tr');
      tr.dataset.code = l.code;
      cell(tr, l.name);
      var now = figures(l.thisWeek), before = figures(l.lastWeek);
      now.forEach(function (n, k) { cell(tr, n + '（' + before[k] + '）', n > before[k] && k !== 1 ? 'breached' : ''); });
      body.appendChild(tr);
    });
  }
  function weekly(event) {
    if (event) { event.preventDefault(); }
    var day = $('week').value;
    get('/api/issues/weekly' + (day ? '?week=' + day : '')).then(function (w) {
      $('week-range').textContent = '本周 ' + w.weekStart + ' 至 ' + w.weekEnd + '，与上周（' + w.lastWeekStart + ' 起）比较';
      $('week-export').href = '/api/reports/issue-weekly.xlsx?from=' + w.weekStart + '&to=' + w.weekEnd;
      var totals = document.querySelector('#week-totals tbody');
      totals.innerHTML = '';
      [['本周', w.thisWeek], ['上周', w.lastWeek]].forEach(function (row) {
        var tr = document.createElement('tr');
        cell(tr, row[0]);
        figures(row[1]).forEach(function (n) { cell(tr, n); });
        totals.appendChild(tr);
      });
      lines('week-category', w.byCategory);
      lines('week-dept', w.byDepartment);
      lines('week-source', w.bySource);
      var rec = document.querySelector('#week-recurring tbody');
      rec.innerHTML = '';
      w.recurring.forEach(function (r) {
        var tr = document.createElement('tr');
        tr.dataset.code = r.code;
        cell(tr, r.name); cell(tr, r.raisedByWeek.join(' / ')); cell(tr, r.weeksRaised + ' 周'); cell(tr, r.reopened);
        rec.appendChild(tr);
      });
      var bad = document.querySelector('#week-bad tbody');
      bad.innerHTML = '';
      w.badRatings.forEach(function (b) {
        var tr = document.createElement('tr');
        cell(tr, b.issueId); cell(tr, b.caseId); cell(tr, (b.raisedAt || '').substring(0, 16).replace('T', ' ')); cell(tr, b.reason); cell(tr, b.statusName);
        bad.appendChild(tr);
      });
    }).catch(showError);
  }

  get('/api/issues/choices').then(function (c) {
    options($('status'), c.statuses);
    options($('source'), c.sources);
    options($('category'), c.categories);
    options($('dept'), c.departments);
    options($('raise-source'), c.sources);
    options($('raise-category'), c.categories);
    options($('raise-dept'), c.departments);
    c.categories.forEach(function (k) { categories[k.code] = k; });
    explainPolicy();
    $('raise-box').hidden = !c.user.mayRaise;
    var params = new URLSearchParams(window.location.search);
    filterFields.forEach(function (k) { if (params.get(k)) { $(k).value = params.get(k); } });
    $('overdue').checked = params.get('overdue') === 'true';
    search();
    weekly();
  }).catch(showError);

  $('raise-category').addEventListener('change', explainPolicy);
  $('raise').addEventListener('submit', raise);
  $('filter').addEventListener('submit', search);
  $('week-form').addEventListener('submit', weekly);
  $('prev').addEventListener('click', function () { if (page > 0) { page--; search(); } });
  $('next').addEventListener('click', function () { page++; search(); });
})();
