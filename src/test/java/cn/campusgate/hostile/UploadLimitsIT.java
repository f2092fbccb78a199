package cn.campusgate.hostile;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.campusgate.SignedIn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Uploads: too large, of the wrong type, with a control character in the file name, and zip bombs. The multipart size limit ({@code spring.servlet.multipart},
 * 10 MB) is applied by Tomcat while it reads the body, which MockMvc does not do, so the 413s are sent over a real
 * port with {@link HttpClient}; the rest goes through MockMvc.
 */
@HostileTest
@ExtendWith(OutputCaptureExtension.class)
class UploadLimitsIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};
    private static Workbooks.Built bomb;
    private static Workbooks.Built denseBomb;
    private static Workbooks.Built small;

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired SignedIn signedIn;
    @Autowired JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void build() {
        bomb = Workbooks.padded(1L << 30, false);
        denseBomb = Workbooks.padded(100L << 20, true);
        small = Workbooks.padded(1000, false);
    }

    // ---------------------------------------------------------------- too large: 413 over HTTP

    @Test
    void anEvidenceFileOverTheMultipartLimitIs413WithAProblemDetailInChinese() throws Exception {
        String code = fileComplaint();
        HttpResponse<String> answer = http().send(multipartRequest("/api/v1/public/complaints/" + code + "/evidence",
                "photo.jpg", padded(JPEG, 11 << 20), Map.of()), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        assertThat(json.readTree(answer.body()).path("detail").asString()).containsPattern(HAN);
        assertThat(evidenceOf(code)).isZero();
    }

    @Test
    void anEvidenceFileOverItsOwnFiveMegabytesIs413NamingTheLimit() throws Exception {
        String code = fileComplaint();
        HttpResponse<String> answer = http().send(multipartRequest("/api/v1/public/complaints/" + code + "/evidence",
                "photo.jpg", padded(JPEG, 6 << 20), Map.of()), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(json.readTree(answer.body()).path("detail").asString()).contains("5 MB").containsPattern(HAN);
        assertThat(evidenceOf(code)).isZero();
    }

    @Test
    void aSpreadsheetOverTheMultipartLimitIs413WithTheErrorPageInChinese() throws Exception {
        HttpClient browser = http();
        String csrf = signIn(browser, "admin");
        long organizations = count("organization");

        HttpResponse<String> answer = browser.send(multipartRequest("/admin/organizations/import", "schools.xlsx",
                padded(small.bytes(), 11 << 20), Map.of("_csrf", csrf)), HttpResponse.BodyHandlers.ofString());

        // Not 403: the CSRF token sits in the body Tomcat refused to read.
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("上传的文件过大").doesNotContain("Exception");
        assertThat(count("organization")).isEqualTo(organizations);
    }

    // ---------------------------------------------------------------- control characters in file names: 400

    @Test
    void anEvidenceFileNameWithANulByteIs400WithAProblemDetailInChineseAndNothingStored(CapturedOutput output)
            throws Exception {
        String code = fileComplaint();
        int logged = output.length();
        for (String name : List.of("photo\u0000.jpg", "ph\u001boto.jpg")) {
            HttpResponse<String> answer = http().send(multipartRequest("/api/v1/public/complaints/" + code + "/evidence",
                    name, padded(JPEG, 2000), Map.of()), HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).as(name).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE));
            assertThat(json.readTree(answer.body()).path("detail").asString()).containsPattern(HAN);
        }
        assertThat(evidenceOf(code)).isZero();
        assertThat(output.subSequence(logged, output.length()).toString()).doesNotContain(" ERROR ");
    }

    @Test
    void aSpreadsheetNameWithANulByteIs400WithTheErrorPageInChineseAndNothingImported(CapturedOutput output)
            throws Exception {
        HttpClient browser = http();
        String csrf = signIn(browser, "admin");
        long organizations = count("organization");
        int logged = output.length();

        HttpResponse<String> answer = browser.send(multipartRequest("/admin/organizations/import", "schools\u0000.xlsx",
                small.bytes(), Map.of("_csrf", csrf)), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("data-testid=\"error-page\"", "请求格式不正确").doesNotContain("Exception");
        assertThat(count("organization")).isEqualTo(organizations);
        assertThat(output.subSequence(logged, output.length()).toString()).doesNotContain(" ERROR ");
    }

    // ---------------------------------------------------------------- wrong types

    @Test
    void evidenceOfAnotherTypeThanItsNameSaysIs415InChinese() throws Exception {
        String code = fileComplaint();
        for (byte[] content : new byte[][] {"<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8),
                {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0}, "%!PS-Adobe-3.0".getBytes(StandardCharsets.US_ASCII)}) {
            MvcResult answer = mvc.perform(multipart("/api/v1/public/complaints/{code}/evidence", code)
                            .file(new MockMultipartFile("file", "photo.jpg", "image/jpeg", content))
                            .header("Accept-Language", "zh-CN")
                            .with(request -> {
                                request.setRemoteAddr("192.0.2.77");
                                return request;
                            }))
                    .andExpect(status().isUnsupportedMediaType()).andReturn();
            assertThat(problem(answer).path("detail").asString()).contains("仅接受");
        }
        assertThat(evidenceOf(code)).isZero();
    }

    @Test
    void aProgramOrAPageRenamedXlsxIsRefusedWithAClearMessageAndNothingImported() throws Exception {
        long organizations = count("organization");
        for (byte[] content : new byte[][] {{'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0},
                "<html><body>学校</body></html>".getBytes(StandardCharsets.UTF_8)}) {
            String page = mvc.perform(multipart("/admin/organizations/import")
                            .file(new MockMultipartFile("file", "schools.xlsx", "application/octet-stream", content))
                            .with(csrf()).with(signedIn.as("admin")).header("Accept-Language", "zh-CN"))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).contains("无法读取").doesNotContain("Exception");
        }
        assertThat(count("organization")).isEqualTo(organizations);
    }

    // ---------------------------------------------------------------- zip bombs

    @Test
    void theBombsAreWhatTheyClaimToBe() {
        // The 1 GB sheet compresses about 1000:1, beyond POI's ratio limit.
        assertThat(bomb.sheetBytes()).isGreaterThan(1L << 30);
        assertThat(bomb.bytes().length).isLessThan(2 << 20);
        // The dense one inflates less than 100:1 (passing the ratio check) but beyond the entry limit.
        assertThat(denseBomb.sheetBytes()).isGreaterThan(cn.campusgate.core.Spreadsheets.MAX_ENTRY_BYTES);
        assertThat((double) denseBomb.bytes().length / denseBomb.sheetBytes()).isGreaterThan(0.01);
        assertThat(denseBomb.bytes().length).isLessThan(10 << 20);
    }

    @Test
    void aZipBombSchoolListIsRefusedAsUnreadableAndTheApplicationCarriesOn() throws Exception {
        long organizations = count("organization");
        // The same workbook, small: readable, so what refuses the bombs is their size.
        assertThat(importSchools(small.bytes())).contains("缺少").doesNotContain("无法读取");
        for (Workbooks.Built built : new Workbooks.Built[] {bomb, denseBomb}) {
            assertThat(importSchools(built.bytes())).contains("无法读取");
        }
        assertThat(count("organization")).isEqualTo(organizations);
    }

    @Test
    void aZipBombSurveyIsRefusedInChineseAndNothingIsImported() throws Exception {
        long campaign = CampaignsForTests.open(mvc, signedIn, jdbc, 2032, "排查摸底炸弹测试");
        long imports = count("survey_import");
        long affairs = count("survey_affair");
        for (Workbooks.Built built : new Workbooks.Built[] {bomb, denseBomb}) {
            String page = mvc.perform(multipart("/campaigns/{id}/survey/import", campaign)
                            .file(new MockMultipartFile("file", "排查摸底.xlsx", "application/octet-stream", built.bytes()))
                            .with(csrf()).with(signedIn.as("dept.health")).header("Accept-Language", "zh-CN"))
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).contains("无法读取").doesNotContain("Exception");
        }
        assertThat(count("survey_import")).isEqualTo(imports);
        assertThat(count("survey_affair")).isEqualTo(affairs);
    }

    // ---------------------------------------------------------------- helpers

    private String importSchools(byte[] content) throws Exception {
        return mvc.perform(multipart("/admin/organizations/import")
                        .file(new MockMultipartFile("file", "schools.xlsx", "application/octet-stream", content))
                        .with(csrf()).with(signedIn.as("admin")).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String fileComplaint() throws Exception {
        String body = """
                {"category":"FORCED_APPS","school":"合川区二郎镇中心小学","concerned":"区卫生健康委",
                 "happenedOn":"%s","description":"要求老师动员家长下载健康应用，每天截图上报下载率。"}"""
                .formatted(LocalDate.now().minusDays(2));
        MvcResult filed = mvc.perform(post("/api/v1/public/complaints").contentType(MediaType.APPLICATION_JSON)
                        .content(body).with(request -> {
                            request.setRemoteAddr("192.0.2." + (int) (Math.random() * 200 + 1));
                            return request;
                        }))
                .andExpect(status().isCreated()).andReturn();
        return problem(filed).path("receiptCode").asString();
    }

    private long evidenceOf(String code) {
        return jdbc.sql("""
                select count(*) from complaint_evidence e join complaint c on c.id = e.complaint_id
                where c.receipt_digest = encode(sha256(convert_to(?, 'UTF8')), 'hex')""")
                .param(code.replace("-", "")).query(Long.class).single();
    }

    private JsonNode problem(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static byte[] padded(byte[] start, int size) {
        byte[] content = new byte[size];
        System.arraycopy(start, 0, content, 0, start.length);
        return content;
    }

    private HttpClient http() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Signs in through the real login form; the CSRF token of a page for the next form. */
    private String signIn(HttpClient browser, String username) throws Exception {
        String login = browser.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        String form = "username=" + username + "&password=" + java.net.URLEncoder.encode("CampusGate#2026", StandardCharsets.UTF_8)
                + "&_csrf=" + token(login);
        HttpResponse<String> signedInAnswer = browser.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedInAnswer.statusCode()).isEqualTo(302);
        assertThat(signedInAnswer.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return token(browser.send(HttpRequest.newBuilder(uri("/admin/organizations/import")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private static String token(String page) {
        Matcher matcher = CSRF.matcher(page);
        assertThat(matcher.find()).as("a CSRF token in the page").isTrue();
        return matcher.group(1);
    }

    private HttpRequest multipartRequest(String path, String fileName, byte[] content, Map<String, String> fields) {
        String boundary = "----campusgate" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        StringBuilder head = new StringBuilder();
        fields.forEach((name, value) -> head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                .append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .append(fileName).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept-Language", "zh-CN").header("Accept", "application/json, text/html")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
