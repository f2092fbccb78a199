package cn.campusgate.organization;

import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Runs work as a named account, as if it had signed in, so that seeding the demo goes through the same services,
 * checks, scoping and audit as a person's clicks. Not for requests: they carry their own sign-in.
 */
@Component
public class ActingAs {

    private final UserDetailsService users;

    ActingAs(UserDetailsService users) {
        this.users = users;
    }

    public <T> T call(String username, Supplier<T> work) {
        UserDetails principal = users.loadUserByUsername(username);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
