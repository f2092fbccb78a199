package cn.campusgate.portal;

import java.util.stream.Stream;

import cn.campusgate.CampusGateTest;
import cn.campusgate.SignedIn;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Each demo role sees its own home page, in Chinese and English, and only the navigation it may use. */
@CampusGateTest
class HomePagesIT {

    @Autowired MockMvc mvc;
    @Autowired SignedIn signedIn;

    static Stream<Arguments> demoAccounts() {
        return Stream.of(
                Arguments.of("admin", "ADMINISTRATOR", "系统管理员", "Administrator"),
                Arguments.of("dept.fire", "APPLICANT", "事项开展部门", "Applying department"),
                Arguments.of("dept.police", "APPLICANT", "事项开展部门", "Applying department"),
                Arguments.of("secretary", "COMMITTEE_SECRETARY", "专家委员会秘书", "Committee secretary"),
                Arguments.of("expert.edu", "EXPERT", "专家委员会委员", "Expert committee member"),
                Arguments.of("expert.school", "EXPERT", "专家委员会委员", "Expert committee member"),
                Arguments.of("expert.npc", "EXPERT", "专家委员会委员", "Expert committee member"),
                Arguments.of("expert.cppcc", "EXPERT", "专家委员会委员", "Expert committee member"),
                Arguments.of("commission", "COMMISSION_REVIEWER", "区教委（专班办公室）", "Education commission (task-force office)"),
                Arguments.of("district", "DISTRICT_APPROVER", "区委教育工作领导小组", "District leadership group"),
                Arguments.of("municipal", "MUNICIPAL_FILER", "市委教育工作领导小组", "Municipal leadership group"),
                Arguments.of("school.sentinel", "SCHOOL_SENTINEL", "学校监测哨点", "School monitoring sentinel"),
                Arguments.of("town.erlang", "TOWN_OFFICE", "镇街", "Town or street office"),
                Arguments.of("supervisor", "SUPERVISOR", "督导纪检", "Supervisor"));
    }

    @ParameterizedTest(name = "{0} sees the {1} home page")
    @MethodSource("demoAccounts")
    void eachRoleSeesItsHomePage(String username, String role, String zhRole, String enRole) throws Exception {
        var adminNavigation = containsString("data-nav=\"/admin/organizations\"");
        mvc.perform(get("/").with(signedIn.as(username)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("data-role=\"" + role + "\""),
                        containsString(zhRole),
                        containsString("我的职责"),
                        containsString("待办事项"),
                        not(containsString("??")))))
                .andExpect(content().string(role.equals("ADMINISTRATOR") ? adminNavigation : not(adminNavigation)));
        mvc.perform(get("/").param("lang", "en").with(signedIn.as(username)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("lang=\"en\""),
                        containsString(enRole),
                        containsString("My duties"),
                        not(containsString("??")))));
    }

    @ParameterizedTest(name = "{0} may not open administration pages")
    @MethodSource("demoAccounts")
    void onlyTheAdministratorOpensAdministration(String username, String role, String zhRole, String enRole)
            throws Exception {
        var expected = role.equals("ADMINISTRATOR") ? status().isOk() : status().isForbidden();
        mvc.perform(get("/admin/organizations").with(signedIn.as(username))).andExpect(expected);
        mvc.perform(get("/admin/accounts").with(signedIn.as(username))).andExpect(expected);
        mvc.perform(get("/admin/audit").with(signedIn.as(username))).andExpect(expected);
    }
}
