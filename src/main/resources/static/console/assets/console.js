/*
 * Một Cửa Chat caseworker console. Plain JavaScript, no build step, nothing loaded from elsewhere; no inline script
 * or style (the page's CSP forbids both). Talks only to the REST API in docs/api.md and its event stream.
 * Shows only what the API gives: what the person wrote and what was sent, never any platform profile.
 * This module holds the page's state (queue, open conversation) and wires the parts: words.js (labels), format.js,
 * api.js, canned.js (the "/" list) and alerts.js (banner, sound, title).
 */
import {
  PRIORITY, PRIORITY_RANK, CHANNEL, STATE, SPEAKER, DELIVERY, SERVICE_TYPE, SERVICE_TYPE_ORDER, REFERRAL,
  REFERRAL_NEXT, NOT_MINE, CANNOT_REACH, HOLDER, intentLabel
} from './words.js';
import { byId, el, clear, timeOf, when, duration, remaining, cssEscape } from './format.js';
import { api, ApiError, explain, onSignedOut, path, cookie } from './api.js';
import { cannedReplies } from './canned.js';
import { alarms } from './alerts.js';

var BASE_TITLE = document.title;

/* ---------- Signed out ---------- */

var leaving = false;
function signInAgain() {
  if (leaving) { return; }
  leaving = true;
  if (events) { events.close(); }
  window.location.assign('/console/login?expired');
}

onSignedOut(signInAgain);

/* ---------- State ---------- */

var me = null;
var queue = [];            // summaries, each with receivedAt (ms) to count its waiting time forward
var firstShown = {};       // conversation id → when its row first appeared on this screen (ms since epoch)
var unread = {};           // conversation id → true when a message came while another conversation was open
var selectedId = null;
var current = null;        // the open conversation: summary plus notes, referrals, safeContact
var messages = [];
var cannedList = [];
var services = [];
var openToken = 0;
var opening = Promise.resolve();
var loadingId = null;      // the conversation being opened: its live messages wait in `early` until it has loaded
var early = [];
var events = null;

/* ---------- Queue ---------- */

var queueList = byId('queue');

function waitingNow(summary) {
  var base = typeof summary.waitingSeconds === 'number' ? summary.waitingSeconds : 0;
  return base + (Date.now() - summary.receivedAt) / 1000;
}

/** Who still needs a person comes first: waiting before held, then the most urgent, then the longest waiting. */
function compare(a, b) {
  var held = (a.state === 'WITH_HUMAN' ? 1 : 0) - (b.state === 'WITH_HUMAN' ? 1 : 0);
  if (held !== 0) { return held; }
  var byPriority = (PRIORITY_RANK[b.priority] || 0) - (PRIORITY_RANK[a.priority] || 0);
  if (byPriority !== 0) { return byPriority; }
  if (!!a.overdue !== !!b.overdue) { return a.overdue ? -1 : 1; }
  return waitingNow(b) - waitingNow(a);
}

function inQueue(summary) {
  return summary.state === 'WAITING_FOR_HUMAN' || summary.state === 'WITH_HUMAN';
}

function stamp(summary) {
  summary.receivedAt = Date.now();
  return summary;
}

function upsert(summary) {
  stamp(summary);
  var previous = null;
  queue = queue.filter(function (item) {
    if (item.id === summary.id) { previous = item; return false; }
    return true;
  });
  if (inQueue(summary)) { queue.push(summary); }
  queue.sort(compare);
  return previous;
}

function renderQueue() {
  var focusedId = document.activeElement && document.activeElement.dataset
    ? document.activeElement.dataset.id : null;
  var waiting = byId('queue-waiting');
  var held = byId('queue-held');
  clear(waiting);
  clear(held);
  var counts = { waiting: 0, held: 0 };
  queue.forEach(function (summary) {
    if (!firstShown[summary.id]) { firstShown[summary.id] = Date.now(); }
    var item = el('li');
    item.appendChild(row(summary));
    var isHeld = summary.state === 'WITH_HUMAN';
    (isHeld ? held : waiting).appendChild(item);
    counts[isHeld ? 'held' : 'waiting'] += 1;
  });
  byId('queue-empty').hidden = counts.waiting > 0;
  byId('waiting-count').textContent = '(' + counts.waiting + ')';
  byId('held-title').hidden = counts.held === 0;
  byId('held-count').textContent = '(' + counts.held + ')';
  if (focusedId) {
    var again = queueList.querySelector('[data-id="' + cssEscape(focusedId) + '"]');
    if (again) { again.focus(); }
  }
}

