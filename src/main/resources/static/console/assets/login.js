/*
 * Sign-in page of the caseworker console. The CSRF token reaches the page as the XSRF-TOKEN cookie (docs/api.md);
 * the form carries it back as _csrf.
 */
(function () {
  'use strict';

  var MESSAGES = {
    error: 'Tên đăng nhập hoặc mật khẩu không đúng. Vui lòng thử lại.',
    locked: 'Đăng nhập sai nhiều lần nên tạm thời bị khóa. Vui lòng đợi một lúc rồi thử lại.',
    logout: 'Bạn đã đăng xuất.',
    expired: 'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.'
  };

  function cookie(name) {
    var match = document.cookie.match(new RegExp('(?:^|;\\s*)' + name + '=([^;]*)'));
    return match ? decodeURIComponent(match[1]) : '';
  }

  var params = new URLSearchParams(window.location.search);
  var shown = null;
  Object.keys(MESSAGES).forEach(function (key) {
    if (!shown && params.has(key)) { shown = key; }
  });
  if (shown) {
    var message = document.getElementById('login-message');
    message.textContent = MESSAGES[shown];
    message.className = 'login-message' + (shown === 'logout' ? ' ok' : '');
    message.hidden = false;
  }

  var form = document.getElementById('login-form');
  var csrf = document.getElementById('csrf');
  csrf.value = cookie('XSRF-TOKEN');
  form.addEventListener('submit', function () {
    // The token may have been set or renewed since the page loaded.
    csrf.value = cookie('XSRF-TOKEN');
  });
}());
