/*
 * The console's REST API (docs/api.md). Every change carries the CSRF token, read from the XSRF-TOKEN cookie and
 * sent back as X-XSRF-TOKEN; X-Requested-With keeps the browser from showing its own password box on a 401.
 */

export function cookie(name) {
  var match = document.cookie.match(new RegExp('(?:^|;\\s*)' + name + '=([^;]*)'));
  return match ? decodeURIComponent(match[1]) : '';
}

/** A refusal from the API: its status and its {"error", "message"} body. */
export function ApiError(status, body) {
  this.status = status;
  this.body = body || {};
  this.message = (body && body.message) || '';
}

var signedOut = function () { /* set by the page */ };

/** What to do when the session has ended (a 401, or a redirect to the sign-in page). */
export function onSignedOut(handler) {
  signedOut = handler;
}

export function api(method, path, body) {
  var headers = { 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
  if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
  if (method !== 'GET') {
    var token = cookie('XSRF-TOKEN');
    if (token) { headers['X-XSRF-TOKEN'] = token; }
  }
  return fetch(path, {
    method: method,
    headers: headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
    cache: 'no-store',
    redirect: 'manual'
  }).then(function (response) {
    if (response.status === 401 || response.type === 'opaqueredirect') {
      signedOut();
      throw new ApiError(401, { message: 'Phiên làm việc đã hết hạn.' });
    }
    return response.text().then(function (text) {
      var data = null;
      if (text) { try { data = JSON.parse(text); } catch (e) { data = null; } }
      if (!response.ok) { throw new ApiError(response.status, data); }
      return data;
    });
  });
}

/** The sentence to show for a failed call: the API's own message when it gave one. */
export function explain(error, fallback) {
  if (error instanceof ApiError) {
    if (error.message) { return error.message; }
    if (error.status === 403) { return 'Bạn không có quyền làm việc này, hoặc phiên làm việc đã cũ. Hãy tải lại trang.'; }
    if (error.status === 404) { return 'Không tìm thấy cuộc trò chuyện này nữa (có thể người này đã xóa).'; }
    if (error.status === 409 && error.body.error === 'not_assigned') {
      return 'Bạn cần nhận hỗ trợ cuộc trò chuyện này trước (Alt+C).';
    }
    if (error.status === 409 && error.body.error === 'invalid_transition') {
      return 'Không chuyển được sang trạng thái này.';
    }
  }
  return fallback || 'Có lỗi khi kết nối tới máy chủ. Vui lòng thử lại.';
}

export function path(id) { return '/api/conversations/' + encodeURIComponent(id); }
