package cn.campusgate.organization;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import cn.campusgate.CampusGateTest;
import cn.campusgate.organization.SchoolImport.Result;
import cn.campusgate.organization.SchoolImport.RowError;
import jakarta.servlet.http.Cookie;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * School import against the whole application and its own PostgreSQL with the demo district. The
 * database is shared by every test of the JVM, so each test uses its own school names and codes.
 */
@CampusGateTest
class SchoolImportIT {

    private static final String HEADER = "学校名称,学校标识码,学段,所属镇街,是否监测点,地址,联系电话";
    private static final String PASSWORD = "CampusGate#2026";

    @Autowired SchoolImport schoolImport;
    @Autowired Organizations organizations;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aGoodFileCreatesEverySchoolWithOneAuditEntry() {
        Batch b = new Batch();
        String csv = HEADER + "\r\n"
                + b.name(1) + "," + b.code(1) + ",小学,二郎镇,是,二郎镇正街 1 号,023-42810001\r\n"
                + ",,,,,,\r\n"
                + b.name(2) + "," + b.code(2) + ",初中,合阳城街道,,,\r\n"
                + b.name(3) + "," + b.code(3) + ",十二年一贯制,合阳城街道,否,,\r\n";
        long auditBefore = auditCount();

        Result result = as("admin", () -> schoolImport.importSchools(b.file("csv"), utf8Bom(csv), Locale.SIMPLIFIED_CHINESE));

        assertThat(result.errors()).isEmpty();
        assertThat(result.succeeded()).isTrue();
        assertThat(result.created()).isEqualTo(3);
        assertThat(result.rowsChecked()).isEqualTo(3);
        Organization first = organizations.findByCode(b.code(1)).orElseThrow();
        assertThat(first.name()).isEqualTo(b.name(1));
        assertThat(first.kind()).isEqualTo(OrganizationKind.SCHOOL);
        assertThat(first.schoolStage()).isEqualTo(SchoolStage.PRIMARY);
        assertThat(first.monitoringSchool()).isTrue();
        assertThat(first.contactPhone()).isEqualTo("023-42810001");
        assertThat(organizations.get(first.parentId()).name()).isEqualTo("二郎镇");
        assertThat(organizations.findByCode(b.code(2)).orElseThrow().schoolStage()).isEqualTo(SchoolStage.JUNIOR_SECONDARY);
        assertThat(organizations.findByCode(b.code(3)).orElseThrow().schoolStage()).isEqualTo(SchoolStage.TWELVE_YEAR);

        assertThat(auditCount()).as("one audit entry, not one per school").isEqualTo(auditBefore + 1);
        assertThat(jdbc.sql("SELECT actor, details FROM audit_entry WHERE action = 'organization.schools.imported' AND details LIKE :file")
                .param("file", "%" + b.file("csv") + "%")
                .query((rs, n) -> rs.getString("actor") + " " + rs.getString("details")).list())
                .singleElement().satisfies(entry -> assertThat(entry).startsWith("admin ").contains("\"count\":\"3\""));
    }

