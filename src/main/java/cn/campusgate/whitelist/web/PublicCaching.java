package cn.campusgate.whitelist.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/** Public whitelist answers carry an ETag, so a repeated request is answered 304 without the body. */
@Configuration(proxyBeanMethods = false)
class PublicCaching {

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> publicWhitelistEtags() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration =
                new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.addUrlPatterns("/api/v1/public/whitelist/*", "/public/whitelist", "/public/whitelist/*");
        registration.setName("publicWhitelistEtags");
        return registration;
    }
}
