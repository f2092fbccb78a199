package cn.campusgate.portal.web;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Links to other pages of the current list, keeping its filters. Templates use it as {@code @pageLinks}. */
@Component("pageLinks")
class PageLinks {

    public String to(int page) {
        var uri = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page).build();
        return uri.getPath() + (uri.getQuery() == null ? "" : "?" + uri.getQuery());
    }
}
