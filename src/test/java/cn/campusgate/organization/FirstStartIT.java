package cn.campusgate.organization;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A new installation without the demo: one administrator who must change the initial password, nothing else. */
@SpringBootTest(properties = {"campusgate.demo.enabled=false",
        "campusgate.installation.district-name=璧山区", "campusgate.installation.district-code=500120",
        "campusgate.installation.administrator-password=Initial#Bishan26"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class FirstStartIT {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired FirstStart firstStart;

    @Test
    void aNewInstallationHasItsJurisdictionAndAnAdministratorWhoMustChangeThePassword() throws Exception {
        assertThat(jdbc.sql("SELECT name FROM organization ORDER BY id").query(String.class).list())
                .containsExactly("重庆市", "璧山区");
        assertThat(jdbc.sql("SELECT username FROM account").query(String.class).list()).containsExactly("admin");

        mvc.perform(formLogin("/login").user("admin").password("CampusGate#2026"))
                .andExpect(redirectedUrl("/login?error=bad"));
        mvc.perform(get("/api/v1/me").with(httpBasic("admin", "Initial#Bishan26")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:campusgate:problem:password-change-required"));

        // a second start finds organisations and adds nothing
        firstStart.run(null);
        assertThat(jdbc.sql("SELECT count(*) FROM organization").query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM account").query(Long.class).single()).isEqualTo(1);
    }
}
