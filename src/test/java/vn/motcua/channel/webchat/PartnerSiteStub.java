package vn.motcua.channel.webchat;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A second origin for browser tests, since the machine has no internet: the neutral page the quick exit goes to, a
 * page visited before the chat (so Back has somewhere to go), and a partner page that embeds the widget.
 */
final class PartnerSiteStub extends Dispatcher {

    static final String NEUTRAL_TEXT = "Dự báo thời tiết hôm nay";
    static final String START_TEXT = "Trang trước khi mở trò chuyện";

    /** Where the widget script is loaded from; set once the chat service's port is known. */
    volatile String chatBaseUrl = "";

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        return switch (path) {
            case "/neutral.html" -> page("Thời tiết", "<h1 id=\"neutral\">" + NEUTRAL_TEXT + "</h1>");
            case "/start.html" -> page("Bắt đầu", "<h1 id=\"start\">" + START_TEXT + "</h1>");
            case "/partner.html" -> page("Bệnh viện", "<h1>Bệnh viện đối tác</h1>"
                    + "<script src=\"" + chatBaseUrl + "/widget.js\" async></script>");
            default -> new MockResponse.Builder().code(404).body("not found").build();
        };
    }

    private static MockResponse page(String title, String body) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html; charset=utf-8")
                .body("<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>" + title
                        + "</title></head><body>" + body + "</body></html>")
                .build();
    }
}
