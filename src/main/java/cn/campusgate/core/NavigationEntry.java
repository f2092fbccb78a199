package cn.campusgate.core;

import java.util.Set;

/**
 * One entry of the shell's navigation. Shown only to actors holding one of {@code roles}.
 *
 * @param labelKey message key of the label
 * @param icon     Bootstrap icon name without the {@code bi-} prefix
 * @param order    position, lower first
 */
public record NavigationEntry(String labelKey, String path, String icon, int order, Set<Role> roles) {

    public NavigationEntry {
        roles = Set.copyOf(roles);
    }

    public boolean visibleTo(Actor actor) {
        return actor.roles().stream().anyMatch(roles::contains);
    }
}
