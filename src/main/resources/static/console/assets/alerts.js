/*
 * Alerts must be loud: a red banner in a role=alert region (read out at once), three short tones, and the tab's
 * title flashing until every alert is dismissed. Browsers allow sound only after the caseworker has touched the page,
 * so the sound is unlocked on the first key or click; the banner and the title need nothing.
 */
import { el, cssEscape } from './format.js';

/**
 * @param container the role=alert region
 * @param baseTitle the page's own title, put back when the last alert is dismissed
 */
export function alarms(container, baseTitle) {
  var flashTimer = null;
  var audio = null;

  function unlockAudio() {
    if (audio || !(window.AudioContext || window.webkitAudioContext)) { return; }
    try { audio = new (window.AudioContext || window.webkitAudioContext)(); } catch (e) { audio = null; }
  }
  document.addEventListener('keydown', unlockAudio, { once: true });
  document.addEventListener('pointerdown', unlockAudio, { once: true });

  function chime() {
    if (!audio) { return; }
    try {
      if (audio.state === 'suspended') { audio.resume(); }
      [0, 0.35, 0.7].forEach(function (offset) {
        var tone = audio.createOscillator();
        var gain = audio.createGain();
        tone.frequency.value = 880;
        gain.gain.setValueAtTime(0.0001, audio.currentTime + offset);
        gain.gain.exponentialRampToValueAtTime(0.3, audio.currentTime + offset + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + offset + 0.25);
        tone.connect(gain).connect(audio.destination);
        tone.start(audio.currentTime + offset);
        tone.stop(audio.currentTime + offset + 0.3);
      });
    } catch (e) { /* no sound: the banner and the title still show it */ }
  }

  function flashTitle() {
    if (flashTimer) { return; }
    var on = false;
    flashTimer = window.setInterval(function () {
      on = !on;
      document.title = on ? '⚠ KHẨN CẤP – cần nhân viên' : baseTitle;
      Array.prototype.forEach.call(container.querySelectorAll('.alert'), function (node) { node.classList.toggle('flash', on); });
    }, 1000);
  }

  function stopFlash() {
    if (container.querySelector('.alert')) { return; }
    if (flashTimer) { window.clearInterval(flashTimer); flashTimer = null; }
    document.title = baseTitle;
  }

  /**
   * Shows one alert per conversation (a newer one replaces the older).
   *
   * @param words  what happened, in a sentence
   * @param opened called when the caseworker chooses to open the conversation
   */
  function raise(conversationId, words, opened) {
    var existing = container.querySelector('[data-id="' + cssEscape(conversationId) + '"]');
    if (existing) { container.removeChild(existing); }
    var box = el('div', 'alert');
    box.dataset.id = conversationId;
    box.appendChild(el('p', null, words));
    var go = el('button', 'open', 'Mở cuộc trò chuyện');
    go.type = 'button';
    go.addEventListener('click', function () {
      dismiss();
      opened();
    });
    var ok = el('button', 'dismiss', 'Đã thấy');
    ok.type = 'button';
    ok.addEventListener('click', dismiss);
    box.appendChild(go);
    box.appendChild(ok);
    container.insertBefore(box, container.firstChild);
    chime();
    flashTitle();

    function dismiss() {
      if (box.parentNode) { box.parentNode.removeChild(box); }
      stopFlash();
    }
  }

  return { raise: raise };
}
