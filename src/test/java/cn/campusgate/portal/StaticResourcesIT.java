package cn.campusgate.portal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.campusgate.CampusGateTest;
import cn.campusgate.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Pages link their own files with a content hash and the libraries with their version, and both are served for a
 * week of browser caching; only those four folders are file mappings, so the links to pages are not looked up as files.
 */
@CampusGateTest
class StaticResourcesIT {

    @Autowired MockMvc mvc;
    @Autowired SignedIn signedIn;
    @Autowired ResourceUrlProvider resourceUrls;

    @Test
    void pagesLinkVersionedFilesThatBrowsersMayKeepAWeek() throws Exception {
        String page = mvc.perform(get("/approvals").with(signedIn.as("commission")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher stylesheet = Pattern.compile("/css/campusgate-[0-9a-f]{32}\\.css").matcher(page);
        Matcher bootstrap = Pattern.compile("/webjars/bootstrap/[0-9.]+/css/bootstrap\\.min\\.css").matcher(page);
        assertThat(stylesheet.find()).as("hashed stylesheet link").isTrue();
        assertThat(bootstrap.find()).as("versioned library link").isTrue();
        assertThat(page).contains("href=\"/approvals/").doesNotContain("/approvals-");

        for (String file : new String[] {stylesheet.group(), bootstrap.group()}) {
            mvc.perform(get(file)).andExpect(status().isOk())
                    .andExpect(header().string("Cache-Control", "max-age=604800"));
        }
        assertThat(resourceUrls.getHandlerMap()).containsOnlyKeys("/css/**", "/js/**", "/img/**", "/webjars/**");
    }
}
