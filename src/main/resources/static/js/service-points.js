// 服务网点管理: lists the registry (by level, matter, under a point) and imports a sheet, showing each bad row.
(function () {
  var json = { credentials: 'same-origin', headers: { 'Accept': 'application/json' } };
  var error = document.getElementById('error');

  function cell(row, text, className) {
    var td = document.createElement('td');
    td.textContent = text == null ? '' : text;
    if (className) { td.className = className; }
    row.appendChild(td);
  }

  function search() {
    var params = new URLSearchParams({ limit: '500' });
    ['level', 'under', 'matter'].forEach(function (name) {
      var value = document.getElementById(name).value.trim();
      if (value) { params.set(name, value); }
    });
    fetch('/api/service-points?' + params, json)
      .then(function (r) { return r.json().then(function (body) { if (!r.ok) { throw new Error(body.message); } return body; }); })
      .then(function (points) {
        error.hidden = true;
        var body = document.querySelector('#points tbody');
        body.innerHTML = '';
        points.forEach(function (p) {
          var row = document.createElement('tr');
          cell(row, p.code);
          cell(row, p.name);
          cell(row, p.levelName);
          cell(row, p.parentCode);
          cell(row, p.partnerKindName);
          cell(row, p.matters == null ? '全部事项' : p.matters.map(function (m) { return m.name; }).join('、'));
          cell(row, p.address);
          cell(row, !p.active ? '已关闭' : p.needsReview ? '待核实' : '启用', !p.active ? 'closed' : p.needsReview ? 'review' : '');
          body.appendChild(row);
        });
      })
      .catch(function (e) { error.textContent = e.message; error.hidden = false; });
  }

  document.getElementById('search-form').addEventListener('submit', function (event) {
    event.preventDefault();
    search();
  });

  document.getElementById('import-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var result = document.getElementById('import-result');
    var errors = document.getElementById('import-errors');
    var data = new FormData();
    data.append('file', document.getElementById('file').files[0]);
    result.hidden = false;
    result.className = '';
    result.textContent = '正在导入……';
    errors.hidden = true;
    fetch('/api/admin/service-points/import', { method: 'POST', body: data, credentials: 'same-origin',
      headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (answer) {
        if (answer.ok) {
          result.textContent = '已导入 ' + answer.body.imported + ' 个网点（新增 ' + answer.body.created + '，更新 '
            + answer.body.replaced + '），用时 ' + (answer.body.millis / 1000).toFixed(1) + ' 秒';
          search();
          return;
        }
        result.className = 'error';
        result.textContent = answer.body.message;
        var body = errors.querySelector('tbody');
        body.innerHTML = '';
        (answer.body.errors || []).forEach(function (e) {
          var row = document.createElement('tr');
          cell(row, e.row);
          cell(row, e.column || e.field);
          cell(row, e.message);
          body.appendChild(row);
        });
        errors.hidden = !(answer.body.errors && answer.body.errors.length && answer.body.errors[0].row !== undefined);
      })
      .catch(function (e) { result.className = 'error'; result.textContent = '导入失败：' + e.message; });
  });

  search();
})();
