// The managers' report page: lists the reports this user may download and downloads the chosen one.
(function () {
  var select = document.getElementById('report');
  var error = document.getElementById('error');
  var today = new Date();
  var iso = function (d) { return d.toISOString().substring(0, 10); };
  document.getElementById('to').value = iso(today);
  document.getElementById('from').value = iso(new Date(today.getFullYear(), today.getMonth(), 1, 12));

  // Each report offers only the filters it takes (its definition's parameters): department, matter, service point.
  var filters = { dept: document.getElementById('dept'), matter: document.getElementById('matter'),
                  point: document.getElementById('point') };
  var dept = filters.dept;
  var parametersOf = {};
  function offerDepartments() {
    Object.keys(filters).forEach(function (name) {
      var field = filters[name];
      field.disabled = (parametersOf[select.value] || []).indexOf(name) < 0;
      if (field.disabled) { field.value = ''; }
    });
  }
  select.addEventListener('change', offerDepartments);

  fetch('/api/matters', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
    .then(function (r) { return r.ok ? r.json() : []; })
    .then(function (matters) {
      matters.forEach(function (m) {
        var option = document.createElement('option');
        option.value = m.key;
        option.textContent = m.name;
        filters.matter.appendChild(option);
      });
    });

  fetch('/api/reports/departments', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
    .then(function (r) { return r.ok ? r.json() : []; })
    .then(function (departments) {
      departments.forEach(function (d) {
        var option = document.createElement('option');
        option.value = d.id;
        option.textContent = d.name;
        dept.appendChild(option);
      });
    });

  fetch('/api/reports', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
    .then(function (r) { if (!r.ok) { throw new Error('加载报表列表失败：' + r.status); } return r.json(); })
    .then(function (reports) {
      if (reports.length === 0) { throw new Error('您没有可下载的报表'); }
      reports.forEach(function (report) {
        var option = document.createElement('option');
        option.value = report.name;
        option.textContent = report.title;
        parametersOf[report.name] = report.parameters;
        select.appendChild(option);
      });
      offerDepartments();
    })
    .catch(function (e) { error.textContent = e.message; error.hidden = false; });

  document.getElementById('report-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var from = document.getElementById('from').value;
    var to = document.getElementById('to').value;
    if (from > to) { error.textContent = '结束日期不能早于开始日期'; error.hidden = false; return; }
    error.hidden = true;
    var query = '';
    Object.keys(filters).forEach(function (name) {
      var value = filters[name].disabled ? '' : filters[name].value.trim();
      if (value) { query += '&' + name + '=' + encodeURIComponent(value); }
    });
    window.location.href = '/api/reports/' + encodeURIComponent(select.value) + '.xlsx?from=' + from + '&to=' + to + query;
  });
})();
