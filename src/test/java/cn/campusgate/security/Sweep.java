package cn.campusgate.security;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import cn.campusgate.SignedIn;
import cn.campusgate.organization.AccessTokens;
import cn.campusgate.security.AuthorizationMatrix.Outcome;
import cn.campusgate.supervision.Complaints;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * One pass over every GET endpoint as every column of the matrix, shared by the matrix (its outcomes) and the
 * complainant test (its bodies), so the ~1,000 reads run once per test database. Before the pass, a complaint
 * with a {@link Fixtures.Marker unique identity} is filed through the public API, the public form and the service,
 * and the path variables point at it and its case.
 */
final class Sweep {

    private static final Map<ApplicationContext, Sweep> BY_CONTEXT = new ConcurrentHashMap<>();

    record Answer(int status, @Nullable String redirect, String text, @Nullable String failure) {
        Outcome outcome() {
            return Probe.classify(status, redirect);
        }
    }

    final Fixtures fixtures;
    /** Answers by endpoint key, then by column. */
    final Map<String, Map<String, Answer>> reads = new LinkedHashMap<>();

    static synchronized Sweep of(ApplicationContext context, MockMvc mvc, SignedIn signedIn, JdbcClient jdbc,
                                 Complaints complaints, AccessTokens tokens) throws Exception {
        Sweep sweep = BY_CONTEXT.get(context);
        if (sweep == null) {
            sweep = new Sweep(context, mvc, signedIn, jdbc, complaints, tokens);
            BY_CONTEXT.put(context, sweep);
        }
        return sweep;
    }

    private Sweep(ApplicationContext context, MockMvc mvc, SignedIn signedIn, JdbcClient jdbc, Complaints complaints,
                  AccessTokens tokens) throws Exception {
        Fixtures.Marker marker = Fixtures.Marker.unique();
        fileThroughApiAndForm(mvc, jdbc, marker);
        fixtures = new Fixtures(jdbc, signedIn, complaints, tokens, marker);
        AuthorizationMatrix matrix = AuthorizationMatrix.load();
        for (Endpoints.Endpoint endpoint : Endpoints.of(context).all()) {
            if (Endpoints.isWrite(endpoint.method()) || !matrix.keys().contains(endpoint.key())) {
                continue;
            }
            Map<String, Answer> answers = new LinkedHashMap<>();
            for (String column : AuthorizationMatrix.COLUMNS) {
                try {
                    MockHttpServletResponse response = mvc.perform(Probe.request(endpoint,
                            fixtures.path(endpoint.pattern()), fixtures, column.equals("anonymous") ? null
                                    : signedIn.as(fixtures.account(column)))).andReturn().getResponse();
                    answers.put(column, new Answer(response.getStatus(), response.getRedirectedUrl(), readable(response), null));
                } catch (Exception e) {
                    // What the servlet container would turn into a 500.
                    answers.put(column, new Answer(500, null, "", e.toString()));
                }
            }
            reads.put(endpoint.key(), answers);
        }
    }

    private static void fileThroughApiAndForm(MockMvc mvc, JdbcClient jdbc, Fixtures.Marker marker) throws Exception {
        String happened = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(2).toString();
        int api = mvc.perform(post("/api/v1/public/complaints").contentType(MediaType.APPLICATION_JSON).content("""
                {"category":"FORCED_APPS","school":"合川区二郎镇中心小学","concerned":"区消防救援支队",
                 "activity":"消防安全打卡","happenedOn":"%s","description":"要求每位家长下载应用并每天打卡，老师要截图上报。",
                 "name":"%s","contact":"%s %s"}""".formatted(happened, marker.name(), marker.phone(), marker.email())))
                .andReturn().getResponse().getStatus();
        long school = jdbc.sql("select id from organization where name = '合川区二郎镇中心小学'").query(Long.class).single();
        int form = mvc.perform(post("/public/complaints").with(csrf()).param("category", "UNRELATED_TASKS")
                .param("schoolId", String.valueOf(school)).param("itemTitle", "问卷填报")
                .param("happenedOn", happened).param("description", "学校被要求让学生在线填写与教学无关的问卷调查。")
                .param("name", marker.name()).param("contact", marker.email() + " " + marker.phone()))
                .andReturn().getResponse().getStatus();
        if (api != 201 || form != 302) { // the form redirects to its receipt page (post/redirect/get)
            throw new IllegalStateException("filing the marked complaints failed: API " + api + ", form " + form);
        }
    }

    /** The body as text: ZIP-based downloads (XLSX, DOCX) by their entries, PDFs by their extracted text. */
    static String readable(MockHttpServletResponse response) throws Exception {
        byte[] body = response.getContentAsByteArray();
        StringBuilder text = new StringBuilder(new String(body, StandardCharsets.UTF_8));
        if (body.length > 4 && body[0] == 'P' && body[1] == 'K') {
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(body))) {
                for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                    text.append('\n').append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } else if (body.length > 4 && body[0] == '%' && body[1] == 'P' && body[2] == 'D' && body[3] == 'F') {
            PdfReader pdf = new PdfReader(body);
            PdfTextExtractor extractor = new PdfTextExtractor(pdf);
            for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
                text.append('\n').append(extractor.getTextFromPage(page));
            }
        }
        return text.toString();
    }

    static List<String> columns() {
        return AuthorizationMatrix.COLUMNS;
    }
}
