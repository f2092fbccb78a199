package cn.campusgate.whitelist.web;

import java.io.IOException;
import java.time.Duration;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

import cn.campusgate.whitelist.WhitelistEvents.WhitelistEvent;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The public whitelist pages as rendered, kept in memory for visitors without a session: a published list is
 * read far more often than it changes, and rendering is most of a page's cost. Any change to a list on this
 * node drops them when it commits; another node's changes show within a minute, as long as browsers may keep
 * the page ({@code Cache-Control: max-age=60}). The comment-period page carries a form token and is never kept;
 * anyone with a session (staff, or a visitor just shown a message) gets a freshly rendered page.
 */
class PublicPageCache extends OncePerRequestFilter {

    /** The pages and the revision of the lists they were rendered from; a bean, so that it hears the lists change. */
    @Component
    static class Store {

        private final AtomicLong revision = new AtomicLong();
        private final Cache<String, Page> pages = Caffeine.newBuilder().expireAfterWrite(FRESH_FOR)
                .maximumWeight(64L << 20).<String, Page>weigher((key, page) -> page.body().length + key.length())
                .build();

        @TransactionalEventListener(fallbackExecution = true)
        void on(WhitelistEvent changed) {
            revision.incrementAndGet();
            pages.invalidateAll();
        }

        long revision() {
            return revision.get();
        }

        @Nullable Page page(String key) {
            Page page = pages.getIfPresent(key);
            return page != null && page.revision() == revision.get() ? page : null;
        }

        void keep(String key, Page page) {
            pages.put(key, page);
        }
    }

    static final Duration FRESH_FOR = Duration.ofMinutes(1);
    private static final Pattern CACHEABLE =
            Pattern.compile("/public/whitelist(/\\d+(/entries/\\d+|/changes|/versions(/\\d+)?)?)?");

    private record Page(long revision, String contentType, byte[] body) {
    }

    private final LocaleResolver locales;
    private final Store store;

    PublicPageCache(LocaleResolver locales, Store store) {
        this.locales = locales;
        this.store = store;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod())
                || !CACHEABLE.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean anonymous = request.getSession(false) == null && request.getParameter("lang") == null;
        String key = locales.resolveLocale(request).toLanguageTag() + " " + request.getRequestURI() + "?"
                + new TreeMap<>(request.getParameterMap()).entrySet().stream()
                .map(p -> p.getKey() + "=" + String.join(",", p.getValue())).collect(Collectors.joining("&"));
        Page page = anonymous ? store.page(key) : null;
        if (page != null) {
            response.setContentType(page.contentType());
            response.setHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=" + FRESH_FOR.toSeconds());
            response.setContentLength(page.body().length);
            response.getOutputStream().write(page.body());
            return;
        }
        long renderedAt = store.revision();
        ContentCachingResponseWrapper rendered = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, rendered);
        if (rendered.getStatus() == HttpServletResponse.SC_OK) {
            rendered.setHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=" + FRESH_FOR.toSeconds());
            // Kept only if no list changed while it was rendered and rendering gave no one a session.
            if (anonymous && request.getSession(false) == null && rendered.getContentType() != null
                    && store.revision() == renderedAt) {
                store.keep(key, new Page(renderedAt, rendered.getContentType(), rendered.getContentAsByteArray()));
            }
        }
        rendered.copyBodyToResponse();
    }
}
