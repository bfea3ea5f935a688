package vn.motcua.channel.zalo;

import java.time.Instant;

/**
 * The OA's access token and the refresh token that replaces it, always stored and replaced together: a refresh
 * token is single use, so a new access token kept with an old refresh token would lock the service out.
 *
 * @param accessExpiresAt when Zalo stops accepting the access token ({@link Instant#EPOCH} when there is none yet)
 */
public record ZaloTokens(String accessToken, String refreshToken, Instant accessExpiresAt) {

    boolean hasAccessToken() {
        return accessToken != null && !accessToken.isBlank();
    }

    boolean hasRefreshToken() {
        return refreshToken != null && !refreshToken.isBlank();
    }

    /** Tokens never reach a log through this record. */
    @Override
    public String toString() {
        return "ZaloTokens[accessExpiresAt=" + accessExpiresAt + ", tokens hidden]";
    }
}
