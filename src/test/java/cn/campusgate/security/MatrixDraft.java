package cn.campusgate.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.util.AntPathMatcher;

/**
 * Test-only helper, run only with {@code -Dsecurity.matrix.draft=<file>}: drafts rows for endpoints that have
 * none, from the code's declared intent (the URL rules of the security configuration and each handler's
 * {@code @PreAuthorize}), never from what the application answers. The draft is reviewed by hand before it
 * goes into the table; record scoping ({@code hidden}) is not derivable and must be set by the reviewer.
 */
final class MatrixDraft {

    private static final AntPathMatcher ANT = new AntPathMatcher();
    private static final List<String> PUBLIC = List.of("/login", "/css/**", "/js/**", "/img/**", "/webjars/**",
            "/favicon.ico", "/error", "/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
            "/public/**", "/api/v1/public/**");
    private static final List<String> ADMIN_ONLY = List.of("/admin/**", "/api/v1/audit/**",
            "/api/v1/organizations/**", "/api/v1/accounts/**");
    private static final Pattern ROLE = Pattern.compile("'([A-Z_]+)'");

    private MatrixDraft() {
    }

    static void write(Path file, List<Endpoints.Endpoint> missing) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Endpoints.Endpoint e : missing) {
            StringBuilder row = new StringBuilder(e.method()).append(',').append(e.pattern());
            for (String column : AuthorizationMatrix.COLUMNS) {
                row.append(',').append(cell(e, column));
            }
            lines.add(row.toString());
        }
        Files.write(file, lines);
    }

    private static String cell(Endpoints.Endpoint e, String column) {
        String path = e.pattern();
        if (PUBLIC.stream().anyMatch(p -> ANT.match(p, path))) {
            return "allow";
        }
        if (column.equals("anonymous")) {
            return "login";
        }
        if (ADMIN_ONLY.stream().anyMatch(p -> ANT.match(p, path))) {
            return column.equals("ADMINISTRATOR") ? "allow" : "deny";
        }
        String rule = e.preAuthorize();
        if (rule == null || rule.equals("isAuthenticated()")) {
            return "allow";
        }
        Matcher roles = ROLE.matcher(rule);
        while (roles.find()) {
            if (roles.group(1).equals(column)) {
                return "allow";
            }
        }
        return "deny";
    }
}
