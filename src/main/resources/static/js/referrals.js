// 仲裁转介台账: the referrals by state and nearest deadline, one referral's events, the events allowed next,
// the liaison's open tasks (核实, 告知结果) and the notices sent. The server checks every event again.
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var STATES = [['PREPARING', '整理材料'], ['MEDIATING', '调解中'], ['SUBMITTED', '已提交待受理'], ['VERIFYING_ACCEPTANCE', '受理期限已过，核实中'],
    ['ACCEPTED', '已受理'], ['EXTENDED', '已延期审理'], ['VERIFYING_AWARD', '裁决期限已过，核实中'], ['AWARDED', '已裁决'],
    ['MEDIATED', '调解成功'], ['REJECTED', '不予受理'], ['WITHDRAWN', '已撤回'], ['ACCEPTANCE_OVERDUE', '逾期未受理'],
    ['AWARD_OVERDUE', '逾期未裁决']];
  var EVENTS = { OPENED: '开始转介', SUBMITTED: '仲裁委收件', ACCEPTED: '受理', REJECTED: '不予受理', EXTENDED: '延期审理',
    MEDIATED: '调解成功', AWARDED: '作出裁决', WITHDRAWN: '撤回申请' };
  var SENT = { SENT: '已发送', PENDING: '待发送', FAILED: '发送失败' };
  var current = null;
  var today = null;

  function minute(v) { return v ? v.substring(0, 16).replace('T', ' ') : ''; }
  function cell(tr, text, cls) { var td = document.createElement('td'); td.textContent = text == null || text === '' ? '—' : text; if (cls) { td.className = cls; } tr.appendChild(td); return td; }
  function fail(message) { $('error').textContent = message; $('error').hidden = !message; }
  function call(method, url, body) {
    var init = { method: method, credentials: 'same-origin', headers: { 'Accept': 'application/json' } };
    if (body) { init.headers['Content-Type'] = 'application/json'; init.body = JSON.stringify(body); }
    return fetch(url, init).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (b) {
        if (!r.ok) { throw new Error(r.status === 403 ? '仅仲裁联络员可登记，值班主任/协调员只能查看'
          : (b.message ? b.message.split(' / ')[0] : '操作失败（' + r.status + '）')); }
        return b;
      });
    });
  }

  function list() {
    var state = $('state').value;
    var isLatest = LatestOnly.ask('referrals');
    call('GET', '/api/arbitration-referrals' + (state ? '?state=' + state : '')).then(function (lines) {
      if (!isLatest()) { return; }
      fail('');
      var body = document.querySelector('#referrals tbody');
      body.innerHTML = '';
      if (!lines.length) { var empty = document.createElement('tr'); cell(empty, '暂无转介').colSpan = 6; body.appendChild(empty); }
      lines.forEach(function (l) {
        var tr = document.createElement('tr');
        tr.setAttribute('data-referral', l.referralId);
        if (l.dueSoon) { tr.className = 'due-soon'; }
        var first = document.createElement('td');
        var a = document.createElement('a');
        a.href = '#' + l.referralId;
        a.textContent = l.referralId;
        first.appendChild(a);
        tr.appendChild(first);
        cell(tr, l.applicantName);
        cell(tr, l.employerName);
        cell(tr, l.statusName);
        cell(tr, l.deadline ? l.deadline.name + ' ' + l.deadline.date + (l.deadline.provisional ? '（暂定）' : '') : '');
        cell(tr, l.workingDaysLeft == null ? '' : String(l.workingDaysLeft), l.dueSoon ? 'due-soon' : '');
        body.appendChild(tr);
      });
    }).catch(function (e) { if (isLatest()) { fail(e.message); } });
  }

  function show(d) {
    var r = d.referral;
    current = r.referralId;
    today = d.today;
    $('referral-id').textContent = r.referralId;
    $('referral-status').textContent = r.statusName;
    $('referral-deadline').textContent = r.deadline ? r.deadline.name + '：' + r.deadline.date
      + (r.deadline.provisional ? '（暂定）' : '') + (d.dueSoon ? '（2 个工作日内到期或已过期）' : '') : '当前没有在计的法定期限';
    $('referral-deadline').className = d.dueSoon ? 'due-soon' : 'hint';
    document.querySelectorAll('#facts tbody, #events tbody, #tasks tbody, #sent tbody, #event-type')
      .forEach(function (e) { e.innerHTML = ''; });
    [['申请人', r.applicantName + (r.applicantIdNumber ? '（' + r.applicantIdNumber + '）' : '')], ['联系电话', r.applicantPhone],
     ['用人单位', r.employerName], ['仲裁请求', r.claims], ['争议发生日期', r.disputeDate], ['时效提示', r.limitationWarning],
     ['关联问题', r.issueId], ['提交仲裁日期', r.submittedDate], ['受理日期', r.acceptedDate]].forEach(function (f) {
      var tr = document.createElement('tr'); cell(tr, f[0]); cell(tr, f[1]); document.querySelector('#facts tbody').appendChild(tr);
    });
    r.events.forEach(function (e) {
      var tr = document.createElement('tr');
      // what the hall's process did by itself is a state (已提交待受理); what the liaison recorded, the commission's event
      var state = (STATES.filter(function (s) { return s[0] === e.type; })[0] || [])[1];
      var name = e.recordedBy === 'system' ? (state || EVENTS[e.type]) : (EVENTS[e.type] || state);
      [e.date, name || e.type, e.note,
       e.recordedBy === 'system' ? '系统' : e.recordedBy, minute(e.recordedAt)].forEach(function (t) { cell(tr, t); });
      document.querySelector('#events tbody').appendChild(tr);
    });
    d.allowedNext.forEach(function (c) {
      var o = document.createElement('option'); o.value = c.type; o.textContent = c.name; $('event-type').appendChild(o);
    });
    $('event-form').hidden = !d.allowedNext.length;
    $('no-events').hidden = d.allowedNext.length > 0;
    $('no-events').textContent = d.mayRecord ? '当前状态下没有可登记的仲裁委事件。' : '值班主任/协调员只能查看；事件由仲裁联络员登记。';
    $('event-date').max = d.today;
    $('event-date').value = d.today;
    if (!d.tasks.length) { var none = document.createElement('tr'); cell(none, '暂无待办').colSpan = 3; document.querySelector('#tasks tbody').appendChild(none); }
    d.tasks.forEach(function (t) {
      var tr = document.createElement('tr');
      var td = document.createElement('td');
      var a = document.createElement('a'); a.href = t.tasklistLink; a.textContent = t.name; td.appendChild(a);
      tr.appendChild(td);
      cell(tr, t.assignee || '未认领');
      cell(tr, minute(t.due));
      document.querySelector('#tasks tbody').appendChild(tr);
    });
    d.notices.forEach(function (n) {
      var tr = document.createElement('tr');
      [minute(n.at), n.recipient, n.text, SENT[n.status] || n.status].forEach(function (t) { cell(tr, t); });
      document.querySelector('#sent tbody').appendChild(tr);
    });
    $('detail').hidden = false;
  }

  function open(referralId) {
    if (!referralId) { $('detail').hidden = true; return; }
    $('event-done').textContent = '';
    call('GET', '/api/arbitration-referrals/' + encodeURIComponent(referralId) + '/desk').then(show)
      .catch(function (e) { fail(e.message); });
  }

  $('event-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var date = $('event-date').value;
    if (!date) { fail('请选择事件发生的日期'); return; }
    if (today && date > today) { fail('日期 ' + date + ' 晚于今天（' + today + '），不能登记尚未发生的事件'); return; }
    $('event-record').disabled = true;
    var type = $('event-type').value;
    call('POST', '/api/arbitration-referrals/' + encodeURIComponent(current) + '/events',
      { type: type, date: date, note: $('event-note').value || null })
      .then(function () {
        fail('');
        $('event-note').value = '';
        open(current);
        $('event-done').textContent = '已登记：' + EVENTS[type] + '（' + date + '）';
        list();
      })
      .catch(function (e) { fail(e.message); })
      .then(function () { $('event-record').disabled = false; });
  });

  STATES.forEach(function (s) { var o = document.createElement('option'); o.value = s[0]; o.textContent = s[1]; $('state').appendChild(o); });
  $('filter').addEventListener('submit', function (event) { event.preventDefault(); list(); });
  window.addEventListener('hashchange', function () { open(decodeURIComponent(location.hash.substring(1))); });
  list();
  open(decodeURIComponent(location.hash.substring(1)));
})();
