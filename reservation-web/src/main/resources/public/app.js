// Small progressive enhancements; every page works without this file.
document.addEventListener('DOMContentLoaded', function () {
  // Tell the server the browser's time zone, so pages can show times in it beside a room's.
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && document.cookie.indexOf('tz=' + encodeURIComponent(zone)) < 0) {
      document.cookie = 'tz=' + encodeURIComponent(zone) + '; path=/; max-age=31536000; SameSite=Lax';
    }
    var own = document.getElementById('a-zone');
    if (own && !own.value && zone) { own.placeholder = zone; }
  } catch (e) { /* an old browser: times stay in the rooms' zones */ }
  // Ask before cancelling.
  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (!window.confirm(form.getAttribute('data-confirm'))) { event.preventDefault(); }
    });
  });
  // Cluster page: reload every few seconds, with a button to pause (WCAG 2.2.1: timing adjustable),
  // and show how old the picture is.
  var age = document.getElementById('refresh-age');
  if (age) {
    var loaded = Date.now();
    var every = parseInt(age.getAttribute('data-refresh'), 10) || 0;
    var toggle = document.getElementById('refresh-toggle');
    var paused = window.sessionStorage && sessionStorage.getItem('cluster-paused') === '1';
    var show = function () {
      toggle.textContent = paused ? 'Resume updates' : 'Pause updates';
      toggle.setAttribute('aria-pressed', paused ? 'true' : 'false');
      document.getElementById('refresh-note').textContent = paused ? 'updates paused'
        : 'this page updates every ' + every + ' s';
    };
    if (toggle && every > 0) {
      toggle.hidden = false;
      show();
      toggle.addEventListener('click', function () {
        paused = !paused;
        if (window.sessionStorage) { sessionStorage.setItem('cluster-paused', paused ? '1' : '0'); }
        loaded = Date.now();
        show();
      });
    }
    var tick = function () {
      var seconds = Math.round((Date.now() - loaded) / 1000);
      age.textContent = 'updated ' + seconds + ' s ago';
      if (every > 0 && !paused && seconds >= every) { window.location.reload(); }
    };
    tick();
    window.setInterval(tick, 1000);
  }
});
