package cn.campusgate.core.internal;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.util.HtmlUtils;

/**
 * A short error page written by a filter, for the failures where the application's own error page cannot be
 * rendered (it reads the database for its header, or makes Spring MVC parse a refused body again). Its look comes
 * from a static stylesheet that needs no database: the Content Security Policy refuses inline styles.
 */
final class PlainPage {

    private PlainPage() {
    }

    /** Where the page leads on, if anywhere. */
    record Link(String href, String text) {
    }

    /** Writes the page; every text is escaped here. */
    static void write(HttpServletResponse response, int status, Locale locale, String title, String message,
                      @Nullable Link link) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding("UTF-8");
        String more = link == null ? "" : "<p><a href=\"%s\">%s</a></p>".formatted(HtmlUtils.htmlEscape(link.href()),
                HtmlUtils.htmlEscape(link.text()));
        response.getWriter().write("""
                <!DOCTYPE html>
                <html lang="%s"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%d · %s</title><link rel="stylesheet" href="/css/plain-page.css"></head>
                <body class="cg-plain-page">
                <main data-testid="error-page"><p class="cg-plain-code">%d</p>
                <h1>%s</h1><p>%s</p>%s</main>
                </body></html>
                """.formatted(locale.toLanguageTag(), status, HtmlUtils.htmlEscape(title), status,
                HtmlUtils.htmlEscape(title), HtmlUtils.htmlEscape(message), more));
    }
}
