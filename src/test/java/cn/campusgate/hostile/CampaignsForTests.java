package cn.campusgate.hostile;

import cn.campusgate.SignedIn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

/** Opens a campaign of the demo district as the commission (tests run without the demo's progressed campaign). */
final class CampaignsForTests {

    private CampaignsForTests() {
    }

    static long open(MockMvc mvc, SignedIn signedIn, JdbcClient jdbc, int year, String title) throws Exception {
        mvc.perform(post("/campaigns").with(signedIn.as("commission")).with(csrf())
                        .param("year", Integer.toString(year)).param("title", title)
                        .param("surveySince", year + "-01-01"))
                .andExpect(flash().attributeExists("notice"));
        return jdbc.sql("select id from campaign where year = ?").param(year).query(Long.class).single();
    }
}
