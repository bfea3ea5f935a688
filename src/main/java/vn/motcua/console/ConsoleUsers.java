package vn.motcua.console;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The console's users, from {@code MOTCUA_USERS}: {@code name:{id}encoded:ROLE|ROLE}, comma-separated, passwords in
 * Spring's {@code {id}encoded} form ({@code {bcrypt}$2a$10$…}). With none, one {@code admin} with every role, whose
 * password is {@code MOTCUA_ADMIN_PASSWORD} or, when that is unset, random and printed once at start-up: the one
 * place the service ever prints a secret, so that a first start can be signed in to.
 */
final class ConsoleUsers {

    static final String DEFAULT_ADMIN = "admin";
    private static final Logger log = LoggerFactory.getLogger(ConsoleUsers.class);

    private ConsoleUsers() {
    }

    static List<UserDetails> from(ConsoleProperties properties, PasswordEncoder encoder) {
        String configured = properties.users();
        if (configured == null || configured.isBlank()) {
            return List.of(defaultAdmin(properties.adminPassword(), encoder));
        }
        List<UserDetails> users = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        String[] entries = configured.split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            if (entry.isEmpty()) {
                continue;
            }
            UserDetails user = parse(entry, i + 1);
            if (!names.add(user.getUsername())) {
                throw new IllegalStateException("MOTCUA_USERS: user '" + user.getUsername() + "' is listed twice");
            }
            users.add(user);
        }
        if (users.isEmpty()) {
            return List.of(defaultAdmin(properties.adminPassword(), encoder));
        }
        return users;
    }

    /** One entry; the error never repeats the password. */
    private static UserDetails parse(String entry, int position) {
        int first = entry.indexOf(':');
        int last = entry.lastIndexOf(':');
        if (first <= 0 || last <= first + 1 || last == entry.length() - 1) {
            throw new IllegalStateException("MOTCUA_USERS: entry " + position
                    + " is not name:{id}password:ROLE|ROLE (roles CASEWORKER, CAMPAIGN, ADMIN)");
        }
        String name = entry.substring(0, first).strip();
        String password = entry.substring(first + 1, last);
        if (!password.startsWith("{") || password.indexOf('}') < 2) {
            throw new IllegalStateException("MOTCUA_USERS: the password of '" + name
                    + "' is not in {id}encoded form, e.g. {bcrypt}$2a$10$… or {noop}… for a test");
        }
        List<String> roles = new ArrayList<>();
        for (String role : entry.substring(last + 1).split("\\|")) {
            String upper = role.strip().toUpperCase(Locale.ROOT);
            try {
                roles.add(Role.valueOf(upper).name());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("MOTCUA_USERS: '" + name + "' has unknown role '" + role.strip()
                        + "' (CASEWORKER, CAMPAIGN, ADMIN)");
            }
        }
        return User.withUsername(name).password(password).roles(roles.toArray(String[]::new)).build();
    }

    private static UserDetails defaultAdmin(String password, PasswordEncoder encoder) {
        String chosen = password;
        if (chosen == null || chosen.isBlank()) {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            chosen = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            log.warn("No MOTCUA_USERS: sign in to the console as '{}' with password {} (shown once; set "
                    + "MOTCUA_USERS or MOTCUA_ADMIN_PASSWORD to choose your own)", DEFAULT_ADMIN, chosen);
        } else {
            log.info("No MOTCUA_USERS: the console has one user, '{}', with the password MOTCUA_ADMIN_PASSWORD",
                    DEFAULT_ADMIN);
        }
        return User.withUsername(DEFAULT_ADMIN).password(encoder.encode(chosen))
                .roles(Role.CASEWORKER.name(), Role.CAMPAIGN.name(), Role.ADMIN.name()).build();
    }
}
