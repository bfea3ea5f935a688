package vn.motcua.channel.webchat;

class InMemoryWebChatRelayTest extends WebChatRelayContract {

    @Override
    WebChatRelay newRelay() {
        return new InMemoryWebChatRelay(properties());
    }
}
