// Small progressive enhancements; every page works without this file.
document.addEventListener('DOMContentLoaded', function () {
  // Ask before cancelling.
  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (!window.confirm(form.getAttribute('data-confirm'))) { event.preventDefault(); }
    });
  });
  // Cluster page: show how old the picture is between the meta refreshes.
  var age = document.getElementById('refresh-age');
  if (age) {
    var loaded = Date.now();
    var tick = function () { age.textContent = 'updated ' + Math.round((Date.now() - loaded) / 1000) + ' s ago'; };
    tick();
    window.setInterval(tick, 1000);
  }
});
