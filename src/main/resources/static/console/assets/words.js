/* The words the console shows: every label in Vietnamese, for the codes the API sends. */

export var PRIORITY = { CRITICAL: 'Khẩn cấp', HIGH: 'Cao', NORMAL: 'Thường' };
export var PRIORITY_RANK = { CRITICAL: 3, HIGH: 2, NORMAL: 1 };
export var CHANNEL = { messenger: 'Messenger', zalo: 'Zalo', webchat: 'Web chat' };
export var STATE = {
  BOT: 'Trợ lý tự động đang trả lời',
  WAITING_FOR_HUMAN: 'Đang chờ nhân viên',
  WITH_HUMAN: 'Nhân viên đang hỗ trợ',
  CLOSED: 'Đã đóng'
};
export var INTENT = {
  greeting: 'Chào hỏi',
  thanks_goodbye: 'Cảm ơn, tạm biệt',
  emergency: 'Đang gặp nguy hiểm',
  self_harm: 'Nguy cơ tự làm hại mình',
  domestic_violence: 'Bạo lực gia đình',
  child_abuse: 'Trẻ em bị xâm hại',
  sexual_violence: 'Bạo lực tình dục',
  online_abuse: 'Bị đe dọa, quấy rối trên mạng',
  legal_rights: 'Hỏi về quyền, pháp luật',
  legal_aid: 'Trợ giúp pháp lý',
  police_report: 'Trình báo công an',
  medical_help: 'Khám, chữa bệnh',
  counseling: 'Hỗ trợ tâm lý',
  shelter: 'Cần chỗ ở an toàn',
  one_stop_info: 'Hỏi về mô hình một cửa',
  hotline: 'Hỏi số điện thoại hỗ trợ',
  human_agent: 'Muốn gặp nhân viên',
  subscribe: 'Đăng ký nhận tin',
  unsubscribe: 'Hủy nhận tin',
  delete_data: 'Xóa cuộc trò chuyện',
  out_of_scope: 'Ngoài phạm vi hỗ trợ',
  misunderstood: 'Trợ lý chưa hiểu nhiều lần',
  repeated_misunderstanding: 'Trợ lý chưa hiểu nhiều lần',
  low_confidence: 'Trợ lý chưa hiểu nhiều lần',
  crisis: 'Tin nhắn có dấu hiệu nguy hiểm',
  overdue: 'Chờ quá lâu, chưa ai nhận',
  platform_inbox: 'Trả lời từ hộp thư của nền tảng'
};
export var SPEAKER = { PERSON: 'Người cần hỗ trợ', BOT: 'Trợ lý tự động', CASEWORKER: 'Nhân viên' };
export var DELIVERY = { PENDING: 'Đang gửi…', DELIVERED: 'Đã gửi tới người này', FAILED: 'Không gửi được' };
export var SERVICE_TYPE = {
  one_stop: 'Mô hình một cửa', police: 'Công an', legal_aid: 'Trợ giúp pháp lý', health: 'Y tế',
  psychosocial: 'Hỗ trợ tâm lý – xã hội', social_service: 'Công tác xã hội', shelter: 'Nhà tạm lánh',
  hotline: 'Đường dây nóng', child_protection: 'Bảo vệ trẻ em', other: 'Khác'
};
export var SERVICE_TYPE_ORDER = ['one_stop', 'police', 'child_protection', 'legal_aid', 'health', 'psychosocial',
  'social_service', 'shelter', 'hotline'];
export var REFERRAL = {
  PROPOSED: 'Đã đề xuất', AGREED: 'Người này đã đồng ý', MADE: 'Đã giới thiệu',
  COMPLETED: 'Hoàn tất', DECLINED: 'Không tiếp tục'
};
export var REFERRAL_NEXT = {
  PROPOSED: [['AGREED', 'Người này đồng ý'], ['DECLINED', 'Không tiếp tục']],
  AGREED: [['MADE', 'Đã giới thiệu'], ['DECLINED', 'Không tiếp tục']],
  MADE: [['COMPLETED', 'Hoàn tất'], ['DECLINED', 'Không tiếp tục']],
  COMPLETED: [],
  DECLINED: []
};
export var NOT_MINE = {
  BOT: 'Trợ lý tự động đang trả lời. Nếu người này lại cần nhân viên, cuộc trò chuyện sẽ vào lại hàng chờ.',
  CLOSED: 'Cuộc trò chuyện đã đóng.'
};
/** Who holds a conversation answered from a platform's own inbox (docs/api.md assignee). */
export var HOLDER = { 'messenger-inbox': 'Hộp thư Trang Facebook', 'zalo-oa': 'Zalo OA' };
export var CANNOT_REACH = 'Người này chỉ nhận được tin nhắn khi họ viết lại.';

/** An intent id (docs/api.md lastIntent, a message's intent, an alert's reason) as a caseworker reads it. */
export function intentLabel(intent) {
  if (!intent) { return 'Chưa rõ chủ đề'; }
  return INTENT[intent] || intent;
}
