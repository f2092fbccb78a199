package cn.campusgate.organization;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates API calls that present {@code Authorization: Bearer cg_…}. */
@Component
class AccessTokenFilter extends OncePerRequestFilter {

    private final AccessTokens tokens;
    private final Accounts accounts;
    private final AccountDetailsService details;
    private final SecurityConfiguration.ProblemResponses problems;

    AccessTokenFilter(AccessTokens tokens, Accounts accounts, AccountDetailsService details,
                      SecurityConfiguration.ProblemResponses problems) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.details = details;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        var principal = tokens.authenticate(header.substring(7).strip())
                .map(accounts::get)
                .map(details::principalOf)
                .filter(p -> p.isEnabled() && p.isAccountNonLocked());
        if (principal.isEmpty()) {
            problems.unauthorized(request, response, null);
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(SecurityConfiguration.authenticated(principal.get()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
