/*
 * Một Cửa Chat web chat page. Plain JavaScript, no build step, nothing loaded from elsewhere.
 * Leaves as little trace as a web page can: no cookie, the session id only in sessionStorage (gone with the tab),
 * messages only in the page, and a quick exit that replaces the page so Back does not return to it.
 */
(function () {
  'use strict';

  var config = window.MOTCUA_WEBCHAT || {};
  var EXIT_URL = typeof config.exitUrl === 'string' && config.exitUrl ? config.exitUrl : 'https://www.nchmf.gov.vn';
  var MAX_CHARS = config.maxTextChars > 0 ? config.maxTextChars : 2000;
  // Shown when the service answers 503 (it cannot hold messages right now); the server's own notice is preferred.
  var UNAVAILABLE = 'Lúc này hệ thống tạm thời không nhận được tin nhắn. Bạn vui lòng thử lại sau ít phút. '
    + 'Nếu bạn đang gặp nguy hiểm, hãy gọi ngay 113 (công an). Trẻ em cần giúp đỡ: gọi 111 (miễn phí, 24/7).';

  /** The person-facing notice of a 503 answer. */
  function unavailableNotice(response) {
    return response.json().then(function (body) {
      return (body && body.notice) || UNAVAILABLE;
    }, function () { return UNAVAILABLE; });
  }

  /** A refusal that carries what to tell the person. */
  function Refusal(notice) { this.notice = notice; }
  var SESSION_KEY = 'motcua.webchat.session';
  var TYPING_TIMEOUT_MS = 20000;
  var embedded = /(?:^|[?&])embed=1(?:&|$)/.test(window.location.search) && window.parent !== window;

  function byId(id) { return document.getElementById(id); }

  var main = byId('main');
  var log = byId('log');
  var replies = byId('replies');
  var statusLine = byId('status');
  var typing = byId('typing');
  var form = byId('composer');
  var input = byId('message');
  var sendButton = byId('send');
  var dialog = byId('erase-dialog');

  var session = readSession();
  var source = null;
  var exiting = false;
  var typingTimer = null;
  // Messages received so far, and the first one since the person last wrote (see showIncoming).
  var incoming = 0;
  var firstUnread = null;

  /* ---------- Quick exit ---------- */

  function quickExit(event) {
    if (event) { event.preventDefault(); }
    if (exiting) { return; }
    exiting = true;
    try { if (source) { source.close(); } } catch (ignored) { /* leaving anyway */ }
    try { window.sessionStorage.clear(); } catch (ignored) { /* storage may be disabled */ }
    document.title = '';
    document.body.innerHTML = '';
    if (embedded) {
      // In a partner's widget the whole partner page must go, not only this frame.
      try { window.parent.postMessage({ type: 'motcua:quick-exit', url: EXIT_URL }, '*'); } catch (ignored) { /* */ }
      try { window.top.location.replace(EXIT_URL); } catch (ignored) { /* the widget script does it */ }
    }
    // replace(), not assign(): the chat leaves the tab's history, so Back does not return to it.
    window.location.replace(EXIT_URL);
  }

  byId('exit').addEventListener('click', quickExit);
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' || event.key === 'Esc') { quickExit(event); }
  }, true);

  /* ---------- Session and event stream ---------- */

  function readSession() {
    try { return window.sessionStorage.getItem(SESSION_KEY); } catch (e) { return null; }
  }

  function saveSession(id) {
    session = id;
    try {
      if (id) { window.sessionStorage.setItem(SESSION_KEY, id); } else { window.sessionStorage.removeItem(SESSION_KEY); }
    } catch (e) { /* storage disabled: the session lives only in this page */ }
  }

  function ensureSession() {
    if (session) {
      if (!source) { openStream(); }
      return Promise.resolve(session);
    }
    return fetch('/webchat/sessions', { method: 'POST', credentials: 'omit', cache: 'no-store' })
      .then(function (response) {
        if (!response.ok) {
          // 503 (cannot hold messages now, or every session in use) and 429 (too many sessions from here) carry a
          // notice to show, with the hotlines.
          var fallback = response.status === 503 ? UNAVAILABLE : null;
          return response.json().then(function (body) {
            return (body && body.notice) || fallback;
          }, function () { return fallback; }).then(function (notice) {
            if (notice) { throw new Refusal(notice); }
            throw new Error('session ' + response.status);
          });
        }
        return response.json();
      })
      .then(function (body) {
        saveSession(body.session);
        openStream();
        return session;
      });
  }

  function openStream() {
    closeStream();
    var current = new EventSource('/webchat/stream?session=' + encodeURIComponent(session));
    source = current;
    current.onmessage = function (event) {
      var data;
      try { data = JSON.parse(event.data); } catch (e) { return; }
      showIncoming(data);
    };
    current.onerror = function () {
      // CLOSED means the server refused the stream (404): the session expired or was erased.
      if (current.readyState === EventSource.CLOSED && source === current) {
        source = null;
        saveSession(null);
        setTyping(false);
        note('Phiên trò chuyện đã kết thúc. Tin nhắn tiếp theo của bạn sẽ bắt đầu một cuộc trò chuyện mới.');
      }
    };
  }

  function closeStream() {
    if (source) { source.close(); source = null; }
  }

  /* ---------- Showing messages ---------- */

  var SPEAKERS = { bot: 'Trợ lý tự động', caseworker: 'Nhân viên hỗ trợ', me: 'Bạn' };

  function addMessage(from, text, scroll) {
    var item = document.createElement('li');
    item.className = 'msg msg-' + from;
    var who = document.createElement('span');
    who.className = from === 'caseworker' ? 'who' : 'visually-hidden';
    who.textContent = SPEAKERS[from] + ': ';
    var body = document.createElement('span');
    body.textContent = text;
    item.appendChild(who);
    item.appendChild(body);
    log.appendChild(item);
    if (scroll !== false) { scrollToEnd(); }
    return item;
  }

  function note(text) {
    var item = document.createElement('li');
    item.className = 'msg msg-note';
    item.textContent = text;
    log.appendChild(item);
    scrollToEnd();
  }

  function scrollToEnd() {
    main.scrollTop = main.scrollHeight;
  }

  function showIncoming(data) {
    incoming += 1;
    setTyping(false);
    var item = addMessage(data.from === 'caseworker' ? 'caseworker' : 'bot', String(data.text || ''), false);
    // An answer can come in several messages (a long answer, then a question): the first of them is where the
    // person starts reading, so later ones never scroll it away.
    if (!firstUnread) { firstUnread = item; }
    // A message without buttons (a notice after a crisis answer) keeps the buttons already shown.
    if (Array.isArray(data.quickReplies) && data.quickReplies.length > 0) {
      showReplies(data.quickReplies);
    }
    reveal(firstUnread);
  }

  /** Shows a new answer from its first line: a long answer is read from the top, not from its end. */
  function reveal(item) {
    var end = main.scrollHeight - main.clientHeight;
    main.scrollTop = Math.min(item.offsetTop - 8, end);
  }

  function showReplies(options) {
    clearReplies();
    options.forEach(function (option) {
      if (!option || typeof option.title !== 'string' || typeof option.payload !== 'string') { return; }
      if (option.dials === true) {
        // A call button (the server says which) dials the number on a phone instead of sending a message.
        var call = document.createElement('a');
        call.className = 'reply call';
        call.href = option.payload;
        call.textContent = option.title;
        replies.appendChild(call);
        return;
      }
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'reply';
      button.textContent = option.title;
      button.addEventListener('click', function () {
        send({ payload: option.payload, text: option.title }, option.title, options);
      });
      replies.appendChild(button);
    });
  }

  function clearReplies() {
    while (replies.firstChild) { replies.removeChild(replies.firstChild); }
  }

  function setTyping(on) {
    typing.hidden = !on;
    if (typingTimer) { window.clearTimeout(typingTimer); typingTimer = null; }
    if (on) {
      // No answer comes while a caseworker reads the conversation: do not promise one forever.
      typingTimer = window.setTimeout(function () { typing.hidden = true; }, TYPING_TIMEOUT_MS);
      scrollToEnd();
    }
  }

  function setStatus(text) {
    statusLine.textContent = text;
  }

  /* ---------- Sending ---------- */

  function send(body, shown, previousReplies) {
    setStatus('');
    clearReplies();
    var bubble = addMessage('me', shown);
    firstUnread = null;
    var answeredBefore = incoming;
    sendButton.disabled = true;
    return ensureSession()
      .then(function () { return post(body, true, answeredBefore); })
      .then(function (refusal) {
        if (refusal) { undo(refusal); }
      }, function (error) {
        undo(error instanceof Refusal ? error.notice
          : 'Không gửi được tin nhắn. Vui lòng kiểm tra kết nối mạng và thử lại.');
      })
      .then(function () { sendButton.disabled = false; });

    // The message did not go: take it back so the person can send it again.
    function undo(reason) {
      if (bubble.parentNode) { bubble.parentNode.removeChild(bubble); }
      if (previousReplies) { showReplies(previousReplies); scrollToEnd(); } else if (!input.value) { input.value = shown; }
      setStatus(reason);
    }
  }

  /** Posts one message; resolves with nothing when accepted, or with the reason to show when refused. */
  function post(body, retryOnExpiry, answeredBefore) {
    body.session = session;
    return fetch('/webchat/messages', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store'
    }).then(function (response) {
      if (response.status === 202) {
        // The answer can arrive over the stream before this 202 does: then there is nothing left to wait for.
        if (incoming === answeredBefore) { setTyping(true); }
        return null;
      }
      if (response.status === 404 && retryOnExpiry) {
        // The session expired (or the service restarted): start a new one and send again, once.
        closeStream();
        saveSession(null);
        return ensureSession().then(function () { return post(body, false, answeredBefore); });
      }
      if (response.status === 429) {
        var seconds = parseInt(response.headers.get('Retry-After'), 10) || 5;
        return 'Bạn đang gửi hơi nhanh. Vui lòng đợi khoảng ' + seconds + ' giây rồi gửi lại.';
      }
      if (response.status === 400) {
        return 'Tin nhắn trống hoặc quá dài (tối đa ' + MAX_CHARS + ' ký tự).';
      }
      if (response.status === 503) {
        // Not taken: the message is given back to the person, with the hotlines.
        return unavailableNotice(response);
      }
      throw new Error('status ' + response.status);
    });
  }

  input.maxLength = MAX_CHARS;

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text) {
      setStatus('Bạn hãy viết tin nhắn trước khi gửi.');
      input.focus();
      return;
    }
    input.value = '';
    resizeInput();
    send({ text: text }, text, null);
    input.focus();
  });

  input.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      if (typeof form.requestSubmit === 'function') { form.requestSubmit(); } else { sendButton.click(); }
    }
  });

  function resizeInput() {
    input.style.height = 'auto';
    input.style.height = input.scrollHeight + 'px';
  }
  input.addEventListener('input', resizeInput);

  /* ---------- Erasing ---------- */

  byId('erase').addEventListener('click', function () {
    if (typeof dialog.showModal === 'function') {
      dialog.showModal();
      byId('erase-cancel').focus();
    } else if (window.confirm('Xóa cuộc trò chuyện? Mọi điều bạn đã viết sẽ bị xóa và không khôi phục lại được.')) {
      eraseNow();
    }
  });
  byId('erase-cancel').addEventListener('click', function () { dialog.close(); });
  byId('erase-confirm').addEventListener('click', function () {
    dialog.close();
    eraseNow();
  });

  function eraseNow() {
    setStatus('');
    var id = session;
    var erased = id
      ? fetch('/webchat/sessions/' + encodeURIComponent(id), { method: 'DELETE', credentials: 'omit', cache: 'no-store' })
        .then(function (response) {
          if (!response.ok && response.status !== 404) { throw new Error('erase ' + response.status); }
        })
      : Promise.resolve();
    erased.then(function () {
      closeStream();
      saveSession(null);
      setTyping(false);
      clearReplies();
      while (log.firstChild) { log.removeChild(log.firstChild); }
      note('Đã xóa cuộc trò chuyện ở phía dịch vụ. Lịch sử duyệt web của trình duyệt thì trang này không xóa được.');
      input.focus();
    }, function () {
      setStatus('Chưa xóa được. Vui lòng kiểm tra kết nối mạng và thử lại.');
    });
  }

  /* ---------- Start ---------- */

  if (embedded) {
    document.body.classList.add('embed');
    try { window.parent.postMessage({ type: 'motcua:ready', exitUrl: EXIT_URL }, '*'); } catch (ignored) { /* */ }
  }

  if (session) {
    // A reload in the same tab: keep listening (a caseworker may answer), without the old messages.
    openStream();
    note('Bạn đang tiếp tục cuộc trò chuyện trước. Tin nhắn cũ không được lưu trên trình duyệt nên không hiện lại.');
  }
}());
