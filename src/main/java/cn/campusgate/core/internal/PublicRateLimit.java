package cn.campusgate.core.internal;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * A per-client budget for everything the public reaches without signing in ({@code /public/**} and
 * {@code /api/v1/public/**}): reads and writes (objections, complaints, feedback) have separate token buckets
 * per client address. Beyond the budget the answer is 429 with {@code Retry-After}, a problem detail for the
 * API and the friendly error page for pages. The client is the connection's address; behind a proxy set
 * {@code server.forward-headers-strategy} so that it is the real client's.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class PublicRateLimit extends OncePerRequestFilter {

    private final long readsPerMinute;
    private final long writesPerMinute;
    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json = ProblemJson.MAPPER;
    // Idle clients' buckets are forgotten, so a flood of addresses cannot grow memory without bound.
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(200_000).build();

    PublicRateLimit(@Value("${campusgate.public-rate-limit.reads-per-minute}") long readsPerMinute,
                    @Value("${campusgate.public-rate-limit.writes-per-minute}") long writesPerMinute,
                    MessageSource messages, LocaleResolver locales) {
        this.readsPerMinute = readsPerMinute;
        this.writesPerMinute = writesPerMinute;
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/public") || path.startsWith("/public/") || path.startsWith("/api/v1/public/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean read = HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
        long perMinute = read ? readsPerMinute : writesPerMinute;
        Bucket bucket = buckets.get(request.getRemoteAddr() + (read ? "|read" : "|write"), key -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
        response.setHeader("Retry-After", Long.toString(retryAfter));
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            Locale locale = locales.resolveLocale(request);
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                    messages.getMessage("error.rateLimited", new Object[] {retryAfter}, locale));
            problem.setType(URI.create("urn:campusgate:problem:rate-limited"));
            problem.setTitle(messages.getMessage("error.title.rate-limited", null, locale));
            problem.setProperty("code", "error.rateLimited");
            problem.setProperty("retryAfterSeconds", retryAfter);
            json.writeValue(response.getWriter(), problem);
        } else {
            response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
        }
    }
}
