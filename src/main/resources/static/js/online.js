// 码上办 for the citizen (phone first, large type): 实名登录, choose an online matter, fill its intake form (the same
// .form file the window uses, drawn by intake-form.js), upload materials, submit, follow progress, answer 补正, rate.
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var matters = [], me = null, form = null, current = null;

  function show(section) {
    ['sign-in', 'home', 'apply', 'application'].forEach(function (s) { $(s).hidden = s !== section; });
    $('error').hidden = true;
  }
  function fail(e) { $('error').textContent = e.message; $('error').hidden = false; window.scrollTo(0, 0); }
  function call(method, url, body, isForm) {
    var options = { method: method, headers: { 'Accept': 'application/json' }, credentials: 'same-origin' };
    if (body && !isForm) { options.headers['Content-Type'] = 'application/json'; options.body = JSON.stringify(body); }
    if (isForm) { options.body = body; }
    return fetch(url, options).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (b) {
        if (!r.ok) {
          var error = new Error(b.message ? b.message.replace(/^[\w.\[\]]+：/, '') : '操作失败，请稍后再试');
          error.field = b.field; error.status = r.status;
          throw error;
        }
        return b;
      });
    });
  }

  function start() {
    call('GET', '/api/online/me').then(home).catch(function () {
      show('sign-in');
      call('GET', '/api/online/provider').then(function (p) {
        $('provider').textContent = p.description;
        $('demo-sms-line').hidden = !p.demoOnly;
      }).catch(fail);
    });
  }

  $('send-code').addEventListener('click', function () {
    call('POST', '/api/online/code', { phone: $('phone').value.trim() }).then(function (r) {
      $('code-sent').textContent = '验证码已发送至 ' + r.sentTo + '，' + r.validMinutes + ' 分钟内有效';
      $('code-sent').hidden = false;
      $('error').hidden = true;
    }).catch(fail);
  });
  $('demo-sms').addEventListener('click', function (event) {
    event.preventDefault();
    call('GET', '/api/online/demo/sms?phone=' + encodeURIComponent($('phone').value.trim())).then(function (r) {
      $('demo-sms-code').textContent = r.code || '（无）';
    }).catch(fail);
  });
  $('sign-in-form').addEventListener('submit', function (event) {
    event.preventDefault();
    call('POST', '/api/online/session', { phone: $('phone').value.trim(), code: $('code').value.trim(),
      name: $('name').value.trim(), idNumber: $('idNumber').value.trim() }).then(home).catch(fail);
  });
  $('sign-out').addEventListener('click', function (event) {
    event.preventDefault();
    call('DELETE', '/api/online/session').then(start);
  });

  function home(who) {
    me = who;
    $('me-name').textContent = who.name;
    $('me-id').textContent = who.idNumber;
    $('me-demo').hidden = !who.demo;
    show('home');
    drawInvitations();
    call('GET', '/api/online/applications').then(function (list) {
      $('applications').innerHTML = '';
      $('none').hidden = list.length > 0;
      list.forEach(function (a) {
        var li = document.createElement('li');
        var link = document.createElement('a');
        link.href = '#';
        link.textContent = a.matterName + ' · ' + a.applicationId;
        link.addEventListener('click', function (e) { e.preventDefault(); open(a.applicationId); });
        li.appendChild(link);
        var state = document.createElement('span');
        state.className = 'state';
        state.textContent = ' ' + (a.caseStatusName || a.statusName) + (a.forSomeoneElse ? '（代' + a.applicantName + '）' : '');
        li.appendChild(state);
        $('applications').appendChild(li);
      });
    }).catch(fail);
  }

  // 政策找人: the citizen's invitations (邀约) with 一键办理; the SMS link /online?invitation=… lands here.
  function drawInvitations() {
    call('GET', '/api/online/invitations').then(function (list) {
      var open = list.filter(function (i) { return i.status === 'INVITED' || i.status === 'CONFIRMED'; });
      var box = $('invitations');
      box.innerHTML = '';
      box.hidden = open.length === 0;
      if (!open.length) { return; }
      var h = document.createElement('h2');
      h.textContent = '政策找人：邀您办理退休';
      box.appendChild(h);
      open.forEach(function (i) {
        var card = document.createElement('div');
        card.className = 'invitation';
        card.setAttribute('data-invitation', i.invitationId);
        var p = document.createElement('p');
        p.textContent = '您的法定退休年月为 ' + i.statutoryMonth.substring(0, 7) + '，累计缴费 ' + i.contributionMonths
          + ' 个月（最低 ' + i.minContributionMonths + ' 个月）。';
        card.appendChild(p);
        var names = function (onFile) {
          return i.materials.filter(function (m) { return m.onFile === onFile; }).map(function (m) { return m.name; });
        };
        var hint = (names(false).length ? '还需准备：' + names(false).join('、') + '。' : '')
          + (names(true).length ? names(true).join('、') + '已在档，无需再交。' : '');
        if (hint) {
          var m = document.createElement('p');
          m.className = 'hint';
          m.textContent = hint;
          card.appendChild(m);
        }
        var state = document.createElement('p');
        state.className = 'state';
        if (i.status === 'CONFIRMED') {
          state.textContent = '已确认办理，办件编号 ' + i.caseId;
        } else if (!i.reachesMinimum) {
          state.textContent = '尚差 ' + i.monthsLacking + ' 个月缴费，暂不能一键办理，帮办专家将与您电话联系。';
        } else {
          var button = document.createElement('button');
          button.type = 'button';
          button.className = 'confirm-invitation';
          button.textContent = '一键办理';
          button.addEventListener('click', function () {
            button.disabled = true;
            call('POST', '/api/online/invitations/' + encodeURIComponent(i.invitationId) + '/confirmation').then(function (r) {
              state.textContent = '已受理，办件编号 ' + r.caseId + '，可在“我的申请”下方查看进度（办件查询）。';
              button.remove();
            }).catch(function (e) { button.disabled = false; fail(e); });
          });
          card.appendChild(button);
        }
        card.appendChild(state);
        box.appendChild(card);
      });
    }).catch(fail);
  }

  $('new-application').addEventListener('click', function () {
    call('GET', '/api/online/matters').then(function (list) {
      matters = list;
      $('matter').innerHTML = '';
      list.forEach(function (m) { var o = document.createElement('option'); o.value = m.key; o.textContent = m.name; $('matter').appendChild(o); });
      $('for').innerHTML = '<option value="">本人</option>';
      (me.actingFor || []).forEach(function (b) {
        var o = document.createElement('option'); o.value = b.bindingId; o.textContent = b.relation + '（' + b.holderIdNumber + '）';
        $('for').appendChild(o);
      });
      $('for-box').hidden = !(me.actingFor || []).length;
      show('apply');
      drawForm();
    }).catch(fail);
  });
  $('for').addEventListener('change', function () { $('for-person').hidden = !$('for').value; });
  $('matter').addEventListener('change', drawForm);
  $('cancel-apply').addEventListener('click', function () { home(me); });

  function drawForm() {
    var matter = matters.filter(function (m) { return m.key === $('matter').value; })[0];
    $('facts').innerHTML = '';
    form = matter && matter.intakeForm ? IntakeForm.render($('facts'), matter.intakeForm,
      function () { return { applicantKind: 'PERSON', channel: 'ONLINE' }; }, function () {}) : null;
  }

  $('save-form').addEventListener('click', function () {
    if (form) { form.clear(); }
    if (form && form.check().length) { return; }
    var body = { matter: $('matter').value, facts: form ? form.facts() : {} };
    if ($('for').value) { body.forBinding = Number($('for').value); body.applicant = { name: $('for-name').value.trim(), phone: $('for-phone').value.trim() }; }
    call('POST', '/api/online/applications', body).then(function (a) { draw(a); }).catch(function (e) {
      if (form && e.field && e.field.indexOf('facts.') === 0) { form.showError(e.field, e.message); }
      fail(e);
    });
  });

  function open(id) { call('GET', '/api/online/applications/' + encodeURIComponent(id)).then(draw).catch(fail); }

  function draw(a) {
    current = a;
    show('application');
    $('app-matter').textContent = a.matterName;
    $('app-id').textContent = a.applicationId;
    $('app-status').textContent = a.caseStatusName || a.statusName;
    $('app-return').textContent = a.returnReason ? '退回原因：' + a.returnReason : '';
    $('app-return').hidden = !(a.status === 'RETURNED' && a.returnReason);
    $('app-case-line').hidden = !a.caseId;
    $('app-case').textContent = a.caseId || '';
    var editable = a.status === 'DRAFT' || a.status === 'RETURNED';
    var supplementing = a.caseStatus === 'WAITING_FOR_MATERIALS';
    $('upload-box').hidden = !(editable || supplementing);
    $('upload-title').textContent = supplementing ? '补正材料' : '上传材料';
    $('submit').hidden = !editable;
    $('supplement').hidden = !supplementing;
    var matter = matters.filter(function (m) { return m.key === a.matter; })[0];
    var missing = a.progress ? a.progress.missing : [];
    drawMaterials(a, matter, supplementing ? missing : null);
    var p = a.progress;
    $('progress-box').hidden = !p;
    if (p) {
      CaseProgress.draw(p);
    }
    $('rate').hidden = a.caseStatus !== 'COMPLETED';
  }

  function drawMaterials(a, matter, onlyNames) {
    var list = $('materials');
    list.innerHTML = '';
    var known = matter ? matter.materials : [];
    if (!matter) {
      call('GET', '/api/online/matters').then(function (l) { matters = l; draw(current); });
      return;
    }
    known.filter(function (m) { return !onlyNames || onlyNames.indexOf(m.name) >= 0; }).forEach(function (m) {
      var li = document.createElement('li');
      li.id = 'material-' + m.code;
      var uploaded = a.materials.filter(function (u) { return u.materialCode === m.code; });
      var label = document.createElement('label');
      label.textContent = m.name + (uploaded.length ? '（已上传 ' + uploaded.length + ' 个）' : '');
      label.className = uploaded.length ? 'uploaded' : '';
      var input = document.createElement('input');
      input.type = 'file';
      input.accept = 'image/*,application/pdf';
      input.dataset.code = m.code;
      input.addEventListener('change', function () {
        if (!input.files.length) { return; }
        var data = new FormData();
        data.append('materialCode', m.code);
        data.append('file', input.files[0]);
        call('POST', '/api/online/applications/' + encodeURIComponent(a.applicationId) + '/materials', data, true)
          .then(function () { open(a.applicationId); }).catch(fail);
      });
      li.appendChild(label);
      li.appendChild(input);
      list.appendChild(li);
    });
  }

  $('submit').addEventListener('click', function () {
    call('POST', '/api/online/applications/' + encodeURIComponent(current.applicationId) + '/submission').then(draw).catch(fail);
  });
  $('supplement').addEventListener('click', function () {
    var matter = matters.filter(function (m) { return m.key === current.matter; })[0];
    var codes = matter.materials.filter(function (m) { return current.progress.missing.indexOf(m.name) >= 0; })
      .map(function (m) { return m.code; });
    call('POST', '/api/online/applications/' + encodeURIComponent(current.applicationId) + '/supplement', { materials: codes })
      .then(draw).catch(fail);
  });
  $('rate').addEventListener('click', function () {
    call('POST', '/api/online/applications/' + encodeURIComponent(current.applicationId) + '/rating-link')
      .then(function (r) { window.location.href = r.link; }).catch(fail);
  });
  $('back').addEventListener('click', function () { home(me); });

  start();
}());
