package cn.campusgate.item;

import java.util.List;

import cn.campusgate.core.Actor;

/**
 * How later modules (the approval chain first) take part in an item's handling without the item module
 * depending on them: they widen who may read an item, may veto a withdrawal, and add sections to the item
 * page.
 */
public interface ItemParticipation {

    /** Whether the actor takes part in handling this submitted item, e.g. holds or held one of its steps. */
    default boolean grantsRead(Actor actor, Item item) {
        return false;
    }

    /** Throws a {@link cn.campusgate.core.BusinessRuleViolation} when the department may not withdraw now. */
    default void checkWithdrawal(Item item) {
    }

    /** Sections for the item page, in order; each names a Thymeleaf fragment that reads {@code panel.model}. */
    default List<ItemPanel> panels(Item item, Actor actor) {
        return List.of();
    }

    /**
     * One section of the item page.
     *
     * @param template the template holding the fragment, e.g. {@code approval/item-panel}
     * @param fragment the fragment's name in it
     * @param model    what the fragment shows
     */
    record ItemPanel(String template, String fragment, Object model) {
    }
}
