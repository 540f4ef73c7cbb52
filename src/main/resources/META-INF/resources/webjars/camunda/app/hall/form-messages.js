/*
 * yijianshi: Camunda Forms (form-js) in Tasklist speak Chinese too. form-js writes its validation
 * messages, placeholders and date picker in English and has no locale of its own, so this custom
 * script translates what form-js puts inside a form (.fjs-container), and nothing else. It stays
 * out of the way when the user chose English.
 */
const MESSAGES = [
  [/^Field is required\.$/, () => '此项为必填项。'],
  [/^Field must match pattern .*$/s, () => '格式不正确，请按栏目说明填写。'],
  [/^Field must have minimum value of (.+)\.$/, (m) => `不能小于 ${m[1]}。`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `不能大于 ${m[1]}。`],
  [/^Field must have minimum length of (.+)\.$/, (m) => `至少填写 ${m[1]} 个字符。`],
  [/^Field must have maximum length of (.+)\.$/, (m) => `最多填写 ${m[1]} 个字符。`],
  [/^Field must be a valid\s+international phone number.*$/, () => '请填写有效的电话号码。'],
  [/^Field must be a valid email\.$/, () => '请填写有效的电子邮箱地址。'],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    (m) => `请填写有效值，最接近的有效值为 ${m[1]} 和 ${m[2]}。`],
  [/^Date must match pattern.*$/, () => '日期格式不正确，请按“年-月-日”填写。'],
  [/^Date and time must both be entered\.$/, () => '请同时填写日期和时间。'],
  [/^Select$/, () => '请选择'],
  [/^Search$/, () => '搜索'],
  [/^Date$/, () => '日期'],
  [/^Time$/, () => '时间'],
  [/^Add new$/, () => '添加'],
  [/^No results$/, () => '无匹配结果'],
  [/^mm\/dd\/yyyy$/, () => '年-月-日'],
  [/^hh:mm$/, () => '时:分']
];

function translated(text) {
  const trimmed = text.trim();
  for (const [pattern, chinese] of MESSAGES) {
    const match = trimmed.match(pattern);
    if (match) {
      return chinese(match);
    }
  }
  return null;
}

function translateInside(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const chinese = node.nodeValue.trim() && translated(node.nodeValue);
    if (chinese) {
      node.nodeValue = chinese;
    }
  }
  for (const input of root.querySelectorAll('[placeholder]')) {
    const chinese = translated(input.getAttribute('placeholder'));
    if (chinese) {
      input.setAttribute('placeholder', chinese);
    }
  }
}

function chineseDatePicker() {
  if (!window.flatpickr || !window.flatpickr.localize) {
    return;
  }
  window.flatpickr.localize({
    weekdays: {
      shorthand: ['日', '一', '二', '三', '四', '五', '六'],
      longhand: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']
    },
    months: {
      shorthand: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
      longhand: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月']
    },
    firstDayOfWeek: 1,
    rangeSeparator: ' 至 ',
    weekAbbreviation: '周',
    scrollTitle: '滚动切换',
    toggleTitle: '点击切换 12/24 小时'
  });
}

// Asked when a form shows, not at load: the custom scripts load side by side, and hall.js sets the language.
let datePickerInChinese = false;
function inChinese() {
  const chinese = (navigator.language || '').toLowerCase().startsWith('zh');
  if (chinese && !datePickerInChinese) {
    chineseDatePicker();
    datePickerInChinese = true;
  }
  return chinese;
}

new MutationObserver((changes) => {
  if (!inChinese()) {
    return;
  }
  for (const change of changes) {
    const target = change.target.nodeType === Node.TEXT_NODE ? change.target.parentElement : change.target;
    const form = target && target.closest && target.closest('.fjs-container');
    if (form) {
      translateInside(form);
    } else if (change.type === 'childList') {
      for (const added of change.addedNodes) {
        if (added.nodeType === Node.ELEMENT_NODE) {
          const forms = added.matches('.fjs-container') ? [added] : added.querySelectorAll('.fjs-container');
          forms.forEach(translateInside);
        }
      }
    }
  }
}).observe(document.documentElement, { subtree: true, childList: true, characterData: true });
