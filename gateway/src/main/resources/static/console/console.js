// The console's only script of its own: the admin key (session storage, sent as X-Api-Key on every
// htmx request), the sign-in form, the Cytoscape.js drawing of the map tab's elements, and the
// sagas' countdowns.
(function () {
  'use strict';
  var KEY = 'dragoman.console.adminKey';
  var signIn = document.getElementById('sign-in');
  var signInError = document.getElementById('sign-in-error');
  var consoleDiv = document.getElementById('console');
  var signOutButton = document.getElementById('sign-out');
  var consoleError = document.getElementById('console-error');

  function key() {
    return sessionStorage.getItem(KEY);
  }

  // What a refused key gets: the gateway's problem detail, in the console's words first.
  function refusal(status, body) {
    var detail = '';
    try {
      detail = JSON.parse(body).detail || '';
    } catch (e) {
      detail = '';
    }
    if (status === 403) {
      return 'This is a caller\'s key: it opens a context\'s routes, not the console. Sign in with an admin key. (' + detail + ')';
    }
    if (status === 401) {
      return 'Not an admin key this gateway knows. (' + detail + ')';
    }
    return 'The gateway answered ' + status + ': ' + (detail || body);
  }

  function showSignIn(message) {
    sessionStorage.removeItem(KEY);
    consoleDiv.hidden = true;
    signOutButton.hidden = true;
    document.getElementById('tab').innerHTML = '';
    signIn.hidden = false;
    signInError.textContent = message || '';
  }

  function enter() {
    signIn.hidden = true;
    signInError.textContent = '';
    consoleDiv.hidden = false;
    signOutButton.hidden = false;
    htmx.trigger(document.getElementById('tab-map'), 'click');
  }

  // A key is tried on a fragment before it is kept: a wrong one never reaches session storage.
  function tryKey(candidate) {
    return fetch('/admin/console/map', {headers: {'X-Api-Key': candidate}}).then(function (response) {
      if (response.ok) {
        sessionStorage.setItem(KEY, candidate);
        enter();
        return;
      }
      return response.text().then(function (body) {
        showSignIn(refusal(response.status, body));
      });
    }).catch(function (error) {
      showSignIn('The gateway did not answer: ' + error);
    });
  }

  signIn.addEventListener('submit', function (event) {
    event.preventDefault();
    tryKey(document.getElementById('admin-key').value);
  });
  signOutButton.addEventListener('click', function () {
    showSignIn('Signed out.');
  });

  document.body.addEventListener('htmx:configRequest', function (event) {
    var current = key();
    if (current) {
      event.detail.headers['X-Api-Key'] = current;
    }
  });
  document.body.addEventListener('htmx:responseError', function (event) {
    var xhr = event.detail.xhr;
    if (xhr.status === 401 || xhr.status === 403) {
      showSignIn(refusal(xhr.status, xhr.responseText));
      return;
    }
    consoleError.hidden = false;
    consoleError.textContent = refusal(xhr.status, xhr.responseText);
  });
  document.body.addEventListener('htmx:sendError', function () {
    consoleError.hidden = false;
    consoleError.textContent = 'The gateway did not answer; the console tries again on its next request.';
  });
  document.body.addEventListener('htmx:afterSwap', function (event) {
    if (event.detail.requestConfig && event.detail.requestConfig.verb === 'get') {
      consoleError.hidden = true;
    }
    var path = event.detail.pathInfo && event.detail.pathInfo.requestPath || '';
    document.querySelectorAll('#tabs .tab').forEach(function (tab) {
      if (path.indexOf(tab.getAttribute('hx-get')) === 0) {
        document.querySelectorAll('#tabs .tab').forEach(function (other) { other.classList.remove('active'); });
        tab.classList.add('active');
      }
    });
    var map = document.getElementById('cy');
    if (map && !map.dataset.drawn) {
      draw(map);
    }
  });

  function details(url) {
    htmx.ajax('GET', url, {target: '#details', swap: 'innerHTML'});
  }

  function draw(container) {
    container.dataset.drawn = 'true';
    var cy = cytoscape({
      container: container,
      elements: JSON.parse(container.dataset.elements),
      layout: {name: 'circle', padding: 40, spacingFactor: 1.1},
      style: [
        {selector: 'node', style: {'label': 'data(label)', 'background-color': '#2f6f9f', 'color': '#102030', 'text-valign': 'bottom',
          'text-margin-y': 6, 'font-size': 13, 'width': 34, 'height': 34}},
        {selector: 'edge', style: {'label': 'data(label)', 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'width': 2,
          'font-size': 10, 'text-rotation': 'autorotate', 'text-background-color': '#ffffff', 'text-background-opacity': 0.85,
          'text-background-padding': 2}},
        {selector: 'edge[kind = "route"]', style: {'line-color': '#d0792b', 'target-arrow-color': '#d0792b'}},
        {selector: 'edge[kind = "delivery"]', style: {'line-color': '#6b8e23', 'target-arrow-color': '#6b8e23', 'line-style': 'dashed'}},
        {selector: ':selected', style: {'background-color': '#b03030', 'line-color': '#b03030', 'target-arrow-color': '#b03030'}}
      ]
    });
    cy.on('tap', 'node', function (event) {
      details('/admin/console/map/context?name=' + encodeURIComponent(event.target.id()));
    });
    cy.on('tap', 'edge', function (event) {
      var data = event.target.data();
      if (data.kind === 'route') {
        details('/admin/console/map/route?id=' + encodeURIComponent(data.route));
      } else {
        details('/admin/console/map/delivery?type=' + encodeURIComponent(data.type) + '&from=' + encodeURIComponent(data.from)
          + '&to=' + encodeURIComponent(data.to));
      }
    });
    // For people reading it in the browser's console, and for the browser tests.
    window.dragomanMap = cy;
  }

  // The time left of open sagas, counted here each second from the deadline and the server's "now"
  // of the fragment (so a skewed browser clock does not matter); at zero it stops and says so.
  function format(ms) {
    var seconds = Math.floor(ms / 1000);
    var h = Math.floor(seconds / 3600);
    var m = Math.floor(seconds % 3600 / 60);
    var s = seconds % 60;
    return (h > 0 ? h + 'h ' : '') + (h > 0 || m > 0 ? m + 'm ' : '') + (s < 10 && (h > 0 || m > 0) ? '0' : '') + s + 's';
  }

  function tick() {
    document.querySelectorAll('.countdown[data-deadline]').forEach(function (element) {
      if (!element.dataset.drawnAt) {
        element.dataset.drawnAt = String(Date.now());
      }
      var serverNow = Date.parse(element.dataset.now) + (Date.now() - Number(element.dataset.drawnAt));
      var left = Math.max(0, Date.parse(element.dataset.deadline) - serverNow);
      element.dataset.left = String(Math.floor(left / 1000));
      element.textContent = left > 0 ? format(left) : 'deadline reached';
      element.classList.toggle('over', left === 0);
    });
  }
  setInterval(tick, 1000);
  document.body.addEventListener('htmx:afterSettle', tick);

  // The outbox list stops polling while a copy is ticked, so that a redraw never clears a selection.
  window.dragomanOutboxIdle = function () {
    return !document.querySelector('#outbox-list input[name="copy"]:checked');
  };

  if (key()) {
    tryKey(key());
  } else {
    showSignIn('');
  }
})();
