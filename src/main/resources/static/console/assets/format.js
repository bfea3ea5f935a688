/* Small helpers of the console page: building elements, and times shown in Ho Chi Minh City time. */

export var clock = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit' });
var dayMonth = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit' });

/** "14:05 ngày 03/12", in Ho Chi Minh City time whatever the laptop's own zone. */
export function when(date) {
  var parts = {};
  dayMonth.formatToParts(date).forEach(function (part) { parts[part.type] = part.value; });
  return clock.format(date) + ' ngày ' + parts.day + '/' + parts.month;
}

export function byId(id) { return document.getElementById(id); }

export function el(tag, className, text) {
  var node = document.createElement(tag);
  if (className) { node.className = className; }
  if (text !== undefined && text !== null) { node.textContent = text; }
  return node;
}

export function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }

export function timeOf(iso) {
  var date = new Date(iso);
  if (isNaN(date.getTime())) { return ''; }
  var sameDay = Math.abs(Date.now() - date.getTime()) < 12 * 3600 * 1000;
  return sameDay ? clock.format(date) : when(date);
}

export function duration(seconds) {
  var s = Math.max(0, Math.floor(seconds));
  if (s < 60) { return s + ' giây'; }
  var m = Math.floor(s / 60);
  if (m < 60) { return m + ' phút ' + (s % 60) + ' giây'; }
  var h = Math.floor(m / 60);
  if (h < 24) { return h + ' giờ ' + (m % 60) + ' phút'; }
  return Math.floor(h / 24) + ' ngày ' + (h % 24) + ' giờ';
}

export function remaining(iso) {
  var ms = new Date(iso).getTime() - Date.now();
  if (isNaN(ms)) { return ''; }
  if (ms <= 0) { return 'đã hết'; }
  var minutes = Math.floor(ms / 60000);
  if (minutes < 60) { return 'còn ' + minutes + ' phút'; }
  var hours = Math.floor(minutes / 60);
  if (hours < 24) { return 'còn ' + hours + ' giờ ' + (minutes % 60) + ' phút'; }
  return 'còn ' + Math.floor(hours / 24) + ' ngày ' + (hours % 24) + ' giờ';
}

export function fold(text) {
  return String(text || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')
    .toLowerCase();
}

export function cssEscape(value) {
  return window.CSS && CSS.escape ? CSS.escape(value) : String(value).replace(/["\\]/g, '\\$&');
}
