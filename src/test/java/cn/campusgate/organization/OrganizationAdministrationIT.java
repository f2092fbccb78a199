package cn.campusgate.organization;

import cn.campusgate.CampusGateTest;
import cn.campusgate.SignedIn;
import cn.campusgate.audit.AuditTrail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** An administrator manages organisations through pages and the API; bad input changes nothing. */
@CampusGateTest
class OrganizationAdministrationIT {

    static final String PASSWORD = "CampusGate#2026";

    @Autowired MockMvc mvc;
    @Autowired SignedIn signedIn;
    @Autowired Organizations organizations;
    @Autowired AuditTrail audit;
    @Autowired JdbcClient jdbc;

    private long town(String name) {
        return organizations.towns().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow().id();
    }

    private long schools() {
        return jdbc.sql("SELECT count(*) FROM organization WHERE kind = 'SCHOOL'").query(Long.class).single();
    }

    @Test
    void anAdministratorCreatesASchoolThroughTheForm() throws Exception {
        mvc.perform(post("/admin/organizations").with(signedIn.as("admin")).with(csrf())
                        .param("kind", "SCHOOL").param("name", "合川区二郎镇表单测试小学").param("code", "2150117901")
                        .param("parentId", String.valueOf(town("二郎镇"))).param("schoolStage", "PRIMARY")
                        .param("monitoringSchool", "true"))
                .andExpect(redirectedUrl("/admin/organizations?kind=SCHOOL&q=2150117901"));
        Organization school = organizations.findByCode("2150117901").orElseThrow();
        assertThat(school.name()).isEqualTo("合川区二郎镇表单测试小学");
        assertThat(school.monitoringSchool()).isTrue();
        assertThat(school.parentId()).isEqualTo(town("二郎镇"));
        assertThat(audit.latest("organization:" + school.id(), 5))
                .anyMatch(e -> e.action().equals("organization.created") && e.actor().equals("admin"));
        mvc.perform(get("/admin/organizations").param("kind", "SCHOOL").param("q", "表单测试").with(signedIn.as("admin")))
                .andExpect(content().string(containsString("合川区二郎镇表单测试小学")));
    }

