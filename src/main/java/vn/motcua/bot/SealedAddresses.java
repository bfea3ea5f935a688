package vn.motcua.bot;

import org.springframework.stereotype.Component;

import vn.motcua.message.Channel;
import vn.motcua.message.ReplyAddress;
import vn.motcua.privacy.TextSealer;

/**
 * The whole reply address (channel, id, and whether it is a Messenger {@code user_ref}), sealed for storage on the
 * conversation; a caseworker's or a campaign's send later opens it. Never stored or logged in clear (DESIGN §7).
 */
@Component
class SealedAddresses {

    private final TextSealer sealer;

    SealedAddresses(TextSealer sealer) {
        this.sealer = sealer;
    }

    String seal(ReplyAddress address) {
        return sealer.seal(address.channel().id() + "|" + (address.userRef() ? "ref" : "id") + "|" + address.userId());
    }

    ReplyAddress open(String sealed) {
        String plain = sealer.open(sealed);
        String[] parts = plain.split("\\|", 3);
        if (parts.length < 3) {
            throw new IllegalStateException("A stored reply address is not in the expected form");
        }
        Channel channel = Channel.fromId(parts[0]);
        return new ReplyAddress(channel, parts[2], "ref".equals(parts[1]));
    }
}
