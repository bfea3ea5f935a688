package vn.motcua.channel;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** The channel clients that are switched on, by channel. */
@Component
public class ChannelClients {

    private final Map<Channel, ChannelClient> clients = new EnumMap<>(Channel.class);

    public ChannelClients(List<ChannelClient> all) {
        all.forEach(client -> clients.put(client.channel(), client));
    }

    public Optional<ChannelClient> forChannel(Channel channel) {
        return Optional.ofNullable(clients.get(channel));
    }
}
