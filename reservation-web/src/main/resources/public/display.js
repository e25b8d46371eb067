// The door display: polls the room's state and redraws in place; keeps the last state and shows
// "reconnecting" while the app or its database does not answer; the token comes from the page's URL.
(function () {
  'use strict';
  var body = document.getElementById('door');
  if (!body) { return; }
  var room = body.getAttribute('data-room');
  var pollMs = parseInt(body.getAttribute('data-poll-ms'), 10) || 3000;
  var token = new URLSearchParams(window.location.search).get('token') || '';
  var base = '/display/rooms/' + encodeURIComponent(room);
  var $ = function (id) { return document.getElementById(id); };

  function connected(ok) {
    $('door-conn').hidden = ok;
    body.classList.toggle('stale', !ok);
  }

  function draw(s) {
    body.classList.toggle('is-busy', s.busy);
    body.classList.toggle('is-free', !s.busy);
    $('door-room').textContent = s.roomName;
    $('door-state').textContent = s.headline;
    $('door-detail').textContent = s.detail;
    $('door-next').textContent = s.nextAt ? 'Next: ' + s.nextAt : '';
    $('door-check-in').hidden = !s.checkInOpen;
    $('door-book-15').hidden = !s.bookNowAllowed;
    $('door-book-30').hidden = !s.bookNowAllowed || (s.freeMinutes !== null && s.freeMinutes < 30);
    // the room's zone (never the tablet's): the same clock as the times above
    $('door-clock').textContent = 'Updated ' + new Date(s.now).toLocaleTimeString('en-GB',
      {hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, timeZone: s.zone});
  }

  function request(method, path) {
    return fetch(base + path, {method: method, headers: {'X-Display-Token': token, 'Accept': 'application/json'},
      cache: 'no-store'});
  }

  var timer = null;
  function poll() {
    request('GET', '/state').then(function (r) {
      if (r.status === 403) {
        connected(true);
        $('door-message').textContent = 'This display is no longer allowed for this room; ask an admin for a new link.';
        return null;
      }
      if (!r.ok) { throw new Error('HTTP ' + r.status); }
      return r.json();
    }).then(function (s) {
      if (s) { connected(true); draw(s); }
    }).catch(function () {
      connected(false); // keep showing the last state
    }).finally(function () {
      timer = window.setTimeout(poll, pollMs);
    });
  }

  function act(button) {
    var path = button.getAttribute('data-action') === 'check-in' ? '/check-in'
      : '/book?minutes=' + button.getAttribute('data-minutes');
    button.disabled = true;
    request('POST', path).then(function (r) {
      return r.json().then(function (j) { return {ok: r.ok, body: j}; });
    }).then(function (res) {
      connected(true);
      if (res.ok) {
        draw(res.body);
        $('door-message').textContent = button.getAttribute('data-action') === 'check-in' ? 'Checked in. Enjoy your meeting.' : 'Booked.';
      } else {
        $('door-message').textContent = res.body.error || 'That did not work.';
      }
    }).catch(function () {
      connected(false);
      $('door-message').textContent = 'Not connected; try again in a moment.';
    }).finally(function () { button.disabled = false; });
  }

  Array.prototype.forEach.call(document.querySelectorAll('.door-actions button'), function (b) {
    b.addEventListener('click', function () { act(b); });
  });
  timer = window.setTimeout(poll, pollMs);
}());