function row(summary) {
  var button = el('button', 'row p-' + summary.priority);
  button.type = 'button';
  button.dataset.id = summary.id;
  button.dataset.shownAt = String(firstShown[summary.id]);
  if (summary.id === selectedId) { button.setAttribute('aria-current', 'true'); }

  var first = el('span', 'row-line');
  if (summary.priority) {
    first.appendChild(el('span', 'badge p-' + summary.priority, PRIORITY[summary.priority] || summary.priority));
  }
  first.appendChild(el('span', 'badge channel', CHANNEL[summary.channel] || summary.channel));
  if (summary.overdue) { first.appendChild(el('span', 'badge overdue', '⚠ Quá hạn')); }
  if (unread[summary.id]) { first.appendChild(el('span', 'unread', '● tin mới')); }
  button.appendChild(first);

  button.appendChild(el('span', 'row-line intent', intentLabel(summary.lastIntent)));

  var third = el('span', 'row-line');
  var waitWords = waitLabel(summary);
  if (waitWords) {
    var wait = el('span', 'wait', waitWords);
    wait.dataset.wait = summary.id;
    third.appendChild(wait);
  }
  var mine = me && summary.assignee === me.name;
  var who = summary.assignee ? (mine ? 'Bạn đang hỗ trợ' : holder(summary.assignee) + ' đang hỗ trợ') : 'Chưa ai nhận';
  third.appendChild(el('span', 'who' + (mine ? ' mine' : ''), who));
  button.appendChild(third);

  button.setAttribute('aria-label', [
    summary.priority ? 'Ưu tiên ' + (PRIORITY[summary.priority] || summary.priority) : null,
    CHANNEL[summary.channel] || summary.channel,
    summary.overdue ? 'quá hạn' : null,
    waitWords,
    intentLabel(summary.lastIntent),
    who,
    unread[summary.id] ? 'có tin mới' : null
  ].filter(Boolean).join(', '));
  button.addEventListener('click', function () { open(summary.id); });
  return button;
}

/**
 * How long the person has waited: for a person, while waiting; for an answer, while held and their last message is
 * unanswered (docs/api.md waitingSeconds); nothing otherwise.
 */
function waitLabel(summary) {
  if (summary.state === 'WAITING_FOR_HUMAN') { return 'Chờ ' + duration(waitingNow(summary)); }
  if (summary.state === 'WITH_HUMAN' && summary.waitingSeconds > 0) {
    return 'Chờ trả lời ' + duration(waitingNow(summary));
  }
  return null;
}

/** A sign-in name, or the platform inbox someone answered from. */
function holder(assignee) {
  return HOLDER[assignee] || assignee;
}

function heldByPlatform() {
  return current && current.state === 'WITH_HUMAN' && !!HOLDER[current.assignee];
}

function tick() {
  queue.forEach(function (summary) {
    var span = queueList.querySelector('[data-wait="' + cssEscape(summary.id) + '"]');
    if (span) { span.textContent = waitLabel(summary); }
  });
  if (current) { renderWindow(); }
}

function loadQueue() {
  return api('GET', '/api/conversations').then(function (list) {
    queue = (list || []).map(stamp);
    queue.sort(compare);
    renderQueue();
  });
}

function move(step) {
  if (queue.length === 0) { return; }
  var index = -1;
  for (var i = 0; i < queue.length; i++) { if (queue[i].id === selectedId) { index = i; } }
  var next = index === -1 ? (step > 0 ? 0 : queue.length - 1) : Math.min(queue.length - 1, Math.max(0, index + step));
  open(queue[next].id).then(function () {
    var button = queueList.querySelector('[data-id="' + cssEscape(queue[next] ? queue[next].id : '') + '"]');
    if (button) { button.focus(); }
  });
}

/* ---------- One conversation ---------- */

var transcript = byId('transcript');
var replyBox = byId('reply');
var sendButton = byId('send');
var claimButton = byId('claim');

function open(id) {
  var token = ++openToken;
  selectedId = id;
  loadingId = id;
  early = [];
  delete unread[id];
  renderQueue();
  // Until the new conversation has loaded, nothing typed or claimed may land on the one shown before.
  byId('conversation').setAttribute('aria-busy', 'true');
  replyBox.disabled = true;
  sendButton.disabled = true;
  claimButton.disabled = true;
  opening = Promise.all([api('GET', path(id)), api('GET', path(id) + '/messages')]).then(function (results) {
    if (token !== openToken) { return; }
    current = stamp(results[0]);
    messages = withEarly(results[1] || []);
    byId('conv-none').hidden = true;
    byId('conv-body').hidden = false;
    byId('tools').hidden = false;
    setStatus('reply-status', '');
    setStatus('tools-status', '');
    renderConversation();
    renderTranscript();
    renderTools();
  }, function (error) {
    if (token !== openToken) { return; }
    loadingId = null;
    setStatus('tools-status', '');
    byId('conv-none').hidden = false;
    byId('conv-body').hidden = true;
    byId('tools').hidden = true;
    current = null;
    byId('conv-none').querySelector('p').textContent = explain(error);
  }).then(function () {
    if (token === openToken) { byId('conversation').removeAttribute('aria-busy'); }
  });
  return opening;
}

