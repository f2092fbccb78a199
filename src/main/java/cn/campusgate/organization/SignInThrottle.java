package cn.campusgate.organization;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Slows password guessing down where it comes from, so that nobody can lock somebody else's account from outside.
 * Failed sign-ins (the form and HTTP Basic alike) are counted in Bucket4j token buckets:
 * <ul>
 *   <li>per client address and typed user name: {@code failures-per-account-and-address} (5) a
 *       {@code window} (15 minutes), and at most {@code failures-per-account-and-address-per-day} (20) a day;</li>
 *   <li>per client address, whatever the names: {@code failures-per-address} (20) a window.</li>
 * </ul>
 * Once a budget is spent, sign-ins from that address (for that name, or for any) are answered 429 with
 * {@code Retry-After}, the "try later" page or a problem detail, without looking at the account or the password. The
 * owner signing in from elsewhere is not affected. The buckets are keyed by the typed name, not by the account, so an
 * unknown name is answered exactly as a known one. Only many addresses together can still reach the account-wide
 * lock ({@code campusgate.security.max-failed-logins}, 50 failures in a row). The buckets live in this node's memory
 * and idle ones are forgotten; the client address is the connection's (behind a proxy set
 * {@code server.forward-headers-strategy}).
 */
@Component
class SignInThrottle {

    private final long perAddress;
    private final long perAccountAndAddress;
    private final long perAccountAndAddressPerDay;
    private final Duration window;
    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofDays(1)).maximumSize(500_000).build();

    SignInThrottle(@Value("${campusgate.security.sign-in-throttle.failures-per-address:20}") long perAddress,
                   @Value("${campusgate.security.sign-in-throttle.failures-per-account-and-address:5}")
                   long perAccountAndAddress,
                   @Value("${campusgate.security.sign-in-throttle.failures-per-account-and-address-per-day:20}")
                   long perAccountAndAddressPerDay,
                   @Value("${campusgate.security.sign-in-throttle.window:15m}") Duration window,
                   MessageSource messages, LocaleResolver locales) {
        this.perAddress = perAddress;
        this.perAccountAndAddress = perAccountAndAddress;
        this.perAccountAndAddressPerDay = perAccountAndAddressPerDay;
        this.window = window;
        this.messages = messages;
        this.locales = locales;
    }

    /** The same name as the account lookup uses: padded or differently cased names share one budget. */
    static String normalised(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

    private Bucket address(String address) {
        return buckets.get("address|" + address, key -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perAddress).refillGreedy(perAddress, window)).build());
    }

    private Bucket pair(String address, String username) {
        return buckets.get("pair|" + address + "|" + normalised(username), key -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perAccountAndAddress).refillGreedy(perAccountAndAddress, window))
                .addLimit(limit -> limit.capacity(perAccountAndAddressPerDay)
                        .refillGreedy(perAccountAndAddressPerDay, Duration.ofDays(1)))
                .build());
    }

    /** Seconds until this address may try this name again; 0 if it may now. */
    long waitSeconds(String address, String username) {
        long nanos = 0;
        for (Bucket bucket : new Bucket[] {address(address), pair(address, username)}) {
            var probe = bucket.estimateAbilityToConsume(1);
            if (!probe.canBeConsumed()) {
                nanos = Math.max(nanos, probe.getNanosToWaitForRefill());
            }
        }
        return nanos == 0 ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos) + 1);
    }

    /** A failed sign-in from the address for the typed name. */
    void failed(String address, String username) {
        address(address).tryConsume(1);
        pair(address, username).tryConsume(1);
    }

    /** The filter that answers a spent budget before any authentication is tried; one instance per filter chain. */
    OncePerRequestFilter filter(boolean api) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                String username = api ? basicUsername(request) : formUsername(request);
                long wait = username == null ? 0 : waitSeconds(request.getRemoteAddr(), username);
                if (wait == 0) {
                    chain.doFilter(request, response);
                    return;
                }
                refuse(request, response, wait, api);
            }
        };
    }

    private static @Nullable String formUsername(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!"POST".equals(request.getMethod()) || !path.equals("/login")) {
            return null;
        }
        String username = request.getParameter("username");
        return username == null ? "" : username;
    }

    private static @Nullable String basicUsername(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null; // not Base64: Spring Security refuses it as bad credentials
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, long wait, boolean api)
            throws IOException {
        Locale locale = locales.resolveLocale(request);
        long minutes = Math.max(1, (wait + 59) / 60);
        String detail = messages.getMessage("login.error.throttled", new Object[] {minutes}, locale);
        response.setHeader("Retry-After", Long.toString(wait));
        if (api) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getWriter(), Map.of(
                    "type", "urn:campusgate:problem:rate-limited",
                    "title", messages.getMessage("error.title.rate-limited", null, locale),
                    "status", HttpStatus.TOO_MANY_REQUESTS.value(),
                    "detail", detail,
                    "code", "login.error.throttled",
                    "retryAfterSeconds", wait,
                    "instance", request.getRequestURI()));
            return;
        }
        response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
    }
}
