// The case's printed papers (受理回执, 一次性告知书, 不予受理告知书) from /cases/{id}/print/{paper}, one A4 sheet each,
// with the hall's name, the date, signature lines and room for the seal; ID and phone as the case view masks them.
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var parts = location.pathname.split('/');
  var caseId = decodeURIComponent(parts[2]), paper = parts[4];
  var TITLES = { 'receipt': '受理回执', 'materials-notice': '一次性告知书', 'not-accepted': '不予受理告知书' };

  function get(url) {
    return fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (body) {
        if (!r.ok) { throw new Error(body.message || ('无法读取办件（' + r.status + '）')); }
        return body;
      });
    });
  }
  function el(tag, text, cls) { var e = document.createElement(tag); if (text !== undefined) { e.textContent = text; } if (cls) { e.className = cls; } return e; }
  function day(value) { return value ? value.substring(0, 10) : ''; }
  function minute(value) { return value ? value.substring(0, 16).replace('T', ' ') : ''; }
  function table(rows) {
    var t = el('table');
    rows.forEach(function (row) { var tr = el('tr'); tr.appendChild(el('th', row[0])); var td = el('td'); if (row[1] instanceof Node) { td.appendChild(row[1]); } else { td.textContent = row[1] || '—'; } tr.appendChild(td); t.appendChild(tr); });
    return t;
  }
  function list(items, empty) {
    if (!items.length) { return el('span', empty); }
    var ol = el('ol');
    items.forEach(function (i) { ol.appendChild(el('li', i)); });
    return ol;
  }
  function para(text, cls) { return el('p', text, cls); }

  function receipt(c, s, body) {
    body.appendChild(para(c.applicant.name + '：'));
    body.appendChild(para('您申请的“' + c.matterName + '”已于 ' + minute(c.acceptedAt) + ' 受理，现出具回执。', 'rights'));
    body.appendChild(table([
      ['办理事项', c.matterName], ['申请人', c.applicant.name],
      [c.applicant.kind === 'ORGANIZATION' ? '统一社会信用代码' : '证件号码', c.applicant.idNumber], ['联系电话', c.applicant.phone],
      ['受理渠道', c.channelName + (c.servicePointName ? '（' + c.servicePointName + '）' : '')]
    ].concat(c.proxy ? [['代办人', c.proxy.name + '（' + c.proxy.relation + '，' + c.proxy.idNumber + '）'
      + (c.proxy.authorization ? '，已收授权委托书' : '')]] : []).concat([
      ['已收材料', list(c.receivedMaterials.map(function (m) { return m.name; }), '无')],
      ['承诺办结', c.promisedBy ? day(c.promisedBy) + ' 前（按工作日计算，补正材料期间不计）' : '—'],
      ['受理人', c.acceptedBy]
    ])));
    body.appendChild(para('查询办理进度：在手机上打开 ' + location.origin + '/progress ，输入办件编号和申请人证件号码后6位；或致电 '
      + s.hallPhone + '。材料审核后如需补正，我们将一次性告知。', 'rights'));
  }

  function materialsNotice(c, s, body) {
    body.appendChild(para(c.applicant.name + '：'));
    body.appendChild(para('您于 ' + day(c.acceptedAt) + ' 申请的“' + c.matterName + '”（办件编号 ' + c.caseId
      + '），经审核，尚需补正以下全部材料（一次性告知，不再另行要求其他材料）：', 'rights'));
    body.appendChild(table([
      ['申请人', c.applicant.name], ['证件号码', c.applicant.idNumber],
      ['尚需补正', list(c.missingMaterials.map(function (m) { return m.where ? m.name + '（' + m.where + '）' : m.name; }), '无')],
      ['审核意见', c.materialsNote || '—'],
      ['已收材料', list(c.receivedMaterials.map(function (m) { return m.name; }), '无')],
      ['补正期限', c.supplementDue ? day(c.supplementDue) + ' 前' : '—']
    ]));
    body.appendChild(para('请在补正期限内携带上述材料到 ' + (c.servicePointName || s.hallName) + ' 窗口补正（可由他人代交）。逾期未补正的，视为撤回申请；材料备齐后可重新申请。', 'rights'));
  }

  function notAccepted(c, s, body) {
    body.appendChild(para(c.applicant.name + '：'));
    body.appendChild(para('您于 ' + day(c.acceptedAt) + ' 申请的“' + c.matterName + '”（办件编号 ' + c.caseId
      + '），经审查，决定不予受理。', 'rights'));
    body.appendChild(table([
      ['申请人', c.applicant.name], ['证件号码', c.applicant.idNumber],
      ['不予受理理由', c.outcomeReason || '—'], ['决定日期', day(c.closedAt)]
    ]));
    body.appendChild(para('如对本决定不服，可以自收到本告知书之日起六十日内依法申请行政复议，或者自收到本告知书之日起六个月内依法向人民法院提起行政诉讼。', 'rights'));
  }

  var PAPERS = { 'receipt': receipt, 'materials-notice': materialsNotice, 'not-accepted': notAccepted };

  $('print').addEventListener('click', function () { window.print(); });
  $('back').href = '/cases/' + encodeURIComponent(caseId);
  if (!PAPERS[paper]) { $('error').textContent = '没有这种文书：' + paper; $('error').hidden = false; return; }
  Promise.all([get('/api/cases/' + encodeURIComponent(caseId)), get('/api/window/station')]).then(function (answers) {
    var c = answers[0], s = answers[1];
    if (paper === 'materials-notice' && c.status !== 'WAITING_FOR_MATERIALS') { throw new Error('该办件当前不在补正材料阶段，无需出具一次性告知书（' + c.statusName + '）'); }
    if (paper === 'not-accepted' && c.status !== 'NOT_ACCEPTED') { throw new Error('该办件未作不予受理决定（' + c.statusName + '）'); }
    document.title = TITLES[paper] + ' · ' + c.caseId;
    document.querySelectorAll('.hall-name').forEach(function (e) { e.textContent = s.hallName; });
    document.querySelectorAll('.case-id').forEach(function (e) { e.textContent = c.caseId; });
    document.querySelectorAll('.hall-phone').forEach(function (e) { e.textContent = s.hallPhone; });
    $('title').textContent = TITLES[paper];
    var day = s.hallToday.split('-');
    $('printed-on').textContent = day[0] + ' 年 ' + Number(day[1]) + ' 月 ' + Number(day[2]) + ' 日';
    PAPERS[paper](c, s, $('body'));
    $('paper').hidden = false;
  }).catch(function (e) { $('error').textContent = e.message; $('error').hidden = false; });
})();
