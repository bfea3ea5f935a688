package vn.motcua.channel.webchat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.ObjectMapper;

/**
 * The page's settings as a script loaded before the page's own: the exit address must be known the moment the page
 * shows, since a person may need to leave before anything else has loaded.
 */
@RestController
class WebChatPageController {

    private final String script;

    WebChatPageController(WebChatProperties properties, ObjectMapper json) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("exitUrl", properties.exitUrl());
        config.put("maxTextChars", properties.maxTextChars());
        this.script = "window.MOTCUA_WEBCHAT = " + json.writeValueAsString(config) + ";\n";
    }

    @GetMapping(path = "/webchat/config.js")
    ResponseEntity<String> config() {
        return ResponseEntity.ok().contentType(new MediaType("text", "javascript", java.nio.charset.StandardCharsets.UTF_8))
                .body(script);
    }
}
