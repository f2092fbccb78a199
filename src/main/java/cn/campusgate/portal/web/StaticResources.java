package cn.campusgate.portal.web;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Static files only under {@code /css}, {@code /js}, {@code /img} (a content hash in each URL) and {@code /webjars}
 * (the library's version in the URL), so browsers may keep them a week. Not Spring Boot's catch-all {@code /**}
 * mapping ({@code spring.web.resources.add-mappings: false}): with it, every link a page writes was first looked up as a
 * file on the class path before being written unchanged, and a signed-in page writes dozens of links — three quarters
 * of the inbox page's time went there.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

    private static final String[] FOLDERS = {"css", "js", "img"};
    private static final CacheControl A_WEEK = CacheControl.maxAge(Duration.ofDays(7));

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        for (String folder : FOLDERS) {
            registry.addResourceHandler("/" + folder + "/**")
                    .addResourceLocations("classpath:/static/" + folder + "/")
                    .setCacheControl(A_WEEK)
                    .resourceChain(true)
                    .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
        }
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(A_WEEK)
                .resourceChain(true)
                .addResolver(new LiteWebJarsResourceResolver());
    }
}
