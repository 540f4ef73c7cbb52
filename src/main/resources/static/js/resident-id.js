// GB 11643 ID numbers as the window types them: layout, province, birth date, check character; gender and birth date
// read from the number. The server checks again (intake.ResidentIdNumber) and remains the judge.
var ResidentId = (function () {
  var WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  var CHECK = '10X98765432';
  // Province codes of GB/T 2260, 港澳台 residence permits (81-83) and the 2023 foreign permanent resident card (9).
  var PROVINCES = /^(1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|8[1-3]|9\d)/;

  function checkCharacter(first17) {
    var sum = 0;
    for (var i = 0; i < 17; i++) { sum += parseInt(first17.charAt(i), 10) * WEIGHTS[i]; }
    return CHECK.charAt(sum % 11);
  }

  /** {ok, message, gender ('M'|'F'), birthDate ('YYYY-MM-DD')}; message in Chinese when not ok. */
  function check(text, today) {
    var id = (text || '').trim().toUpperCase();
    if (!/^\d{17}[\dX]$/.test(id)) { return { ok: false, message: '身份证号码应为18位（17位数字加1位数字或X）' }; }
    if (!PROVINCES.test(id)) { return { ok: false, message: '身份证号码的前两位不是有效的省级行政区代码' }; }
    var birthStart = 6;
    var y = parseInt(id.substring(birthStart, birthStart + 4), 10);
    var m = parseInt(id.substring(birthStart + 4, birthStart + 6), 10);
    var d = parseInt(id.substring(birthStart + 6, birthStart + 8), 10);
    var date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
      return { ok: false, message: '身份证号码中的出生日期不存在' };
    }
    var birthDate = id.substring(birthStart, birthStart + 4) + '-' + id.substring(birthStart + 4, birthStart + 6) + '-'
      + id.substring(birthStart + 6, birthStart + 8);
    if (y < 1900 || (today && birthDate > today)) { return { ok: false, message: '身份证号码中的出生日期不在有效范围内' }; }
    if (checkCharacter(id.substring(0, 17)) !== id.charAt(17)) {
      return { ok: false, message: '身份证号码校验位错误，请核对后重新输入' };
    }
    return { ok: true, gender: parseInt(id.charAt(16), 10) % 2 === 1 ? 'M' : 'F', birthDate: birthDate };
  }

  return { check: check, checkCharacter: checkCharacter };
})();
