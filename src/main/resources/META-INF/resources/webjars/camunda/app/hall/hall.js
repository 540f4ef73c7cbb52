/*
 * yijianshi: the hall's language and time zone in Camunda's web apps (Tasklist, Cockpit, Admin).
 * Loaded by each app as a custom script (config.js "customScripts"), before the app starts.
 *
 * 1. Language: Chinese unless this browser chose English with the link in the notice line; Camunda
 *    picks the language from navigator.languages, so that is what we answer.
 * 2. Time zone: every date the apps show is in the hall's zone (config.js "hall.zone", from
 *    yijianshi.zone), whatever the zone of the computer. The apps format dates with moment.js;
 *    we give their moment the same hook moment-timezone uses (updateOffset), with offsets from the
 *    browser's own time-zone database (Intl), so no zone data is shipped.
 */
const LANGUAGE_KEY = 'yijianshi.language';
const base = document.querySelector('base');
const appName = base ? base.getAttribute('app-name') : '';
const conf = {
  tasklist: window.camTasklistConf,
  cockpit: window.camCockpitConf,
  admin: window.camAdminConf,
  welcome: window.camWelcomeConf
}[appName] || {};
const hall = conf.hall || {};

function chooseLanguage() {
  let language = hall.defaultLanguage || 'zh';
  try {
    language = window.localStorage.getItem(LANGUAGE_KEY) || language;
  } catch (e) { /* storage off: the hall's default */ }
  Object.defineProperty(window.navigator, 'languages', { configurable: true, get: () => [language] });
  Object.defineProperty(window.navigator, 'language', { configurable: true, get: () => language });
  document.documentElement.setAttribute('lang', language === 'zh' ? 'zh-CN' : language);
  const switchLanguage = (event) => {
    const link = event.target.closest && event.target.closest('[data-hall-language]');
    if (!link || (event.type === 'keydown' && event.key !== 'Enter' && event.key !== ' ')) {
      return;
    }
    event.preventDefault();
    try {
      window.localStorage.setItem(LANGUAGE_KEY, link.getAttribute('data-hall-language'));
    } catch (e) { /* nothing to remember it in */ }
    // A fresh address rather than reload(): the page starts again with its own script nonce.
    const url = new URL(window.location.href);
    url.searchParams.set('language', link.getAttribute('data-hall-language'));
    window.location.assign(url.toString());
  };
  document.addEventListener('click', switchLanguage);
  document.addEventListener('keydown', switchLanguage);
}

/** Minutes east of UTC of the zone at an instant, from the browser's time-zone database. */
function offsetFinder(zone) {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit'
  });
  return (millis) => {
    const parts = {};
    for (const part of format.formatToParts(new Date(millis))) {
      parts[part.type] = part.value;
    }
    const wall = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour % 24, +parts.minute, +parts.second);
    return Math.round((wall - Math.floor(millis / 1000) * 1000) / 60000);
  };
}

/** The moment.js copies inside the apps' bundle (the web apps do not export moment). */
function bundledMoments() {
  const found = [];
  const chunks = window.webpackChunkcamunda_bpm_webapp;
  if (!chunks || typeof chunks.push !== 'function') {
    return found;
  }
  chunks.push([['yijianshi-hall-zone-' + Date.now()], {}, (require) => {
    for (const id of Object.keys(require.m || {})) {
      const source = Function.prototype.toString.call(require.m[id]);
      if (source.includes('momentProperties') && source.includes('updateOffset') && source.includes('isMoment')) {
        try {
          const exported = require(id);
          const moment = exported && exported.fn ? exported : exported && exported.default;
          if (moment && typeof moment.utc === 'function' && moment.fn && found.indexOf(moment) < 0) {
            found.push(moment);
          }
        } catch (e) { /* not moment after all */ }
      }
    }
  }]);
  return found;
}

function keepInZone(moment, zone) {
  if (moment.yijianshiZone) {
    return;
  }
  moment.yijianshiZone = zone;
  const offsetAt = offsetFinder(zone);
  // Like moment-timezone: a moment keeps its parsed parts (_a) and its zone when it is copied.
  moment.momentProperties.push('_a', '_hallZone');

  // A moment asked for in UTC stays in UTC; "local" means the hall's zone.
  const utc = moment.fn.utc;
  moment.fn.utc = function () {
    this._hallZone = null;
    return utc.apply(this, arguments);
  };
  const local = moment.fn.local;
  moment.fn.local = function () {
    local.apply(this, arguments);
    this._hallZone = zone;
    moment.updateOffset(this);
    return this;
  };

  moment.updateOffset = function (m, keepTime) {
    if (m._hallZone === null || !m.isValid()) {
      return;
    }
    if (m._hallZone === undefined) {
      if (m._isUTC) {
        m._hallZone = null; // made in UTC or with a fixed offset on purpose
        return;
      }
      const wallClock = m._a && m._tzm === undefined && m._f !== 'X' && m._f !== 'x';
      if (wallClock) {
        // Parsed from a date or time without an offset: that is the hall's wall clock.
        const wall = moment.utc(m._a).valueOf();
        m._d = new Date(wall - offsetAt(wall - offsetAt(wall) * 60000) * 60000);
      }
      m._hallZone = zone;
    }
    const offset = offsetAt(m.valueOf());
    if (!m._isUTC || m.utcOffset() !== offset) {
      m.utcOffset(offset, keepTime);
      m._hallZone = zone;
    }
  };
}

chooseLanguage();
if (hall.zone) {
  for (const moment of bundledMoments()) {
    keepInZone(moment, hall.zone);
  }
}
document.documentElement.setAttribute('data-hall-zone', hall.zone || '');
