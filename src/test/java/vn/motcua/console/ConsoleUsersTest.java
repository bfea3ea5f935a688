package vn.motcua.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** MOTCUA_USERS as operators write it, and the one admin of a first start. */
class ConsoleUsersTest {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Test
    void usersWithEncodedPasswordsAndSeveralRoles() {
        String bcrypt = encoder.encode("mật khẩu của Lan");
        List<UserDetails> users = ConsoleUsers.from(properties("lan:" + bcrypt + ":CASEWORKER|CAMPAIGN, ops:{noop}x:admin",
                null), encoder);
        assertThat(users).extracting(UserDetails::getUsername).containsExactly("lan", "ops");
        assertThat(encoder.matches("mật khẩu của Lan", users.get(0).getPassword())).isTrue();
        assertThat(users.get(0).getAuthorities()).extracting(a -> a.getAuthority())
                .containsExactlyInAnyOrder("ROLE_CASEWORKER", "ROLE_CAMPAIGN");
        assertThat(users.get(1).getAuthorities()).extracting(a -> a.getAuthority()).containsExactly("ROLE_ADMIN");
    }

    @Test
    void aMistakeStopsStartUpWithOneLineThatNeverRepeatsThePassword() {
        assertThatThrownBy(() -> ConsoleUsers.from(properties("lan:plain-secret:CASEWORKER", null), encoder))
                .hasMessageContaining("{id}encoded").hasMessageNotContaining("plain-secret");
        assertThatThrownBy(() -> ConsoleUsers.from(properties("lan:{noop}s3cret:BOSS", null), encoder))
                .hasMessageContaining("unknown role 'BOSS'").hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> ConsoleUsers.from(properties("lan", null), encoder))
                .hasMessageContaining("name:{id}password:ROLE|ROLE");
        assertThatThrownBy(() -> ConsoleUsers.from(properties("lan:{noop}a:ADMIN,lan:{noop}b:ADMIN", null), encoder))
                .hasMessageContaining("listed twice");
    }

    @Test
    void withNoUsersThereIsOneAdminWithEveryRoleAndTheGivenOrARandomPassword() {
        UserDetails admin = ConsoleUsers.from(properties("", "đổi-ngay"), encoder).get(0);
        assertThat(admin.getUsername()).isEqualTo("admin");
        assertThat(encoder.matches("đổi-ngay", admin.getPassword())).isTrue();
        assertThat(admin.getAuthorities()).hasSize(3);

        UserDetails random = ConsoleUsers.from(properties(null, null), encoder).get(0);
        UserDetails another = ConsoleUsers.from(properties(null, null), encoder).get(0);
        assertThat(random.getPassword()).startsWith("{bcrypt}").isNotEqualTo(another.getPassword());
    }

    private static ConsoleProperties properties(String users, String adminPassword) {
        return new ConsoleProperties(users, adminPassword, null, 0, 0, null, null, null);
    }
}
