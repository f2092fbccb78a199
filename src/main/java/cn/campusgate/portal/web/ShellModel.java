package cn.campusgate.portal.web;

import java.util.Comparator;
import java.util.List;

import cn.campusgate.core.Actor;
import cn.campusgate.core.Actors;
import cn.campusgate.core.NavigationContributor;
import cn.campusgate.core.NavigationEntry;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the acting person and their navigation into every page's model. */
@ControllerAdvice(annotations = Controller.class)
class ShellModel {

    private final List<NavigationContributor> contributors;

    ShellModel(List<NavigationContributor> contributors) {
        this.contributors = contributors;
    }

    @ModelAttribute("actor")
    @Nullable Actor actor() {
        return Actors.current().orElse(null);
    }

    @ModelAttribute("navigation")
    List<NavigationEntry> navigation() {
        return Actors.current().map(this::navigationFor).orElse(List.of());
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /**
     * The page's query without the language switch, ending in {@code &} when not empty, so that switching the
     * language keeps the page (a form such as {@code /plans/new?entry=8} needs its parameters).
     */
    @ModelAttribute("currentQuery")
    String currentQuery(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null || query.isEmpty()) {
            return "";
        }
        StringBuilder kept = new StringBuilder();
        for (String pair : query.split("&")) {
            if (!pair.isEmpty() && !pair.startsWith("lang=")) {
                kept.append(pair).append('&');
            }
        }
        return kept.toString();
    }

    List<NavigationEntry> navigationFor(Actor actor) {
        return contributors.stream()
                .flatMap(contributor -> contributor.navigation().stream())
                .filter(entry -> entry.visibleTo(actor))
                .sorted(Comparator.comparingInt(NavigationEntry::order))
                .toList();
    }
}