/** The transcript as loaded, with what the event stream said meanwhile (it may be newer, or older). */
function withEarly(loaded) {
  var list = loaded.slice();
  early.forEach(function (message) { merge(list, message); });
  early = [];
  loadingId = null;
  return list;
}

/**
 * Puts a message in the list by id; returns the index it took, or -1 when the list already knew better. A
 * delivery never goes back to pending: an older copy of the message may arrive after a newer one.
 */
function merge(list, message) {
  for (var i = 0; i < list.length; i++) {
    if (list[i].id === message.id) {
      var settled = list[i].delivery === 'DELIVERED' || list[i].delivery === 'FAILED';
      if (settled && message.delivery === 'PENDING') { return -1; }
      list[i] = message;
      return i;
    }
  }
  list.push(message);
  return list.length - 1;
}

function mine() {
  return current && me && current.state === 'WITH_HUMAN' && current.assignee === me.name;
}

function renderConversation() {
  byId('conv-body').dataset.id = current.id;
  byId('conv-title').textContent = (CHANNEL[current.channel] || current.channel) + ' · ' + intentLabel(current.lastIntent);
  var meta = byId('conv-meta');
  clear(meta);
  if (current.priority) {
    meta.appendChild(el('span', 'badge p-' + current.priority, 'Ưu tiên: ' + (PRIORITY[current.priority] || current.priority)));
  }
  var state = STATE[current.state] || current.state;
  if (current.state === 'WITH_HUMAN' && current.assignee) {
    state = mine() ? 'Bạn đang hỗ trợ' : holder(current.assignee) + ' đang hỗ trợ';
  }
  meta.appendChild(el('span', 'badge state', state));
  if (current.overdue) { meta.appendChild(el('span', 'badge overdue', '⚠ Quá hạn')); }

  // Someone else's conversation cannot be taken from them (the API answers 409): no button for it.
  // Someone else's conversation cannot be taken from them (409); one answered from a platform's own inbox can.
  var canClaim = current.state === 'WAITING_FOR_HUMAN' || heldByPlatform()
    || (current.state === 'WITH_HUMAN' && !current.assignee);
  claimButton.hidden = !canClaim;
  claimButton.disabled = !canClaim;
  renderWindow();
  renderReplyBox();
}

function renderWindow() {
  var line = byId('window');
  var w = current.replyWindow || {};
  var channel = CHANNEL[current.channel] || current.channel;
  line.className = 'window';
  // The reply window matters only while a caseworker may answer.
  line.hidden = current.state !== 'WAITING_FOR_HUMAN' && current.state !== 'WITH_HUMAN';
  if (w.open === false) {
    line.className = 'window closed';
    line.textContent = 'Không gửi được tin trả lời lúc này. ' + (w.note || CANNOT_REACH);
    return;
  }
  var until = w.closesAt ? when(new Date(w.closesAt)) : null;
  var left = w.closesAt ? remaining(w.closesAt) : null;
  if (current.channel === 'messenger' && w.tag === 'HUMAN_AGENT') {
    line.className = 'window tagged';
    line.textContent = 'Messenger: đã quá 24 giờ từ tin nhắn cuối của người này, nên tin trả lời đi kèm nhãn '
      + '“Nhân viên hỗ trợ” (HUMAN_AGENT), dùng được tối đa 7 ngày' + (until ? ': ' + left + ', đến ' + until : '') + '.';
  } else if (current.channel === 'messenger') {
    line.textContent = 'Messenger: ' + (until ? left + ' để trả lời (đến ' + until + ')' : 'trả lời được')
      + ', tính 24 giờ từ tin nhắn cuối của người này.';
  } else if (current.channel === 'zalo') {
    line.textContent = 'Zalo: khung tư vấn ' + (until ? 'kết thúc lúc ' + until + ' (' + left + ')' : 'đang mở')
      + '. Sau đó người này chỉ nhận được tin khi họ viết lại.';
  } else if (current.channel === 'webchat') {
    line.textContent = 'Web chat: người này nhận được tin trả lời khi trang trò chuyện của họ còn mở'
      + (until ? ' (phiên hết hạn lúc ' + until + ' nếu họ không viết thêm)' : '') + '.';
  } else {
    line.textContent = channel + (until ? ': trả lời được đến ' + until + ' (' + left + ')' : '') + '.';
  }
  if (w.note) { line.textContent += ' ' + w.note; }
}