    @Test
    void aFormWithBadInputShowsTheReasonAndCreatesNothing() throws Exception {
        long before = schools();
        mvc.perform(post("/admin/organizations").with(signedIn.as("admin")).with(csrf())
                        .param("kind", "SCHOOL").param("name", "").param("code", "123")
                        .param("parentId", String.valueOf(town("二郎镇"))).param("schoolStage", "PRIMARY"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写名称")));
        mvc.perform(post("/admin/organizations").with(signedIn.as("admin")).with(csrf())
                        .param("kind", "SCHOOL").param("name", "合川区坏数据小学").param("code", "2150117902")
                        .param("parentId", "not-a-number").param("schoolStage", "KINDERGARTEN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请检查标红的栏目")));
        mvc.perform(post("/admin/organizations").with(signedIn.as("admin")).with(csrf()).param("lang", "en")
                        .param("kind", "SCHOOL").param("name", "合川区无学段小学").param("code", "2150117903")
                        .param("parentId", String.valueOf(town("二郎镇"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Please choose the stage")));
        assertThat(schools()).isEqualTo(before);
    }

    @Test
    void theApiCreatesUpdatesAndDeactivatesASchool() throws Exception {
        String body = """
                {"kind":"SCHOOL","code":"2150117911","name":"合川区龙市镇接口测试小学","parentId":%d,
                 "schoolStage":"PRIMARY","monitoringSchool":false}""".formatted(town("龙市镇"));
        mvc.perform(post("/api/v1/organizations").with(httpBasic("admin", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("合川区龙市镇接口测试小学"));
        Organization created = organizations.findByCode("2150117911").orElseThrow();
        long id = created.id();
        String version = String.valueOf(created.version());

        String renamed = body.replace("接口测试小学", "接口测试小学（更名）");
        mvc.perform(put("/api/v1/organizations/{id}", id).param("version", version).with(httpBasic("admin", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(renamed))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(created.version() + 1));
        // a second writer with the old version is told the record changed, and changes nothing
        mvc.perform(put("/api/v1/organizations/{id}", id).param("version", version).with(httpBasic("admin", PASSWORD))
                        .header("Accept-Language", "zh-CN").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString("已被他人修改")));
        assertThat(organizations.get(id).name()).isEqualTo("合川区龙市镇接口测试小学（更名）");

        mvc.perform(post("/api/v1/organizations/{id}/deactivate", id).with(httpBasic("admin", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false));
        assertThat(audit.latest("organization:" + id, 10)).extracting(e -> e.action())
                .contains("organization.created", "organization.updated", "organization.deactivated");
    }

    @Test
    void badApiInputIsAProblemDetailAndChangesNothing() throws Exception {
        long before = schools();
        mvc.perform(post("/api/v1/organizations").with(httpBasic("admin", PASSWORD)).header("Accept-Language", "zh-CN")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"SCHOOL\",\"name\":\"缺学段学校\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:campusgate:problem:rule-violation"))
                .andExpect(jsonPath("$.detail").value(containsString("学校标识码")));
        mvc.perform(post("/api/v1/organizations").with(httpBasic("admin", PASSWORD)).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"PALACE\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400))
                // the API speaks the caller's Accept-Language: no Chinese characters in an English answer
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.matchesPattern("[^\\p{IsHan}]+")))
                .andExpect(jsonPath("$.trace").doesNotExist());
        mvc.perform(post("/api/v1/organizations").with(httpBasic("admin", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/organizations").with(httpBasic("admin", PASSWORD)).header("Accept-Language", "zh-CN")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"SCHOOL\",\"name\":\"电话错误学校\",\"contactPhone\":\"call me\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("contactPhone"))
                .andExpect(jsonPath("$.errors[0].message").value("电话号码格式不正确。"));
        assertThat(schools()).isEqualTo(before);
    }

    @Test
    void nonAdministratorsCannotChangeOrganizations() throws Exception {
        mvc.perform(post("/api/v1/organizations").with(httpBasic("commission", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"SCHOOL\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aTownWithActiveSchoolsCannotBeDeactivated() throws Exception {
        long erlang = town("二郎镇");
        mvc.perform(post("/admin/organizations/{id}/deactivate", erlang).with(signedIn.as("admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(organizations.get(erlang).active()).isTrue();
        mvc.perform(post("/api/v1/organizations/{id}/deactivate", erlang).with(httpBasic("admin", PASSWORD))
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString("还有启用中的下级机构或学校")));
    }

    @Test
    void anAdministratorCannotReachBeyondTheirJurisdiction() throws Exception {
        long municipalGroup = organizations.ofKind(OrganizationKind.MUNICIPAL_LEADERSHIP_GROUP).getFirst().id();
        mvc.perform(get("/api/v1/organizations/{id}", municipalGroup).with(httpBasic("admin", PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/organizations/{id}/edit", municipalGroup).with(signedIn.as("admin")))
                .andExpect(status().isNotFound());
    }

    @Test
    void anAccountGetsOnlyRolesItsOrganisationMayHold() throws Exception {
        long school = organizations.findByCode("2150117001").orElseThrow().id();
        mvc.perform(post("/api/v1/accounts").with(httpBasic("admin", PASSWORD)).header("Accept-Language", "zh-CN")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"school.approver\",\"displayName\":\"越权者\",\"organizationId\":%d,\"roles\":[\"DISTRICT_APPROVER\"]}"
                                .formatted(school)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString("不能承担“区委教育工作领导小组”角色")));
        mvc.perform(post("/api/v1/accounts").with(httpBasic("admin", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"school.new\",\"displayName\":\"新哨点\",\"organizationId\":%d,\"roles\":[\"SCHOOL_SENTINEL\"]}"
                                .formatted(school)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.account.mustChangePassword").value(true))
                .andExpect(jsonPath("$.temporaryPassword").isNotEmpty());
    }
}
