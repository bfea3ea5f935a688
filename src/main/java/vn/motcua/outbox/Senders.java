package vn.motcua.outbox;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import vn.motcua.message.Channel;

/** The channel clients that are switched on, by channel. */
@Component
public class Senders {

    private final Map<Channel, Sender> clients = new EnumMap<>(Channel.class);

    public Senders(List<Sender> all) {
        all.forEach(client -> clients.put(client.channel(), client));
    }

    public Optional<Sender> forChannel(Channel channel) {
        return Optional.ofNullable(clients.get(channel));
    }
}