function renderReplyBox() {
  var windowClosed = current.replyWindow && current.replyWindow.open === false;
  var allowed = mine() && !windowClosed;
  replyBox.disabled = !allowed;
  sendButton.disabled = !allowed;
  if (!allowed) { canned.close(); }
  var hint = byId('reply-hint');
  if (windowClosed) {
    hint.textContent = (current.replyWindow.note || CANNOT_REACH);
  } else if (!mine()) {
    hint.textContent = NOT_MINE[current.state] || 'Nhận hỗ trợ cuộc trò chuyện này (Alt+C) để trả lời.';
    if (current.state === 'WITH_HUMAN' && current.assignee) {
      hint.textContent = holder(current.assignee) + ' đang hỗ trợ cuộc trò chuyện này.'
        + (heldByPlatform() ? ' Nhận hỗ trợ (Alt+C) để trả lời từ đây.' : '');
    }
  } else {
    clear(hint);
    hint.appendChild(el('kbd', null, 'Enter'));
    hint.appendChild(document.createTextNode(' gửi · '));
    hint.appendChild(el('kbd', null, 'Shift'));
    hint.appendChild(document.createTextNode('+'));
    hint.appendChild(el('kbd', null, 'Enter'));
    hint.appendChild(document.createTextNode(' xuống dòng · '));
    hint.appendChild(el('kbd', null, '/'));
    hint.appendChild(document.createTextNode(' câu trả lời mẫu'));
  }
  var tools = byId('tools');
  // Only the holder gives a conversation back or closes it (anyone, when a platform's inbox holds it).
  var ends = mine() || heldByPlatform();
  byId('release').disabled = !ends;
  byId('close-open').disabled = !ends;
  tools.dataset.state = current.state;
}

function renderTranscript() {
  clear(transcript);
  if (messages.length === 0) {
    transcript.appendChild(el('li', 'transcript-note', 'Chưa có tin nhắn nào.'));
  }
  messages.forEach(function (message) { transcript.appendChild(messageItem(message)); });
  toEnd();
}

function messageItem(message) {
  var item = el('li', 'msg msg-' + message.from);
  item.dataset.id = message.id;
  var head = el('p', 'msg-head');
  var speaker = SPEAKER[message.from] || message.from;
  if (message.from === 'CASEWORKER') {
    if (!message.author) {
      speaker = 'Nhân viên';
    } else if (HOLDER[message.author]) {
      speaker = 'Nhân viên, từ ' + HOLDER[message.author];
    } else {
      speaker = me && message.author === me.name ? 'Bạn (' + message.author + ')' : 'Nhân viên ' + message.author;
    }
  }
  head.appendChild(el('span', 'speaker', speaker));
  head.appendChild(el('span', 'at', timeOf(message.at)));
  if (message.from === 'PERSON' && message.intent) {
    head.appendChild(el('span', 'intent-tag', '· ' + intentLabel(message.intent)));
  }
  item.appendChild(head);
  item.appendChild(message.text === null || message.text === undefined
    ? el('p', 'msg-text no-text', '(hình ảnh, nhãn dán hoặc tệp: không hiện ở đây)')
    : el('p', 'msg-text', message.text));
  if (message.delivery) {
    var text = DELIVERY[message.delivery] || message.delivery;
    if (message.delivery === 'FAILED') {
      // The service gives the platform's reason in a few English words: shown as such, marked as technical.
      text += message.failure ? '. Lý do nền tảng báo (tiếng Anh): ' + message.failure : ' (không rõ lý do)';
    }
    item.appendChild(el('p', 'delivery ' + message.delivery, text));
  }
  return item;
}

/*
 * The transcript follows new messages while the caseworker is at its end, and stays put while they read further up.
 * It also stays at its end when the pane shrinks (an alert banner above pushes it down).
 */
var atEnd = true;
var autoTop = -1;

function toEnd() {
  transcript.scrollTop = transcript.scrollHeight;
  autoTop = transcript.scrollTop;
  atEnd = true;
}

transcript.addEventListener('scroll', function () {
  // Only the caseworker's own scrolling says where they are reading, not the one toEnd() just did.
  if (transcript.scrollTop === autoTop) { return; }
  atEnd = transcript.scrollHeight - transcript.scrollTop - transcript.clientHeight < 40;
});

if (window.ResizeObserver) {
  new ResizeObserver(function () { if (atEnd) { toEnd(); } }).observe(transcript);
}

function upsertMessage(message) {
  var known = messages.length;
  var index = merge(messages, message);
  if (index === -1) { return; }
  if (index < known) {
    var old = transcript.querySelector('[data-id="' + cssEscape(message.id) + '"]');
    if (old) { transcript.replaceChild(messageItem(message), old); }
    return;
  }
  if (known === 0) { clear(transcript); }
  transcript.appendChild(messageItem(message));
  if (atEnd || message.from === 'CASEWORKER') { toEnd(); }
}

