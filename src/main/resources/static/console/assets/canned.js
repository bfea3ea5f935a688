/*
 * Canned replies in the reply box: typing "/" (at the start or after a space) lists them, what follows filters them
 * (shortcut, title or text, with or without diacritics), ↑ ↓ choose, Enter or Tab insert, Esc closes. The box is a
 * combobox and the list its listbox, so a screen reader follows the choice.
 */
import { byId, el, clear, fold } from './format.js';

/**
 * @param box       the reply textarea
 * @param list      the listbox element
 * @param inserted  called after a reply was put in the box
 */
export function cannedReplies(box, list, inserted) {
  var replies = [];
  var matches = [];
  var index = 0;
  var slashAt = -1;

  /** The "/word" being typed right before the caret, or null. */
  function slashQuery() {
    var caret = box.selectionStart;
    if (caret !== box.selectionEnd) { return null; }
    var match = box.value.slice(0, caret).match(/(^|\s)\/(\S*)$/);
    if (!match) { return null; }
    return { at: caret - match[2].length - 1, query: match[2] };
  }

  function update() {
    var typed = box.disabled ? null : slashQuery();
    if (!typed) { close(); return; }
    slashAt = typed.at;
    var query = fold(typed.query);
    matches = replies.filter(function (reply) {
      if (!query) { return true; }
      return fold(reply.shortcut).replace(/^\//, '').indexOf(query) === 0
        || fold(reply.title).indexOf(query) !== -1 || fold(reply.text).indexOf(query) !== -1;
    });
    index = 0;
    render();
  }

  function render() {
    clear(list);
    if (matches.length === 0) {
      var none = el('li', 'canned-empty', replies.length ? 'Không có câu trả lời mẫu nào khớp.' : 'Chưa có câu trả lời mẫu.');
      none.setAttribute('role', 'option');
      none.setAttribute('aria-disabled', 'true');
      list.appendChild(none);
    }
    matches.forEach(function (reply, i) {
      var item = el('li');
      item.id = 'canned-' + i;
      item.setAttribute('role', 'option');
      item.setAttribute('aria-selected', i === index ? 'true' : 'false');
      item.appendChild(el('span', 'canned-title', reply.title));
      item.appendChild(el('span', 'canned-shortcut', reply.shortcut));
      item.appendChild(el('span', 'canned-text', reply.text));
      item.addEventListener('mousedown', function (event) {
        event.preventDefault();
        index = i;
        insert();
      });
      list.appendChild(item);
    });
    list.hidden = false;
    box.setAttribute('aria-expanded', 'true');
    if (matches.length) {
      box.setAttribute('aria-activedescendant', 'canned-' + index);
      var selected = byId('canned-' + index);
      if (selected && selected.scrollIntoView) { selected.scrollIntoView({ block: 'nearest' }); }
    } else {
      box.removeAttribute('aria-activedescendant');
    }
  }

  function close() {
    list.hidden = true;
    matches = [];
    slashAt = -1;
    box.setAttribute('aria-expanded', 'false');
    box.removeAttribute('aria-activedescendant');
  }

  function insert() {
    var reply = matches[index];
    if (!reply || slashAt < 0) { close(); return; }
    var caret = box.selectionStart;
    var value = box.value;
    box.value = value.slice(0, slashAt) + reply.text + value.slice(caret);
    var end = slashAt + reply.text.length;
    box.setSelectionRange(end, end);
    close();
    inserted();
    box.focus();
  }

  /** Handles a key in the box while the list is open; true when the key was the list's. */
  function keydown(event) {
    if (list.hidden) { return false; }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (matches.length) {
        var step = event.key === 'ArrowDown' ? 1 : -1;
        index = (index + step + matches.length) % matches.length;
        render();
      }
      return true;
    }
    if ((event.key === 'Enter' || event.key === 'Tab') && !event.shiftKey) {
      if (matches.length) {
        event.preventDefault();
        insert();
        return true;
      }
      if (event.key === 'Tab') { close(); return true; }
    }
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
      return true;
    }
    return false;
  }

  box.addEventListener('input', update);
  box.addEventListener('click', update);
  box.addEventListener('blur', close);

  return {
    set: function (list) { replies = list || []; },
    close: close,
    keydown: keydown
  };
}
