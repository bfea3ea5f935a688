/*
 * Một Cửa Chat widget for partner sites. Add one tag to a page:
 *   <script src="https://<chat host>/widget.js" async></script>
 * It shows a button in the bottom-right corner that opens the chat in a frame. The partner's origin must be listed
 * in MOTCUA_WEBCHAT_ALLOWED_ORIGINS, or the browser refuses to show the frame.
 */
(function () {
  'use strict';

  if (window.__motcuaChatWidget) { return; }
  window.__motcuaChatWidget = true;

  var script = document.currentScript;
  if (!script || !script.src) { return; }
  var origin = new URL(script.src, window.location.href).origin;
  var exitUrl = null;
  var frame = null;
  var open = false;

  var button = document.createElement('button');
  button.type = 'button';
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', 'motcua-chat-frame');
  style(button, {
    position: 'fixed', right: '16px', bottom: '16px', zIndex: '2147483000',
    minHeight: '48px', padding: '10px 18px', border: '2px solid #ffffff', borderRadius: '24px',
    background: '#0b5c63', color: '#ffffff', font: '700 16px/1.2 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
    boxShadow: '0 2px 8px rgba(0,0,0,0.35)', cursor: 'pointer'
  });
  label();

  function label() {
    button.textContent = open ? 'Đóng trò chuyện' : 'Trò chuyện hỗ trợ';
    button.setAttribute('aria-expanded', open ? 'true' : 'false');
  }

  function style(element, values) {
    Object.keys(values).forEach(function (key) { element.style[key] = values[key]; });
  }

  function createFrame() {
    frame = document.createElement('iframe');
    frame.id = 'motcua-chat-frame';
    frame.title = 'Một Cửa Chat';
    frame.src = origin + '/?embed=1';
    frame.setAttribute('referrerpolicy', 'no-referrer');
    style(frame, {
      position: 'fixed', right: '16px', bottom: '76px', zIndex: '2147483000',
      width: 'min(400px, calc(100vw - 32px))', height: 'min(640px, calc(100vh - 96px))',
      border: '1px solid #5f6b70', borderRadius: '12px', background: '#ffffff',
      boxShadow: '0 4px 16px rgba(0,0,0,0.35)'
    });
    document.body.appendChild(frame);
  }

  function toggle() {
    open = !open;
    if (open && !frame) { createFrame(); }
    frame.style.display = open ? 'block' : 'none';
    label();
    if (open) { frame.focus(); }
  }

  function leave(url) {
    if (frame && frame.parentNode) { frame.parentNode.removeChild(frame); }
    if (button.parentNode) { button.parentNode.removeChild(button); }
    window.location.replace(url);
  }

  button.addEventListener('click', toggle);

  window.addEventListener('message', function (event) {
    if (event.origin !== origin || !event.data || typeof event.data !== 'object') { return; }
    var url = event.data.url || event.data.exitUrl;
    if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) { return; }
    if (event.data.type === 'motcua:ready') { exitUrl = url; }
    if (event.data.type === 'motcua:quick-exit') { leave(url); }
  });

  // Escape on the partner page while the chat is open leaves too, as it does inside the chat.
  document.addEventListener('keydown', function (event) {
    if (open && exitUrl && (event.key === 'Escape' || event.key === 'Esc')) { leave(exitUrl); }
  }, true);

  function attach() { document.body.appendChild(button); }
  if (document.body) { attach(); } else { document.addEventListener('DOMContentLoaded', attach); }
}());