function addMessageIfNew(message) {
  var known = messages.some(function (m) { return m.id === message.id; });
  if (!known) { upsertMessage(message); }
}

function applySummary(summary) {
  if (!current || summary.id !== current.id) { return; }
  if (summary.state === 'GONE') {
    // Erased by the person (or expired): nothing of it may stay on screen.
    current = null;
    messages = [];
    clear(transcript);
    byId('conv-body').hidden = true;
    byId('tools').hidden = true;
    byId('conv-none').hidden = false;
    byId('conv-none').querySelector('p').textContent = 'Cuộc trò chuyện này không còn nữa: người này đã xóa nó, hoặc nó đã hết hạn lưu.';
    return;
  }
  var extras = { notes: current.notes, referrals: current.referrals, safeContact: current.safeContact };
  current = stamp(summary);
  Object.keys(extras).forEach(function (key) { if (current[key] === undefined) { current[key] = extras[key]; } });
  renderConversation();
}

/* ---------- Claim, reply, release, close ---------- */

/** Claims the conversation on screen, once it has loaded (Alt+C may come right after Alt+J). */
function claim() {
  opening.then(claimNow);
}

function claimNow() {
  if (!current || current.id !== selectedId) { return; }
  if (mine()) { replyBox.focus(); return; }
  claimButton.disabled = true;
  api('POST', path(current.id) + '/claim').then(function (summary) {
    upsert(summary);
    renderQueue();
    applySummary(summary);
    setStatus('reply-status', 'Bạn đã nhận hỗ trợ cuộc trò chuyện này.', true);
    replyBox.focus();
  }, function (error) {
    claimButton.disabled = false;
    setStatus('reply-status', explain(error));
    if (error.status === 409) { refreshCurrent(); }
  });
}

function sendReply() {
  var text = replyBox.value.trim();
  if (!current || !text) {
    setStatus('reply-status', 'Hãy viết tin trả lời trước khi gửi.');
    return;
  }
  var id = current.id;
  sendButton.disabled = true;
  api('POST', path(id) + '/messages', { text: text }).then(function (accepted) {
    replyBox.value = '';
    setStatus('reply-status', '');
    if (current && current.id === id && accepted && accepted.id) {
      // The live event for this message may have come first, with a newer delivery status: keep that one.
      addMessageIfNew({
        id: accepted.id, from: 'CASEWORKER', text: text, at: new Date().toISOString(), intent: null,
        delivery: accepted.delivery || 'PENDING', failure: null, author: me ? me.name : null
      });
    }
  }, function (error) {
    setStatus('reply-status', explain(error, 'Chưa gửi được tin trả lời. Vui lòng thử lại.'));
    if (error.status === 422 || error.status === 409) { refreshCurrent(); }
  }).then(function () {
    if (current) { renderReplyBox(); }
    replyBox.focus();
  });
}

function release() {
  if (!current) { return; }
  api('POST', path(current.id) + '/release').then(function (summary) {
    upsert(summary);
    renderQueue();
    applySummary(summary);
    setStatus('tools-status', 'Đã trả lại cho trợ lý tự động. Trợ lý sẽ nói rõ với người này rằng đây là trợ lý tự động.', true);
  }, function (error) { setStatus('tools-status', explain(error)); });
}

function refreshCurrent() {
  if (!current) { return Promise.resolve(); }
  var id = current.id;
  loadingId = id;
  early = [];
  return Promise.all([api('GET', path(id)), api('GET', path(id) + '/messages')]).then(function (results) {
    if (!current || current.id !== id) { return; }
    current = stamp(results[0]);
    messages = withEarly(results[1] || []);
    upsert(results[0]);
    renderQueue();
    renderConversation();
    renderTranscript();
    renderTools();
  }, function () {
    // The next event or action tries again; what came meanwhile is shown now.
    var waiting = early;
    early = [];
    loadingId = null;
    if (current && current.id === id) { waiting.forEach(upsertMessage); }
  });
}

var closeDialog = byId('close-dialog');

function openCloseDialog() {
  if (!current) { return; }
  var box = byId('close-referrals');
  Array.prototype.slice.call(box.querySelectorAll('label, p')).forEach(function (node) { box.removeChild(node); });
  var referrals = current.referrals || [];
  if (referrals.length === 0) {
    box.appendChild(el('p', 'empty-small', 'Chưa có lần giới thiệu nào.'));
  }
  referrals.forEach(function (referral) {
    var label = el('label', 'check');
    var input = el('input');
    input.type = 'checkbox';
    input.value = referral.id;
    input.checked = referral.status !== 'DECLINED';
    label.appendChild(input);
    label.appendChild(document.createTextNode(' ' + referral.serviceName + ' – ' + (REFERRAL[referral.status] || referral.status)));
    box.appendChild(label);
  });
  setStatus('close-status', '');
  byId('close-outcome').value = '';
  closeDialog.showModal();
  byId('close-outcome').focus();
}

