package cn.campusgate.organization;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import cn.campusgate.core.DatabaseUnavailable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AccountExpiredException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two filter chains. The API ({@code /api/**}) is stateless: HTTP Basic or a personal access token, no
 * session cookie honoured, so no CSRF token is needed. The web pages use a form sign-in with a
 * database-backed session, CSRF protection and strict security headers. Everywhere, an account that
 * still has its initial password can do nothing but change it.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String[] PUBLIC_PATHS = {"/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
            "/error", "/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**", "/public/**"};

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self'; img-src 'self' data:; font-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        // Argon2id for every new hash; bcrypt kept readable for hashes imported from older systems.
        return new DelegatingPasswordEncoder("argon2", Map.of(
                "argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder()));
    }

    /** The token filter belongs to the API chain only; Boot would otherwise also run it on every page. */
    @Bean
    FilterRegistrationBean<AccessTokenFilter> accessTokenFilterOutsideChains(AccessTokenFilter filter) {
        FilterRegistrationBean<AccessTokenFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    /**
     * Sign-in by user name and password, for the form and HTTP Basic. Whether the account is locked or deactivated
     * is said only once the password was right: before, a locked account answered "locked" to any password, so the
     * lock-out told which user names exist. A wrong password gets the same answer for every name, known or not
     * (Spring Security also hashes the password for an unknown name, so the time taken is alike).
     */
    @Bean
    DaoAuthenticationProvider authenticationProvider(UserDetailsService users, PasswordEncoder passwordEncoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(passwordEncoder);
        provider.setPreAuthenticationChecks(user -> { });
        provider.setPostAuthenticationChecks(user -> {
            if (!user.isAccountNonLocked()) {
                throw new LockedException("locked");
            }
            if (!user.isEnabled()) {
                throw new DisabledException("disabled");
            }
            if (!user.isAccountNonExpired()) {
                throw new AccountExpiredException("expired");
            }
            if (!user.isCredentialsNonExpired()) {
                throw new CredentialsExpiredException("credentials expired");
            }
        });
        return provider;
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, AccessTokenFilter tokens, ProblemResponses problems,
                                 SignInThrottle throttle) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/v1/public/**").permitAll()
                        .requestMatchers("/api/v1/audit/**", "/api/v1/organizations/**", "/api/v1/accounts/**")
                        .hasRole("ADMINISTRATOR")
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems::unauthorized))
                .addFilterBefore(tokens, BasicAuthenticationFilter.class)
                .addFilterBefore(throttle.filter(true), BasicAuthenticationFilter.class)
                .addFilterAfter(new PasswordChangeRequired(problems, true), AuthorizationFilter.class)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(problems::unauthorized)
                        .accessDeniedHandler((request, response, e) -> problems.forbidden(request, response)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http, ProblemResponses problems, SignInThrottle throttle)
            throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(PUBLIC_PATHS).permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMINISTRATOR")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true)
                        .failureHandler(signInFailure()).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .addFilterBefore(throttle.filter(false), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new PasswordChangeRequired(problems, false), AuthorizationFilter.class)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.deny())
                        .permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=()")));
        return http.build();
    }

    /** Tells the sign-in page why: wrong credentials, a locked account, or a deactivated one. */
    private static AuthenticationFailureHandler signInFailure() {
        return (request, response, exception) -> {
            if (DatabaseUnavailable.causedBy(exception)) {
                throw exception; // not a wrong password: core's outage filter answers 503
            }
            String reason = exception instanceof LockedException ? "locked"
                    : exception instanceof DisabledException ? "disabled" : "bad";
            response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
        };
    }

    /** Writes RFC 9457 problem details for the API chain, in the caller's language. */
    @org.springframework.stereotype.Component
    static class ProblemResponses {
        private final MessageSource messages;
        private final LocaleResolver locales;
        private final JsonMapper json = JsonMapper.builder().build();

        ProblemResponses(MessageSource messages, LocaleResolver locales) {
            this.messages = messages;
            this.locales = locales;
        }

        void unauthorized(HttpServletRequest request, HttpServletResponse response,
                          org.springframework.security.core.AuthenticationException e) throws IOException {
            if (DatabaseUnavailable.causedBy(e)) {
                throw e; // the account could not be read: core's outage filter answers 503, not 401
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"CampusGate\"");
            write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized", "error.unauthorized");
        }

        void forbidden(HttpServletRequest request, HttpServletResponse response) throws IOException {
            write(request, response, HttpStatus.FORBIDDEN, "forbidden", "error.forbidden");
        }

        void passwordChangeRequired(HttpServletRequest request, HttpServletResponse response) throws IOException {
            write(request, response, HttpStatus.FORBIDDEN, "password-change-required", "password.changeRequired");
        }

        private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
                           String key) throws IOException {
            Locale locale = locales.resolveLocale(request);
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getWriter(), Map.of(
                    "type", "urn:campusgate:problem:" + type,
                    "title", messages.getMessage("error.title." + type, null, status.getReasonPhrase(), locale),
                    "status", status.value(),
                    "detail", messages.getMessage(key, null, key, locale),
                    "instance", request.getRequestURI()));
        }
    }

    /** Lets an account with an initial, reset or expired password do nothing but change it (and sign out). */
    static final class PasswordChangeRequired extends OncePerRequestFilter {
        private final ProblemResponses problems;
        private final boolean api;

        PasswordChangeRequired(ProblemResponses problems, boolean api) {
            this.problems = problems;
            this.api = api;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var authentication = SecurityContextHolder.getContext().getAuthentication();
            boolean mustChange = authentication != null
                    && authentication.getPrincipal() instanceof AccountPrincipal principal
                    && principal.mustChangePassword();
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (mustChange && !path.startsWith("/account/password") && !path.equals("/logout")
                    && !path.startsWith("/css/") && !path.startsWith("/webjars/") && !path.startsWith("/img/")
                    && !path.startsWith("/js/")) {
                if (api) {
                    problems.passwordChangeRequired(request, response);
                } else {
                    response.sendRedirect(request.getContextPath() + "/account/password");
                }
                return;
            }
            chain.doFilter(request, response);
        }
    }

    static UsernamePasswordAuthenticationToken authenticated(AccountPrincipal principal) {
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }
}
