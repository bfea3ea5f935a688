package vn.motcua.bot;

import org.springframework.stereotype.Component;

import vn.motcua.handoff.PersonalData;
import vn.motcua.message.ReplyAddress;
import vn.motcua.privacy.TextSealer;

/** The handoff room's sealing: the same keys and the same address format as the turn's. */
@Component
class HandoffPersonalData implements PersonalData {

    private final TextSealer sealer;
    private final SealedAddresses addresses;

    HandoffPersonalData(TextSealer sealer, SealedAddresses addresses) {
        this.sealer = sealer;
        this.addresses = addresses;
    }

    @Override
    public String seal(String text) {
        return text == null ? null : sealer.seal(text);
    }

    @Override
    public String open(String sealed) {
        return sealed == null ? null : sealer.open(sealed);
    }

    @Override
    public ReplyAddress openAddress(String sealedAddress) {
        return addresses.open(sealedAddress);
    }
}