byId('close-form').addEventListener('submit', function (event) {
  event.preventDefault();
  var outcome = byId('close-outcome').value;
  if (!outcome) {
    setStatus('close-status', 'Hãy chọn kết quả trước khi đóng.');
    byId('close-outcome').focus();
    return;
  }
  var referrals = Array.prototype.slice.call(byId('close-referrals').querySelectorAll('input:checked'))
    .map(function (input) { return input.value; });
  api('POST', path(current.id) + '/close', { outcome: outcome, referrals: referrals }).then(function (summary) {
    closeDialog.close();
    upsert(summary);
    renderQueue();
    applySummary(summary);
    setStatus('tools-status', 'Đã đóng cuộc trò chuyện.', true);
  }, function (error) { setStatus('close-status', explain(error)); });
});
byId('close-cancel').addEventListener('click', function () { closeDialog.close(); });

/* ---------- Erasure ---------- */

var eraseDialog = byId('erase-dialog');

byId('erase-open').addEventListener('click', function () {
  if (!current) { return; }
  setStatus('erase-status', '');
  eraseDialog.showModal();
  // The safe choice has the focus: Enter alone never erases.
  byId('erase-cancel').focus();
});

byId('erase-form').addEventListener('submit', function (event) {
  event.preventDefault();
  if (!current) { eraseDialog.close(); return; }
  var id = current.id;
  byId('erase-confirm').disabled = true;
  api('POST', path(id) + '/erase').then(function () {
    eraseDialog.close();
    queue = queue.filter(function (item) { return item.id !== id; });
    renderQueue();
    applySummary({ id: id, state: 'GONE' });
    byId('conv-none').querySelector('p').textContent = 'Đã xóa mọi dữ liệu của cuộc trò chuyện này.';
  }, function (error) { setStatus('erase-status', explain(error)); })
    .then(function () { byId('erase-confirm').disabled = false; });
});
byId('erase-cancel').addEventListener('click', function () { eraseDialog.close(); });

/* ---------- Notes, safe contact, referrals ---------- */

function renderTools() {
  var notes = byId('notes');
  clear(notes);
  (current.notes || []).forEach(function (note) { notes.appendChild(noteItem(note)); });
  var safe = current.safeContact;
  byId('safe-when').value = safe && safe.when ? safe.when : '';
  byId('safe-call').checked = !!(safe && safe.callAllowed);
  renderReferrals();
}

function noteItem(note) {
  var item = el('li');
  item.dataset.id = note.id;
  item.appendChild(el('p', 'note-head', (note.author || '') + ' · ' + timeOf(note.at)));
  item.appendChild(el('p', 'note-text', note.text));
  return item;
}

function renderReferrals() {
  var list = byId('referrals');
  clear(list);
  var referrals = current.referrals || [];
  if (referrals.length === 0) { list.appendChild(el('li', 'empty-small', 'Chưa giới thiệu dịch vụ nào.')); }
  referrals.forEach(function (referral) { list.appendChild(referralItem(referral)); });
}

function referralItem(referral) {
  var item = el('li');
  item.dataset.id = referral.id;
  item.appendChild(el('p', 'ref-name', referral.serviceName || referral.serviceId));
  item.appendChild(el('span', 'ref-status s-' + referral.status, REFERRAL[referral.status] || referral.status));
  if (referral.note) { item.appendChild(el('p', 'ref-note', referral.note)); }
  var history = (referral.history || []).map(function (step) {
    return (REFERRAL[step.status] || step.status) + ' – ' + (step.by || '') + ', ' + timeOf(step.at);
  });
  if (history.length) { item.appendChild(el('p', 'ref-history', history.join(' → '))); }
  var actions = el('div', 'ref-actions');
  (REFERRAL_NEXT[referral.status] || []).forEach(function (next) {
    var button = el('button', 'secondary', next[1]);
    button.type = 'button';
    button.addEventListener('click', function () { moveReferral(referral, next[0]); });
    actions.appendChild(button);
  });
  if (actions.firstChild) { item.appendChild(actions); }
  return item;
}

function moveReferral(referral, status) {
  api('PATCH', '/api/referrals/' + encodeURIComponent(referral.id), { status: status }).then(function (updated) {
    current.referrals = (current.referrals || []).map(function (r) { return r.id === updated.id ? updated : r; });
    renderReferrals();
    setStatus('tools-status', 'Giới thiệu “' + updated.serviceName + '”: ' + (REFERRAL[updated.status] || updated.status) + '.', true);
  }, function (error) { setStatus('tools-status', explain(error)); });
}

