// Only the latest answer of a list is drawn: an earlier request that answers later (a page's first load, a timed
// refresh, a filter submitted twice) must not overwrite what the user has just asked for.
var LatestOnly = (function () {
  var asked = {};
  return {
    /** Starts a request for one list; the function returned tells whether it is still the latest asked. */
    ask: function (list) {
      var ticket = asked[list] = (asked[list] || 0) + 1;
      return function () { return ticket === asked[list]; };
    }
  };
})();
