package cn.campusgate.portal;

import cn.campusgate.CampusGateTest;
import cn.campusgate.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Broken links and hand-edited addresses get a friendly page in the user's language, never a stack trace. */
@CampusGateTest
class ErrorPagesIT {

    @Autowired MockMvc mvc;
    @Autowired SignedIn signedIn;

    @Test
    void anUnknownRecordIsNamedInTheUsersLanguage() throws Exception {
        mvc.perform(get("/admin/organizations/999999/edit").with(signedIn.as("admin")).accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("未找到所请求的机构（编号 999999）")));
        mvc.perform(get("/admin/accounts/999999/edit").param("lang", "en").with(signedIn.as("admin")).accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("The requested account (number 999999) does not exist")));
        mvc.perform(get("/admin/organizations/999999/edit").with(signedIn.as("admin")).accept(MediaType.TEXT_HTML))
                .andExpect(content().string(allOf(containsString("返回工作台"),
                        // the shell stays: the signed-in person's header and the navigation to go on from
                        containsString("cg-sidebar"), containsString("data-nav=\"/admin/organizations\""),
                        containsString("data-testid=\"current-user\""))));
    }

    @Test
    void aVisitorOfThePublicPagesIsNotToldAboutScopes() throws Exception {
        mvc.perform(get("/public/whitelist/999999").accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound())
                .andExpect(content().string(allOf(containsString("它可能已被撤下或链接有误"),
                        not(containsString("管理范围")), containsString("返回白名单公开查询"),
                        not(containsString("返回工作台")))));
    }

    @Test
    void aMalformedParameterIsABadRequestNotAFailure() throws Exception {
        for (String path : new String[]{"/admin/organizations?kind=PALACE", "/admin/organizations?page=abc",
                "/admin/accounts?organizationId=x"}) {
            mvc.perform(get(path).with(signedIn.as("admin")).accept(MediaType.TEXT_HTML))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(allOf(containsString("请求中的参数不正确"),
                            not(containsString("Exception")), not(containsString("at org.")))));
        }
    }
}