byId('note-form').addEventListener('submit', function (event) {
  event.preventDefault();
  var box = byId('note-text');
  var text = box.value.trim();
  if (!current || !text) { setStatus('tools-status', 'Hãy viết ghi chú trước khi lưu.'); box.focus(); return; }
  var id = current.id;
  api('POST', path(id) + '/notes', { text: text }).then(function (note) {
    box.value = '';
    if (current && current.id === id) {
      current.notes = (current.notes || []).concat([note]);
      byId('notes').appendChild(noteItem(note));
    }
    setStatus('tools-status', 'Đã lưu ghi chú nội bộ.', true);
  }, function (error) { setStatus('tools-status', explain(error)); });
});

// Enter saves a note as it sends a reply; Shift+Enter is a new line.
byId('note-text').addEventListener('keydown', function (event) {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && !event.altKey && !event.ctrlKey) {
    event.preventDefault();
    byId('note-form').requestSubmit();
  }
});

byId('safe-form').addEventListener('submit', function (event) {
  event.preventDefault();
  if (!current) { return; }
  var body = { when: byId('safe-when').value.trim(), callAllowed: byId('safe-call').checked };
  api('PUT', path(current.id) + '/safe-contact', body).then(function (safe) {
    current.safeContact = safe;
    setStatus('tools-status', 'Đã lưu liên lạc an toàn.', true);
  }, function (error) { setStatus('tools-status', explain(error)); });
});

byId('ref-form').addEventListener('submit', function (event) {
  event.preventDefault();
  var serviceId = byId('ref-service').value;
  if (!current || !serviceId) { setStatus('tools-status', 'Hãy chọn một dịch vụ.'); return; }
  var id = current.id;
  var note = byId('ref-note').value.trim();
  api('POST', path(id) + '/referrals', { serviceId: serviceId, note: note }).then(function (referral) {
    byId('ref-note').value = '';
    byId('ref-service').value = '';
    if (current && current.id === id) {
      current.referrals = (current.referrals || []).concat([referral]);
      renderReferrals();
    }
    setStatus('tools-status', 'Đã đề xuất giới thiệu “' + referral.serviceName + '”.', true);
  }, function (error) { setStatus('tools-status', explain(error)); });
});

/** An entry may serve several types (a one-stop point is also health care): it is listed under the first. */
function primaryType(service) {
  var types = Array.isArray(service.types) ? service.types : (service.type ? [service.type] : []);
  for (var i = 0; i < SERVICE_TYPE_ORDER.length; i++) {
    if (types.indexOf(SERVICE_TYPE_ORDER[i]) !== -1) { return SERVICE_TYPE_ORDER[i]; }
  }
  return types[0] || 'other';
}

function renderServices() {
  var select = byId('ref-service');
  clear(select);
  var blank = el('option', null, '— Chọn dịch vụ —');
  blank.value = '';
  select.appendChild(blank);
  var groups = {};
  services.forEach(function (service) {
    var type = primaryType(service);
    (groups[type] = groups[type] || []).push(service);
  });
  var types = SERVICE_TYPE_ORDER.filter(function (t) { return groups[t]; })
    .concat(Object.keys(groups).filter(function (t) { return SERVICE_TYPE_ORDER.indexOf(t) === -1; }));
  types.forEach(function (type) {
    var group = el('optgroup');
    group.label = SERVICE_TYPE[type] || type;
    groups[type].forEach(function (service) {
      var option = el('option', null, service.name + (service.confirmed === false ? ' (chưa xác minh)' : ''));
      option.value = service.id;
      group.appendChild(option);
    });
    select.appendChild(group);
  });
}

byId('release').addEventListener('click', release);
byId('close-open').addEventListener('click', openCloseDialog);
claimButton.addEventListener('click', claim);

function setStatus(id, text, ok) {
  var node = byId(id);
  node.textContent = text;
  node.className = 'form-status' + (ok ? ' ok' : '');
}

/* ---------- Reply box and canned replies ---------- */

var canned = cannedReplies(replyBox, byId('canned'), resizeReply);

replyBox.addEventListener('input', resizeReply);

replyBox.addEventListener('keydown', function (event) {
  if (event.isComposing || canned.keydown(event)) { return; }
  if (event.key === 'Enter' && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey) {
    event.preventDefault();
    sendReply();
  }
});

byId('reply-form').addEventListener('submit', function (event) {
  event.preventDefault();
  sendReply();
});

function resizeReply() {
  replyBox.style.height = 'auto';
  replyBox.style.height = Math.min(replyBox.scrollHeight + 4, 160) + 'px';
}

