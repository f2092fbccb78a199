package cn.campusgate.whitelist.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Public whitelist answers carry an ETag, so a repeated request is answered 304 without the body; the pages
 * are served from memory while no list changes. Both run inside Spring Security's filters (which run first),
 * the ETag around the page cache, so a page from memory is tagged like a rendered one.
 */
@Configuration(proxyBeanMethods = false)
class PublicCaching {

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> publicWhitelistEtags() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration =
                new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.addUrlPatterns("/api/v1/public/whitelist/*", "/public/whitelist", "/public/whitelist/*");
        registration.setName("publicWhitelistEtags");
        registration.setOrder(0);
        return registration;
    }

    @Bean
    FilterRegistrationBean<PublicPageCache> publicWhitelistPages(LocaleResolver locales, PublicPageCache.Store pages) {
        FilterRegistrationBean<PublicPageCache> registration =
                new FilterRegistrationBean<>(new PublicPageCache(locales, pages));
        registration.addUrlPatterns("/public/whitelist", "/public/whitelist/*");
        registration.setName("publicWhitelistPages");
        registration.setOrder(1);
        return registration;
    }
}
