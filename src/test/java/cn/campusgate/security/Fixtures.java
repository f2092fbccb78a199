package cn.campusgate.security;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import cn.campusgate.SignedIn;
import cn.campusgate.organization.AccessTokens;
import cn.campusgate.supervision.ComplaintCategory;
import cn.campusgate.supervision.ComplaintCommand;
import cn.campusgate.supervision.Complaints;
import cn.campusgate.supervision.EvidenceUpload;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Real demo records to fill the path variables of the endpoints with, chosen so that the record belongs to the
 * organisation of the column's demo account wherever a role owns records (the fire brigade {@code dept.fire},
 * 二郎镇中心小学 {@code school.sentinel}, 二郎镇 {@code town.erlang}, and for EXPERT a member of that item's panel). A variable
 * without a record in the demo gets a number that exists nowhere, so every role that passes authorization meets
 * 404 ({@code hidden}) there; the table's comments say which.
 */
final class Fixtures {

    static final String MISSING = "987654321";
    private static final Pattern VARIABLE = Pattern.compile("\\{([a-zA-Z]+)}");

    /** The demo account that stands for each column of the matrix. */
    static final Map<String, String> ACCOUNTS = Map.ofEntries(Map.entry("APPLICANT", "dept.fire"),
            Map.entry("EXPERT", "expert.edu (or the member of the fixture panel)"), Map.entry("COMMITTEE_SECRETARY", "secretary"),
            Map.entry("COMMISSION_REVIEWER", "commission"), Map.entry("DISTRICT_APPROVER", "district"),
            Map.entry("MUNICIPAL_FILER", "municipal"), Map.entry("SCHOOL_SENTINEL", "school.sentinel"),
            Map.entry("TOWN_OFFICE", "town.erlang"), Map.entry("SUPERVISOR", "supervisor"),
            Map.entry("ADMINISTRATOR", "admin"));

    private final JdbcClient jdbc;
    /** The expert who plays the EXPERT column: a member of the fixture item's panel. */
    final String expert;
    private final Map<String, String> values = new HashMap<>();
    final Complaints.Filed complaint;
    final String receiptCode;
    final long evidenceId;

    /** A complainant's identity that occurs nowhere else, to look for in every answer. */
    record Marker(String name, String phone, String email) {
        static Marker unique() {
            String digits = String.valueOf(System.nanoTime() % 100_000_000L);
            digits = "0".repeat(8 - digits.length()) + digits;
            return new Marker("甄秘名" + digits.substring(4), "139" + digits, "whistle" + digits + "@example.cn");
        }

        List<String> parts() {
            return List.of(name, phone, email);
        }
    }

    final Marker marker;

    Fixtures(JdbcClient jdbc, SignedIn signedIn, Complaints complaints, AccessTokens tokens, Marker marker) {
        this.marker = marker;
        this.jdbc = jdbc;
        long school = id("select id from organization where name = '合川区二郎镇中心小学'");
        long fire = id("select id from organization where name = '区消防救援支队'");
        complaint = complaints.fileOnline(new ComplaintCommand(ComplaintCategory.UNRELATED_TASKS, school, fire,
                "消防安全宣讲", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(3),
                "学校被要求组织学生在手机上打卡答题，占用课堂时间，家长也要拍照上传。", marker.name(),
                marker.phone() + " " + marker.email()), List.of(new EvidenceUpload("证据.png", png())));
        receiptCode = complaint.receiptCode().display();
        evidenceId = id("select id from complaint_evidence where complaint_id = " + complaint.complaintId());
        long token = signedIn.call("dept.fire", () -> tokens.issue("matrix " + System.nanoTime(), 30)).token().id();

        // The fire brigade's item with a panel (one with a signed opinion and still on its chain first, not one of the
        // current year's that the demo took onto the list in force): the panel draw is random, so the EXPERT column is
        // played by a member of this very panel, never by a fixed account.
        String item = first("""
                select i.id from item i join panel p on p.item_id = i.id join committee_opinion o on o.panel_id = p.id
                join approval a on a.item_id = i.id
                where i.department_id = %d and o.signed_at is not null and a.status = 'IN_PROGRESS' order by i.id"""
                        .formatted(fire),
                """
                select i.id from item i join panel p on p.item_id = i.id join committee_opinion o on o.panel_id = p.id
                where i.department_id = %d and o.signed_at is not null order by i.id""".formatted(fire),
                "select i.id from item i join panel p on p.item_id = i.id where i.department_id = %d order by i.id".formatted(fire),
                "select id from item where department_id = %d order by id".formatted(fire)).orElseThrow();
        String panel = first("select id from panel where item_id = " + item + " order by round desc, id desc").orElse(MISSING);
        expert = first("select a.username from panel_review r join account a on a.id = r.account_id where r.panel_id = "
                + panel + " order by a.username").orElse("expert.edu");
        put("item", item);
        put("itemId", item);
        put("version", "-1"); // never the current one: a write by an allowed role meets 409 and leaves the record as it is
        put("approvalId", first("select id from approval where item_id = " + item).orElse(MISSING));
        put("taskId", first("select t.id from approval_task t join approval a on a.id = t.approval_id where a.item_id = "
                + item + " order by (t.status = 'OPEN') desc, t.id desc").orElse(MISSING));
        put("panelId", panel);
        put("round", first("select round from committee_opinion where panel_id = " + panel + " order by round").orElse("1"));
        put("reviewId", first("select r.id from panel_review r join account a on a.id = r.account_id where a.username = '"
                + expert + "' and r.panel_id = " + panel).orElse(MISSING));
        put("panelAccountId", first("select account_id from panel_review where panel_id = " + panel + " order by id").orElse(MISSING));
        put("expertAccountId", String.valueOf(id("select id from account where username = '" + expert + "'")));
        put("plan", first("select id from implementation_plan where department_id = " + fire + " order by id",
                "select id from implementation_plan order by id").orElse(MISSING));
        put("whitelist", first("select id from whitelist order by id").orElse(MISSING));
        put("whitelistEntry", first("select id from whitelist_entry where whitelist_id = " + values.get("whitelist") + " order by id").orElse(MISSING));
        put("objectionId", first("select id from whitelist_objection order by id").orElse(MISSING));
        put("number", first("select number from whitelist_version where whitelist_id = " + values.get("whitelist")).orElse("1"));
        put("alert", first("select id from monitoring_alert where school_id = " + school + " order by id",
                "select id from monitoring_alert order by id").orElse(MISSING));
        put("return", first("select id from monthly_return where school_id = " + school + " order by id").orElse(MISSING));
        put("month", first("select to_char(month, 'YYYY-MM') from monthly_return where school_id = " + school + " order by id").orElse(YearMonth.now().toString()));
        put("record", first("select id from sentinel_record where school_id = " + school + " order by id").orElse(MISSING));
        put("case", String.valueOf(complaint.caseId()));
        put("complaintId", String.valueOf(complaint.complaintId()));
        put("evidenceId", String.valueOf(evidenceId));
        put("caseId", String.valueOf(complaint.caseId()));
        put("extensionId", first("select id from supervision_extension order by id").orElse(MISSING));
        put("sanctionId", first("select id from sanction where target_id = " + fire + " order by id",
                "select id from sanction order by id").orElse(MISSING));
        put("campaign", first("select id from campaign order by id").orElse(MISSING));
        put("importId", first("select id from survey_import order by id").orElse(MISSING));
        put("ledgerEntry", first("select id from rectification_entry where owner_id = " + fire + " order by id",
                "select id from rectification_entry order by id").orElse(MISSING));
        put("problemId", first("select id from campaign_problem order by id").orElse(MISSING));
        put("milestoneId", first("select id from campaign_milestone order by id").orElse(MISSING));
        put("activity", first("select id from evaluated_activity where department_id = " + fire + " order by id",
                "select id from evaluated_activity order by id").orElse(MISSING));
        put("token", first("select feedback_token from evaluated_activity order by id").orElse(MISSING));
        put("proposal", first("select id from removal_proposal order by id").orElse(MISSING));
        put("department", String.valueOf(fire));
        put("school", String.valueOf(school));
        put("notification", first("select n.id from notification n join account a on a.id = n.account_id where a.username = 'dept.fire' order by n.id").orElse(MISSING));
        put("account", String.valueOf(id("select id from account where username = 'dept.health'")));
        put("organization", String.valueOf(id("select id from organization where name = '区司法局'")));
        put("accessToken", String.valueOf(token));
        put("receiptCode", receiptCode);
        put("year", String.valueOf(LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear()));
        put("day", LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() + "-10-01");
        put("route", "ANNUAL");
        put("figure", "summary");
        put("format", "csv");
        put("action", "start");
    }