/* ---------- Alerts: banner, sound, title ---------- */

var alarm = alarms(byId('alerts'), BASE_TITLE);

function raiseAlert(conversationId, priority, reason) {
  var summary = queue.filter(function (s) { return s.id === conversationId; })[0];
  var channel = summary ? (CHANNEL[summary.channel] || summary.channel) : '';
  var words = (priority === 'CRITICAL' ? 'KHẨN CẤP: ' : 'Cần chú ý: ') + intentLabel(reason)
    + (channel ? ' (' + channel + ')' : '') + '.';
  alarm.raise(conversationId, words, function () {
    open(conversationId).then(function () { (replyBox.disabled ? claimButton : replyBox).focus(); });
  });
}

/* ---------- Live events ---------- */

var live = byId('live');
var wasDown = false;

function parse(event) {
  try { return JSON.parse(event.data); } catch (e) { return null; }
}

function connect() {
  if (events) { events.close(); }
  var source = new EventSource('/api/events', { withCredentials: true });
  events = source;
  source.addEventListener('open', function () {
    live.textContent = 'Đang cập nhật trực tiếp';
    live.className = 'live';
    if (wasDown) {
      wasDown = false;
      // Whatever changed while the stream was down is read again.
      loadQueue().then(refreshCurrent, function () { /* the next event retries */ });
    }
  });
  source.addEventListener('error', function () {
    wasDown = true;
    live.textContent = 'Mất kết nối, đang thử lại…';
    live.className = 'live down';
    if (source.readyState === EventSource.CLOSED && events === source) {
      // The server refused the stream: signed out, or the service is restarting.
      api('GET', '/api/me').then(function () {
        window.setTimeout(function () { if (events === source) { connect(); } }, 3000);
      }, function () { window.setTimeout(function () { if (events === source) { connect(); } }, 5000); });
    }
  });
  source.addEventListener('queue', function (event) {
    var summary = parse(event);
    if (!summary || !summary.id) { return; }
    var previous = upsert(summary);
    renderQueue();
    applySummary(summary);
    var rose = summary.priority === 'CRITICAL' && summary.state === 'WAITING_FOR_HUMAN'
      && (!previous || previous.priority !== 'CRITICAL' || previous.state !== 'WAITING_FOR_HUMAN');
    if (rose) { raiseAlert(summary.id, 'CRITICAL', summary.lastIntent); }
    if (!previous && summary.state === 'WAITING_FOR_HUMAN') {
      byId('queue-news').textContent = 'Có người mới chờ nhân viên: ' + (CHANNEL[summary.channel] || summary.channel)
        + ', ' + intentLabel(summary.lastIntent) + ', ưu tiên ' + (PRIORITY[summary.priority] || summary.priority) + '.';
    }
  });
  source.addEventListener('message', function (event) {
    var data = parse(event);
    if (!data || !data.conversationId || !data.message) { return; }
    if (loadingId && data.conversationId === loadingId) {
      early.push(data.message);
    } else if (current && data.conversationId === current.id) {
      upsertMessage(data.message);
    } else if (data.message.from === 'PERSON') {
      unread[data.conversationId] = true;
      renderQueue();
    }
  });
  source.addEventListener('alert', function (event) {
    var data = parse(event);
    if (!data || !data.conversationId) { return; }
    raiseAlert(data.conversationId, data.priority, data.reason);
  });
}

/* ---------- Keyboard ---------- */

document.addEventListener('keydown', function (event) {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) { return; }
  var code = event.code;
  if (code === 'KeyJ') { event.preventDefault(); move(1); }
  else if (code === 'KeyK') { event.preventDefault(); move(-1); }
  else if (code === 'KeyC') { event.preventDefault(); claim(); }
  else if (code === 'KeyR') { event.preventDefault(); if (!replyBox.disabled) { replyBox.focus(); } }
  else if (code === 'KeyN') { event.preventDefault(); if (current) { byId('note-text').focus(); } }
}, true);

/* ---------- Start ---------- */

byId('logout').addEventListener('submit', function () {
  byId('logout').querySelector('[name="_csrf"]').value = cookie('XSRF-TOKEN');
});

window.setInterval(tick, 1000);

api('GET', '/api/me').then(function (who) {
  me = who;
  byId('me-name').textContent = who && who.name ? who.name : '';
  connect();
  return Promise.all([
    loadQueue(),
    api('GET', '/api/canned-replies').then(function (list) { canned.set(list); }),
    api('GET', '/api/services').then(function (list) { services = list || []; renderServices(); })
  ]);
}).catch(function (error) {
  if (error instanceof ApiError && error.status === 401) { return; }
  live.textContent = 'Không tải được dữ liệu. Vui lòng tải lại trang.';
  live.className = 'live down';
});
