package cn.campusgate.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

import cn.campusgate.SignedIn;
import cn.campusgate.core.Role;
import cn.campusgate.monitoring.RecordCommand;
import cn.campusgate.monitoring.RecordKind;
import cn.campusgate.monitoring.SentinelRecords;
import cn.campusgate.organization.AccountCommand;
import cn.campusgate.organization.Accounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Organisation scoping: an account asking by id for a record of another organisation (department, school, town,
 * an expert's panel) gets exactly what it gets for an id that exists nowhere: the same status, never 2xx, and no
 * word of the record (its title or name) in the body. Each case first shows that the record is real: an account
 * that may see it gets 200 with its title. Pages and the API.
 */
@SecurityTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganisationScopingIT {

    static final long NOWHERE = 987_654_321L;

    @Autowired MockMvc mvc;
    @Autowired SignedIn signedIn;
    @Autowired JdbcClient jdbc;
    @Autowired Accounts accounts;
    @Autowired SentinelRecords records;

    /** A second sentinel school outside 二郎镇 with a record of its own: the demo's records are all of one school. */
    @BeforeAll
    void anotherSchoolRecords() {
        long school = jdbc.sql("select id from organization where kind = 'SCHOOL' and parent_id <> "
                + "(select id from organization where name = '二郎镇') order by id limit 1").query(Long.class).single();
        String username = "sentinel.scope" + System.nanoTime() % 100_000;
        signedIn.call("admin", () -> accounts.create(new AccountCommand(username, "另一所学校哨点", null, null, school,
                Set.of(Role.SCHOOL_SENTINEL), null)));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        long town = jdbc.sql("select parent_id from organization where id = ?").param(school).query(Long.class).single();
        signedIn.call(username, () -> records.record(new RecordCommand(RecordKind.SECONDMENT, null, town,
                "借调教师到镇里做统计（另一所学校）", today.minusMonths(1), today.plusMonths(1), null, 1, Set.of(), null,
                false, null)));
    }

    /**
     * @param asker    the account that must get nothing
     * @param seer     an account that may see the record (proves the record is real and the path right)
     * @param path     the request, {@code {id}} replaced by the record's id or by an id that exists nowhere
     * @param idSql    finds the foreign record's id
     * @param nameSql  its title or name, {@code ?} bound to the id: must not appear in the asker's answer
     */
    record Case(String module, String asker, String seer, String path, String idSql, String nameSql) {
    }

    private static final String FIRE = "(select id from organization where name = '区消防救援支队')";
    private static final String SCHOOL = "(select id from organization where name = '合川区二郎镇中心小学')";
    private static final String ERLANG = "(select id from organization where name = '二郎镇')";

    /** The seer of a review is the expert who wrote it. */
    private static final String REVIEWER = "select a.username from panel_review r join account a on a.id = r.account_id where r.id = ?";

    static List<Case> cases() {
        String foreignItem = "select id from item where department_id <> " + FIRE
                + " and id in (select item_id from approval) order by id limit 1";
        String itemTitle = "select title from item where id = ?";
        String itemOffTheExpertsPanels = "select id from item where id in (select item_id from approval) and id not in"
                + " (select p.item_id from panel p join panel_review r on r.panel_id = p.id join account a"
                + " on a.id = r.account_id where a.username = 'expert.edu') order by id limit 1";
        String foreignPlan = "select id from implementation_plan where department_id <> " + FIRE + " order by id limit 1";
        String planTitle = "select title from implementation_plan where id = ?";
        String otherSchool = "select id from organization where kind = 'SCHOOL' and id <> " + SCHOOL
                + " and parent_id <> " + ERLANG + " order by id limit 1";
        String orgName = "select name from organization where id = ?";
        String foreignReview = "select r.id from panel_review r join account a on a.id = r.account_id"
                + " where a.username <> 'expert.edu' and r.panel_id not in (select r2.panel_id from panel_review r2"
                + " join account a2 on a2.id = r2.account_id where a2.username = 'expert.edu') order by r.id limit 1";
        String reviewItem = "select p.item_title from panel_review r join panel p on p.id = r.panel_id where r.id = ?";
        String foreignProposal = "select id from removal_proposal where department_id <> " + FIRE + " order by id limit 1";
        String proposalTitle = "select title from removal_proposal where id = ?";
        String foreignActivity = "select id from evaluated_activity where department_id <> " + FIRE + " order by id limit 1";
        String activityTitle = "select title from evaluated_activity where id = ?";
        String foreignDepartment = "select id from organization where kind = 'DEPARTMENT' and id <> " + FIRE
                + " and id in (select department_id from item) order by id limit 1";
        return List.of(
                // item: another department's item (and its versions, trace and similar themes)
                new Case("item", "dept.fire", "commission", "/items/{id}", foreignItem, itemTitle),
                new Case("item", "dept.fire", "commission", "/api/v1/items/{id}", foreignItem, itemTitle),
                new Case("item", "dept.fire", "commission", "/api/v1/items/{id}/versions", foreignItem, itemTitle),
                new Case("item", "dept.fire", "commission", "/api/v1/items/{id}/similar", foreignItem, itemTitle),
                new Case("approval", "dept.fire", "commission", "/api/v1/approvals/items/{id}", foreignItem, itemTitle),
                // an expert asks for an item and a review of a panel they are not on
                new Case("item", "expert.edu", "commission", "/items/{id}", itemOffTheExpertsPanels, itemTitle),
                new Case("committee", "expert.edu", REVIEWER, "/committee/reviews/{id}", foreignReview, reviewItem),
                // the school, the town and other departments ask for an item in the chain
                new Case("item", "school.sentinel", "commission", "/api/v1/items/{id}", foreignItem, itemTitle),
                new Case("item", "town.erlang", "commission", "/api/v1/items/{id}", foreignItem, itemTitle),
                // delivery: another department's plan; another town's school's schedule
                new Case("delivery", "dept.fire", "commission", "/plans/{id}", foreignPlan, planTitle),
                new Case("delivery", "dept.fire", "commission", "/api/v1/plans/{id}", foreignPlan, planTitle),
                new Case("delivery", "school.sentinel", "commission", "/api/v1/schedule?school={id}&year=2026&autumn=true", otherSchool, orgName),
                new Case("delivery", "town.erlang", "commission", "/api/v1/schedule?school={id}&year=2026&autumn=true", otherSchool, orgName),
                // monitoring: another school's sentinel records
                new Case("monitoring", "school.sentinel", "commission", "/api/v1/sentinel/records/{id}",
                        "select id from sentinel_record where school_id <> " + SCHOOL + " order by id limit 1",
                        "select title from sentinel_record where id = ?"),
                new Case("monitoring", "school.sentinel", "commission", "/sentinel/records/{id}",
                        "select id from sentinel_record where school_id <> " + SCHOOL + " order by id limit 1",
                        "select title from sentinel_record where id = ?"),
                // evaluation: another department's removal proposal, activity and department report
                new Case("evaluation", "dept.fire", "commission", "/evaluation/proposals/{id}", foreignProposal, proposalTitle),
                new Case("evaluation", "dept.fire", "commission", "/evaluation/activities/{id}", foreignActivity, activityTitle),
                new Case("evaluation", "dept.fire", "commission", "/department-reports/{id}", foreignDepartment, orgName),
                // insight: another department's, another town's, another school's dashboard
                new Case("insight", "dept.fire", "commission", "/insight?level=DEPARTMENT&id={id}", foreignDepartment, orgName),
                new Case("insight", "town.erlang", "commission", "/insight?level=SCHOOL&id={id}", otherSchool, orgName),
                new Case("insight", "school.sentinel", "commission", "/insight?level=SCHOOL&id={id}", otherSchool, orgName),
                new Case("insight", "dept.fire", "commission", "/insight/export/summary.csv?level=DEPARTMENT&id={id}", foreignDepartment, orgName),
                // committee: the opinion PDF of an item the asker does not follow
                new Case("committee", "school.sentinel", "secretary", "/committee/panels/{id}/opinions/1.pdf",
                        "select panel_id from committee_opinion where round = 1 and signed_at is not null order by id limit 1",
                        "select item_title from panel where id = ?"));
    }

    @Test
    void anotherOrganisationsRecordAnswersLikeOneThatDoesNotExist() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Case c : cases()) {
            List<Long> ids = jdbc.sql(c.idSql()).query(Long.class).list();
            assertThat(ids).as("%s: the demo has a foreign record for %s", c.module(), c.path()).isNotEmpty();
            long id = ids.getFirst();
            String name = jdbc.sql(c.nameSql()).param(id).query(String.class).single();

            String seer = c.seer().startsWith("select") ? jdbc.sql(c.seer()).param(id).query(String.class).single() : c.seer();
            MockHttpServletResponse seen = fetch(seer, c.path(), id);
            if (seen.getStatus() != 200) {
                problems.add("%s as %s: the record %d is not visible to its own side (%d), the case proves nothing"
                        .formatted(c.path(), seer, id, seen.getStatus()));
                continue;
            }
            MockHttpServletResponse foreign = fetch(c.asker(), c.path(), id);
            MockHttpServletResponse nowhere = fetch(c.asker(), c.path(), NOWHERE);
            String body = foreign.getContentAsString(StandardCharsets.UTF_8);
            if (foreign.getStatus() / 100 == 2) {
                problems.add("%s as %s: %d, the other organisation's record «%s» is shown".formatted(c.path(), c.asker(),
                        foreign.getStatus(), name));
            } else if (foreign.getStatus() != nowhere.getStatus()) {
                problems.add("%s as %s: %d for another organisation's record but %d for no record: a hint that it exists"
                        .formatted(c.path(), c.asker(), foreign.getStatus(), nowhere.getStatus()));
            }
            if (body.contains(name)) {
                problems.add("%s as %s: the answer names «%s»".formatted(c.path(), c.asker(), name));
            }
            if (c.path().startsWith("/api/") && !normalised(body, id).equals(normalised(
                    nowhere.getContentAsString(StandardCharsets.UTF_8), NOWHERE))) {
                problems.add("%s as %s: the problem differs from the one for no record: %s".formatted(c.path(), c.asker(), body));
            }
        }
        assertThat(problems).isEmpty();
    }

    private MockHttpServletResponse fetch(String account, String path, long id) throws Exception {
        return mvc.perform(get(path.replace("{id}", String.valueOf(id))).with(signedIn.as(account)))
                .andReturn().getResponse();
    }

    private static String normalised(String body, long id) {
        return body.replaceAll("(?<![\\w])" + id + "(?!\\d)", "{id}");
    }
}