    /** The account that plays a column of the matrix. */
    String account(String column) {
        return column.equals("EXPERT") ? expert : ACCOUNTS.get(column);
    }

    /** The request path for a pattern, every variable replaced by its fixture. */
    String path(String pattern) {
        Matcher m = VARIABLE.matcher(pattern.replace("/**", "/liveness"));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value(pattern, m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** {@code {id}} and {@code {entryId}}, {@code {accountId}} mean the record of the path's resource. */
    private String value(String pattern, String variable) {
        String key = switch (variable) {
            case "id" -> resourceOf(pattern);
            case "entryId" -> pattern.startsWith("/campaigns") ? "ledgerEntry" : "whitelistEntry";
            case "accountId" -> pattern.startsWith("/committee/panels") ? "panelAccountId" : "expertAccountId";
            default -> variable;
        };
        String value = values.get(key);
        if (value == null) {
            throw new IllegalStateException("no fixture for {" + variable + "} in " + pattern + " (key " + key + ")");
        }
        return value;
    }

    private static String resourceOf(String pattern) {
        String p = pattern.replaceFirst("^/api/v1", "");
        if (p.startsWith("/items")) return "item";
        if (p.startsWith("/plans")) return "plan";
        if (p.startsWith("/whitelists") || p.startsWith("/public/whitelist")) return "whitelist";
        if (p.startsWith("/alerts/returns")) return "return";
        if (p.startsWith("/alerts")) return "alert";
        if (p.startsWith("/sentinel/records")) return "record";
        if (p.startsWith("/supervision/cases")) return "case";
        if (p.startsWith("/campaigns")) return "campaign";
        if (p.startsWith("/evaluation/activities")) return "activity";
        if (p.startsWith("/evaluation/proposals")) return "proposal";
        if (p.startsWith("/department-reports")) return "department";
        if (p.startsWith("/notifications")) return "notification";
        if (p.startsWith("/admin/accounts")) return "account";
        if (p.startsWith("/admin/organizations") || p.startsWith("/organizations")) return "organization";
        if (p.startsWith("/account/tokens")) return "accessToken";
        throw new IllegalStateException("no fixture for {id} in " + pattern);
    }

    String value(String key) {
        return values.get(key);
    }

    private void put(String key, String value) {
        values.put(key, value);
    }

    private long id(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private Optional<String> first(String... queries) {
        for (String sql : queries) {
            List<Object> found = jdbc.sql(sql).query((rs, n) -> rs.getObject(1)).list();
            if (!found.isEmpty()) {
                return Optional.of(String.valueOf(found.getFirst()));
            }
        }
        return Optional.empty();
    }

    static byte[] png() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