    @Test
    void oneBadRowAmongGoodOnesCreatesNothing() {
        Batch b = new Batch();
        String csv = HEADER + "\n"
                + b.name(1) + "," + b.code(1) + ",小学,二郎镇,,,\n"
                + b.name(2) + "," + b.code(2) + ",小学,二郎镇,,,\n"
                + b.name(3) + "," + b.code(3) + ",职业高中,二郎镇,,,\n"
                + b.name(4) + "," + b.code(4) + ",小学,二郎镇,,,\n";
        int schoolsBefore = organizations.ofKind(OrganizationKind.SCHOOL).size();
        long auditBefore = auditCount();

        Result result = as("admin", () -> schoolImport.importSchools(b.file("csv"), utf8(csv), Locale.SIMPLIFIED_CHINESE));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.created()).isZero();
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.row()).isEqualTo(4);
            assertThat(error.column()).isEqualTo("学段");
            assertThat(error.columnLetter()).isEqualTo("C");
            assertThat(error.message()).contains("职业高中").contains("无法识别学段");
        });
        assertThat(organizations.ofKind(OrganizationKind.SCHOOL)).hasSize(schoolsBefore);
        assertThat(organizations.findByCode(b.code(1))).isEmpty();
        assertThat(auditCount()).isEqualTo(auditBefore);
    }

    @Test
    void speaksEnglishToAnEnglishReader() {
        Batch b = new Batch();
        String csv = "name,code,stage,town,monitoring\n"
                + b.name(1) + "," + b.code(1) + ",PRIMARY,二郎镇,maybe\n"
                + b.name(2) + ",12345,PRIMARY,Nowhere,N\n";

        Result result = as("admin", () -> schoolImport.importSchools(b.file("csv"), utf8(csv), Locale.ENGLISH));

        assertThat(result.errors()).extracting(RowError::row, RowError::column, RowError::message).containsExactly(
                tuple(2, "monitoring", "Cannot read \"maybe\": enter Y or N."),
                tuple(3, "code", "\"12345\" is not a valid school code: it must be 10 digits."),
                tuple(3, "town", "No town or street named \"Nowhere\" within your jurisdiction. Enter its full name, e.g. 二郎镇."));
        assertThat(organizations.findByCode(b.code(1))).isEmpty();

        Result chinese = as("admin", () -> schoolImport.importSchools(b.file("csv"), utf8(csv), Locale.SIMPLIFIED_CHINESE));
        assertThat(chinese.errors().getFirst().message()).isEqualTo("无法识别“maybe”，请填写“是”或“否”。");
    }

    @Test
    void aRepeatedCodeIsReportedOnItsSecondRow() {
        Batch b = new Batch();
        String csv = HEADER + "\n"
                + b.name(1) + "," + b.code(1) + ",小学,二郎镇,,,\n"
                + b.name(2) + "," + b.code(2) + ",小学,二郎镇,,,\n"
                + b.name(3) + "," + b.code(1) + ",小学,二郎镇,,,\n";

        Result result = as("admin", () -> schoolImport.importSchools(b.file("csv"), utf8(csv), Locale.SIMPLIFIED_CHINESE));

        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.row()).isEqualTo(4);
            assertThat(error.column()).isEqualTo("学校标识码");
            assertThat(error.message()).isEqualTo("学校标识码“" + b.code(1) + "”与第 2 行重复。");
        });
        assertThat(organizations.findByCode(b.code(1))).isEmpty();
    }

    @Test
    void refusesCodesAndNamesTheDirectoryAlreadyHas() {
        Batch b = new Batch();
        String csv = HEADER + "\n"
                + b.name(1) + ",2150117001,小学,二郎镇,,,\n"      // code of a demo school
                + "合川区二郎镇中心小学," + b.code(2) + ",小学,二郎镇,,,\n"; // name of an active demo school

        Result result = as("admin", () -> schoolImport.importSchools(b.file("csv"), utf8(csv), Locale.SIMPLIFIED_CHINESE));

        assertThat(result.errors()).extracting(RowError::row, RowError::column).containsExactly(
                tuple(2, "学校标识码"), tuple(3, "学校名称"));
        assertThat(result.errors().getFirst().message()).startsWith("学校标识码“2150117001”已被“");
        assertThat(result.errors().get(1).message()).isEqualTo("已有启用中的学校名为“合川区二郎镇中心小学”。");
    }

    @Test
    void readsGb18030CsvAndXlsx() throws IOException {
        Batch b = new Batch();
        String csv = HEADER + "\r\n" + b.name(1) + "," + b.code(1) + ",高中,合阳城街道,Y,,\r\n";
        Result fromCsv = as("admin", () -> schoolImport.importSchools(b.file("csv"),
                csv.getBytes(Charset.forName("GB18030")), Locale.SIMPLIFIED_CHINESE));
        assertThat(fromCsv.errors()).isEmpty();
        assertThat(organizations.findByCode(b.code(1)).orElseThrow().name()).isEqualTo(b.name(1));

        byte[] xlsx = SchoolSheetTests.xlsx(sheet -> {
            SchoolSheetTests.header(sheet.createRow(0), "学校名称", "学校标识码", "学段", "所属镇街");
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue(b.name(2));
            row.createCell(1).setCellValue(Double.parseDouble(b.code(2)));
            row.createCell(2).setCellValue("特殊教育");
            row.createCell(3).setCellValue("二郎镇");
        });
        Result fromXlsx = as("admin", () -> schoolImport.importSchools(b.file("xlsx"), xlsx, Locale.SIMPLIFIED_CHINESE));
        assertThat(fromXlsx.errors()).isEmpty();
        assertThat(organizations.findByCode(b.code(2)).orElseThrow().schoolStage()).isEqualTo(SchoolStage.SPECIAL);
    }

    @Test
    void aFileLevelProblemIsOneClearError() {
        Result result = as("admin", () -> schoolImport.importSchools("学校.pdf", new byte[]{1}, Locale.SIMPLIFIED_CHINESE));
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.fileLevel()).isTrue();
            assertThat(error.message()).isEqualTo("只能上传 .xlsx 或 .csv 文件。");
        });

        Result missing = as("admin", () -> schoolImport.importSchools("a.csv", utf8("学校名称,地址\nx,y\n"), Locale.ENGLISH));
        assertThat(missing.errors()).singleElement().extracting(RowError::message).isEqualTo(
                "The header (row 1) lacks required columns: \"code\" (学校标识码), \"stage\" (学段), \"town\" (所属镇街). "
                        + "Use the template, or rename the headers as in the template.");
    }

    @Test
    void onlyAnAdministratorMayImport() throws Exception {
        assertThatThrownBy(() -> as("town.erlang", () -> schoolImport.importSchools("a.csv", utf8(HEADER), Locale.ROOT)))
                .isInstanceOf(AccessDeniedException.class);
        mvc.perform(get("/admin/organizations/import").with(user(users.loadUserByUsername("town.erlang"))))
                .andExpect(status().isForbidden());
    }

    // ------------------------------------------------------------------ web

    @Test
    void theUploadPageExplainsTheColumns() throws Exception {
        String page = mvc.perform(get("/admin/organizations/import").with(user(admin())))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("data-testid=\"import-form\"", "批量导入学校", "学校标识码", "十二年一贯制学校",
                "/admin/organizations/import/template.xlsx", "合阳城街道", "enctype=\"multipart/form-data\"");
        assertThat(page).doesNotContain("import-errors", "import-success");
    }

    @Test
    void theResultPageListsRowErrorsAndNothingIsImported() throws Exception {
        Batch b = new Batch();
        String csv = HEADER + "\n" + b.name(1) + "," + b.code(1) + ",小学,二郎镇,,,\n"
                + b.name(2) + "," + b.code(2) + ",小学,不存在镇,,,\n";

        String page = mvc.perform(multipart("/admin/organizations/import")
                        .file(new MockMultipartFile("file", b.file("csv"), "text/csv", utf8(csv)))
                        .with(user(admin())).with(csrf()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("data-testid=\"import-errors\"", "本次没有导入任何学校", "data-row=\"3\"",
                "所属镇街", "在您的管理范围内找不到镇街“不存在镇”");
        assertThat(page).doesNotContain("data-testid=\"import-success\"");
        assertThat(organizations.findByCode(b.code(1))).isEmpty();
    }

    @Test
    void theResultPageConfirmsASuccessfulImportInEnglish() throws Exception {
        Batch b = new Batch();
        byte[] xlsx = SchoolSheetTests.xlsx(sheet -> {
            SchoolSheetTests.header(sheet.createRow(0), "name", "code", "stage", "town", "monitoring");
            for (int i = 1; i <= 2; i++) {
                Row row = sheet.createRow(i);
                row.createCell(0).setCellValue(b.name(i));
                row.createCell(1).setCellValue(b.code(i));
                row.createCell(2).setCellValue("NINE_YEAR");
                row.createCell(3).setCellValue("合阳城街道");
                row.createCell(4).setCellValue("N");
            }
        });

        String page = mvc.perform(multipart("/admin/organizations/import")
                        .file(new MockMultipartFile("file", b.file("xlsx"), "application/octet-stream", xlsx))
                        .param("lang", "en")
                        .with(user(admin())).with(csrf()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("data-testid=\"import-success\"", "2 schools imported from &quot;" + b.file("xlsx"),
                "View the school list");
        assertThat(organizations.findByCode(b.code(2)).orElseThrow().schoolStage()).isEqualTo(SchoolStage.NINE_YEAR);
    }

    @Test
    void uploadingWithoutAFileAsksForOne() throws Exception {
        mvc.perform(multipart("/admin/organizations/import").with(user(admin())).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("请先选择要上传的文件。")));
    }

    @Test
    void theTemplateHasTheHeaderAnExampleAndTheTownsAndIsRefusedUnchanged() throws Exception {
        MvcResult download = mvc.perform(get("/admin/organizations/import/template.xlsx").with(user(admin())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"school-import-template.xlsx\"; "
                        + "filename*=UTF-8''%E5%AD%A6%E6%A0%A1%E5%AF%BC%E5%85%A5%E6%A8%A1%E6%9D%BF.xlsx"))
                .andReturn();
        byte[] template = download.getResponse().getContentAsByteArray();

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet data = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            List<String> header = java.util.stream.IntStream.range(0, 7)
                    .mapToObj(i -> formatter.formatCellValue(data.getRow(0).getCell(i))).toList();
            assertThat(header).containsExactly("学校名称", "学校标识码", "学段", "所属镇街", "是否监测点", "地址", "联系电话");
            assertThat(formatter.formatCellValue(data.getRow(1).getCell(0))).startsWith("示例");
            assertThat(data.getDataValidations()).hasSize(3);
            Sheet help = workbook.getSheetAt(1);
            assertThat(help.getSheetName()).isEqualTo("填写说明");
            List<String> towns = new java.util.ArrayList<>();
            for (int r = 1; r <= help.getLastRowNum(); r++) {
                if (help.getRow(r) != null && help.getRow(r).getCell(5) != null) {
                    towns.add(help.getRow(r).getCell(5).getStringCellValue());
                }
            }
            assertThat(towns).contains("二郎镇", "合阳城街道").hasSize(30);
        }

        Result unchanged = as("admin", () -> schoolImport.importSchools("学校导入模板.xlsx", template, Locale.SIMPLIFIED_CHINESE));
        assertThat(unchanged.errors()).extracting(RowError::row, RowError::message)
                .contains(tuple(2, "这是模板中的示例行，请删除后再导入。"));

        byte[] english = mvc.perform(get("/admin/organizations/import/template.xlsx").param("lang", "en").with(user(admin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(english))) {
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("name");
            assertThat(workbook.getSheetAt(1).getSheetName()).isEqualTo("Instructions");
        }
    }

    @Test
    void aRealSignInReachesTheUploadPage() throws Exception {
        // The web chain signs in with the form; the session lives in Spring Session JDBC behind the SESSION cookie.
        MvcResult signIn = mvc.perform(formLogin("/login").user("admin").password(PASSWORD))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/"))
                .andReturn();
        Cookie session = signIn.getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();

        mvc.perform(get("/admin/organizations/import").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-testid=\"import-form\"")));
    }

    // ------------------------------------------------------------------ helpers

    private UserDetails admin() {
        return users.loadUserByUsername("admin");
    }

    private <T> T as(String username, Supplier<T> action) {
        UserDetails principal = users.loadUserByUsername(username);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private long auditCount() {
        return jdbc.sql("SELECT count(*) FROM audit_entry").query(Long.class).single();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] utf8Bom(String text) {
        byte[] body = utf8(text);
        byte[] all = new byte[body.length + 3];
        all[0] = (byte) 0xEF;
        all[1] = (byte) 0xBB;
        all[2] = (byte) 0xBF;
        System.arraycopy(body, 0, all, 3, body.length);
        return all;
    }

    /** Names and codes no other test uses: codes start with 9, which no demo school has. */
    private static final class Batch {
        private final long base = 9_000_000_000L + ThreadLocalRandom.current().nextLong(0, 99_999_000L) * 10;
        private final String tag = Long.toString(base % 100_000_000L, 36);

        String code(int i) {
            return Long.toString(base + i);
        }

        String name(int i) {
            return "合川区导入测试" + tag + "第" + i + "小学";
        }

        String file(String extension) {
            return "学校-" + tag + "." + extension;
        }
    }
}
